/**
 * The processes section on the live machine with 1,000 processes (short-lived `sleep` children fill
 * up to that count), against today's read floor measured in the same run: open, read and close
 * proc/<pid>/stat and proc/<pid>/io and fstatat each pid folder (bench/read-floor.cc). Our section
 * keeps stat open and preads it, and reads io only when processIo is asked for. Also reports the
 * descriptors the sampler keeps, which must stay bounded by the process count. JSON on stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createSampler } from '../src/core/sampler/sampler';
import { findPackageRoot } from '../src/core/native/addon';
import { measure, nativeFloor } from './sample-support';

const TARGET = 1000;
const root = findPackageRoot(process.cwd())!;
const log = (msg: string) => console.error(`processes-live bench: ${msg}`);
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const openDescriptors = () => readdirSync('/proc/self/fd').length;
const liveCount = () => readdirSync('/proc').filter((n) => /^\d+$/.test(n)).length;

async function main(): Promise<void> {
  if (process.platform !== 'linux') throw new Error('processes-live bench: Linux only');
  const children: ChildProcess[] = [];
  try {
    const needed = Math.max(0, TARGET - liveCount());
    log(`starting ${needed} sleep processes`);
    // Bounded: each child sleeps at most 120 s even if this process dies without killing it.
    for (let i = 0; i < needed; i++) children.push(spawn('sleep', ['120'], { stdio: 'ignore' }));
    const processes = liveCount();
    const before = openDescriptors();
    const sampler = createSampler();
    const table = await measure(() => sampler.sample(['processes']), 50);
    const kept = openDescriptors() - before;
    const withIo = await measure(() => sampler.sample(['processes', 'processIo']), 50);
    const keptWithIo = openDescriptors() - before;
    await sampler.close();
    const afterClose = openDescriptors() - before;
    const floor = nativeFloor(root, '/', 'processes', 50);
    console.log(
      JSON.stringify(
        {
          machine: { processes, note: 'cpuUs = median CPU of this process (all threads) per sample' },
          processes: table,
          processesWithIo: withIo,
          floorOpenReadCloseCpuUs: floor,
          descriptorsKept: { processes: kept, processesWithIo: keptWithIo, afterClose },
          ratios: {
            processesOverFloor: ratio(table.cpuUs, floor),
            processesWithIoOverFloor: ratio(withIo.cpuUs, floor),
          },
        },
        null,
        2,
      ),
    );
  } finally {
    for (const child of children) child.kill('SIGKILL');
  }
}

await main();
