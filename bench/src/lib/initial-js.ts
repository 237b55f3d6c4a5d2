// Initial JS of the built web app: the scripts and module preloads index.html names, gzipped.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface JsSize {
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  gzipBytes: number;
  bytes: number;
}

const gzipSize = (data: Buffer): number => zlib.gzipSync(data, { level: 9 }).length;

/** Files referenced by index.html as <script src> or <link rel="modulepreload" href>. */
export function initialScripts(indexHtml: string): string[] {
  const out = new Set<string>();
  for (const m of indexHtml.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) out.add(m[1]!);
  for (const m of indexHtml.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g))
    out.add(m[1]!);
  for (const m of indexHtml.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g))
    out.add(m[1]!);
  return [...out];
}

function sizeOf(distDir: string, files: string[]): JsSize {
  const rows = files.map((file) => {
    const data = fs.readFileSync(path.join(distDir, file.replace(/^\//, '')));
    return { file, bytes: data.length, gzipBytes: gzipSize(data) };
  });
  return {
    files: rows,
    bytes: rows.reduce((n, r) => n + r.bytes, 0),
    gzipBytes: rows.reduce((n, r) => n + r.gzipBytes, 0),
  };
}

export function initialJsSize(distDir: string): JsSize {
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile))
    throw new Error(
      `${indexFile} does not exist: build the web app first (pnpm -F @cmc/web build)`,
    );
  return sizeOf(distDir, initialScripts(fs.readFileSync(indexFile, 'utf8')));
}

/** Every .js file of the build (initial and lazily loaded chunks). */
export function allJsSize(distDir: string): JsSize {
  const assets = path.join(distDir, 'assets');
  return sizeOf(
    distDir,
    fs
      .readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => `/assets/${f}`),
  );
}
