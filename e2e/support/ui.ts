/** Small page helpers shared by the renderer specs. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const ARTIFACTS = join(process.cwd(), 'e2e-artifacts');
/** The Mac recording e2e/global-setup.ts writes before the suite. */
export const MAC_RECORDING = join(ARTIFACTS, 'mac-recording.jsonl');

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Serious and critical axe violations, one line each (rule, impact, first target). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Waits until every dashboard chart shows the selected range: charts take a new history result one
 * after another (history-chart.tsx, useStaggered), so a picture taken as soon as one chart has data
 * can catch the others still on the previous range.
 */
export async function chartsSettled(page: Page): Promise<void> {
  const selected = await page
    .getByRole('group', { name: 'Time range' })
    .locator('[aria-pressed="true"]')
    .innerText();
  await expect
    .poll(async () => {
      const ranges = await page
        .locator('figure.chart')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-range')));
      return ranges.length > 0 && ranges.every((r) => r === selected);
    })
    .toBe(true);
}

/** Waits until a dashboard chart has drawn at least `points` points. */
export async function chartPoints(page: Page, title: string): Promise<number> {
  const chart = page.locator('figure.chart', { has: page.locator('figcaption', { hasText: title }) }).first();
  await expect(chart).toBeVisible();
  return Number((await chart.getAttribute('data-points')) ?? '0');
}

/** Region names of the popover's glance items, and the section each stands for in its footer. */
export const GLANCE_ITEMS = [
  ['CPU', 'cpu'],
  ['GPU', 'gpu'],
  ['Memory', 'memory'],
  ['Temperatures', 'thermal'],
  ['Fans', 'fans'],
  ['Battery', 'power'],
  ['Network', 'network'],
  ['Top processes', 'processes'],
] as const;

/**
 * Every glance item is wholly in the viewport: its tile, or its footer line saying why it is
 * missing; and the popover's body needs no scrolling.
 */
export async function expectGlanceInViewport(page: Page): Promise<void> {
  for (const [name, section] of GLANCE_ITEMS) {
    const region = page.getByRole('region', { name, exact: true });
    const item =
      (await region.count()) > 0 ? region : page.locator(`.unavailable-footer li[data-section="${section}"]`);
    await expect(item, name).toBeInViewport({ ratio: 1 });
  }
  const overflow = await page.locator('.popover-body').evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(overflow, 'the popover body scrolls').toBeLessThanOrEqual(0);
}
