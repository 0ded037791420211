// Smoke test: the built renderer, served by `nmetrics serve --ui` under its strict CSP, mounts every
// view in Chromium with no console errors (a CSP violation or a failed request is a console error).
import { expect, test } from '@playwright/test';
import { startServe, type Serve } from './support/nmetrics-serve';
import { watchErrors } from './support/ui';

let serve: Serve;

test.beforeAll(async () => {
  serve = await startServe();
});

test.afterAll(async () => serve?.close());

for (const view of ['popover', 'dashboard', 'settings'] as const) {
  test(`the ${view} view mounts without console errors under the CSP`, async ({ page }) => {
    const errors = watchErrors(page);
    const response = await page.goto(`${serve.url}/#/${view}`);
    expect(response?.headers()['content-security-policy'] ?? '').toContain("script-src 'self'");
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.tile, .card').first()).toBeVisible();
    await page.waitForTimeout(1500);
    expect(errors).toEqual([]);
  });
}

test.describe('with a token', () => {
  const token = 'e2e-token-0123456789abcdef';
  let guarded: Serve;
  test.beforeAll(async () => {
    guarded = await startServe({ token });
  });
  test.afterAll(async () => guarded?.close());

  test('the page passes ?token= to every API call and stream', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`${guarded.url}/?token=${token}#/popover`);
    await expect(page.getByRole('region', { name: 'Memory' })).toContainText(/GiB|MiB/);
    const before = await page.locator('.popover-body').innerText();
    await expect.poll(async () => (await page.locator('.popover-body').innerText()) !== before).toBe(true);
    expect(errors).toEqual([]);
  });

  test('settings changed in the page apply at once on the server, and a refused one says why', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const settings = async () =>
      (
        (await (
          await page.request.post(`${guarded.url}/api/invoke/settings:get?token=${token}`, {
            headers: { 'content-type': 'application/json' },
            data: [],
          })
        ).json()) as { value: Record<string, unknown> }
      ).value;
    await page.goto(`${guarded.url}/?token=${token}#/settings`);
    await page.getByLabel('Fahrenheit (°F)').check();
    await expect.poll(async () => (await settings())['temperatureUnit']).toBe('F');
    await page.getByLabel('Fan speed').check();
    await expect.poll(async () => (await settings())['glanceItems']).toEqual(['cpu-temp', 'cpu', 'fan']);
    await page.getByLabel('Update the menu bar every').selectOption('5000');
    await expect.poll(async () => (await settings())['trayIntervalMs']).toBe(5000);
    // The server sizes its history once: it refuses a new length, and the page says so.
    await page.getByLabel('Keep history for').selectOption('30');
    await expect(page.getByRole('status', { name: 'Settings status' })).toHaveText(
      /^Not applied: nmetrics serve keeps \d+ days of history; restart it with --history-days to change that$/,
    );
    await expect(page.getByLabel('Keep history for')).toHaveValue('365');
    expect(errors).toEqual([]);
  });

  test('without the token the page says why it has no data', async ({ page }) => {
    await page.goto(`${guarded.url}/#/popover`);
    await expect(page.getByRole('alert')).toContainText(/401|token|unauthori[sz]ed/i);
  });
});
