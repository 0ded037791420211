/**
 * Dashboard process tree with 5,000 processes, every branch expanded: scrolling it must produce no
 * long task (> 50 ms, the Long Tasks API's threshold). Scrolls 4,000 px per frame-step through the
 * whole tree and back with a still table, then 800 px per step with a new 5,000-process sample
 * every second (the table on screen is held while scrolling; charts wait too).
 * Side by side in the same run: the same 5,000 rows as a plain, non-virtualised DOM list (its build
 * time and scroll long tasks). JSON on stdout.
 */
import type { Page } from '@playwright/test';
import { syntheticSample } from '../e2e/support/synthetic-sample';
import { log, openView, round, startBenchEnv } from './renderer-support';

const NAME = 'renderer-tree';
const PROCESSES = 5000;
const LONG_TASK_MS = 50;
/** Fast flicks for the still table; slower scrolling (more frames, more samples) for the live one. */
const STEP_PX = 4000;
const LIVE_STEP_PX = 800;

// Browser globals used inside page.evaluate callbacks (bench/ is type-checked without the DOM lib).
interface PageElement {
  className: string;
  innerHTML: string;
  readonly style: { cssText: string };
  append(child: PageElement): void;
}
declare const document: {
  createElement(tag: string): PageElement;
  readonly body: PageElement;
};
declare function requestAnimationFrame(cb: () => void): number;

interface PageGlobals {
  readonly document: {
    querySelector(s: string): { scrollTop: number; scrollHeight: number; clientHeight: number } | null;
  };
  __longTasks: number[];
  readonly __bench: { push(sample: unknown): void; pushFetched(): Promise<void> };
}

/** Starts collecting long task durations in the page. */
async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    g.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) g.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' } as unknown as { type: 'mark' }); // Node's typings lack 'longtask'
  });
}

const takeLongTasks = (page: Page): Promise<number[]> =>
  page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    const out = g.__longTasks;
    g.__longTasks = [];
    return out;
  });

/** Scrolls `selector` down to the end and back, one step per animation frame pair. */
async function scrollThrough(
  page: Page,
  selector: string,
  stepPx: number,
  onStep?: (i: number) => Promise<void>,
): Promise<number> {
  let steps = 0;
  for (const direction of [1, -1]) {
    for (;;) {
      const moved = await page.evaluate(
        ([sel, dy]) => {
          const el = (globalThis as unknown as PageGlobals).document.querySelector(sel);
          if (!el) throw new Error(`no ${sel}`);
          const before = el.scrollTop;
          el.scrollTop = before + dy;
          return new Promise<boolean>((r) =>
            requestAnimationFrame(() => requestAnimationFrame(() => r(el.scrollTop !== before))),
          );
        },
        [selector, direction * stepPx] as const,
      );
      if (!moved) break;
      steps += 1;
      await onStep?.(steps);
    }
  }
  return steps;
}

const summary = (tasks: number[]) => ({
  longTasks: tasks.length,
  longestTaskMs: round(tasks.length === 0 ? 0 : Math.max(...tasks), 1),
});

const env = await startBenchEnv();
try {
  const t0 = Date.now();
  const page = await openView(env, 'dashboard', syntheticSample(0, t0, PROCESSES));
  const tree = page.getByRole('list', { name: 'Process tree' });
  await tree.waitFor();
  // Expand every branch: the roots are open by default, their children are not. Only the visible
  // rows exist in the DOM, so walk down the list expanding what appears.
  const scroller = page.locator('.proc-scroll');
  for (;;) {
    const expand = tree.getByRole('button', { name: /^Expand / }).first();
    if ((await expand.count()) > 0) {
      await expand.click();
      continue;
    }
    const moved = await scroller.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + 300;
      return el.scrollTop !== before;
    });
    if (!moved) break;
    await page.waitForTimeout(20);
  }
  await scroller.evaluate((el) => void (el.scrollTop = 0));
  const rows = Number(await tree.getAttribute('data-rows'));
  const domRows = await tree.locator('.proc-row').count();
  log(NAME, `${rows} rows in the tree, ${domRows} in the DOM`);
  await page.waitForTimeout(1000);

  await observeLongTasks(page);
  const stillSteps = await scrollThrough(page, '.proc-scroll', STEP_PX);
  const still = summary(await takeLongTasks(page));

  let pushed = 0;
  let lastPush = Date.now();
  const liveSteps = await scrollThrough(page, '.proc-scroll', LIVE_STEP_PX, async () => {
    if (Date.now() - lastPush < 1000) return;
    lastPush = Date.now();
    pushed += 1;
    // The page fetches it over HTTP and parses it, as the web transport does with each SSE event
    // (handing 5,000 objects through Playwright's protocol would cost more than the renderer).
    env.setSample(JSON.stringify(syntheticSample(pushed, t0 + pushed * 1000, PROCESSES)));
    await page.evaluate(() => (globalThis as unknown as PageGlobals).__bench.pushFetched());
  });
  const live = summary(await takeLongTasks(page));

  // The alternative: the same rows, all in the DOM.
  const plain = await env.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await plain.goto(`${env.url}/`);
  await plain.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    g.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) g.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' } as unknown as { type: 'mark' }); // Node's typings lack 'longtask'
  });
  const buildMs = await plain.evaluate((n) => {
    const start = performance.now();
    const box = document.createElement('div');
    box.className = 'proc-scroll plain';
    box.style.cssText = 'height:440px;overflow:auto;position:fixed;inset:0;background:#fff';
    for (let i = 0; i < n; i += 1) {
      const row = document.createElement('div');
      row.className = 'proc-row';
      row.style.cssText =
        'position:static;display:grid;grid-template-columns:1fr 70px 80px 100px;height:26px';
      row.innerHTML = `<span>worker-${i}</span><span>${i}</span><span>1.0 %</span><span>10 MiB</span>`;
      box.append(row);
    }
    document.body.append(box);
    return new Promise<number>((r) =>
      requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now() - start))),
    );
  }, rows);
  await takeLongTasks(plain);
  const plainSteps = await scrollThrough(plain, '.proc-scroll.plain', STEP_PX);
  const plainScroll = summary(await takeLongTasks(plain));

  process.stdout.write(
    JSON.stringify({
      goal: `no task longer than ${LONG_TASK_MS} ms while scrolling ${PROCESSES} processes`,
      rows,
      rowsInDom: domRows,
      virtualised: {
        stillTable: { steps: stillSteps, ...still },
        withLiveSamples: { steps: liveSteps, samplesPushed: pushed, ...live },
      },
      plainDomList: { buildMs: round(buildMs, 1), steps: plainSteps, ...plainScroll },
      ratioDomNodesPlainVsVirtualised: round(rows / Math.max(1, domRows), 1),
      meetsGoal: still.longTasks === 0 && live.longTasks === 0,
    }) + '\n',
  );
} finally {
  await env.close();
}
