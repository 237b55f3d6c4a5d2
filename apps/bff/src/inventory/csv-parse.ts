// RFC 4180 CSV text -> records with the line each starts on (quoted fields may span lines, "" is a
// quote). Throws CsvError naming the line for what cannot be CSV at all.
export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export interface CsvRecord {
  line: number;
  cells: string[];
}

export function parseCsv(text: string): CsvRecord[] {
  // NUL and other C0 controls (beyond tab and line ends) mean a binary file, not CSV text.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split('\n').length;
    throw new CsvError(line, 'this is not a CSV text file (it holds control or binary characters)');
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text; // spreadsheet BOM
  const records: CsvRecord[] = [];
  let line = 1;
  let start = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '' && !wasQuoted))
      records.push({ line: start, cells });
    cells = [];
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      if (cell !== '') throw new CsvError(line, 'a quote inside an unquoted field');
      quoted = true;
      wasQuoted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      wasQuoted = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      if (wasQuoted) throw new CsvError(line, 'text after a closing quote');
      cell += c;
    }
  }
  if (quoted) throw new CsvError(start, 'a quoted field is never closed');
  if (cell !== '' || cells.length > 0 || wasQuoted) endRecord();
  return records;
}
