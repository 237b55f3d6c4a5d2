// Starts the e2e stack by hand (for debugging a test, or trying the console at scale): prints the
// URL and waits for Ctrl-C. `--large N` uses a generated world of N devices, 100 per gateway.
import { generateLargeWorld } from '@cmc/master-sim';
import { ADMIN, startStack, VIEWER } from '../src/stack.ts';

const largeAt = process.argv.indexOf('--large');
const devices = largeAt >= 0 ? Number(process.argv[largeAt + 1]) : 0;
if (largeAt >= 0 && !(Number.isInteger(devices) && devices > 0)) {
  process.stderr.write('--large needs a device count, e.g. --large 10000\n');
  process.exit(1);
}
const stack = await startStack(
  devices > 0
    ? { scenario: generateLargeWorld({ gateways: Math.ceil(devices / 100), devices, seed: 1 }) }
    : {},
);
process.stdout.write(
  `${JSON.stringify({ url: stack.url, controlUrl: stack.controlUrl, admin: ADMIN, viewer: VIEWER })}\n`,
);
const stop = () => void stack.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
