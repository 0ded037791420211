/**
 * The renderer in Chromium against the real `nmetrics serve --ui`: once on this machine (live) and
 * once with --root on node_exporter's fixture tree (battery, fans and temperatures present).
 */
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import {
  HAS_NODE_EXPORTER,
  NODE_EXPORTER_SKIP_REASON,
  nodeExporterRoot,
} from '../test/helpers/linux-fixtures';
import { HISTORY_RANGE_MS } from '../src/shared/history-types';
import { startServe, type Serve } from './support/nmetrics-serve';
import {
  chartPoints,
  chartsSettled,
  expectGlanceInViewport,
  screenshot,
  seriousViolations,
  watchErrors,
} from './support/ui';

const MODES = ['live', 'fixture'] as const;

for (const mode of MODES) {
  test.describe(`renderer (${mode})`, () => {
    test.skip(mode === 'fixture' && !HAS_NODE_EXPORTER, NODE_EXPORTER_SKIP_REASON);
    let serve: Serve;

    test.beforeAll(async () => {
      serve = await startServe(mode === 'fixture' ? { root: nodeExporterRoot() } : {});
    });
    test.afterAll(async () => serve?.close());

    const open = async (page: Page, view: 'popover' | 'dashboard'): Promise<string[]> => {
      const errors = watchErrors(page);
      if (view === 'popover') await page.setViewportSize({ width: 360, height: 520 });
      else await page.setViewportSize({ width: 1400, height: 1000 });
      await page.goto(`${serve.url}/#/${view}`);
      return errors;
    };

    test('the popover shows live values that change over time', async ({ page }) => {
      const errors = await open(page, 'popover');
      const memory = page.getByRole('region', { name: 'Memory' });
      await expect(memory).toContainText(/GiB|MiB/);
      if (mode === 'fixture') {
        // A static tree's CPU counters never advance: no usage, but the model and load are shown.
        await expect(page.getByRole('region', { name: 'CPU' })).toContainText('load');
        // node_exporter's tree has a battery, fans and hwmon temperatures.
        await expect(page.getByRole('region', { name: 'Battery' })).toContainText('%');
        await expect(page.getByRole('region', { name: 'Fans' })).toContainText('rpm');
        await expect(page.getByRole('region', { name: 'Temperatures' })).toContainText('°C');
        // A static tree gives the same numbers every time; what moves is the sparkline's history.
        const spark = page.getByRole('region', { name: 'Memory' }).locator('path.sparkline-line');
        await expect(spark).toHaveAttribute('d', /L.*L/, { timeout: 10_000 });
      } else {
        await expect(page.getByRole('region', { name: 'CPU' })).toContainText('%');
        const body = page.locator('.popover-body');
        const first = await body.innerText();
        await expect.poll(async () => (await body.innerText()) !== first, { timeout: 10_000 }).toBe(true);
      }
      expect(errors).toEqual([]);
    });

    test('dashboard charts render with data that grows', async ({ page }) => {
      const errors = await open(page, 'dashboard');
      await page.getByRole('button', { name: '1 minute' }).click();
      const title = 'Memory and swap';
      await expect.poll(() => chartPoints(page, title), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      const before = await chartPoints(page, title);
      await expect.poll(() => chartPoints(page, title), { timeout: 15_000 }).toBeGreaterThan(before);
      await expect(page.locator('figure.chart .recharts-line-curve').first()).toHaveAttribute(
        'd',
        /^M[\d.]+,[\d.]+L/,
      );
      if (mode === 'fixture') {
        for (const t of ['Fans', 'Battery charge', 'Temperatures']) {
          await expect(page.locator('figure.chart figcaption', { hasText: t }).first()).toBeVisible();
        }
      } else {
        await expect
          .poll(() => chartPoints(page, 'CPU total'), { timeout: 15_000 })
          .toBeGreaterThanOrEqual(2);
        // The network is one chart, a series per interface; down or idle ones behind the toggle.
        const network = page.locator('figure.chart', {
          has: page.locator('figcaption', { hasText: /^Network$/ }),
        });
        await expect(network).toHaveCount(1);
        const toggle = page.getByLabel(/Show down or idle network interfaces/);
        if ((await toggle.count()) > 0) {
          const quiet =
            /\(([^)]*)\)/.exec((await toggle.locator('..').innerText()) ?? '')?.[1]?.split(', ') ?? [];
          expect(quiet.length).toBeGreaterThan(0);
          await expect(network).not.toContainText(`${quiet[0]} in`);
          await toggle.check();
          await expect(network).toContainText(`${quiet[0]} in`);
        }
      }
      // Hovering a chart shows the exact value and time.
      const chart = page.locator('figure.chart', { hasText: title });
      const box = await chart.locator('.recharts-surface').first().boundingBox();
      if (!box) throw new Error('the chart has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      // Inside the plot area (the chart keeps a 24 px right margin for the last time label).
      await page.mouse.move(box.x + box.width - 40, box.y + box.height / 2, { steps: 5 });
      const tooltip = chart.locator('.recharts-tooltip-wrapper');
      await expect(tooltip).toContainText('Memory used');
      await expect(tooltip).toContainText(/\d+\.\d %/);
      await expect(tooltip).toContainText(/\d{1,2}:\d{2}:\d{2}/);
      expect(errors).toEqual([]);
    });

    test('the process tree expands, collapses and filters keeping ancestors', async ({ page }) => {
      await open(page, 'dashboard');
      const tree = page.getByRole('list', { name: 'Process tree' });
      await expect.poll(async () => Number(await tree.getAttribute('data-rows'))).toBeGreaterThan(0);
      const collapse = tree.getByRole('button', { name: /^Collapse / }).first();
      if ((await collapse.count()) > 0) {
        const rows = Number(await tree.getAttribute('data-rows'));
        await collapse.click();
        await expect.poll(async () => Number(await tree.getAttribute('data-rows'))).toBeLessThan(rows);
        await tree
          .getByRole('button', { name: /^Expand / })
          .first()
          .click();
        await expect
          .poll(async () => Number(await tree.getAttribute('data-rows')))
          .toBeGreaterThanOrEqual(rows - 5);
      } else {
        test.info().annotations.push({ type: 'note', description: 'no process has children here' });
      }
      // Filter on the name of a process below the first level where there is one.
      const nested = tree
        .locator('.proc-row')
        .filter({ has: page.locator('.col-name[style*="padding-left: 14px"]') });
      const target = (await nested.count()) > 0 ? nested.first() : tree.locator('.proc-row').first();
      const name = (await target.locator('.proc-name').innerText()).trim();
      await page.getByRole('searchbox', { name: 'Filter processes by name' }).fill(name);
      await expect(tree.locator('.proc-row:not(.dim) .proc-name').first()).toContainText(name);
      const shown = await tree.locator('.proc-row .proc-name').allInnerTexts();
      expect(
        shown.every((n) => n.toLowerCase().includes(name.toLowerCase())) ||
          (await tree.locator('.proc-row.dim').count()) > 0,
      ).toBe(true);
      if ((await nested.count()) > 0) await expect(tree.locator('.proc-row.dim').first()).toBeVisible();
    });

    test('the process tree is navigable with the keyboard', async ({ page }) => {
      await open(page, 'dashboard');
      const tree = page.getByRole('list', { name: 'Process tree' });
      await expect.poll(async () => Number(await tree.getAttribute('data-rows'))).toBeGreaterThan(1);
      const focusedPid = () => page.locator(':focus').getAttribute('data-pid');
      await tree.focus();
      await page.keyboard.press('ArrowDown');
      const first = await tree.locator('.proc-row').first().getAttribute('data-pid');
      await expect.poll(focusedPid).toBe(first);
      await page.keyboard.press('ArrowDown');
      await expect.poll(focusedPid).not.toBe(first);
      await page.keyboard.press('Home');
      await expect.poll(focusedPid).toBe(first);
      await page.keyboard.press('End');
      await expect.poll(focusedPid).not.toBe(first);
      await expect(tree.locator('.proc-row[aria-current="true"]')).toHaveCount(1);
      // ← on an expanded first-level row collapses it: fewer rows.
      const expandedRow = tree.locator('.proc-row', {
        has: page.getByRole('button', { name: /^Collapse / }),
      });
      if ((await expandedRow.count()) > 0) {
        const rows = Number(await tree.getAttribute('data-rows'));
        await expandedRow.first().focus();
        await page.keyboard.press('ArrowLeft');
        await expect.poll(async () => Number(await tree.getAttribute('data-rows'))).toBeLessThan(rows);
        await page.keyboard.press('ArrowRight');
        await expect
          .poll(async () => Number(await tree.getAttribute('data-rows')))
          .toBeGreaterThanOrEqual(rows - 5);
      }
    });

    test('CSV export downloads a file whose rows parse and match the range', async ({ page }) => {
      await open(page, 'dashboard');
      await page.getByRole('button', { name: '1 minute' }).click();
      await expect
        .poll(() => chartPoints(page, 'Memory and swap'), { timeout: 15_000 })
        .toBeGreaterThanOrEqual(2);
      await page.getByLabel('Range', { exact: true }).selectOption('1m');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      const text = await readFile((await download.path()) ?? '', 'utf8');
      const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
      expect(rows.length).toBeGreaterThan(0);
      const header = Object.keys(rows[0] ?? {});
      expect(header.slice(0, 2)).toEqual(['time', 'epoch_ms']);
      expect(header).toContain('memory.usedPercent');
      const now = Date.now();
      for (const r of rows) {
        const ms = Number(r['epoch_ms']);
        expect(new Date(r['time'] ?? '').getTime()).toBe(ms);
        expect(ms).toBeGreaterThanOrEqual(now - HISTORY_RANGE_MS['1m'] - 5_000);
        expect(ms).toBeLessThanOrEqual(now + 1_000);
      }
      await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(
        `Saved ${rows.length} rows`,
      );
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`screenshots at 2× and accessibility (${scheme})`, async ({ browser }) => {
        const context = await browser.newContext({ deviceScaleFactor: 2 });
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await open(page, 'popover');
        await expect(page.getByRole('region', { name: 'Memory' })).toContainText('GiB');
        await page.waitForTimeout(1500);
        await screenshot(page, `${mode}-popover-${scheme}`);
        expect(await seriousViolations(page)).toEqual([]);
        await expectGlanceInViewport(page);
        await open(page, 'dashboard');
        await expect
          .poll(() => chartPoints(page, 'Memory and swap'), { timeout: 15_000 })
          .toBeGreaterThanOrEqual(2);
        await chartsSettled(page);
        await screenshot(page, `${mode}-dashboard-${scheme}`);
        expect(await seriousViolations(page)).toEqual([]);
        await page.goto(`${serve.url}/#/settings`);
        await expect(page.getByLabel('Update the menu bar every')).toBeVisible();
        await screenshot(page, `${mode}-settings-${scheme}`);
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
      });
    }
  });
}
