/**
 * Network interfaces not worth a line on the dashboard's network chart: down in the latest sample,
 * or idle (no byte moved either way) over the whole range drawn. `ifb0` on a Linux box is both.
 */
import type { HistoryResult } from '../../shared/history-types';
import { valueOf } from '../../shared/metric-result';
import type { Sample } from '../../shared/sample';
import { interfaceOf } from './chart-groups';

/** Names of the interfaces down in a sample, comma-joined (a primitive for a store selector). */
export function downInterfacesKey(latest: Sample | null): string {
  const interfaces = latest ? (valueOf(latest.network)?.interfaces ?? []) : [];
  return interfaces
    .filter((i) => !i.up)
    .map((i) => i.name)
    .join(',');
}

export function quietInterfaces(downKey: string, result: HistoryResult | undefined): Set<string> {
  const quiet = new Set<string>(downKey === '' ? [] : downKey.split(','));
  const moved = new Set<string>();
  const seen = new Set<string>();
  for (const series of result?.series ?? []) {
    const iface = interfaceOf(series.id);
    if (iface === undefined) continue;
    seen.add(iface);
    if (series.max.some((v) => Number.isFinite(v) && v > 0)) moved.add(iface);
  }
  for (const iface of seen) if (!moved.has(iface)) quiet.add(iface);
  return quiet;
}
