import { deviceRow, expect, openAs, sim, test } from '../src/fixtures.ts';

test('when the master stream drops the console says so, then recovers and stays live', async ({
  page,
}) => {
  await openAs(page, '/devices?gateway=gateway3');
  // The degraded spell may be short: record every mode the indicator shows and whether the banner appeared.
  await page.evaluate(() => {
    const w = window as unknown as { modes: string[]; bannerSeen: boolean };
    w.modes = [];
    w.bannerSeen = false;
    const indicator = document.querySelector('[data-testid="live-indicator"]');
    new MutationObserver(() => {
      const mode = document
        .querySelector('[data-testid="live-indicator"]')
        ?.getAttribute('data-mode');
      if (mode && w.modes.at(-1) !== mode) w.modes.push(mode);
      if (document.querySelector('[data-testid="degraded-banner"]')) w.bannerSeen = true;
    }).observe(indicator?.parentElement?.parentElement ?? document.body, {
      subtree: true,
      attributes: true,
      childList: true,
    });
  });
  await sim('/streams/break');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { modes: string[] }).modes))
    .toEqual(expect.arrayContaining(['degraded']));
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-mode', 'live');
  expect(await page.evaluate(() => (window as unknown as { bannerSeen: boolean }).bannerSeen)).toBe(
    true,
  );
  await expect(page.getByTestId('degraded-banner')).toHaveCount(0);

  // After resubscribing, changes flow again.
  const row = deviceRow(page, 939000104);
  await sim('/devices/939000104/offline');
  await expect(row.getByTestId('device-status')).toHaveText(/Disconnected/);
  await sim('/devices/939000104/online?now=1');
  await expect(row.getByTestId('device-status')).toHaveText(/^Connected/);
});
