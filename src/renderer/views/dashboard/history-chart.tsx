/**
 * One dashboard chart: a recharts line chart of history series (already decimated by the history
 * to the chart's pixel width), no animation, a tooltip with exact values and the time.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatValue } from '../../../shared/format';
import type { HistoryResult } from '../../../shared/history-types';
import type { TemperatureUnit } from '../../../shared/ipc';
import type { ChartGroup } from '../../lib/chart-groups';
import { niceMax } from '../../lib/nice-max';

const PALETTE = ['#3b82f6', '#f97316', '#10b981', '#e11d48', '#8b5cf6', '#eab308', '#06b6d4', '#84cc16'];
const color = (i: number): string => PALETTE[i % PALETTE.length] ?? '#888888';

export interface HistoryChartProps {
  readonly group: ChartGroup;
  readonly result: HistoryResult | undefined;
  readonly temperatureUnit: TemperatureUnit;
  /** Position on the dashboard: charts take a new result one after the other (see useStaggered). */
  readonly order: number;
}

/** Delay between two charts taking a new history result. */
const STAGGER_MS = 16;

/**
 * A recharts redraw is synchronous (its internal store updates in effects) and costs a few ms to
 * tens of ms per chart; fifteen at once made one long task of a few hundred ms each refresh. Taking
 * the new value one chart per task keeps every task short, so scrolling and input stay smooth.
 */
function useStaggered<T>(value: T, order: number): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setShown(value), order * STAGGER_MS);
    return () => clearTimeout(id);
  }, [value, order]);
  return shown;
}

type Row = Record<string, number>;

/** Columns of several series → rows keyed by time, as recharts wants them. */
export function toRows(group: ChartGroup, result: HistoryResult | undefined): Row[] {
  if (!result) return [];
  const wanted = new Set(group.series.map((s) => s.id));
  const byT = new Map<number, Row>();
  for (const series of result.series) {
    if (!wanted.has(series.id)) continue;
    series.t.forEach((t, i) => {
      let row = byT.get(t);
      if (!row) byT.set(t, (row = { t }));
      const v = series.avg[i];
      if (v !== undefined && Number.isFinite(v)) row[series.id] = v;
    });
  }
  return [...byT.values()].sort((a, b) => (a['t'] ?? 0) - (b['t'] ?? 0));
}

// Formatters are built once: toLocaleTimeString(…, options) builds a new Intl formatter per call,
// and recharts formats every candidate tick while laying out an axis (it was most of a redraw).
const DAY_TIME = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
const TIME_SECONDS = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const TIME_MINUTES = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const FULL = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Axis tick step candidates, ms: the first giving at most 4 ticks across the range is used. */
const TICK_STEPS = [
  10e3,
  15e3,
  30e3,
  60e3,
  120e3,
  300e3,
  600e3,
  900e3,
  1800e3,
  3600e3,
  7200e3,
  3 * 3600e3,
  6 * 3600e3,
  12 * 3600e3,
  86_400e3,
  2 * 86_400e3,
];

/**
 * Round-time ticks chosen here, drawn with interval 0: recharts' own tick thinning measures each
 * label's text in the DOM (a forced layout per tick per chart on every redraw).
 */
export function timeTicks(fromMs: number, toMs: number): number[] {
  const span = toMs - fromMs;
  // span / step ≤ 3 leaves room for at most four ticks whatever the alignment.
  const step = TICK_STEPS.find((s) => span / s <= 3) ?? 2 * 86_400e3;
  // Local-time alignment of the first tick, so labels read 12:05, 12:10…
  const offset = new Date(fromMs).getTimezoneOffset() * 60_000;
  const ticks: number[] = [];
  for (let t = Math.ceil((fromMs - offset) / step) * step + offset; t <= toMs; t += step) ticks.push(t);
  return ticks;
}

function timeLabel(t: number, spanMs: number): string {
  if (spanMs > 86_400_000) return DAY_TIME.format(t);
  // Ticks fall on whole minutes from 5 min up, so seconds only for the 1-minute range.
  return (spanMs <= 60_000 ? TIME_SECONDS : TIME_MINUTES).format(t);
}

function HistoryChartImpl({ group, result: latestResult, temperatureUnit, order }: HistoryChartProps) {
  const result = useStaggered(latestResult, order);
  const rows = useMemo(() => toRows(group, result), [group, result]);
  const span = result ? result.toMs - result.fromMs : 60_000;
  const labels = new Map(group.series.map((s) => [s.id, s.label]));
  const fmt = (v: number): string => formatValue(v, group.unit, temperatureUnit);
  const titleId = `chart-${group.key}`;
  return (
    <figure
      className="chart card"
      aria-labelledby={titleId}
      data-points={rows.length}
      data-range={result?.range}
    >
      <figcaption id={titleId}>{group.title}</figcaption>
      {rows.length === 0 ? (
        <p className="unavailable">{result ? 'No data in this range yet' : 'Loading…'}</p>
      ) : (
        <ResponsiveContainer width="100%" height={170}>
          <LineChart data={rows} margin={{ top: 6, right: 24, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={result ? [result.fromMs, result.toMs] : ['dataMin', 'dataMax']}
              {...(result ? { ticks: timeTicks(result.fromMs, result.toMs) } : {})}
              interval={0}
              tickFormatter={(t: number) => timeLabel(t, span)}
              stroke="var(--muted)"
              fontSize={11}
            />
            <YAxis
              domain={
                group.percent ? [0, 100] : [(min: number) => Math.min(0, min), (max: number) => niceMax(max)]
              }
              tickFormatter={fmt}
              tickCount={5}
              interval={0}
              stroke="var(--muted)"
              fontSize={11}
              width={72}
            />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(t) => FULL.format(Number(t))}
              formatter={(v, id) => [fmt(Number(v)), labels.get(String(id)) ?? String(id)]}
              contentStyle={{
                background: 'var(--card)',
                border: '1px solid var(--border)',
                color: 'var(--text)',
              }}
            />
            {group.series.map((s, i) => (
              <Line
                key={s.id}
                dataKey={s.id}
                name={s.label}
                stroke={color(i)}
                dot={rows.length < 3}
                strokeWidth={1.5}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
      {group.series.length <= 8 ? (
        <ul className="legend">
          {group.series.map((s, i) => (
            <li key={s.id}>
              <span className="swatch" style={{ background: color(i) }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      ) : (
        <p className="fine">{group.series.length} series</p>
      )}
    </figure>
  );
}

export const HistoryChart = memo(HistoryChartImpl);
