/**
 * The popover as a glance, judged on the Mac recording (e2e/global-setup.ts builds it from the real
 * captures) replayed by `nmetrics serve --replay --speed 10`: at 360 × 520 every glance item is on
 * screen without scrolling, per-core labels show on hover, the keyboard reaches every control,
 * axe finds nothing serious; the dashboard shows the recording's host and time range, and history
 * and export work on it. Screenshots at 2×, light and dark, go to e2e-artifacts/.
 */
import { expect, test, type Page } from '@playwright/test';
import { HAVE_DARWIN_FIXTURES, MAC_HOSTNAME } from './support/mac-recording';
import { startServe, type Serve } from './support/nmetrics-serve';
import {
  MAC_RECORDING,
  chartPoints,
  chartsSettled,
  expectGlanceInViewport,
  screenshot,
  seriousViolations,
  watchErrors,
} from './support/ui';

test.describe('the glance on the Mac recording', () => {
  test.skip(!HAVE_DARWIN_FIXTURES, '../shared/fixtures/darwin is absent in this checkout');
  test.use({ deviceScaleFactor: 2, viewport: { width: 360, height: 520 } });
  let serve: Serve;
  test.beforeAll(async () => {
    serve = await startServe({ replay: MAC_RECORDING, speed: 10 });
  });
  test.afterAll(async () => serve?.close());

  const openPopover = async (page: Page): Promise<void> => {
    await page.goto(`${serve.url}/#/popover`);
    await expect(page.getByRole('region', { name: 'Battery' })).toContainText('%');
    // Clusters and per-core usage need a second sample (rates).
    await expect(page.getByRole('region', { name: 'CPU' })).toContainText('P-cluster');
  };

  test('every glance item is in the viewport at 360 × 520, without scrolling', async ({ page }) => {
    const errors = watchErrors(page);
    await openPopover(page);
    await expectGlanceInViewport(page);
    // What the recording holds is shown; what it lacks is one footer line each, with the reason.
    await expect(page.getByRole('region', { name: 'Battery' })).toContainText(/80 %.*on battery/);
    await expect(page.getByRole('region', { name: 'Temperatures' })).toContainText(/CPU.*°C/);
    await expect(page.getByRole('region', { name: 'Fans' })).toContainText('rpm');
    await expect(page.getByRole('region', { name: 'GPU' })).toContainText('%');
    await expect(page.locator('.unavailable-footer li[data-section="network"]')).toContainText(
      'not recorded',
    );
    await expect(page.locator('.popover')).not.toContainText('on unknown');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(MAC_HOSTNAME);
    expect(errors).toEqual([]);
  });

  test('per-core bars name their core on hover and for screen readers', async ({ page }) => {
    await openPopover(page);
    const cores = page.getByRole('list', { name: 'Per-core usage' }).getByRole('listitem');
    await expect(cores).toHaveCount(14);
    const third = cores.nth(2);
    await expect(third).toContainText(/Core 2: \d+ %/);
    await third.hover();
    const tip = await third.evaluate(
      (el) => el.ownerDocument.defaultView?.getComputedStyle(el, '::after').content,
    );
    expect(tip).toMatch(/Core 2: \d+ %/);
  });

  test('the keyboard reaches the window buttons and the metrics', async ({ page }) => {
    await openPopover(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Dashboard' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('main', { name: 'Metrics' })).toBeFocused();
  });

  test('the dashboard shows the recording, with history and export over it', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${serve.url}/`);
    await expect(page.getByRole('note')).toContainText(`Replay of mac-recording.jsonl: ${MAC_HOSTNAME}`);
    await expect(page).toHaveTitle(new RegExp(`^${MAC_HOSTNAME} \\(replay\\)`));
    await page.getByRole('button', { name: '5 minutes', exact: true }).click();
    await expect.poll(() => chartPoints(page, 'CPU total'), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await expect(page.locator('figure.chart figcaption', { hasText: 'Fans' })).toBeVisible();
    const csv = await (
      await page.request.get(`${serve.url}/api/export?range=5m&series=cpu.busy&format=csv`)
    ).text();
    const rows = csv.trim().split('\n');
    expect(rows[0]).toContain('cpu.busy');
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.at(-1)).toContain('2025-05-10T18:');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots and accessibility (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openPopover(page);
      await screenshot(page, `mac-popover-${scheme}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${serve.url}/#/dashboard`);
      await expect.poll(() => chartPoints(page, 'CPU total'), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      await chartsSettled(page);
      await screenshot(page, `mac-dashboard-${scheme}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto(`${serve.url}/#/settings`);
      await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
      await screenshot(page, `mac-settings-${scheme}`);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
