/**
 * One full sample of the native sampler on this machine, per section, against systeminformation
 * fetching the same data (its child processes' CPU counted) and against the read floor; the
 * processes section on generated trees of 100, 1,000 and 10,000 processes; and the two ways the
 * process table can cross the addon boundary (columns vs one object per process). JSON on stdout.
 */
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import si from 'systeminformation';
import { createSampler } from '../src/core/sampler/sampler';
import { findPackageRoot } from '../src/core/native/addon';
import type { NativeAddon } from '../src/core/native/native-types';
import { SECTIONS } from '../src/shared/sections';
import {
  buildVariant,
  generateProcessTree,
  measure,
  nativeFloor,
  readFloor,
  type Timing,
} from './sample-support';

const root = findPackageRoot(process.cwd())!;
const log = (msg: string) => console.error(`sample bench: ${msg}`);
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

async function main(): Promise<void> {
  const sampler = createSampler();
  const first = await sampler.sample();
  const liveProcesses = first.processes?.ok ? first.processes.value.count : 0;

  log('full sample and sections');
  const full = await measure(() => sampler.sample(), 200);
  const sections: Record<string, Timing> = {};
  for (const s of SECTIONS) sections[s] = await measure(() => sampler.sample([s]), 100);
  await sampler.close();

  log('read floor');
  const floor = {
    nativeCpuUs: nativeFloor(root, '/', 'full', 200),
    nativeProcessesCpuUs: nativeFloor(root, '/', 'processes', 200),
    js: await measure(() => readFloor('/'), 200),
  };

  log('systeminformation (same data)');
  const siCalls = {
    currentLoad: () => si.currentLoad(),
    mem: () => si.mem(),
    battery: () => si.battery(),
    cpuTemperature: () => si.cpuTemperature(),
    graphics: () => si.graphics(),
    processes: () => si.processes(),
    networkStats: () => si.networkStats('*'),
    fsSize: () => si.fsSize(),
    fsStats: () => si.fsStats(),
  };
  const siPer: Record<string, Timing> = {};
  for (const [name, fn] of Object.entries(siCalls)) siPer[name] = await measure(fn, 7, 2);
  const siAll = await measure(() => Promise.all(Object.values(siCalls).map((f) => f())), 7, 1);

  log('process-count scaling on generated trees');
  const scaling: Record<
    string,
    Timing & { perProcessNs: number; nativeFloorCpuUs: number; jsFloorCpuUs: number }
  > = {};
  for (const n of [100, 1000, 10000]) {
    const tree = generateProcessTree(n);
    const s = createSampler({ root: tree });
    const t = await measure(() => s.sample(['processes']), n >= 10000 ? 20 : 50);
    const f = await measure(() => readFloor(tree, false), n >= 10000 ? 20 : 50);
    const nf = nativeFloor(root, tree, 'processes', n >= 10000 ? 20 : 50);
    await s.close();
    rmSync(tree, { recursive: true, force: true });
    scaling[n] = {
      ...t,
      perProcessNs: Math.round((t.cpuUs * 1000) / n),
      nativeFloorCpuUs: nf,
      jsFloorCpuUs: f.cpuUs,
    };
  }

  log('process layout: columns vs objects (clang -O3 builds of both)');
  const require = createRequire(import.meta.url);
  const layouts: Record<string, Timing> = {};
  const tree = generateProcessTree(5000);
  for (const [name, defines] of [
    ['columns', []],
    ['objects', ['DARWINMETRICS_PROCESS_OBJECTS']],
  ] as const) {
    const addon = require(await buildVariant(root, name, defines)) as NativeAddon;
    const s = new addon.Sampler({ root: tree });
    // Live: the whole object graph must be reachable afterwards, as a consumer would keep it.
    layouts[name] = await measure(async () => {
      const snap = await s.sample(['processes']);
      return snap;
    }, 40);
    await s.close();
  }
  rmSync(tree, { recursive: true, force: true });

  const siCpu = siAll.cpuUs;
  console.log(
    JSON.stringify(
      {
        machine: {
          processes: liveProcesses,
          note: 'cpuUs = median CPU of this process (all threads) + children',
        },
        full,
        sections,
        floor,
        systeminformation: { all: siAll, perCall: siPer },
        processScaling: scaling,
        processLayout5000: layouts,
        ratios: {
          systeminformationOverOurs: ratio(siCpu, full.cpuUs),
          oursOverNativeFloor: ratio(full.cpuUs, floor.nativeCpuUs),
          oursOverJsFloor: ratio(full.cpuUs, floor.js.cpuUs),
          processesOverNativeFloor: ratio(sections['processes']!.cpuUs, floor.nativeProcessesCpuUs),
          processes10000Over1000: ratio(scaling[10000]!.cpuUs, scaling[1000]!.cpuUs),
          processes1000Over100: ratio(scaling[1000]!.cpuUs, scaling[100]!.cpuUs),
          processesOverNativeFloor10000: ratio(scaling[10000]!.cpuUs, scaling[10000]!.nativeFloorCpuUs),
          objectsOverColumns: ratio(layouts['objects']!.cpuUs, layouts['columns']!.cpuUs),
        },
      },
      null,
      2,
    ),
  );
}

await main();
