// `tsx src/profile-top.ts <file.cpuprofile> [limit]`: the top self-time functions of a profile
// (profiles come from BENCH_CPU_PROFILE_DIR=<dir> pnpm bench:<scenario>, which runs the BFF with --cpu-prof).
import fs from 'node:fs';
import { topSelfTime, type CpuProfile } from './lib/cpu-profile.ts';
import { printTable } from './lib/results.ts';

const [file, limitArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: tsx src/profile-top.ts <file.cpuprofile> [limit]\n');
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
printTable(`Top self time: ${file} (${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled)`, topSelfTime(profile, Number.isInteger(limit) && limit > 0 ? limit : 25));
