// CSV answers (RFC 4180: quoted when needed, CRLF line ends) for routes of the table that declare
// `produces: 'text/csv'`: the same access check and query validation as defineRoute, then rows are
// written as they come, so a long file never sits whole in memory.
import type { Request, Response, Router } from 'express';
import { expressPath, type RouteDef } from '@cmc/api';
import type { z } from 'zod';
import type { SessionUser } from '../auth/types.ts';
import { problem } from './problem.ts';
import { parseRequest } from './validate.ts';

export type CsvCell = string | number | boolean | null | undefined;

/**
 * One cell. Text starting with = + - @ (or a tab / carriage return) would run as a formula in a
 * spreadsheet (CSV injection): it gets a leading apostrophe. Numbers are written as they are.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export interface CsvFile {
  filename: string;
  header: readonly string[];
  rows: Iterable<readonly CsvCell[]>;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export function defineCsvRoute<R extends RouteDef>(
  router: Router,
  route: R,
  handler: (ctx: {
    user: SessionUser;
    query: Out<R['query']>;
    params: Out<R['params']>;
  }) => Promise<CsvFile>,
): void {
  router[route.method](expressPath(route.path), async (req: Request, res: Response) => {
    const user = res.locals.user;
    if (!user) throw problem(401, 'sign in first');
    if (route.access === 'admin' && user.role !== 'admin')
      throw problem(403, 'this action needs the admin role');
    const parsed = parseRequest(req, { params: route.params, query: route.query });
    const file = await handler({
      user,
      query: parsed.query as Out<R['query']>,
      params: parsed.params as Out<R['params']>,
    });
    res.status(200);
    res.type('text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${file.filename}"`);
    let chunk = csvLine(file.header);
    for (const row of file.rows) {
      chunk += csvLine(row);
      // Write in pieces of ~64 KB and wait when the client reads slower than we write.
      if (chunk.length >= 65_536) {
        if (!res.write(chunk))
          await new Promise((resolve) => {
            res.once('drain', resolve);
            res.once('close', resolve);
          });
        chunk = '';
        if (res.destroyed) return; // the client went away
      }
    }
    res.end(chunk);
  });
}
