/**
 * Opening a recording from the dashboard, in Chromium against `nmetrics serve --replay` of the Mac
 * recording (e2e/global-setup.ts): the drop zone lights up for a dragged file, refuses a file that
 * is not a recording, and in a browser says where recordings are opened instead (a page cannot hand
 * the server a file); the replay banner pauses, plays and changes the speed of the server's replay.
 * The app's own side of a drop (the preload's path, the replay window) is tested in Node
 * (test/preload/api.test.ts, test/main/replay/).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { HAVE_DARWIN_FIXTURES, MAC_HOSTNAME } from './support/mac-recording';
import { startServe, type Serve } from './support/nmetrics-serve';
import { MAC_RECORDING, seriousViolations, watchErrors } from './support/ui';

/** Fires a drag from the file manager carrying `names` at the zone, as Chromium would. */
async function drag(page: Page, zone: Locator, type: 'dragenter' | 'drop', names: readonly string[]) {
  const dataTransfer = await page.evaluateHandle((files) => {
    // Runs in the page; the node-side typecheck has no DOM library, so the one class is named here.
    const { DataTransfer } = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: File): void } };
    };
    const dt = new DataTransfer();
    for (const name of files) dt.items.add(new File(['{}\n'], name, { type: 'application/x-ndjson' }));
    return dt;
  }, names);
  await zone.dispatchEvent(type, { dataTransfer });
}

test.describe('opening a recording from the dashboard', () => {
  test.skip(!HAVE_DARWIN_FIXTURES, '../shared/fixtures/darwin is absent in this checkout');
  test.use({ viewport: { width: 1280, height: 900 } });
  let serve: Serve;
  test.beforeAll(async () => {
    serve = await startServe({ replay: MAC_RECORDING, speed: 10 });
  });
  test.afterAll(async () => serve?.close());

  test('the drop zone answers a dragged file and explains what it cannot open here', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`${serve.url}/#/dashboard`);
    const zone = page.getByTestId('recording-drop-zone');
    await expect(page.getByRole('note')).toContainText(MAC_HOSTNAME);
    // Two recordings of one machine side by side are told apart by their file.
    await expect(page).toHaveTitle(
      `${MAC_HOSTNAME} (replay) — mac-recording.jsonl — darwinmetrics dashboard`,
    );
    await drag(page, zone, 'dragenter', ['episode.jsonl']);
    await expect(zone).toHaveClass(/dragging/);
    await expect(page.getByText('Drop a recording to replay it in a new window')).toBeVisible();
    await drag(page, zone, 'drop', ['episode.csv']);
    await expect(zone).not.toHaveClass(/dragging/);
    await expect(page.getByTestId('recording-error')).toHaveText(
      'Could not open the recording: episode.csv is not a recording: expected a file `nmetrics record --out FILE.jsonl` wrote (.jsonl or .ndjson).',
    );
    await drag(page, zone, 'drop', ['episode.jsonl']);
    await expect(page.getByTestId('recording-error')).toContainText(
      'In a browser, a recording is replayed by the server: run `nmetrics serve --replay FILE.jsonl --ui`',
    );
    // Only the app can show its open dialog: the browser's dashboard offers no such button.
    await expect(page.getByRole('button', { name: 'Open recording…' })).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('the replay banner pauses, plays and changes the speed', async ({ page }) => {
    await page.goto(`${serve.url}/#/dashboard`);
    const note = page.getByRole('note');
    await expect(note).toContainText('at 10×');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(note).toContainText('at 10×, paused');
    // The server's own state says so too (what a second browser would be shown).
    const caps = await page.request.post(`${serve.url}/api/invoke/app:getCapabilities`, { data: [] });
    expect((await caps.json()).value.replay).toMatchObject({ paused: true, speed: 10 });
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('50');
    await expect(note).toContainText('at 50×, paused');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(note).toHaveText(/at 50×$/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
