import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createHistory,
  DEFAULT_MAX_SENSOR_SERIES,
  DEFAULT_TIERS,
  tiersForDays,
  type HistoryPoint,
} from '../../../src/core/history/history';
import { pickTier } from '../../../src/core/history/query';
import { Tier } from '../../../src/core/history/tier';
import { HISTORY_RANGE_MS, type HistoryRange } from '../../../src/shared/history-types';

const T0 = Date.UTC(2026, 0, 1);
const point = (id: string, value: number): HistoryPoint => ({
  id,
  label: id.toUpperCase(),
  unit: '%',
  value,
});

/** What a tier should hold, computed the slow and obvious way from the raw points. */
function naiveBuckets(raw: readonly (readonly [number, number])[], resolutionMs: number, fromBucket: number) {
  const buckets = new Map<number, number[]>();
  for (const [t, v] of raw) {
    const b = Math.floor(t / resolutionMs);
    if (b < fromBucket) continue;
    const list = buckets.get(b) ?? [];
    list.push(v);
    buckets.set(b, list);
  }
  return [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([b, vs]) => ({
      t: b * resolutionMs,
      min: Math.min(...vs),
      max: Math.max(...vs),
      avg: vs.reduce((s, v) => s + v, 0) / vs.length,
    }));
}

/** Increasing times (steps of 1 ms to 5 s) with float32-exact values. */
const rawPoints = (maxLength: number) =>
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: -1000, max: 1000 })), {
      minLength: 1,
      maxLength,
    })
    .map((steps) => {
      let t = T0;
      return steps.map(([dt, v]) => [(t += dt), v / 4] as const);
    });

function queryOne(history: ReturnType<typeof createHistory>, range: HistoryRange, maxPoints = 10_000) {
  return history.query({ series: ['cpu.busy'], range, maxPoints }).series[0]!;
}

