/**
 * Fills the popover's sparklines from the history when a window opens, so they show the last hour
 * at once instead of starting empty. Each glance key is rebuilt from the history series it is made
 * of, by the rules of the shared glance summary (src/shared/glance.ts).
 */
import { glanceInterfaces, glanceSensors } from '../../shared/glance';
import type { HistoryResult, SeriesInfo } from '../../shared/history-types';
import { valueOf } from '../../shared/metric-result';
import type { Sample } from '../../shared/sample';
import { GLANCE_KEYS, type Glance, type GlanceKey } from './summarize';

type Combine = 'one' | 'max' | 'sum' | 'abs';
export type GlancePlan = Readonly<
  Record<GlanceKey, { readonly ids: readonly string[]; readonly combine: Combine }>
>;

export interface GlanceRow {
  readonly t: number;
  readonly glance: Glance;
}

/** Which history series make up each glance value on this machine (known from the latest sample). */
export function glancePlan(latest: Sample, infos: readonly SeriesInfo[]): GlancePlan {
  const known = new Set(infos.map((s) => s.id));
  const only = (ids: readonly string[]): string[] => ids.filter((id) => known.has(id));
  const ifaces = glanceInterfaces(latest);
  const battery = valueOf(latest.power)?.batteries[0];
  const systemW = only(['rails.systemW']);
  const matching = (re: RegExp): string[] => infos.map((s) => s.id).filter((id) => re.test(id));
  return {
    cpu: { ids: only(['cpu.busy']), combine: 'one' },
    memory: { ids: only(['memory.usedPercent']), combine: 'one' },
    swap: { ids: only(['memory.swapUsedPercent']), combine: 'one' },
    gpu: { ids: matching(/^gpu\..+\.utilizationPercent$/), combine: 'max' },
    temperature: { ids: only(glanceSensors(latest).map((s) => `thermal.${s.id}`)), combine: 'max' },
    rx: { ids: only(ifaces.map((i) => `network.${i.name}.rxBytesPerSec`)), combine: 'sum' },
    tx: { ids: only(ifaces.map((i) => `network.${i.name}.txBytesPerSec`)), combine: 'sum' },
    battery: { ids: battery ? only([`power.battery.${battery.id}.percent`]) : [], combine: 'one' },
    // System power where the SMC reports it, else the battery's power magnitude, as the summary.
    power:
      systemW.length > 0 || !battery
        ? { ids: systemW, combine: 'one' }
        : { ids: only([`power.battery.${battery.id}.powerW`]), combine: 'abs' },
    fan: { ids: matching(/^fans\..+\.rpm$/), combine: 'max' },
  };
}

export function planSeriesIds(plan: GlancePlan): string[] {
  return [...new Set(GLANCE_KEYS.flatMap((k) => plan[k].ids))];
}

/** History columns → glance rows by time; a key with no value at a time is NaN there. */
export function glanceRows(plan: GlancePlan, result: HistoryResult): GlanceRow[] {
  const byId = new Map<string, Map<number, number>>();
  const times = new Set<number>();
  for (const s of result.series) {
    const m = new Map<number, number>();
    s.t.forEach((t, i) => {
      const v = s.avg[i];
      if (v === undefined || !Number.isFinite(v)) return;
      m.set(t, v);
      times.add(t);
    });
    byId.set(s.id, m);
  }
  return [...times]
    .sort((a, b) => a - b)
    .map((t) => {
      const glance = {} as Record<GlanceKey, number>;
      for (const key of GLANCE_KEYS) {
        const { ids, combine } = plan[key];
        const values = ids.map((id) => byId.get(id)?.get(t)).filter((v): v is number => v !== undefined);
        glance[key] =
          values.length === 0
            ? NaN
            : combine === 'sum'
              ? values.reduce((a, b) => a + b, 0)
              : combine === 'abs'
                ? Math.abs(values[0]!)
                : Math.max(...values);
      }
      return { t, glance };
    });
}
