/**
 * RawSnapshot: what a backend reads, before any interpretation.
 *
 * Both backends (Linux /proc + /sys, macOS mach/IOKit/SMC/IOReport) produce exactly this shape once
 * the core Sampler has normalised the native output (macOS SMC bytes are decoded in TypeScript).
 * Counters stay counters: cumulative values here, rates are computed by core/derive between two
 * snapshots. Units are part of every field name. An optional field that is absent means "this
 * machine does not report it", never zero.
 */
import type { MetricResult } from './metric-result';
import type { SectionName } from './sections';

export type Platform = 'linux' | 'darwin';

export interface RawHost {
  readonly platform: Platform;
  /** Node-style architecture name: 'x64', 'arm64', ... */
  readonly arch: string;
  readonly hostname: string;
  /** Distribution or product name: "Debian GNU/Linux 12 (bookworm)", "macOS". */
  readonly osName: string;
  /** "12", "14.6.1". */
  readonly osVersion: string;
  /** Kernel release: "6.1.0-18-amd64", "23.6.0" (Darwin). */
  readonly kernel: string;
  /** Hardware model: DMI product name on Linux, hw.model ("Mac14,6") on macOS. */
  readonly model?: string;
  /** Boot time, wall clock, ms since the epoch. */
  readonly bootTimeMs: number;
  readonly uptimeSec: number;
}

/** Cumulative per-CPU time counters, in ticks of `RawCpu.ticksPerSecond`. */
export interface RawCpuTicks {
  readonly user: number;
  readonly nice: number;
  readonly system: number;
  readonly idle: number;
  readonly iowait: number;
  readonly irq: number;
  readonly softirq: number;
  readonly steal: number;
}

/** A performance level: Apple P/E clusters (hw.perflevelN), Intel hybrid P/E cores on Linux. */
export interface RawPerfLevel {
  /** "Performance", "Efficiency", ... as the OS names it. */
  readonly name: string;
  readonly logicalCores: number;
  /** Logical CPU ids in this level, where the OS tells. */
  readonly cpus?: readonly number[];
}

/**
 * Apple Silicon cluster DVFS residency (IOReport "CPU Stats"): cumulative time per performance
 * state, with the frequency of each state from the pmgr DVFS table. derive() turns two of these into
 * active % and residency-weighted MHz.
 */
export interface RawClusterResidency {
  /** Channel name: "ECPM", "PCPM", "PCPM1"... or a per-core channel. */
  readonly name: string;
  /** Frequencies of the active states, ascending, MHz (same length as activeTicks). */
  readonly stateMhz: readonly number[];
  /** Cumulative residency of each active state (24 MHz ticks). */
  readonly activeTicks: readonly number[];
  /** Cumulative residency of the idle and down states (24 MHz ticks). */
  readonly idleTicks: number;
}

export interface RawCpu {
  readonly model: string;
  readonly vendor?: string;
  readonly arch: string;
  readonly physicalCores: number;
  readonly logicalCores: number;
  readonly perfLevels: readonly RawPerfLevel[];
  /** 1, 5 and 15 minute load averages. */
  readonly loadAvg: readonly [number, number, number];
  /** Tick rate of the counters (USER_HZ on Linux, usually 100; CLK_TCK on macOS). */
  readonly ticksPerSecond: number;
  /** Sum over all CPUs (Linux "cpu" line; macOS sum of cores). */
  readonly total: RawCpuTicks;
  /** One entry per logical CPU, in id order. */
  readonly cores: readonly RawCpuTicks[];
  /** Current frequency per logical CPU in MHz; null where unknown. Same length as cores when present. */
  readonly coreMhz?: readonly (number | null)[];
  /** Apple Silicon cluster residencies, for derived active % and frequency. */
  readonly clusters?: readonly RawClusterResidency[];
  /** macOS: the process runs translated by Rosetta 2. */
  readonly rosetta?: boolean;
  /**
   * The per-core tick counters roll over to 0 at this value (macOS: 2^32, they are 32-bit
   * `natural_t`). With it, derive() undoes one roll-over per interval and builds the total usage
   * from the per-core deltas, since a total summed from wrapping counters jumps back by 2^32.
   */
  readonly tickWrap?: number;
  /**
   * Context switches since boot, all CPUs (Linux /proc/stat `ctxt`). Absent on macOS: xnu keeps no
   * public system-wide count (see native/src/darwin/cpu.cc).
   */
  readonly contextSwitches?: number;
  /** Interrupts serviced since boot, all CPUs (Linux /proc/stat `intr`, first field). Absent on macOS. */
  readonly interrupts?: number;
}

export type MemoryPressureLevel = 'normal' | 'warning' | 'critical';

