// Issue 11, point 3: availability reports. A device is taken off the network for a measured time;
// the report page shows the drop, and the downloaded CSV's figures match the outage. Tenant viewers
// get their own gateways only.
import fs from 'node:fs';
import { expect, openAs, screenshot } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';

const { test, own } = withOwnStack();

interface StateDevice {
  deviceID: number;
  gatewayID: string;
  status: number;
  flaky: boolean;
  kind: string | null;
}

const OUTAGE_MS = 3000;

// Two cores shared by several stacks: starting this file's own stack takes part of the budget.
test.describe.configure({ timeout: 120_000 });

/** RFC 4180 lines without quoted commas (the report's cells have none). */
function parseCsv(text: string): Array<Record<string, string>> {
  const [head = '', ...lines] = text.trim().split('\r\n');
  const names = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
}

test('a report downloaded as CSV has the figures of a simulated outage', async ({ page }) => {
  const state = (await own.sim('/state', 'GET')) as { devices: StateDevice[] };
  const device = state.devices.find(
    (d) => d.kind === 'async' && d.status === 1 && !d.flaky && d.gatewayID === 'gateway1',
  );
  if (!device) throw new Error('no steady connected async device on gateway1');
  const id = device.deviceID;

  await openAs(page, '/reports');
  await expect(page.getByRole('heading', { name: 'Availability reports' })).toBeVisible();

  const down = Date.now();
  await own.sim(`/devices/${id}/offline`);
  await page.waitForTimeout(OUTAGE_MS);
  await own.sim(`/devices/${id}/online?now=1`);
  const up = Date.now();
  await expect.poll(async () => (await own.simDevice(id)).status).toBe(1);
  const measured = (up - down) / 1000;

  await page.reload();
  const row = page.locator(`tr[data-report-key="${id}"]`);
  await expect(row.locator('td[data-col="drops"]')).toHaveText('1');
  await expect(page.getByTestId('availability-chart')).toBeVisible();

  // Sortable: by drops, most first, puts a device with a drop on top.
  await page.getByRole('button', { name: /^Drops/ }).click();
  await page.getByRole('button', { name: /^Drops/ }).click();
  await expect(page.getByRole('columnheader', { name: /^Drops/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const firstDrops = Number(
    await page
      .locator('table[aria-label="Availability"] tbody tr')
      .first()
      .locator('td[data-col="drops"]')
      .textContent(),
  );
  expect(firstDrops).toBeGreaterThanOrEqual(1);
  await screenshot(page, '23-availability-report');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^availability-by-device-.*\.csv$/);
  const rows = parseCsv(fs.readFileSync(await file.path(), 'utf8'));
  const mine = rows.find((r) => r.device === String(id));
  if (!mine) throw new Error(`device ${id} is not in the CSV`);
  expect(mine.gatewayID).toBe('gateway1');
  expect(Number(mine.drops)).toBe(1);
  // The BFF stamps changes when its status stream delivers them: within a second of our clock.
  const outage = Number(mine.longestOutageSeconds);
  expect(outage).toBeGreaterThan(measured - 1);
  expect(outage).toBeLessThan(measured + 1);
  expect(Number(mine.meanTimeToReconnectSeconds)).toBeCloseTo(outage, 3);
  const observed = Number(mine.observedSeconds);
  const connected = Number(mine.connectedSeconds);
  expect(observed - connected).toBeCloseTo(outage, 2);
  expect(Number(mine.availabilityPercent)).toBeCloseTo((connected / observed) * 100, 2);
  expect(mine.downAtEnd).toBe('false');
});

test('per gateway and per tenant; a tenant viewer sees only its own', async ({ page }) => {
  await openAs(page, '/reports?groupBy=gateway', 'viewer');
  const keys = page.locator('table[aria-label="Availability"] tbody tr');
  await expect(keys.first()).toBeVisible();
  const shown = await keys.evaluateAll((trs) =>
    trs.map((tr) => tr.getAttribute('data-report-key')),
  );
  const state = (await own.sim('/state', 'GET')) as {
    gateways: Array<{ gatewayID: string; tenantID: string }>;
  };
  const own1 = state.gateways.filter((g) => g.tenantID === 'tenant1').map((g) => g.gatewayID);
  expect(shown.length).toBeGreaterThan(0);
  for (const key of shown) expect(own1).toContain(key);

  await page.getByLabel('Per').selectOption('tenant');
  await expect(keys).toHaveCount(1);
  await expect(keys.first()).toHaveAttribute('data-report-key', 'tenant1');
  await screenshot(page, '23-availability-viewer');
});
