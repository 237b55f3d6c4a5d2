// Bundles the BFF (src/main.ts plus the @cmc/* workspace packages) into dist/main.js so production runs
// on plain `node` without the tsx loader (~36-75 MB of RSS). Third-party packages stay external and
// are loaded from node_modules as usual (native better-sqlite3, grpc-js, socket.io, ioredis, ...).
import { build, type Plugin } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Optional output file (tests build their own copy); it must stay inside apps/bff so the external
// packages resolve from apps/bff/node_modules.
const outfile = path.resolve(appDir, process.argv[2] ?? 'dist/main.js');
if (!outfile.startsWith(path.join(appDir, 'dist') + path.sep)) {
  process.stderr.write(
    `build: the output must be inside ${path.join(appDir, 'dist')}, got ${outfile}\n`,
  );
  process.exit(1);
}

/** Bare imports outside the workspace are not bundled. */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@cmc/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * Workspace modules find files beside their source (protos/*.proto, db/migrations/*.sql, the repo
 * root) through `import.meta.url`. In a bundle that would be dist/main.js, so each module keeps the
 * URL of its own source file. The bundle is therefore run in place, from the checkout it was built
 * in (dist/ is build output, never shipped alone).
 */
const sourceImportMetaUrl: Plugin = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = fs.readFileSync(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

const result = await build({
  entryPoints: [path.join(appDir, 'src/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [externalPackages, sourceImportMetaUrl],
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
process.stdout.write(
  `built ${path.relative(appDir, outfile)} (${Math.round(bytes / 1024)} KB with its source map)\n`,
);
