// Starts the simulator and the BFF once for the whole run; the returned function tears them down.
import fs from 'node:fs';
import { e2eEnv, publishStack } from './env.ts';
import { startStack } from './stack.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const chromium = e2eEnv.chromiumPath();
  if (!fs.existsSync(chromium)) {
    throw new Error(
      `Chromium not found at ${chromium}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  const stack = await startStack();
  // Workers inherit the environment of the runner process.
  publishStack(stack);
  return () => stack.stop();
}
