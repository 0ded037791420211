/**
 * One dashboard chart: a recharts line chart of history series (already decimated by the history
 * to the chart's pixel width), no animation, a tooltip with exact values and the time.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatValue } from '../../../shared/format';
import type { HistoryResult } from '../../../shared/history-types';
import type { TemperatureUnit } from '../../../shared/ipc';
import type { ChartGroup } from '../../lib/chart-groups';

const PALETTE = ['#3b82f6', '#f97316', '#10b981', '#e11d48', '#8b5cf6', '#eab308', '#06b6d4', '#84cc16'];
const color = (i: number): string => PALETTE[i % PALETTE.length] ?? '#888888';

export interface HistoryChartProps {
  readonly group: ChartGroup;
  readonly result: HistoryResult | undefined;
  readonly temperatureUnit: TemperatureUnit;
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

function timeLabel(t: number, spanMs: number): string {
  const d = new Date(t);
  if (spanMs > 86_400_000)
    return d.toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  return d.toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    ...(spanMs <= 900_000 ? { second: '2-digit' } : {}),
  });
}

function HistoryChartImpl({ group, result, temperatureUnit }: HistoryChartProps) {
  const rows = useMemo(() => toRows(group, result), [group, result]);
  const span = result ? result.toMs - result.fromMs : 60_000;
  const labels = new Map(group.series.map((s) => [s.id, s.label]));
  const fmt = (v: number): string => formatValue(v, group.unit, temperatureUnit);
  const titleId = `chart-${group.key}`;
  return (
    <figure className="chart card" aria-labelledby={titleId} data-points={rows.length}>
      <figcaption id={titleId}>{group.title}</figcaption>
      {rows.length === 0 ? (
        <p className="unavailable">{result ? 'No data in this range yet' : 'Loading…'}</p>
      ) : (
        <ResponsiveContainer width="100%" height={170}>
          <LineChart data={rows} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--grid)" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={result ? [result.fromMs, result.toMs] : ['dataMin', 'dataMax']}
              tickFormatter={(t: number) => timeLabel(t, span)}
              stroke="var(--muted)"
              fontSize={11}
              minTickGap={40}
            />
            <YAxis
              domain={
                group.percent
                  ? [0, 100]
                  : [(min: number) => Math.min(0, min), (max: number) => Math.max(0, max)]
              }
              tickFormatter={fmt}
              stroke="var(--muted)"
              fontSize={11}
              width={72}
            />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(t) => new Date(Number(t)).toLocaleString()}
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
