/**
 * MetricSnapshot (a "Sample"): what people read. core/derive(prev, cur) builds it from two
 * RawSnapshots. Percentages are 0–100, rates are per second over the real elapsed time between the
 * two snapshots (monotonic clock). A rate is absent (never negative, never NaN) on the first sample,
 * and when a counter went backwards (reset, wrap, interface re-created, pid reused).
 */
import type { MetricResult } from './metric-result';
import type {
  BatteryState,
  MemoryPressureLevel,
  PowerSource,
  RawAdapter,
  RawBattery,
  RawDiskIo,
  RawFans,
  RawGpu,
  RawHost,
  RawInterface,
  RawMemory,
  RawMount,
  RawPerfLevel,
  RawProcessIo,
  RawTempSensor,
  ThermalPressure,
} from './raw';
import type { SectionName } from './sections';

/** Shares of CPU time over an interval, in percent of that CPU's (or all CPUs') time. */
export interface CpuUsage {
  readonly user: number;
  readonly nice: number;
  readonly system: number;
  readonly idle: number;
  readonly iowait: number;
  readonly irq: number;
  readonly softirq: number;
  readonly steal: number;
  /** 100 − idle − iowait: the share the CPU was busy. */
  readonly busy: number;
}

export interface CoreSample {
  readonly id: number;
  readonly usage?: CpuUsage;
  readonly mhz?: number;
  /** Index into CpuSample.perfLevels, where the OS tells. */
  readonly perfLevel?: number;
  /** Cumulative seconds per mode (the same object as CpuSample.coreSecondsTotal[id]). */
  readonly secondsTotal?: Readonly<Record<keyof Omit<CpuUsage, 'busy'>, number>>;
}

export interface ClusterSample {
  readonly name: string;
  /** Residency-weighted average frequency over active states (powermetrics' "HW active frequency"). */
  readonly mhz?: number;
  /** Share of the interval spent in an active (non-idle) state. */
  readonly activePercent?: number;
}

export interface CpuSample {
  readonly model: string;
  readonly vendor?: string;
  readonly arch: string;
  readonly physicalCores: number;
  readonly logicalCores: number;
  readonly perfLevels: readonly RawPerfLevel[];
  readonly loadAvg: readonly [number, number, number];
  readonly usage?: CpuUsage;
  readonly cores: readonly CoreSample[];
  readonly clusters?: readonly ClusterSample[];
  /** Cumulative seconds per mode across all CPUs (for node_cpu_seconds_total). */
  readonly secondsTotal: Readonly<Record<keyof Omit<CpuUsage, 'busy'>, number>>;
  /** Cumulative seconds per mode for each CPU. */
  readonly coreSecondsTotal: readonly Readonly<Record<keyof Omit<CpuUsage, 'busy'>, number>>[];
  readonly rosetta?: boolean;
  /** Cumulative context switches since boot (for node_context_switches_total); Linux only. */
  readonly contextSwitchesTotal?: number;
  /** Cumulative interrupts since boot (for node_intr_total); Linux only. */
  readonly interruptsTotal?: number;
  /** Context switches per second over the interval; absent on the first sample or after a reset. */
  readonly contextSwitchesPerSec?: number;
  /** Interrupts per second over the interval; absent on the first sample or after a reset. */
  readonly interruptsPerSec?: number;
}

export interface MemorySample extends RawMemory {
  readonly usedPercent: number;
  readonly swapUsedPercent: number;
  /**
   * macOS's own level, or on Linux a level derived from PSI (thresholds in core/derive-memory).
   * Absent when the machine reports neither (a kernel without CONFIG_PSI, many containers).
   */
  readonly pressure?: MemoryPressureLevel;
  /**
   * Where `pressure` came from: 'os' (macOS kern.memorystatus_vm_pressure_level), 'psi' (Linux
   * /proc/pressure/memory). Absent together with `pressure`.
   */
  readonly pressureSource?: 'os' | 'psi';
}

export interface BatterySample extends RawBattery {
  /** Full-charge capacity / design capacity, percent. */
  readonly healthPercent?: number;
  readonly state: BatteryState;
}

export interface PowerSample {
  readonly source: PowerSource;
  readonly adapters: readonly RawAdapter[];
  readonly batteries: readonly BatterySample[];
  readonly thermalPressure?: ThermalPressure;
}

export type SensorGroup = 'cpu' | 'gpu' | 'soc' | 'battery' | 'storage' | 'ambient' | 'other';

export const SENSOR_GROUPS: readonly SensorGroup[] = [
  'cpu',
  'gpu',
  'soc',
  'battery',
  'storage',
  'ambient',
  'other',
];

export interface TempSensorSample extends RawTempSensor {
  readonly group: SensorGroup;
}

export interface ThermalSample {
  readonly sensors: readonly TempSensorSample[];
}

export type FansSample = RawFans;

