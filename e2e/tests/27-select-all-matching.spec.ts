// Issue 12: "select all N matching" runs on the server. The browser sends the filter and the rows
// the user unticked in one request (POST /devices/bulk) and never fetches the matching set; the BFF
// resolves it with the list's own filter and runs it per gateway. A world bigger than one page.
import { generateLargeWorld } from '@cmc/master-sim';
import { deviceRow, expect, openAs, type SimDevice } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';

const { test, own } = withOwnStack({
  scenario: generateLargeWorld({ gateways: 3, devices: 300, seed: 1 }),
});

const TCP_CONNECTED = 1;

async function devices(): Promise<SimDevice[]> {
  return ((await own.sim('/state', 'GET')) as { devices: SimDevice[] }).devices;
}

test('"select all matching" then Set mode: one request resolved by the server, the unticked device spared', async ({
  page,
}) => {
  const matching = (await devices())
    .filter((d) => d.managed && d.status === TCP_CONNECTED && d.connectionMode === 0)
    .sort((a, b) => a.deviceID - b.deviceID);
  expect(matching.length).toBeGreaterThan(100);
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/devices') || r.url().includes('/connection-mode'))
      calls.push(`${r.method()} ${r.url()}`);
  });

  await openAs(page, '/devices?status=TCP_CONNECTED&mode=SERVER_TO_DEVICE&pageSize=100');
  await page.getByLabel('Select every device on this page').check();
  await page.getByRole('button', { name: `Select all ${matching.length} matching` }).click();
  await expect(page.getByTestId('selected-count')).toHaveText(`${matching.length} selected`);
  const spared = matching[0]!.deviceID;
  await deviceRow(page, spared).getByRole('checkbox').uncheck();
  await expect(page.getByTestId('selected-count')).toHaveText(`${matching.length - 1} selected`);

  await page.getByLabel('Connection mode').selectOption('DEVICE_TO_SERVER');
  await page.getByRole('button', { name: 'Set mode' }).click();

  await expect
    .poll(
      async () => {
        const now = new Map((await devices()).map((d) => [d.deviceID, d]));
        return matching.filter((d) => now.get(d.deviceID)?.connectionMode === 1).length;
      },
      { timeout: 20_000 },
    )
    .toBe(matching.length - 1);
  expect((await own.simDevice(spared)).connectionMode).toBe(0);
  // One request for the whole set; no page of every matching device, no per-gateway commands.
  expect(
    calls.filter((c) => c.startsWith('POST') && c.endsWith('/api/v1/devices/bulk')),
  ).toHaveLength(1);
  expect(calls.filter((c) => c.includes('pageSize=10000'))).toEqual([]);
  expect(calls.filter((c) => c.includes('/connection-mode'))).toEqual([]);
});
