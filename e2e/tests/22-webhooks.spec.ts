// Issue 11, point 2: webhooks. A real HTTP receiver on loopback (this test process) gets a signed
// test POST from the "Send test" button, then the signed notification of an alarm raised by a
// simulated outage — the first attempt answered 500, so the delivery history shows the retry.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, openAs } from '../src/fixtures.ts';
import { withOwnStack } from '../src/own-stack.ts';

const { test, own } = withOwnStack();
test.slow();

interface Hit {
  body: string;
  signature: string;
  json: { event: string; alarm?: { deviceID: number | null; state: string } };
}

const received: Hit[] = [];
let failNext = 0;
let server: http.Server;
let receiverUrl = '';

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(500).end();
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({
        body,
        signature: String(req.headers['x-cmc-signature'] ?? ''),
        json: JSON.parse(body) as Hit['json'],
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cmc-hook`;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** What a receiver does: HMAC-SHA256 of the raw body under the secret, compared in constant time. */
function validSignature(secret: string, hit: Hit): boolean {
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(hit.body).digest('hex')}`,
  );
  const given = Buffer.from(hit.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

test('webhook: secret shown once, signed test send, signed alarm notification retried after a 500', async ({
  page,
}) => {
  await openAs(page, '/alert-rules');
  const hookForm = page.getByRole('form', { name: 'Add a webhook' });
  await hookForm.getByLabel('Webhook name').fill('ops receiver');
  await hookForm.getByLabel('URL').fill('ftp://127.0.0.1/nope');
  await hookForm.getByRole('button', { name: 'Add webhook' }).click();
  await expect(hookForm.getByText('must be an http:// or https:// URL')).toBeVisible();
  await hookForm.getByLabel('URL').fill(receiverUrl);
  await hookForm.getByRole('button', { name: 'Add webhook' }).click();
  const secret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
  expect(secret).toMatch(/^whsec_/);

  const row = page.getByTestId('webhook-row').filter({ hasText: 'ops receiver' });
  await row.getByRole('button', { name: 'Send test' }).click();
  await expect(row.getByTestId('webhook-test-result')).toHaveText(/Test delivered \(HTTP 204\)/);
  expect(received.map((h) => h.json.event)).toEqual(['test']);
  expect(validSignature(secret, received[0]!)).toBe(true);
  expect(validSignature('whsec_not-the-secret', received[0]!)).toBe(false);

  // After a reload the secret is gone from the page: only its last characters show.
  await page.reload();
  await expect(page.getByTestId('webhook-row').filter({ hasText: 'ops receiver' })).toContainText(
    secret.slice(-4),
  );
  await expect(page.getByText(secret)).toHaveCount(0);

  const ruleForm = page.getByRole('form', { name: 'Add an alert rule' });
  await ruleForm.getByLabel('Rule name').fill('Reader 544114232 down');
  await ruleForm.getByLabel('Seconds').fill('2');
  await ruleForm.getByLabel('Watch').selectOption({ label: 'One device' });
  await ruleForm.getByLabel('Device ID').fill('544114232');
  await ruleForm.getByRole('checkbox', { name: 'ops receiver' }).check();
  await ruleForm.getByRole('button', { name: 'Add rule' }).click();
  await expect(page.getByRole('table', { name: 'Alert rules' })).toContainText('ops receiver');

  failNext = 1;
  await own.sim('/devices/544114232/offline');
  await page.getByRole('link', { name: /^Alarms/ }).click();
  const alarm = page.getByTestId('alarm-row').filter({ hasText: 'device 544114232' });
  await expect(alarm).toHaveAttribute('data-state', 'active', { timeout: 15_000 });
  await alarm.getByRole('button', { name: 'Deliveries' }).click();
  const delivery = page.getByTestId('delivery-row').and(page.locator('[data-event="raised"]'));
  // First attempt refused with 500, retried after the backoff, then delivered.
  await expect(delivery).toHaveAttribute('data-state', 'delivered', { timeout: 20_000 });
  await expect(delivery).toContainText('HTTP 204');
  await expect(delivery.locator('td').nth(3)).toHaveText('2');

  const raised = received.find((h) => h.json.event === 'alarm.raised');
  expect(raised?.json.alarm).toMatchObject({ deviceID: 544114232, state: 'active' });
  expect(validSignature(secret, raised!)).toBe(true);
  await own.sim('/devices/544114232/online?now=1');
});
