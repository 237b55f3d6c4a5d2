// Starts the e2e stack by hand (for debugging a test): prints the URL and waits for Ctrl-C.
import { ADMIN, startStack, VIEWER } from '../src/stack.ts';

const stack = await startStack();
process.stdout.write(`${JSON.stringify({ url: stack.url, controlUrl: stack.controlUrl, admin: ADMIN, viewer: VIEWER })}\n`);
const stop = () => void stack.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
