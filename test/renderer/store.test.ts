import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/renderer/store/create-store';
import { GlanceRing } from '../../src/renderer/store/ring';
import { summarize } from '../../src/renderer/lib/summarize';
import { syntheticSample } from '../../e2e/support/synthetic-sample';
import { createFakeApi, flush } from './fake-api';

const series = [
  { id: 'cpu.busy', label: 'CPU busy', unit: '%' },
  { id: 'memory.usedPercent', label: 'Memory used', unit: '%' },
];

describe('GlanceRing', () => {
  it('keeps the newest `capacity` points in time order and windows by time', () => {
    const ring = new GlanceRing(4);
    for (let i = 0; i < 6; i += 1)
      ring.push(i * 1000, { ...summarize(syntheticSample(i, i * 1000)), cpu: i });
    expect(ring.size).toBe(4);
    expect([...ring.window('cpu').v]).toEqual([2, 3, 4, 5]);
    expect([...ring.window('cpu', 3500).t]).toEqual([4000, 5000]);
  });

  it('backfills older rows before the live ones', () => {
    const ring = new GlanceRing(5);
    const g = summarize(syntheticSample(0, 0));
    ring.push(10_000, { ...g, cpu: 10 });
    ring.backfill([8000, 9000, 10_000, 11_000].map((t) => ({ t, glance: { ...g, cpu: t / 1000 } })));
    expect([...ring.window('cpu').t]).toEqual([8000, 9000, 10_000]);
    expect([...ring.window('cpu').v]).toEqual([8, 9, 10]);
  });

  it('rejects a bad capacity', () => {
    expect(() => new GlanceRing(1)).toThrow(/capacity/);
  });
});

describe('app store', () => {
  it('subscribes in start(), ingests pushed samples in order and unsubscribes on stop', async () => {
    const api = createFakeApi();
    const store = createAppStore(api);
    const stop = store.getState().start();
    expect(api.listeners()).toBe(3);
    api.push(syntheticSample(1, 2000));
    api.push(syntheticSample(0, 1000)); // older: a replay, not drawn again
    expect(store.getState().latest?.t).toBe(2000);
    expect(store.getState().recent.size).toBe(1);
    api.push(syntheticSample(2, 3000));
    expect(store.getState().recentVersion).toBe(2);
    stop();
    expect(api.listeners()).toBe(0);
  });

  it('loads capabilities and settings, follows pushed settings and keeps alerts newest first', async () => {
    const api = createFakeApi();
    const store = createAppStore(api);
    store.getState().start();
    await flush();
    expect(store.getState().capabilities?.hostname).toBe('fake-host');
    expect(store.getState().settings?.temperatureUnit).toBe('C');
    api.pushSettings({ ...store.getState().settings!, temperatureUnit: 'F' });
    expect(store.getState().settings?.temperatureUnit).toBe('F');
    api.pushAlert({ ruleId: 'a', kind: 'fired', t: 1, value: 1, message: 'first' });
    api.pushAlert({ ruleId: 'b', kind: 'fired', t: 2, value: 2, message: 'second' });
    expect(store.getState().alerts.map((a) => a.message)).toEqual(['second', 'first']);
  });

  it('tells the API which sections the visible view needs', async () => {
    const api = createFakeApi({ series });
    const store = createAppStore(api);
    store.getState().start();
    store.getState().setView('dashboard');
    await flush();
    expect(api.demands[0]).not.toContain('disks');
    expect(api.demands[1]).toContain('disks');
  });

  it('asks for the per-process extras only while the popover ranks by them', async () => {
    const api = createFakeApi({ series });
    const store = createAppStore(api);
    store.getState().start();
    expect(api.demands[0]).not.toContain('processIo');
    expect(api.demands[0]).not.toContain('processGpu');
    store.getState().setPopoverRank('disk');
    store.getState().setPopoverRank('gpu');
    store.getState().setPopoverRank('cpu');
    await flush();
    expect(api.demands.slice(1)).toEqual([
      expect.arrayContaining(['processes', 'processIo']),
      expect.arrayContaining(['processes', 'processGpu']),
      expect.not.arrayContaining(['processIo', 'processGpu']),
    ]);
    expect(api.demands[2]).not.toContain('processIo');
  });

  it('queries the history of the selected range at the chart width, and paces refreshes', async () => {
    let clock = 0;
    const api = createFakeApi({ series });
    const store = createAppStore(api, { view: 'dashboard', now: () => clock });
    store.getState().start();
    await flush();
    await flush();
    expect(api.queries.at(-1)).toEqual({
      range: '5m',
      series: ['cpu.busy', 'memory.usedPercent'],
      maxPoints: 600,
    });
    const before = api.queries.length;
    api.push(syntheticSample(1, 1000));
    expect(api.queries.length).toBe(before); // less than a refresh interval since the last query
    clock = 3500;
    api.push(syntheticSample(2, 2000));
    await flush();
    await flush();
    expect(api.queries.length).toBe(before + 1);
    store.getState().setRange('1h');
    await flush();
    expect(api.queries.at(-1)?.range).toBe('1h');
    expect(store.getState().byRange['1h']?.result?.range).toBe('1h');
  });

  it('backfills the sparklines from one hour of history after the first sample', async () => {
    const latest = syntheticSample(100, 100_000);
    const api = createFakeApi({
      latest,
      series,
      history: (q) => ({
        range: q.range,
        fromMs: 0,
        toMs: 100_000,
        series: q.series.map((id) => ({
          id,
          t: [97_000, 98_000, 99_000],
          avg: [1, 2, 3],
          min: [1, 2, 3],
          max: [1, 2, 3],
        })),
      }),
    });
    const store = createAppStore(api);
    store.getState().start();
    for (let i = 0; i < 5; i += 1) await flush();
    expect(api.queries[0]).toMatchObject({ range: '1h', maxPoints: 3600 });
    expect([...store.getState().recent.window('cpu').v].slice(0, 3)).toEqual([1, 2, 3]);
    expect(store.getState().recent.size).toBe(4);
  });

  it('sorts processes: same column flips, a new column starts in its natural order', () => {
    const store = createAppStore(createFakeApi());
    const s = () => store.getState();
    expect([s().processSort, s().processSortDescending]).toEqual(['cpu', true]);
    s().setProcessSort('cpu');
    expect(s().processSortDescending).toBe(false);
    s().setProcessSort('name');
    expect([s().processSort, s().processSortDescending]).toEqual(['name', false]);
    s().toggleExpanded(7);
    expect(s().expanded.has(7)).toBe(true);
    s().toggleExpanded(7);
    expect(s().expanded.has(7)).toBe(false);
  });

  it('expands the roots of the first process table', () => {
    const api = createFakeApi();
    const store = createAppStore(api);
    store.getState().start();
    api.push(syntheticSample(1, 1000, 30));
    expect([...store.getState().expanded]).toEqual([1]);
  });
});

describe('chart refresh pause', () => {
  it('holds history refreshes while the tree scrolls, then resumes', async () => {
    let clock = 0;
    const api = createFakeApi({ series });
    const store = createAppStore(api, { view: 'dashboard', now: () => clock });
    store.getState().start();
    await flush();
    await flush();
    const before = api.queries.length;
    clock = 2500;
    store.getState().pauseCharts(1500); // paused until 4000
    clock = 3500; // past the 5m refresh interval (3 s), inside the pause
    api.push(syntheticSample(1, 1000));
    expect(api.queries.length).toBe(before);
    clock = 4100;
    api.push(syntheticSample(2, 2000));
    await flush();
    await flush();
    expect(api.queries.length).toBe(before + 1);
  });
});
