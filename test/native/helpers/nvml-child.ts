/**
 * Child process of nvml-clients.test.ts, started with LD_LIBRARY_PATH naming the fake NVML library:
 * samples processes and processGpu twice and prints, as JSON, what the addon read from NVML and
 * what derive made of it for this process.
 */
import { derive } from '../../../src/core/derive';
import { createSampler } from '../../../src/core/sampler/sampler';

// The fake library reads this at each call, so it can name our own pid.
process.env['FAKE_NVML_PID'] = String(process.pid);

const sampler = createSampler();
try {
  const first = await sampler.sample(['processes', 'processGpu']);
  const second = await sampler.sample(['processes', 'processGpu']);
  const sample = derive(first, second);
  const raw = second.processGpu?.ok ? second.processGpu.value : second.processGpu;
  const self = sample.processes?.ok ? sample.processes.value.processes.find((p) => p.pid === process.pid) : undefined;
  const nvidia = raw && 'clients' in raw ? raw.clients.filter((c) => c.driver === 'nvidia') : [];
  process.stdout.write(
    JSON.stringify({
      pid: process.pid,
      clients: nvidia,
      unavailable: raw && 'unavailable' in raw ? raw.unavailable : undefined,
      summary: sample.processGpu,
      self: self && { gpuPercent: self.gpuPercent, gpuMemoryBytes: self.gpuMemoryBytes },
    }),
  );
} finally {
  sampler.close();
}
