/**
 * Apple Silicon pieces of normalizeDarwin: CPU cluster residencies matched to their DVFS tables,
 * and IOReport Energy Model channels summed into named rails.
 */
import { cpuClusterTables } from '../../shared/darwin/dvfs';
import {
  clusterResidency,
  splitResidency,
  type IoReportStateChannel,
} from '../../shared/darwin/ioreport-residency';
import type { RawClusterResidency, RawRail } from '../../shared/raw';
import type { NativeEnergyChannel } from './native-types';

const COMPLEX = 'CPU Complex Performance States';

/**
 * The cluster channels to report: in "CPU Complex Performance States", the *CPM channels where the
 * chip has them (they match the realised frequency, MACOS.md), else the cluster channels
 * (DIE_0_ECPU, PCPU...). *_IDLE channels hold idle time by state and are skipped.
 */
export function clusterChannels(channels: readonly IoReportStateChannel[]): IoReportStateChannel[] {
  const complex = channels.filter((c) => c.subgroup === COMPLEX && splitResidency(c.states) !== undefined);
  const cpm = complex.filter((c) => /CPM\d*$/.test(c.channel));
  return cpm.length > 0 ? cpm : complex;
}

function isEfficiencyChannel(name: string): boolean {
  return /(^|_)E(CPU|CPM|ACC)/.test(name);
}

/**
 * Each cluster channel with the acc-clusters table that has as many entries as the channel has
 * V-states (macmon#68: 17 PCPU states for a 17-entry table). Where two tables of that length differ, an E channel takes the first in
 * acc-clusters order and a P channel the last (acc-clusters lists the E cluster first on every
 * capture we hold); a channel without a table is left out rather than given made-up MHz.
 */
export function appleClusters(
  pmgr: Readonly<Record<string, Uint8Array>>,
  channels: readonly IoReportStateChannel[],
): RawClusterResidency[] {
  const tables = cpuClusterTables(new Map(Object.entries(pmgr)));
  const out: RawClusterResidency[] = [];
  for (const channel of clusterChannels(channels)) {
    const active = splitResidency(channel.states)?.activeTicks.length ?? 0;
    const fits = tables.filter((t) => t.mhz.length === active);
    const table = isEfficiencyChannel(channel.channel) ? fits[0] : fits[fits.length - 1];
    if (!table) continue;
    const r = clusterResidency(channel, table.mhz);
    if (r) out.push(r);
  }
  return out;
}

const UNIT_TO_J: Readonly<Record<string, number>> = { J: 1, mJ: 1e-3, uJ: 1e-6, nJ: 1e-9 };

/** Rail name for an Energy Model channel (MACOS.md "Power rails"), or undefined for the rest. */
export function railName(channel: string): string | undefined {
  if (/CPU Energy$/.test(channel)) return 'cpu';
  if (channel === 'GPU Energy') return 'gpu';
  if (/^GPU SRAM/.test(channel)) return 'gpu-sram';
  if (/^ANE/.test(channel)) return 'ane';
  if (/^DRAM/.test(channel)) return 'dram';
  return undefined;
}

/** Cumulative joules per rail; a rail whose channels are absent is absent, never 0. */
export function energyRails(channels: readonly NativeEnergyChannel[]): RawRail[] {
  const sums = new Map<string, number>();
  for (const c of channels) {
    if (c.group !== 'Energy Model') continue;
    const name = railName(c.channel);
    const scale = UNIT_TO_J[c.unit];
    if (name === undefined || scale === undefined || !Number.isFinite(c.value)) continue;
    sums.set(name, (sums.get(name) ?? 0) + c.value * scale);
  }
  return [...sums].map(([name, energyJ]) => ({ name, energyJ }));
}
