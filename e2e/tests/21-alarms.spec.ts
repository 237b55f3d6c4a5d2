// Issue 11, point 1: an administrator defines a rule, a simulated outage raises an alarm that shows
// live on the Alarms page and in the navigation count, is acknowledged, and clears by itself when
// the device is back. Tenant viewers see the alarms of their own gateways only, and cannot acknowledge.
import { expect, openAs } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';
import type { Page } from '@playwright/test';

const { test, own } = withOwnStack();
// Rule thresholds and outages take seconds of wall time; the machine may be loaded.
test.slow();

async function addRule(
  page: Page,
  rule: { name: string; condition: string; seconds: string; watch: string; value: string },
): Promise<void> {
  await openAs(page, '/alert-rules');
  const form = page.getByRole('form', { name: 'Add an alert rule' });
  await form.getByLabel('Rule name').fill(rule.name);
  await form.getByLabel('Condition').selectOption({ label: rule.condition });
  await form.getByLabel('Seconds').fill(rule.seconds);
  await form.getByLabel('Watch').selectOption({ label: rule.watch });
  await form.getByLabel(/Device ID|Gateway ID|Tenant ID/).fill(rule.value);
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(page.getByRole('table', { name: 'Alert rules' })).toContainText(rule.name);
}

test('rule → alarm raised by an outage → acknowledged → cleared, live', async ({ page }) => {
  // Every WebSocket the page's document opens (a string: it runs in the page before any script).
  await page.addInitScript(`{
    const Native = window.WebSocket;
    window.__sockets = [];
    window.WebSocket = class extends Native {
      constructor(...args) { super(...args); window.__sockets.push(this); }
    };
  }`);
  const openSockets = () =>
    page.evaluate(
      () =>
        (window as unknown as { __sockets: WebSocket[] }).__sockets.filter(
          (ws) => ws.readyState === WebSocket.OPEN,
        ).length,
    );
  await openAs(page, '/alert-rules');
  // A bad threshold is refused in the form, naming the field.
  const form = page.getByRole('form', { name: 'Add an alert rule' });
  await form.getByLabel('Rule name').fill('bad');
  await form.getByLabel('Seconds').fill('0');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(form.getByText('must be at least 1 second')).toBeVisible();

  await addRule(page, {
    name: 'Door 544114231 down',
    condition: 'Device not connected for longer than…',
    seconds: '2',
    watch: 'One device',
    value: '544114231',
  });

  await page.getByRole('link', { name: /^Alarms/ }).click();
  await expect(page.getByRole('heading', { name: 'Alarms', level: 1 })).toBeVisible();
  await expect(page.getByText('No open alarms')).toBeVisible();
  await expect(page.getByTestId('active-alarm-count')).toHaveCount(0);

  await own.sim('/devices/544114231/offline');
  // No reload: the alarm arrives over the socket, after the 2 s threshold.
  const row = page.getByTestId('alarm-row').filter({ hasText: 'device 544114231' });
  await expect(row).toHaveAttribute('data-state', 'active', { timeout: 10_000 });
  await expect(row).toContainText('Door 544114231 down');
  await expect(page.getByTestId('active-alarm-count')).toHaveText('1');
  // Live status and alarm events share the tab's one connection.
  expect(await openSockets()).toBe(1);

  await row.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(row).toHaveAttribute('data-state', 'acknowledged');
  await expect(row).toContainText('admin');
  await expect(page.getByTestId('active-alarm-count')).toHaveCount(0);

  await own.sim('/devices/544114231/online?now=1');
  await expect(row).toHaveCount(0, { timeout: 10_000 });
  await page.getByLabel('State').selectOption({ label: 'Cleared (history)' });
  const cleared = page.getByTestId('alarm-row').filter({ hasText: 'device 544114231' });
  await expect(cleared).toHaveAttribute('data-state', 'cleared');
  await expect(cleared).toContainText('condition ended');
});

test('tenant viewers see the alarms of their own gateways only, and cannot acknowledge', async ({
  page,
}) => {
  await addRule(page, {
    name: 'gateway1 offline',
    condition: 'Gateway offline for longer than…',
    seconds: '2',
    watch: 'Of a gateway',
    value: 'gateway1',
  });
  await addRule(page, {
    name: 'gateway3 offline',
    condition: 'Gateway offline for longer than…',
    seconds: '2',
    watch: 'Of a gateway',
    value: 'gateway3',
  });
  await own.sim('/gateways/gateway1/offline');
  await own.sim('/gateways/gateway3/offline');
  try {
    await page.goto('/alarms');
    await expect(
      page.getByTestId('alarm-row').filter({ hasText: 'gateway gateway3 offline' }),
    ).toHaveCount(1, { timeout: 10_000 });
    await expect(
      page.getByTestId('alarm-row').filter({ hasText: 'gateway gateway1 offline' }),
    ).toHaveCount(1);

    await page.context().clearCookies();
    await openAs(page, '/alarms', 'viewer');
    // viewer1 is tenant1's: gateway1 yes, gateway3 (tenant2) no.
    await expect(
      page.getByTestId('alarm-row').filter({ hasText: 'gateway gateway1 offline' }),
    ).toHaveAttribute('data-state', 'active');
    await expect(
      page.getByTestId('alarm-row').filter({ hasText: 'gateway gateway3 offline' }),
    ).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
    // The count is of the viewer's alarms too: those listed (gateway1's), not gateway3's.
    const active = page.locator('[data-testid="alarm-row"][data-state="active"]');
    await expect(page.getByTestId('active-alarm-count')).toHaveText(String(await active.count()));
    await expect(page.getByRole('link', { name: 'Alert rules' })).toHaveCount(0);
  } finally {
    await own.sim('/gateways/gateway1/online');
    await own.sim('/gateways/gateway3/online');
  }
});
