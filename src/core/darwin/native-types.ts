/**
 * What the macOS backend adds to the native snapshot (native/src/darwin/to_js_darwin.cc): the raw
 * material that core/darwin/normalize.ts interprets with the decoders of src/shared/darwin.
 * Present only on macOS, under the snapshot's `darwin` key; each part only when its section was
 * requested and the source could be read.
 */
import type { RegistryValue } from '../../shared/darwin/registry';
import type { IoReportStateChannel } from '../../shared/darwin/ioreport-residency';
import type { VmCounters } from '../../shared/darwin/memory';
import type { DarwinInterfaceFacts } from '../../shared/darwin/network';
import type { MachTimebase } from '../../shared/darwin/processes';
import type { NativeSmcReading, NativeSnapshot } from '../native';

export type NativeRegistryDict = Readonly<Record<string, RegistryValue>>;

/**
 * host_statistics64(HOST_VM_INFO64) counters in pages (documented in shared/darwin/memory.ts), plus
 * the kernel page size from host_page_size (16 KiB on Apple Silicon, also under Rosetta, where the
 * user-space vm_page_size says 4 KiB).
 */
export interface NativeVmCounters extends VmCounters {
  readonly pageSize: number;
}

/** One IOReport simple (energy) channel: a cumulative counter in `unit` ("mJ", "uJ", "nJ"). */
export interface NativeEnergyChannel {
  readonly group: string;
  readonly subgroup: string;
  readonly channel: string;
  readonly unit: string;
  readonly value: number;
}

export interface NativeBatterySource {
  /** IOPSGetPowerSourceDescription dictionary (keys as in IOPSKeys.h: "Current Capacity", ...). */
  readonly ips: NativeRegistryDict;
  /** AppleSmartBattery registry properties, when the service exists. */
  readonly registry?: NativeRegistryDict;
}

export interface NativeDarwinExtras {
  /** arm64 hardware (also true under Rosetta): selects the SMC integer byte-order table. */
  readonly appleSilicon: boolean;
  /** machdep.cpu.brand_string ("Apple M2 Max"). */
  readonly cpuBrand?: string;
  readonly vm?: NativeVmCounters;
  /** kern.memorystatus_vm_pressure_level */
  readonly memoryPressureLevel?: number;
  /** pmgr properties: voltage-states* and acc-clusters, raw bytes. */
  readonly pmgr?: Readonly<Record<string, Uint8Array>>;
  /** IOReport "CPU Stats" state channels, cumulative 24 MHz ticks. */
  readonly cpuResidency?: readonly IoReportStateChannel[];
  /** IOReport "GPU Stats" state channels (GPUPH). */
  readonly gpuResidency?: readonly IoReportStateChannel[];
  /** IOReport "Energy Model" channels. */
  readonly energy?: readonly NativeEnergyChannel[];
  /**
   * CLOCK_MONOTONIC (ns, the clock of the snapshot's `mono`) taken right after
   * IOReportCreateSamples: rail watts divide by the time between two of these, not between two
   * snapshot stamps taken before the other sections were read.
   */
  readonly ioreportMonoNs?: number;
  /** One entry per IOPS power source of type InternalBattery. */
  readonly batteries?: readonly NativeBatterySource[];
  /**
   * With the processes section: what converts its cpuTimeNs column, which the native side fills
   * with Mach absolute-time ticks, into ns (shared/darwin/processes.ts machTickNs).
   */
  readonly machTimebase?: MachTimebase;
  /**
   * With the processes section: pti_numrunning per row (−1 where task info was unreadable); the
   * native state column holds pbi_status, turned into a letter by darwinProcessState.
   */
  readonly processRunningThreads?: Int32Array;
  /** With the network section: what shared/darwin/network.ts tells each interface's kind by. */
  readonly interfaces?: readonly DarwinInterfaceFacts[];
  /** BSD names of the Wi-Fi interfaces (IORegistry); absent where the registry was not read. */
  readonly wifiInterfaces?: readonly string[];
  /** IOPSGetProvidingPowerSourceType: "AC Power", "Battery Power", "UPS Power". */
  readonly providingSource?: string;
  /** IOPSCopyExternalPowerAdapterDetails */
  readonly adapter?: NativeRegistryDict;
  /** notify_get_state("com.apple.system.thermalpressurelevel") */
  readonly thermalPressureState?: number;
  /** Accelerator user clients' accounting properties (processGpu), decoded by shared/darwin/gpu-clients.ts. */
  readonly gpuClients?: readonly NativeRegistryDict[];
  /** Why a part is missing, per part name ("ioreport": "libIOReport.dylib lacks IOReportCreateSamples"). */
  readonly unavailable?: Readonly<Record<string, string>>;
}

export type NativeDarwinSnapshot = NativeSnapshot & { readonly darwin?: NativeDarwinExtras };

/** A section value as the darwin backend returns it: the RawSnapshot value plus raw SMC readings. */
export type WithSmc<T> = T & { readonly smc?: readonly NativeSmcReading[] };
