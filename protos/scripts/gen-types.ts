// Generates protos/src/generated from the .proto files with the runtime's loader options.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loaderOptions } from '../src/loader-options.ts';
import { protoDir, protoFiles } from '../src/load.ts';

const require = createRequire(import.meta.url);
const generator = join(
  require.resolve('@grpc/proto-loader/package.json'),
  '..',
  'build',
  'bin',
  'proto-loader-gen-types.js',
);
const outDir = join(protoDir, 'src', 'generated');

const flags = [
  loaderOptions.keepCase && '--keepCase',
  `--longs=${loaderOptions.longs.name}`,
  `--enums=${loaderOptions.enums.name}`,
  loaderOptions.defaults && '--defaults',
  loaderOptions.arrays && '--arrays',
  loaderOptions.oneofs && '--oneofs',
].filter((f): f is string => typeof f === 'string');

rmSync(outDir, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    generator,
    ...flags,
    '--grpcLib=@grpc/grpc-js',
    '--importFileExtension=.ts',
    '--includeDirs',
    protoDir,
    '-O',
    outDir,
    ...protoFiles,
  ],
  { stdio: 'inherit', cwd: protoDir },
);
console.log(`generated types for ${protoFiles.length} proto files in ${outDir}`);