describe('history: tiers', () => {
  it('picks the finest tier whose ring covers the range', () => {
    const tiers = DEFAULT_TIERS.map((spec) => new Tier(spec));
    const pick = (r: HistoryRange) => pickTier(tiers, HISTORY_RANGE_MS[r]);
    expect([pick('1m'), pick('5m'), pick('15m'), pick('1h'), pick('24h'), pick('7d')]).toEqual([
      0, 0, 0, 0, 1, 2,
    ]);
  });

  it('rolls raw points up into every tier exactly (min, avg, max per bucket)', () => {
    fc.assert(
      fc.property(rawPoints(400), (raw) => {
        const history = createHistory({ now: () => 0 });
        for (const [t, v] of raw) history.pushPoints(t, [point('cpu.busy', v)]);
        const lastT = raw.at(-1)![0];
        for (const [range, res] of [
          ['24h', 10_000],
          ['7d', 60_000],
        ] as const) {
          const got = queryOne(history, range);
          const want = naiveBuckets(raw, res, Math.ceil((lastT - HISTORY_RANGE_MS[range]) / res));
          expect(got.t).toEqual(want.map((w) => w.t));
          expect(got.min).toEqual(want.map((w) => w.min));
          expect(got.max).toEqual(want.map((w) => w.max));
          got.avg.forEach((a, i) => expect(a).toBeCloseTo(want[i]!.avg, 3));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('wraps the 1 s ring: a query returns exactly the newest buckets that fit, oldest first', () => {
    const tiers = [{ resolutionMs: 1000, capacity: 50, peaks: false }];
    fc.assert(
      fc.property(rawPoints(300), (raw) => {
        const history = createHistory({ tiers, now: () => 0 });
        for (const [t, v] of raw) history.pushPoints(t, [point('cpu.busy', v)]);
        const open = Math.floor(raw.at(-1)![0] / 1000);
        const got = queryOne(history, '1m');
        const fromBucket = Math.max(open - 50, Math.ceil((raw.at(-1)![0] - 60_000) / 1000));
        const want = naiveBuckets(raw, 1000, fromBucket);
        expect(got.t).toEqual(want.map((w) => w.t));
        got.avg.forEach((a, i) => expect(a).toBeCloseTo(want[i]!.avg, 3));
        expect(got.min).toEqual(got.avg);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps a gap a gap and skips non-finite values', () => {
    const history = createHistory({ now: () => 0 });
    history.pushPoints(T0, [point('cpu.busy', 10)]);
    history.pushPoints(T0 + 1000, [point('cpu.busy', NaN)]);
    history.pushPoints(T0 + 2000, [point('cpu.busy', Infinity)]);
    history.pushPoints(T0 + 30_000, [point('cpu.busy', 30)]);
    const got = queryOne(history, '1m');
    expect(got.t).toEqual([T0, T0 + 30_000]);
    expect(got.avg).toEqual([10, 30]);
  });

  it('sizes the coarsest tier from the days to keep, up to two years (issue 14)', () => {
    const shape = (days: number) => tiersForDays(days).map((t) => [t.resolutionMs / 1000, t.capacity]);
    expect(shape(1)).toEqual([
      [1, 3600],
      [10, 8640],
    ]);
    expect(shape(2)).toEqual([
      [1, 3600],
      [10, 8640],
      [60, 2880],
    ]);
    expect(shape(30)).toEqual([
      [1, 3600],
      [10, 8640],
      [60, 10_080],
      [900, 2880],
    ]);
    expect(shape(365)).toEqual([
      [1, 3600],
      [10, 8640],
      [60, 10_080],
      [900, 8640],
      [3600, 8760],
    ]);
    expect(shape(730).at(-1)).toEqual([3600, 17_520]);
    expect(() => tiersForDays(731)).toThrow(/days: expected an integer from 1 to 730/);
    expect(() => tiersForDays(0)).toThrow(/days/);
  });
});

describe('history: decimation keeps peaks', () => {
  it('returns at most maxPoints points whose min and max are the range min and max', () => {
    fc.assert(
      fc.property(rawPoints(600), fc.integer({ min: 1, max: 80 }), (raw, maxPoints) => {
        const history = createHistory({ now: () => 0 });
        for (const [t, v] of raw) history.pushPoints(t, [point('cpu.busy', v)]);
        const full = queryOne(history, '1h');
        const got = queryOne(history, '1h', maxPoints);
        expect(got.t.length).toBeLessThanOrEqual(maxPoints);
        expect(got.t.length).toBe(got.min.length);
        expect(got.t.length).toBe(got.max.length);
        expect(got.t.length).toBe(got.avg.length);
        if (full.t.length > 0) {
          expect(Math.min(...got.min)).toBe(Math.min(...full.min));
          expect(Math.max(...got.max)).toBe(Math.max(...full.max));
        }
        for (let i = 1; i < got.t.length; i++) expect(got.t[i]!).toBeGreaterThan(got.t[i - 1]!);
        got.avg.forEach((a, i) => {
          expect(a).toBeGreaterThanOrEqual(got.min[i]! - 1e-9);
          expect(a).toBeLessThanOrEqual(got.max[i]! + 1e-9);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('history: series, cap and eviction', () => {
  it('lists series as they appear, with label and unit', () => {
    const history = createHistory();
    history.pushPoints(T0, [
      point('cpu.busy', 1),
      { id: 'thermal.a', label: 'CPU die', unit: '°C', value: 50 },
    ]);
    expect(history.listSeries()).toEqual([
      { id: 'cpu.busy', label: 'CPU.BUSY', unit: '%' },
      { id: 'thermal.a', label: 'CPU die', unit: '°C' },
    ]);
  });

  it('refuses new series at the cap while all are live, and reuses the store of one that stopped', () => {
    const history = createHistory({
      maxSeries: 3,
      maxProcessSeries: 1,
      tiers: [DEFAULT_TIERS[0]!],
      now: () => 0,
    });
    const live = ['a', 'b', 'c'].map((id) => point(id, 1));
    history.pushPoints(T0, live);
    history.pushPoints(T0 + 1000, [...live, point('d', 1)]);
    expect(history.listSeries().map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(history.stats().refused).toBe(1);
    history.pushPoints(T0 + 2000, [point('a', 1), point('b', 1), point('d', 2)]);
    expect(history.listSeries().map((s) => s.id)).toEqual(['a', 'b', 'd']);
    expect(history.stats().evicted).toBe(1);
    const bytes = history.stats().bytes;
    history.pushPoints(T0 + 3000, [point('a', 1), point('b', 1), point('e', 2)]);
    expect(history.stats().bytes).toBe(bytes);
    expect(history.query({ series: ['e'], range: '1m', maxPoints: 100 }).series[0]!.avg).toEqual([2]);
  });

  it('gives process series a quota inside the cap', () => {
    const history = createHistory({ maxSeries: 10, maxProcessSeries: 2, tiers: [DEFAULT_TIERS[0]!] });
    history.pushPoints(
      T0,
      [1, 2, 3, 4].map((pid) => point(`process.${pid}.cpuPercent`, pid)),
    );
    history.pushPoints(T0, [point('cpu.busy', 5)]);
    expect(history.listSeries().map((s) => s.id)).toEqual([
      'process.1.cpuPercent',
      'process.2.cpuPercent',
      'cpu.busy',
    ]);
  });

  it("gives temperature series a quota, so a Mac's 242 SMC sensors leave room for the CPU", () => {
    const history = createHistory({ tiers: [DEFAULT_TIERS[0]!] });
    history.pushPoints(
      T0,
      Array.from({ length: 242 }, (_, i) => point(`thermal.smc/T${i}`, 40)),
    );
    // The second sample is the first with rates.
    history.pushPoints(T0 + 1000, [point('cpu.busy', 50), point('gpu.gpu0.utilizationPercent', 10)]);
    const ids = history.listSeries().map((s) => s.id);
    expect(ids.filter((id) => id.startsWith('thermal.'))).toHaveLength(DEFAULT_MAX_SENSOR_SERIES);
    expect(ids).toContain('cpu.busy');
    expect(ids).toContain('gpu.gpu0.utilizationPercent');
  });

  it('drops a series silent for longer than the coarsest tier spans', () => {
    const history = createHistory({ tiers: [{ resolutionMs: 1000, capacity: 10, peaks: false }] });
    history.pushPoints(T0, [point('gone', 1), point('kept', 1)]);
    for (let s = 1; s <= 12; s++) history.pushPoints(T0 + s * 1000, [point('kept', 1)]);
    expect(history.listSeries().map((s) => s.id)).toEqual(['kept']);
  });

  it('bounds memory by the cap: one fixed-size store per series', () => {
    const history = createHistory({ maxSeries: 5 });
    for (let i = 0; i < 50; i++) history.pushPoints(T0 + i * 1000, [point(`s${i}`, i)]);
    expect(history.stats().series).toBe(5);
    expect(history.stats().bytes).toBeLessThanOrEqual(5 * history.seriesBytes() + 1e6);
    expect(history.seriesBytes()).toBeLessThan(240_000);
  });
});

describe('history: arguments', () => {
  it('rejects bad queries naming the field', () => {
    const history = createHistory();
    expect(() => history.query({ series: ['x'], range: '2h' as never, maxPoints: 10 })).toThrow(
      /query\.range/,
    );
    expect(() => history.query({ series: ['x'], range: '1h', maxPoints: 0 })).toThrow(/query\.maxPoints/);
    expect(() => history.query({ series: [3 as never], range: '1h', maxPoints: 10 })).toThrow(
      /query\.series\[0\]/,
    );
    expect(() => history.query(null as never)).toThrow(/query/);
    expect(() => createHistory({ maxSeries: 0 })).toThrow(/maxSeries/);
    expect(() => history.pushPoints(NaN, [])).toThrow(/\bt\b/);
  });

  it('answers an unknown series with empty columns', () => {
    const history = createHistory();
    const r = history.query({ series: ['nope'], range: '1h', maxPoints: 10 });
    expect(r.series[0]).toEqual({ id: 'nope', t: [], avg: [], min: [], max: [] });
  });
});

describe('history: samples', () => {
  it('records the series core/history/series.ts finds in a sample', () => {
    const history = createHistory({ now: () => 0 });
    const cpu = {
      usage: { busy: 42, user: 30, system: 12, idle: 58, nice: 0, iowait: 0, irq: 0, softirq: 0, steal: 0 },
    };
    history.push({
      t: T0,
      mono: 1,
      cpu: { ok: true, value: { ...cpu, loadAvg: [1, 1, 1], cores: [] } },
    } as never);
    expect(history.listSeries().map((s) => s.id)).toContain('cpu.busy');
    expect(queryOne(history, '1m').avg).toEqual([42]);
  });
});

describe('history: churn at the cap', () => {
  it('never evicts a series that reports in the same push, whatever the order of points', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }), {
          minLength: 1,
          maxLength: 40,
        }),
        (pushes) => {
          const history = createHistory({ maxSeries: 8, maxProcessSeries: 4, tiers: [DEFAULT_TIERS[0]!] });
          let before = new Set<string>();
          pushes.forEach((ids, k) => {
            const points = ids.map((id) => point(id % 3 === 0 ? `process.${id}.cpuPercent` : `s${id}`, id));
            history.pushPoints(T0 + k * 1000, points);
            const held = new Set(history.listSeries().map((s) => s.id));
            expect(held.size).toBeLessThanOrEqual(8);
            expect([...held].filter((id) => id.startsWith('process.')).length).toBeLessThanOrEqual(4);
            // A series held before this push and reporting in it is still held.
            for (const p of points) if (before.has(p.id)) expect(held.has(p.id)).toBe(true);
            before = held;
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