/** Linux pressure stall information: averages in percent, total in microseconds (cumulative). */
export interface RawPsiLine {
  readonly avg10: number;
  readonly avg60: number;
  readonly avg300: number;
  readonly totalUs: number;
}

export interface RawPsi {
  readonly some: RawPsiLine;
  readonly full?: RawPsiLine;
}

export interface RawMemory {
  readonly totalBytes: number;
  readonly freeBytes: number;
  /** Estimate of memory available for new work without swapping (Linux MemAvailable; macOS free + inactive + purgeable + speculative). */
  readonly availableBytes: number;
  /** Linux: total − available. macOS: Activity Monitor "Memory Used" (app + wired + compressed). */
  readonly usedBytes: number;
  /** Linux: Cached + Buffers + SReclaimable. macOS: Activity Monitor "Cached Files" (external + purgeable). */
  readonly cachedBytes: number;
  readonly buffersBytes?: number;
  readonly reclaimableBytes?: number;
  readonly shmemBytes?: number;
  /** macOS: wired pages. */
  readonly wiredBytes?: number;
  /** macOS: pages held by the compressor. */
  readonly compressedBytes?: number;
  /** macOS: Activity Monitor "App Memory" (internal − purgeable). */
  readonly appBytes?: number;
  readonly swapTotalBytes: number;
  readonly swapUsedBytes: number;
  /** macOS kern.memorystatus_vm_pressure_level. Linux derives a level from psi. */
  readonly pressureLevel?: MemoryPressureLevel;
  readonly psi?: RawPsi;
}

export type PowerSource = 'ac' | 'battery' | 'ups' | 'unknown';
export type ThermalPressure = 'nominal' | 'fair' | 'serious' | 'critical';
export type BatteryState = 'charging' | 'discharging' | 'full' | 'not-charging' | 'unknown';

export interface RawAdapter {
  readonly id: string;
  /** "Mains", "USB", "USB_C", "UPS", or the macOS adapter name. */
  readonly kind: string;
  readonly online: boolean;
  readonly name?: string;
  readonly watts?: number;
  readonly voltageV?: number;
  readonly currentA?: number;
}

export interface RawBattery {
  readonly id: string;
  readonly percent?: number;
  readonly state: BatteryState;
  /** Minutes to empty / to full as the OS estimates; absent while it is still calculating. */
  readonly minutesToEmpty?: number;
  readonly minutesToFull?: number;
  readonly cycleCount?: number;
  /** Energy counters (Linux energy_*: µWh → Wh). */
  readonly energyNowWh?: number;
  readonly energyFullWh?: number;
  readonly energyDesignWh?: number;
  /** Charge counters (Linux charge_* µAh → Ah; macOS mAh → Ah). */
  readonly chargeNowAh?: number;
  readonly chargeFullAh?: number;
  readonly chargeDesignAh?: number;
  readonly voltageV?: number;
  readonly voltageMinDesignV?: number;
  /** Signed: negative while discharging. */
  readonly currentA?: number;
  /** Signed: negative while discharging. */
  readonly powerW?: number;
  readonly temperatureC?: number;
  readonly manufacturer?: string;
  readonly model?: string;
  readonly technology?: string;
}

export interface RawPower {
  readonly source: PowerSource;
  readonly adapters: readonly RawAdapter[];
  readonly batteries: readonly RawBattery[];
  /** macOS notify "com.apple.system.thermalpressurelevel". */
  readonly thermalPressure?: ThermalPressure;
}

export type SensorKind = 'hwmon' | 'thermal-zone' | 'smc' | 'gpu';

export interface RawTempSensor {
  /** Stable across samples and restarts: `${chip}/${sensor}`. */
  readonly id: string;
  /** node_exporter-style chip name ("platform_coretemp_0", "thermal_zone0", "smc"). */
  readonly chip: string;
  /** Sensor within the chip ("temp1", SMC key "Tp01"). */
  readonly sensor: string;
  readonly kind: SensorKind;
  /** Human label ("Core 0", "Package id 0"); absent where the hardware has none. */
  readonly label?: string;
  readonly celsius: number;
  readonly maxC?: number;
  readonly critC?: number;
  /** Thermal zone type ("x86_pkg_temp", "acpitz"). */
  readonly zoneType?: string;
  /**
   * Linux hwmon: the chip's `name` file, i.e. its driver ("coretemp", "k10temp", "amdgpu", "nvme",
   * "drivetemp"); node_exporter's chip_name label. The chip id of a PCI device ("pci_0000:00:18.3")
   * does not contain it, and sensor groups are decided by it.
   */
  readonly chipName?: string;
}

export interface RawThermal {
  readonly sensors: readonly RawTempSensor[];
}