export interface GpuSample extends RawGpu {
  /** Utilization over the interval: residency-based where available, else the driver's busy %. */
  readonly utilizationPercent?: number;
}

export interface GpusSample {
  readonly gpus: readonly GpuSample[];
}

export interface RailSample {
  readonly name: string;
  /** Cumulative energy, joules. */
  readonly energyJ: number;
  /** Average power over the interval. */
  readonly watts?: number;
}

export interface RailsSample {
  readonly rails: readonly RailSample[];
  readonly systemW?: number;
  readonly batteryW?: number;
  readonly dcInW?: number;
}

export interface MountSample extends RawMount {
  /** used / (used + available), as df shows it; absent for a filesystem that reports no size. */
  readonly usedPercent?: number;
}

export interface DiskIoSample extends RawDiskIo {
  readonly readBytesPerSec?: number;
  readonly writeBytesPerSec?: number;
  readonly readOpsPerSec?: number;
  readonly writeOpsPerSec?: number;
  /** Share of the interval the device had I/O in flight (Linux io_ticks). */
  readonly busyPercent?: number;
}

export interface DisksSample {
  readonly mounts: readonly MountSample[];
  readonly devices: readonly DiskIoSample[];
}

export interface InterfaceSample extends RawInterface {
  readonly rxBytesPerSec?: number;
  readonly txBytesPerSec?: number;
  readonly rxPacketsPerSec?: number;
  readonly txPacketsPerSec?: number;
}

export interface NetworkSample {
  readonly interfaces: readonly InterfaceSample[];
}

export interface ProcessSample {
  readonly pid: number;
  readonly ppid: number;
  readonly name: string;
  readonly path: string;
  readonly user: string;
  readonly uid: number;
  /** One-letter state ('R', 'S', ...). */
  readonly state: string;
  /** NaN where the platform cannot tell (macOS, other users' processes without privileges). */
  readonly threads: number;
  readonly startTimeMs: number;
  readonly cpuTimeNs: number;
  readonly rssBytes: number;
  readonly virtualBytes: number;
  readonly kernelThread: boolean;
  /** 100 % = one core busy for the whole interval. */
  readonly cpuPercent?: number;
  /** rssBytes / total memory. */
  readonly memPercent?: number;
  /** Cumulative storage bytes (Activity Monitor's "Bytes Read/Written"), where readable (processIo). */
  readonly diskReadBytes?: number;
  readonly diskWriteBytes?: number;
  readonly diskReadBytesPerSec?: number;
  readonly diskWriteBytesPerSec?: number;
  /** Busiest GPU engine's share of the interval used by this process's clients (processGpu). */
  readonly gpuPercent?: number;
  /** GPU memory held by this process's clients, bytes (processGpu, where the driver reports it). */
  readonly gpuMemoryBytes?: number;
  /** Cumulative energy the OS accounts to the process, joules (macOS). */
  readonly energyJ?: number;
  /** Average power over the interval, W: measured (macOS) or estimated (see ProcessesSample.power). */
  readonly powerW?: number;
}

/** Where per-process power comes from on this machine, or why there is none. */
export type ProcessPowerSource =
  | { readonly kind: 'measured'; readonly detail: string }
  | { readonly kind: 'estimated'; readonly detail: string }
  | { readonly kind: 'unavailable'; readonly reason: string };

export interface ProcessesSample {
  readonly count: number;
  readonly processes: readonly ProcessSample[];
  /** How powerW was obtained; absent when no interval has passed yet. */
  readonly power?: ProcessPowerSource;
}

/**
 * processGpu: how many GPU clients were found, how many processes could not be inspected, and the
 * GPUs whose driver gives no per-process figures, with the reason.
 */
export interface ProcessGpuSample {
  readonly clients: number;
  readonly denied: number;
  readonly unavailable: readonly string[];
}

export interface SampleSections {
  readonly host: RawHost;
  readonly cpu: CpuSample;
  readonly memory: MemorySample;
  readonly power: PowerSample;
  readonly thermal: ThermalSample;
  readonly fans: FansSample;
  readonly gpu: GpusSample;
  readonly rails: RailsSample;
  readonly disks: DisksSample;
  readonly network: NetworkSample;
  readonly processes: ProcessesSample;
  readonly processIo: RawProcessIo;
  readonly processGpu: ProcessGpuSample;
}

export type SampleSectionResults = { readonly [K in SectionName]?: MetricResult<SampleSections[K]> };

export interface SampleClock {
  /** Wall clock, ms since the epoch. */
  readonly t: number;
  /** Monotonic clock, ns. */
  readonly mono: number;
  /** Elapsed time since the previous snapshot used for rates; absent on the first sample. */
  readonly intervalMs?: number;
}

/** The public shape of one derived sample. */
export type MetricSnapshot = SampleClock & SampleSectionResults;

/** Short name used across the code base. */
export type Sample = MetricSnapshot;
