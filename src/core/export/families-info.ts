/**
 * Families that describe rather than measure: whether each section was read, the sample's time and
 * `*_info` families whose value is always 1 and whose labels carry text (models, states, labels).
 * Every measured quantity comes from the catalogue (families-catalogue.ts).
 */
import { valueOf } from '../../shared/metric-result';
import type { Sample } from '../../shared/sample';
import { SECTIONS } from '../../shared/sections';
import type { FamilyBuilder } from './family';

export function addSectionFamilies(b: FamilyBuilder, sample: Sample): void {
  const up = b.family(
    'darwinmetrics_section_up',
    'gauge',
    'Whether the section was read in the last sample (1) or failed (0); see the error label.',
  );
  for (const name of SECTIONS) {
    const result = sample[name];
    if (result === undefined) continue;
    up(
      result.ok ? 1 : 0,
      result.ok
        ? [['section', name]]
        : [
            ['section', name],
            ['error', result.error.reason],
          ],
    );
  }
  b.family(
    'darwinmetrics_sample_time_seconds',
    'gauge',
    'Wall-clock time of the sample, seconds since the epoch.',
    'seconds',
  )(sample.t / 1000);
}

function addHostInfo(b: FamilyBuilder, sample: Sample): void {
  const host = valueOf(sample.host);
  if (host === undefined) return;
  const labels: [string, string][] = [
    ['platform', host.platform],
    ['arch', host.arch],
    ['nodename', host.hostname],
    ['os_name', host.osName],
    ['os_version', host.osVersion],
    ['kernel', host.kernel],
  ];
  if (host.model !== undefined) labels.push(['model', host.model]);
  b.family('darwinmetrics_host_info', 'gauge', 'Host description; the value is always 1.')(1, labels);
}

function addBatteryInfo(b: FamilyBuilder, sample: Sample): void {
  const info = b.family('node_power_supply_info', 'gauge', 'Battery description; the value is always 1.');
  for (const bat of valueOf(sample.power)?.batteries ?? []) {
    const il: [string, string][] = [
      ['power_supply', bat.id],
      ['status', bat.state],
    ];
    if (bat.manufacturer !== undefined) il.push(['manufacturer', bat.manufacturer]);
    if (bat.model !== undefined) il.push(['model_name', bat.model]);
    if (bat.technology !== undefined) il.push(['technology', bat.technology]);
    info(1, il);
  }
}

function addSensorInfo(b: FamilyBuilder, sample: Sample): void {
  const label = b.family('node_hwmon_sensor_label', 'gauge', 'Label for given chip and sensor');
  const group = b.family(
    'darwinmetrics_sensor_group_info',
    'gauge',
    'Which group (cpu, gpu, soc, battery, storage, ambient, other) a sensor belongs to; always 1.',
  );
  for (const s of valueOf(sample.thermal)?.sensors ?? []) {
    const l: [string, string][] = [
      ['chip', s.chip],
      ['sensor', s.sensor],
    ];
    if (s.label !== undefined && s.label !== '') label(1, [...l, ['label', s.label]]);
    group(1, [...l, ['group', s.group]]);
  }
  for (const f of valueOf(sample.fans)?.fans ?? []) {
    if (f.label !== undefined && f.label !== '')
      label(1, [
        ['chip', f.chip],
        ['sensor', f.sensor],
        ['label', f.label],
      ]);
  }
}

function addDeviceInfo(b: FamilyBuilder, sample: Sample): void {
  const gpu = b.family('darwinmetrics_gpu_info', 'gauge', 'GPU description; the value is always 1.');
  for (const g of valueOf(sample.gpu)?.gpus ?? [])
    gpu(1, [
      ['gpu', g.id],
      ['model', g.model ?? ''],
      ['vendor', g.vendor ?? ''],
      ['driver', g.driver ?? ''],
    ]);
  const net = b.family(
    'node_network_info',
    'gauge',
    'Non-numeric data of a network device; the value is always 1.',
  );
  for (const i of valueOf(sample.network)?.interfaces ?? [])
    net(1, [
      ['device', i.name],
      ['address', i.mac ?? ''],
      ['operstate', i.operstate ?? (i.up ? 'up' : 'down')],
      ['kind', i.kind],
    ]);
}

export function addInfoFamilies(b: FamilyBuilder, sample: Sample): void {
  addHostInfo(b, sample);
  addBatteryInfo(b, sample);
  addSensorInfo(b, sample);
  addDeviceInfo(b, sample);
}
