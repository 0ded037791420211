/**
 * Scopes: where in a Sample the catalogue's descriptors are read, and how each output names an
 * instance (id prefix, Prometheus labels, InfluxDB measurement and tags). Labels follow
 * node_exporter (`cpu`, `device`, `power_supply`, `chip`/`sensor`) so its families keep its labels.
 */
import { fairSensorOrder } from '../sensor-order';
import { valueOf } from '../metric-result';
import type {
  BatterySample,
  ClusterSample,
  CoreSample,
  CpuSample,
  DiskIoSample,
  GpuSample,
  InterfaceSample,
  MemorySample,
  MountSample,
  PowerSample,
  ProcessSample,
  ProcessesSample,
  RailSample,
  RailsSample,
  TempSensorSample,
} from '../sample';
import type { RawAdapter, RawFan, RawHost } from '../raw';
import { busiestProcesses } from './busiest';
import type { AnyScope, Scope, ScopeName } from './types';

const one = <T>(value: T | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : [value];
const none = () => [] as const;
const noTags = () => ({});

export const hostScope: Scope<RawHost> = {
  name: 'host',
  section: 'host',
  path: 'host',
  template: 'host',
  items: (s) => one(valueOf(s.host)),
  prefix: () => 'host',
  promLabels: none,
  measurement: 'host',
  influxTags: noTags,
};

export const cpuScope: Scope<CpuSample> = {
  name: 'cpu',
  section: 'cpu',
  path: 'cpu',
  template: 'cpu',
  items: (s) => one(valueOf(s.cpu)),
  prefix: () => 'cpu',
  promLabels: none,
  measurement: 'cpu',
  influxTags: noTags,
};

export const coreScope: Scope<CoreSample> = {
  name: 'core',
  section: 'cpu',
  path: 'cpu.cores[]',
  template: 'cpu.core.<cpu>',
  key: 'cpu',
  items: (s) => valueOf(s.cpu)?.cores,
  prefix: (c) => `cpu.core.${c.id}`,
  title: (c) => `Core ${c.id}`,
  promLabels: (c) => [['cpu', String(c.id)]],
  measurement: 'cpu_core',
  influxTags: (c) => ({ cpu: String(c.id) }),
};

export const clusterScope: Scope<ClusterSample> = {
  name: 'cluster',
  section: 'cpu',
  path: 'cpu.clusters[]',
  template: 'cpu.cluster.<cluster>',
  key: 'cluster',
  items: (s) => valueOf(s.cpu)?.clusters ?? (s.cpu?.ok ? [] : undefined),
  prefix: (c) => `cpu.cluster.${c.name}`,
  title: (c) => c.name,
  promLabels: (c) => [['cluster', c.name]],
  measurement: 'cpu_cluster',
  influxTags: (c) => ({ cluster: c.name }),
};

export const memoryScope: Scope<MemorySample> = {
  name: 'memory',
  section: 'memory',
  path: 'memory',
  template: 'memory',
  items: (s) => one(valueOf(s.memory)),
  prefix: () => 'memory',
  promLabels: none,
  measurement: 'memory',
  influxTags: noTags,
};

export const powerScope: Scope<PowerSample> = {
  name: 'power',
  section: 'power',
  path: 'power',
  template: 'power',
  items: (s) => one(valueOf(s.power)),
  prefix: () => 'power',
  promLabels: none,
  measurement: 'power',
  influxTags: noTags,
};

export const adapterScope: Scope<RawAdapter> = {
  name: 'adapter',
  section: 'power',
  path: 'power.adapters[]',
  template: 'power.adapter.<adapter>',
  key: 'adapter',
  items: (s) => valueOf(s.power)?.adapters,
  prefix: (a) => `power.adapter.${a.id}`,
  title: (a) => a.name ?? a.id,
  promLabels: (a) => [['power_supply', a.id]],
  measurement: 'power_adapter',
  influxTags: (a) => ({ adapter: a.id }),
};

export const batteryScope: Scope<BatterySample> = {
  name: 'battery',
  section: 'power',
  path: 'power.batteries[]',
  template: 'power.battery.<battery>',
  key: 'battery',
  items: (s) => valueOf(s.power)?.batteries,
  prefix: (b) => `power.battery.${b.id}`,
  title: (b) => `Battery ${b.id}`,
  promLabels: (b) => [['power_supply', b.id]],
  measurement: 'battery',
  influxTags: (b) => ({ battery: b.id }),
};

export const sensorScope: Scope<TempSensorSample> = {
  name: 'sensor',
  section: 'thermal',
  path: 'thermal.sensors[]',
  template: 'thermal.<sensor>',
  key: 'sensor',
  // Group by group in turn (sensor-order.ts), so the history's temperature quota reaches every group.
  items: (s) => {
    const sensors = valueOf(s.thermal)?.sensors;
    return sensors && fairSensorOrder(sensors);
  },
  prefix: (t) => `thermal.${t.id}`,
  title: (t) => t.label ?? t.id,
  promLabels: (t) => [
    ['chip', t.chip],
    ['sensor', t.sensor],
  ],
  measurement: 'temperature',
  influxTags: (t) => ({ chip: t.chip, sensor: t.sensor, group: t.group }),
  attributes: [{ leaf: 'label', get: (t) => t.label, influx: 'string', csv: false }],
};

export const fanScope: Scope<RawFan> = {
  name: 'fan',
  section: 'fans',
  path: 'fans.fans[]',
  template: 'fans.<fan>',
  key: 'fan',
  items: (s) => valueOf(s.fans)?.fans,
  prefix: (f) => `fans.${f.id}`,
  title: (f) => f.label ?? f.id,
  promLabels: (f) => [
    ['chip', f.chip],
    ['sensor', f.sensor],
  ],
  measurement: 'fan',
  influxTags: (f) => ({ chip: f.chip, sensor: f.sensor }),
  attributes: [{ leaf: 'label', get: (f) => f.label, influx: 'string', csv: false }],
};

export const gpuScope: Scope<GpuSample> = {
  name: 'gpu',
  section: 'gpu',
  path: 'gpu.gpus[]',
  template: 'gpu.<gpu>',
  key: 'gpu',
  items: (s) => valueOf(s.gpu)?.gpus,
  prefix: (g) => `gpu.${g.id}`,
  title: (g) => g.model ?? g.id,
  promLabels: (g) => [['gpu', g.id]],
  measurement: 'gpu',
  influxTags: (g) => ({ gpu: g.id }),
};

export const railScope: Scope<RailSample> = {
  name: 'rail',
  section: 'rails',
  path: 'rails.rails[]',
  template: 'rails.<rail>',
  key: 'rail',
  items: (s) => valueOf(s.rails)?.rails,
  prefix: (r) => `rails.${r.name}`,
  title: (r) => r.name,
  promLabels: (r) => [['rail', r.name]],
  measurement: 'rail',
  influxTags: (r) => ({ rail: r.name }),
};

export const railsScope: Scope<RailsSample> = {
  name: 'rails',
  section: 'rails',
  path: 'rails',
  template: 'rails',
  items: (s) => one(valueOf(s.rails)),
  prefix: () => 'rails',
  promLabels: none,
  measurement: 'system_power',
  influxTags: noTags,
};

export const mountScope: Scope<MountSample> = {
  name: 'mount',
  section: 'disks',
  path: 'disks.mounts[]',
  template: 'disks.mount.<mount>',
  key: 'mount',
  items: (s) => valueOf(s.disks)?.mounts,
  prefix: (m) => `disks.mount.${m.mount}`,
  title: (m) => m.mount,
  promLabels: (m) => [
    ['device', m.device],
    ['fstype', m.fsType],
    ['mountpoint', m.mount],
  ],
  measurement: 'filesystem',
  influxTags: (m) => ({ mount: m.mount, device: m.device, fstype: m.fsType }),
};

export const diskScope: Scope<DiskIoSample> = {
  name: 'disk',
  section: 'disks',
  path: 'disks.devices[]',
  template: 'disks.<device>',
  key: 'device',
  items: (s) => valueOf(s.disks)?.devices,
  prefix: (d) => `disks.${d.name}`,
  title: (d) => d.name,
  promLabels: (d) => [['device', d.name]],
  measurement: 'disk_io',
  influxTags: (d) => ({ device: d.name }),
};

export const ifaceScope: Scope<InterfaceSample> = {
  name: 'interface',
  section: 'network',
  path: 'network.interfaces[]',
  template: 'network.<interface>',
  key: 'interface',
  items: (s) => valueOf(s.network)?.interfaces,
  prefix: (i) => `network.${i.name}`,
  title: (i) => i.name,
  promLabels: (i) => [['device', i.name]],
  measurement: 'net',
  influxTags: (i) => ({ interface: i.name, kind: i.kind }),
};

export const processesScope: Scope<ProcessesSample> = {
  name: 'processes',
  section: 'processes',
  path: 'processes',
  template: 'processes',
  items: (s) => one(valueOf(s.processes)),
  prefix: () => 'processes',
  promLabels: none,
  measurement: 'processes',
  influxTags: noTags,
};

export const procScope: Scope<ProcessSample> = {
  name: 'process',
  section: 'processes',
  path: 'processes.processes[]',
  template: 'process.<pid>',
  key: 'pid',
  items: (s, o) => {
    const list = valueOf(s.processes)?.processes;
    return list === undefined ? undefined : busiestProcesses(list, o.topProcesses);
  },
  prefix: (p) => `process.${p.pid}`,
  title: (p) => `${p.name} (${p.pid})`,
  // The name is a label for Prometheus (one series per pid anyway) but only a field for InfluxDB:
  // it is attacker-controlled and would multiply series cardinality as a tag.
  promLabels: (p) => [
    ['pid', String(p.pid)],
    ['name', p.name],
  ],
  measurement: 'process',
  influxTags: (p) => ({ pid: String(p.pid) }),
  attributes: [
    { leaf: 'pid', get: (p) => p.pid, csv: true },
    { leaf: 'name', get: (p) => p.name, influx: 'string', csv: true },
  ],
  csvSlots: (o) => o.topProcesses,
};

/** Every scope, in output order. */
export const SCOPES: readonly AnyScope[] = [
  hostScope,
  cpuScope,
  coreScope,
  clusterScope,
  memoryScope,
  powerScope,
  adapterScope,
  batteryScope,
  sensorScope,
  fanScope,
  gpuScope,
  railScope,
  railsScope,
  mountScope,
  diskScope,
  ifaceScope,
  processesScope,
  procScope,
];

export const SCOPE_BY_NAME: ReadonlyMap<ScopeName, AnyScope> = new Map(SCOPES.map((s) => [s.name, s]));
