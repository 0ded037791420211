/**
 * Temperature sensors taken one group at a time in turn (cpu, gpu, soc, ...). The history gives
 * temperatures a quota (core/history/store.ts), and a Mac lists its SMC keys alphabetically, so in
 * their own order the first few dozen would all be ambient and battery sensors and the CPU group
 * would get none (seen on a real M2 Max capture's 242 sensors). Every output lists sensors in this
 * order, so they agree.
 */
import { SENSOR_GROUPS } from './sample';

const groupRank = (group: string): number => {
  const i = (SENSOR_GROUPS as readonly string[]).indexOf(group);
  return i < 0 ? SENSOR_GROUPS.length : i;
};

export function fairSensorOrder<T extends { readonly group: string }>(sensors: readonly T[]): T[] {
  const byGroup = new Map<string, T[]>();
  for (const s of sensors) {
    const list = byGroup.get(s.group);
    if (list) list.push(s);
    else byGroup.set(s.group, [s]);
  }
  const lists = [...byGroup.entries()]
    .sort(([a], [b]) => groupRank(a) - groupRank(b))
    .map(([, list]) => list);
  const out: T[] = [];
  for (let i = 0; out.length < sensors.length; i++)
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}
