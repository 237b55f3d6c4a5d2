import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../http/csv-reply.ts';
import { CsvError, parseCsv } from '../csv-parse.ts';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and LF, a BOM, and names the start line', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
    ]);
  });

  it('refuses binary data and broken quoting with the line', () => {
    expect(() => parseCsv('a,b\n\u0000\u0001')).toThrow(
      new CsvError(2, 'this is not a CSV text file (it holds control or binary characters)'),
    );
    expect(() => parseCsv('a,b\n"open,b\n')).toThrow(/^line 2: a quoted field is never closed/);
    expect(() => parseCsv('a,b"c\n')).toThrow(/^line 1: a quote inside an unquoted field/);
  });
});

describe('CSV cells', () => {
  it('quotes what needs it and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', 1, true, undefined])).toBe('a,1,true,\r\n');
  });
});