export interface RawFan {
  readonly id: string;
  readonly chip: string;
  readonly sensor: string;
  readonly label?: string;
  readonly rpm: number;
  readonly minRpm?: number;
  readonly maxRpm?: number;
  readonly targetRpm?: number;
  /** 'auto', 'forced', 'system' (macOS F{n}Md), or the hwmon pwm_enable value as text. */
  readonly mode?: string;
}

export interface RawFans {
  readonly fans: readonly RawFan[];
}

/** Apple GPU performance-state residency (IOReport "GPU Stats"/GPUPH). */
export interface RawGpuResidency {
  readonly stateMhz: readonly number[];
  readonly activeTicks: readonly number[];
  readonly idleTicks: number;
}

export interface RawGpu {
  readonly id: string;
  readonly model?: string;
  /** "amd", "nvidia", "intel", "apple", or the PCI vendor id as hex. */
  readonly vendor?: string;
  readonly vendorId?: string;
  readonly deviceId?: string;
  readonly driver?: string;
  /** Instantaneous utilization the driver reports, 0–100. */
  readonly busyPercent?: number;
  readonly rendererPercent?: number;
  readonly tilerPercent?: number;
  readonly memoryUsedBytes?: number;
  readonly memoryTotalBytes?: number;
  readonly temperatureC?: number;
  readonly powerW?: number;
  readonly frequencyMhz?: number;
  readonly coreCount?: number;
  readonly residency?: RawGpuResidency;
}

export interface RawGpus {
  readonly gpus: readonly RawGpu[];
}

/** A power rail: a cumulative energy counter (RAPL on Linux, IOReport Energy Model on Apple Silicon). */
export interface RawRail {
  /** "cpu", "gpu", "ane", "dram", "gpu-sram", "package-0", "core", "uncore", "psys" ... */
  readonly name: string;
  /** Cumulative energy in joules. */
  readonly energyJ: number;
  /** The counter wraps at this many joules (RAPL max_energy_range_uj), where known. */
  readonly wrapJ?: number;
  /**
   * Monotonic clock (ns) when this counter was read, where the backend stamps it apart from the
   * snapshot's `mono` (macOS: right after IOReportCreateSamples, so the time spent reading other
   * sections does not count).
   */
  readonly monoNs?: number;
  /**
   * The interval derive() takes this rail's watts over: (energyJ − fromEnergyJ) / (toMonoNs −
   * fromMonoNs). Set by core/derive/rail-cadence.ts for counters that publish in batches (IOReport
   * Energy Model channels on macOS 27 move about every 2.1 s), so a 1 s tick shows steady watts
   * instead of 0 W and then double.
   */
  readonly span?: RawRailSpan;
}

export interface RawRailSpan {
  readonly fromEnergyJ: number;
  readonly fromMonoNs: number;
  readonly toMonoNs: number;
}

export interface RawRails {
  readonly rails: readonly RawRail[];
  /** Instantaneous gauges in watts (SMC PSTR system total, PPBR battery, PDTR DC in). */
  readonly systemW?: number;
  readonly batteryW?: number;
  readonly dcInW?: number;
}

export interface RawMount {
  readonly mount: string;
  readonly device: string;
  readonly fsType: string;
  readonly totalBytes: number;
  readonly usedBytes: number;
  readonly availableBytes: number;
  readonly readOnly?: boolean;
}

export interface RawDiskIo {
  readonly name: string;
  readonly readBytes: number;
  readonly writeBytes: number;
  readonly readOps: number;
  readonly writeOps: number;
  readonly readTimeMs?: number;
  readonly writeTimeMs?: number;
  readonly ioTimeMs?: number;
}

export interface RawDisks {
  readonly mounts: readonly RawMount[];
  readonly devices: readonly RawDiskIo[];
}

export type InterfaceKind = 'loopback' | 'ethernet' | 'wireless' | 'virtual' | 'other';

export interface RawAddress {
  readonly family: 'ipv4' | 'ipv6';
  readonly address: string;
  readonly netmask?: string;
}

export interface RawInterface {
  readonly name: string;
  readonly kind: InterfaceKind;
  readonly up: boolean;
  /** Linux operstate ("up", "down", "unknown", ...). */
  readonly operstate?: string;
  readonly mac?: string;
  readonly mtu?: number;
  readonly speedMbps?: number;
  readonly addresses: readonly RawAddress[];
  readonly rxBytes: number;
  readonly txBytes: number;
  readonly rxPackets: number;
  readonly txPackets: number;
  readonly rxErrors: number;
  readonly txErrors: number;
  readonly rxDrops: number;
  readonly txDrops: number;
}

export interface RawNetwork {
  readonly interfaces: readonly RawInterface[];
}

