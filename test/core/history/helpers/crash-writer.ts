// Child process for durable-crash.test.ts: opens a history in argv[2] and pushes points on a fake
// clock as fast as it can, printing "closed <bucket start ms>" after each 10 s bucket it closed (the
// bucket record has been written by then). The parent kills it with SIGKILL at a random moment.
import { openHistory } from '../../../../src/core/history/open';

const dir = process.argv[2]!;
const start = Number(process.argv[3]);
const history = await openHistory({ dir, days: 30, now: () => t });
let t = Math.max(start, history.store.lastT + 1);
process.stdout.write(`ready ${t}\n`);
for (let k = 0; ; k++) {
  const before = history.store.tiers[1]!.open;
  history.pushPoints(t, [
    { id: 'cpu.busy', label: 'CPU busy', unit: '%', value: k % 100 },
    { id: `process.${k % 50}.cpuPercent`, label: `p${k % 50}`, unit: '%', value: k % 7 },
  ]);
  const after = history.store.tiers[1]!.open;
  if (after !== before && before !== -1) process.stdout.write(`closed ${before * 10_000}\n`);
  t += 2_000;
  if (k % 64 === 0) await new Promise((r) => setImmediate(r));
}
