// Issue 11, point 4: the device list downloaded as CSV with its filters, and a CSV import of async
// connections: a file with one bad row is previewed with the line and field named and cannot run;
// the fixed file runs and shows a result per row.
import fs from 'node:fs';
import { expect, openAs, screenshot } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';

const { test, own } = withOwnStack();
test.describe.configure({ timeout: 120_000 });

interface StateDevice {
  deviceID: number;
  gatewayID: string;
  IPAddr: string;
  port: number;
  managed: boolean;
  connectionMode: number;
  reachable: boolean;
  online: boolean;
}

test('the device list downloads as CSV with the current filters', async ({ page }) => {
  await openAs(page, '/devices?gateway=gateway2');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const file = await downloading;
  const lines = fs
    .readFileSync(await file.path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toMatch(/^deviceID,name,gatewayID,/);
  const state = (await own.sim('/state', 'GET')) as { devices: StateDevice[] };
  const managed = state.devices.filter((d) => d.managed && d.gatewayID === 'gateway2');
  expect(lines.length - 1).toBe(managed.length);
  for (const line of lines.slice(1)) expect(line.split(',')[2]).toBe('gateway2');
});

test('a CSV import with one bad row is refused whole; the fixed file adds every row', async ({
  page,
}) => {
  const state = (await own.sim('/state', 'GET')) as {
    devices: StateDevice[];
    asyncConnections: Record<string, { session: Array<{ deviceID: number }> }>;
  };
  const [a, b] = state.devices.filter(
    (d) =>
      !d.managed && d.connectionMode === 0 && d.reachable && d.online && d.gatewayID === 'gateway1',
  );
  if (!a || !b) throw new Error('need two unmanaged devices on gateway1');
  const before = state.asyncConnections.gateway1?.session.length ?? 0;

  await openAs(page, '/import');
  await expect(page.getByRole('heading', { name: 'Import devices' })).toBeVisible();
  const header = 'gatewayID,IPAddr,port,useSSL,deviceID';
  const badFile = [
    header,
    `gateway1,${a.IPAddr},${a.port},false,${a.deviceID}`,
    `gateway1,${b.IPAddr},${b.port},maybe,${b.deviceID}`,
  ].join('\n');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'devices.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(badFile),
  });
  const preview = page.getByTestId('import-preview');
  await expect(preview.locator('tr[data-line="3"]')).toContainText(
    'useSSL: "maybe" is not true/false',
  );
  await expect(preview.locator('tr[data-line="2"]')).toContainText('OK');
  await expect(page.getByText('1 row has errors')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Add/ })).toBeDisabled();
  await screenshot(page, '24-import-bad-row');
  const after = (await own.sim('/state', 'GET')) as typeof state;
  expect(after.asyncConnections.gateway1?.session.length ?? 0).toBe(before);

  // A file that is not CSV at all: a clear error, nothing else.
  await page.getByLabel('CSV file').setInputFiles({
    name: 'photo.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
  });
  await expect(page.getByRole('alert')).toContainText('not a CSV text file');

  const goodFile = [
    header,
    `gateway1,${a.IPAddr},${a.port},false,${a.deviceID}`,
    `gateway1,${b.IPAddr},${b.port},false,`,
  ].join('\n');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'devices.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(goodFile),
  });
  await expect(preview.locator('tr[data-line="3"]')).toContainText(`${b.deviceID}`);
  await page.getByRole('button', { name: 'Add 2 devices' }).click();
  const results = page.getByTestId('import-results');
  await expect(results.locator('tr[data-line="2"]')).toContainText('added');
  await expect(results.locator('tr[data-line="3"]')).toContainText('added');
  await screenshot(page, '24-import-results');
  const done = (await own.sim('/state', 'GET')) as typeof state;
  const ids = (done.asyncConnections.gateway1?.session ?? []).map((c) => c.deviceID);
  expect(ids).toEqual(expect.arrayContaining([a.deviceID, b.deviceID]));
});