/**
 * The process table as columns: typed arrays for numbers, plain arrays for strings.
 * Every column has `count` entries; entry i of every column describes the same process.
 * NaN in a Float64Array column means "unknown on this platform".
 */
export interface RawProcesses {
  readonly count: number;
  readonly pid: Int32Array;
  readonly ppid: Int32Array;
  readonly uid: Int32Array;
  /** Thread count; -1 = unknown (macOS cannot read other users' processes unprivileged). */
  readonly threads: Int32Array;
  /** Start time, wall clock, ms since the epoch. With pid, the identity of a process. */
  readonly startTimeMs: Float64Array;
  /** Cumulative user + system CPU time, ns. */
  readonly cpuTimeNs: Float64Array;
  readonly rssBytes: Float64Array;
  readonly virtualBytes: Float64Array;
  /** Cumulative storage bytes read and written; NaN unless processIo was sampled and permitted. */
  readonly diskReadBytes: Float64Array;
  readonly diskWriteBytes: Float64Array;
  /**
   * Cumulative energy the OS accounts to the process, nJ: macOS rusage (ri_energy_nj, or
   * ri_billed_energy before macOS 13). NaN where the OS keeps no such counter (Linux); absent in
   * recordings made before the column existed.
   */
  readonly energyNj?: Float64Array;
  /**
   * One-letter state as a char code ('R', 'S', 'D', 'Z', 'T', 'I', ...); '?' where the OS does not
   * tell (macOS: another user's process, whose task info is unreadable).
   */
  readonly state: Uint8Array;
  /** 1 for kernel threads (Linux), else 0. */
  readonly kernelThread: Uint8Array;
  readonly name: readonly string[];
  /** Executable path, '' where unreadable. */
  readonly path: readonly string[];
  readonly user: readonly string[];
}

/** processIo: how many processes' disk byte counters could be read. */
export interface RawProcessIo {
  readonly readable: number;
  /** Other users' processes without the privilege to read them: their cells stay NaN. */
  readonly denied: number;
}

/**
 * One GPU engine of a client (Linux DRM fdinfo, Documentation/gpu/drm-usage-stats.rst): busy time
 * in ns, or busy and total cycles (xe); NaN for a key the driver does not report.
 */
export interface RawGpuEngine {
  readonly name: string;
  readonly busyNs: number;
  readonly cycles: number;
  readonly totalCycles: number;
  /** Engines of this class (drm-engine-capacity-<name>), 1 when not reported. */
  readonly capacity: number;
  /**
   * The driver's own utilisation of the engine over its sampling period, 0–100, where it reports a
   * percentage instead of a counter (NVIDIA's NVML); NaN for counter engines.
   */
  readonly percent: number;
}

/** A GPU client held by a process: one DRM file description (Linux) or accelerator user client (macOS). */
export interface RawGpuClient {
  readonly pid: number;
  /** drm-driver (amdgpu, i915, xe, ...) or the macOS user client class. */
  readonly driver: string;
  /** drm-pdev, '' when unknown. */
  readonly device: string;
  /** Unique per device: descriptors sharing one are one client. */
  readonly clientId: string;
  readonly engines: readonly RawGpuEngine[];
  /** GPU memory the client owns, bytes (drm-total-*, or the older drm-memory-*); NaN when unknown. */
  readonly memoryBytes: number;
  /** Of which resident, bytes; NaN when unknown. */
  readonly residentBytes: number;
}

export interface RawProcessGpu {
  readonly clients: readonly RawGpuClient[];
  /** Processes whose open files could not be listed (permission). */
  readonly denied: number;
  /** One line per GPU whose driver cannot give per-process figures, with the reason (NVML). */
  readonly unavailable: readonly string[];
}

/** The value type of each section. */
export interface RawSections {
  readonly host: RawHost;
  readonly cpu: RawCpu;
  readonly memory: RawMemory;
  readonly power: RawPower;
  readonly thermal: RawThermal;
  readonly fans: RawFans;
  readonly gpu: RawGpus;
  readonly rails: RawRails;
  readonly disks: RawDisks;
  readonly network: RawNetwork;
  readonly processes: RawProcesses;
  readonly processIo: RawProcessIo;
  readonly processGpu: RawProcessGpu;
}

export type RawSectionResults = { readonly [K in SectionName]?: MetricResult<RawSections[K]> };

export interface RawSnapshotClock {
  /** Wall clock when the sample was taken, ms since the epoch. */
  readonly t: number;
  /** Monotonic clock, ns (CLOCK_MONOTONIC / mach_continuous_time); elapsed time comes from this. */
  readonly mono: number;
}

/** One sample: the clock plus one MetricResult per requested section. */
export type RawSnapshot = RawSnapshotClock & RawSectionResults;
