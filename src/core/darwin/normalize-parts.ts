/**
 * Pieces of normalizeDarwin: CPU cluster residencies matched to their DVFS tables, IOReport
 * Energy Model channels summed into named rails, interface kinds, and the raw process columns.
 */
import { cpuClusterTables } from '../../shared/darwin/dvfs';
import {
  clusterResidency,
  splitResidency,
  type IoReportStateChannel,
} from '../../shared/darwin/ioreport-residency';
import { darwinInterfaceKind } from '../../shared/darwin/network';
import { darwinProcessState, machTickNs } from '../../shared/darwin/processes';
import type { RawClusterResidency, RawNetwork, RawProcesses, RawRail } from '../../shared/raw';
import type { NativeDarwinExtras, NativeEnergyChannel } from './native-types';

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
 * Each cluster channel with the CPU table (dvfs.cpuClusterTables: named by acc-clusters on M5+,
 * tables 1 and 5 plus any plausible ladder on M1–M4) that has as many entries as the channel has
 * V-states (macmon#68: 17 PCPU states for a 17-entry table). Where two tables of that length differ, an E channel takes the first and a P
 * channel the last (cpuClusterTables puts the E candidate first and the P candidate last;
 * acc-clusters lists the E cluster first on every capture we hold); a channel without a table is
 * left out rather than given made-up MHz.
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

/**
 * Cumulative joules per rail; a rail whose channels are absent is absent, never 0. Unit labels are
 * trimmed before matching (macmon trims IOReportChannelGetUnitLabel too). `monoNs` is when the
 * IOReport sample was taken (NativeDarwinExtras.ioreportMonoNs), carried into each rail.
 */
export function energyRails(channels: readonly NativeEnergyChannel[], monoNs?: number): RawRail[] {
  const sums = new Map<string, number>();
  for (const c of channels) {
    if (c.group !== 'Energy Model') continue;
    const name = railName(c.channel);
    const scale = UNIT_TO_J[c.unit.trim()];
    if (name === undefined || scale === undefined || !Number.isFinite(c.value)) continue;
    sums.set(name, (sums.get(name) ?? 0) + c.value * scale);
  }
  const stamp = monoNs !== undefined && Number.isFinite(monoNs) ? { monoNs } : {};
  return [...sums].map(([name, energyJ]) => ({ name, energyJ, ...stamp }));
}

/**
 * The process columns the native side leaves raw: cpuTimeNs from Mach ticks to ns (unknown, NaN,
 * when the tick length is), and state from pbi_status + pti_numrunning to a letter.
 */
export function normalizeProcesses(p: RawProcesses, x: NativeDarwinExtras): RawProcesses {
  const nsPerTick = machTickNs(x.machTimebase) ?? NaN;
  const running = x.processRunningThreads;
  if (running !== undefined && running.length !== p.count)
    throw new RangeError(`processRunningThreads has ${running.length} rows, processes ${p.count}`);
  const cpuTimeNs = new Float64Array(p.count);
  const state = new Uint8Array(p.count);
  for (let i = 0; i < p.count; i++) {
    cpuTimeNs[i] = (p.cpuTimeNs[i] ?? NaN) * nsPerTick;
    state[i] = darwinProcessState(p.state[i] ?? 0, running?.[i] ?? -1);
  }
  return { ...p, cpuTimeNs, state };
}

/** Each interface's kind from the native facts (Wi-Fi is IFT_ETHER too: shared/darwin/network.ts). */
export function normalizeNetwork(net: RawNetwork, x: NativeDarwinExtras): RawNetwork {
  const facts = new Map((x.interfaces ?? []).map((f) => [f.name, f]));
  const wifi = x.wifiInterfaces ? new Set(x.wifiInterfaces) : undefined;
  const interfaces = net.interfaces.map((itf) => {
    const f = facts.get(itf.name);
    return f ? { ...itf, kind: darwinInterfaceKind(f, wifi) } : itf;
  });
  return { ...net, interfaces };
}
