// `tsx src/profile-top.ts <file.cpuprofile> [limit] [lastSeconds]`: the top self-time functions of a profile
// (profiles come from BENCH_CPU_PROFILE_DIR=<dir> pnpm bench:<scenario>, which runs the BFF with --cpu-prof).
import fs from 'node:fs';
import { topSelfTime, type CpuProfile } from './lib/cpu-profile.ts';
import { printTable } from './lib/results.ts';

const [file, limitArg, lastArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: tsx src/profile-top.ts <file.cpuprofile> [limit] [lastSeconds]\n');
  process.exit(2);
}
let profile: CpuProfile;
try {
  profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
} catch (error) {
  process.stderr.write(`cannot read ${file} as a CPU profile: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const limit = Number(limitArg ?? 25);
const last = lastArg === undefined ? undefined : Number(lastArg);
if (last !== undefined && !(last > 0)) {
  process.stderr.write(`lastSeconds must be a positive number of seconds, got ${lastArg}\n`);
  process.exit(2);
}
const span = last ?? (profile.endTime - profile.startTime) / 1e6;
printTable(`Top self time: ${file} (${span.toFixed(1)} s)`, topSelfTime(profile, Number.isInteger(limit) && limit > 0 ? limit : 25, last));
