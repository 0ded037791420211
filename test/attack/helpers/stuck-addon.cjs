// A stand-in for the native addon (loaded through DARWINMETRICS_ADDON) whose every sample is a read
// that never returns, made the way a hung driver file makes one: a blocking read of a FIFO nobody
// writes, on a libuv worker thread, where the real addon's reads run. Like the real thing, it keeps
// the process alive and would make exit() wait for it. STUCK_FIFO names the FIFO. The first sample
// answers, every section an error, so that a server has a sample whose sections can go stale.
'use strict';
// CommonJS because the addon loader require()s its file, as it does a .node file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readFile } = require('node:fs/promises');

class Sampler {
  constructor() {
    this.closed = false;
    this.reads = 0;
  }
  sample(sections) {
    if (this.reads++ === 0) {
      const now = process.hrtime.bigint();
      const snapshot = { t: Date.now(), mono: Number(now) };
      for (const name of sections ?? []) {
        snapshot[name] = { ok: false, error: { reason: 'unsupported', message: 'stuck-addon: first read' } };
      }
      return Promise.resolve(snapshot);
    }
    return readFile(process.env.STUCK_FIFO).then(() => {
      throw new Error('stuck-addon: the FIFO was written to');
    });
  }
  close() {
    this.closed = true;
  }
}

module.exports = { Sampler, backendInfo: () => ({ platform: 'linux', backend: 'stuck (test)' }) };
