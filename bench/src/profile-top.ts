// `tsx src/profile-top.ts <file.cpuprofile> [limit] [fromSeconds toSeconds]`: the top self-time functions of a profile
// (profiles come from BENCH_CPU_PROFILE_DIR=<dir> pnpm bench:<scenario>, which runs the BFF with --cpu-prof).
import fs from 'node:fs';
import { topSelfTime, type CpuProfile } from './lib/cpu-profile.ts';
import { printTable } from './lib/results.ts';

const [file, limitArg, fromArg, toArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write(
    'usage: tsx src/profile-top.ts <file.cpuprofile> [limit] [fromSeconds toSeconds]\n',
  );
  process.exit(2);
}
let profile: CpuProfile;
try {
  profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
} catch (error) {
  process.stderr.write(
    `cannot read ${file} as a CPU profile: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
}
const limit = Number(limitArg ?? 25);
let window: { from: number; to: number } | undefined;
if (fromArg !== undefined) {
  window = { from: Number(fromArg), to: Number(toArg) };
  if (!(window.from >= 0 && window.to > window.from)) {
    process.stderr.write(
      `give the window as two numbers of seconds, from < to (got ${fromArg} ${toArg ?? '(none)'})\n`,
    );
    process.exit(2);
  }
}
const span = window
  ? `${window.from}-${window.to} s`
  : `${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`;
printTable(
  `Top self time: ${file} (${span})`,
  topSelfTime(profile, Number.isInteger(limit) && limit > 0 ? limit : 25, window),
);
