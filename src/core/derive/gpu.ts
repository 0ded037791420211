/** GPU section: utilization over the interval (residency where present, else the driver's busy %). */
import type { RawGpus } from '../../shared/raw';
import type { GpuSample, GpusSample } from '../../shared/sample';
import { indexBy } from './rate';
import { residencyShare } from './residency';

export function deriveGpus(prev: RawGpus | undefined, cur: RawGpus): GpusSample {
  const before = indexBy(prev?.gpus, (g) => g.id);
  const gpus = cur.gpus.map((gpu): GpuSample => {
    const out: { -readonly [K in keyof GpuSample]: GpuSample[K] } = { ...gpu };
    const old = before.get(gpu.id)?.residency;
    const share = old && gpu.residency ? residencyShare(old, gpu.residency) : undefined;
    if (share) {
      out.utilizationPercent = share.activePercent;
      if (gpu.frequencyMhz === undefined && share.mhz !== undefined) out.frequencyMhz = share.mhz;
    } else if (gpu.busyPercent !== undefined && Number.isFinite(gpu.busyPercent)) {
      // No residency interval yet (first sample, reset counters) or none at all: the driver's gauge.
      out.utilizationPercent = Math.min(100, Math.max(0, gpu.busyPercent));
    }
    return out;
  });
  return { gpus };
}
