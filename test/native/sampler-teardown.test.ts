// A Sampler torn down with its environment (a worker thread exiting) while one sample is in flight
// and others are queued. Node drains the in-flight work during teardown, when JS can no longer run:
// settling its promise used to throw out of the libuv callback and abort the whole process. ~Sampler
// deletes any still-queued worker and detaches the running one (AsyncWorker deletes it); under
// `npm run test:asan` a double free or a use of the freed Sampler aborts the run.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const ADDON = process.env['DARWINMETRICS_ADDON'] ?? resolve(process.cwd(), 'build/Release/darwinmetrics.node');

// Loads the addon, starts one sample and queues `queued` more, then ends the thread (or process)
// at once, before any of them settles.
const script = (queued: number, end: string) => `
const { createRequire } = require('node:module');
const addon = createRequire(${JSON.stringify(ADDON)})(${JSON.stringify(ADDON)});
const s = new addon.Sampler();
const pending = [s.sample()];
for (let i = 0; i < ${queued}; i++) pending.push(s.sample(['memory']));
${end}
`;

function runWorker(code: string): Promise<number> {
  return new Promise((done, fail) => {
    const w = new Worker(code, { eval: true });
    w.on('error', fail);
    w.on('exit', done);
  });
}

describe.runIf(process.platform === 'linux' && existsSync(ADDON))('Sampler at environment teardown', () => {
  it('survives worker threads exiting with samples in flight and queued', async () => {
    for (let i = 0; i < 20; i++) {
      expect(await runWorker(script(3, 'process.exit(0);'))).toBe(0);
    }
    // terminate() from outside, at whatever point the thread has reached.
    for (let i = 0; i < 20; i++) {
      const w = new Worker(script(3, ''), { eval: true });
      const exited = new Promise<number>((done) => w.on('exit', done));
      await new Promise((r) => setTimeout(r, i % 5));
      await w.terminate();
      await exited;
    }
  }, 60_000);
});
