// Installs Debian packages the tests or the demo need when they are missing: as root through apt,
// otherwise it stops and says which command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

let aptUpdated = false;

export function ensureSystemPackages(needs) {
  const missing = needs.filter(({ bin }) => !existsSync(bin));
  if (missing.length === 0) return;
  const pkgs = missing.map(({ pkg }) => pkg);
  for (const { pkg, why } of missing) console.log(`missing Debian package ${pkg}: ${why}`);
  if (process.getuid?.() !== 0) {
    console.error(
      `Install them first: sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}`,
    );
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env });
  for (const { bin, pkg } of missing) {
    if (!existsSync(bin)) {
      console.error(`apt-get installed ${pkg} but ${bin} is still missing`);
      process.exit(1);
    }
  }
}
