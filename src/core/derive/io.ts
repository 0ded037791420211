/** Network and disk sections: bytes/s, packets or ops/s, busy %, mount usage. */
import type { RawDisks, RawNetwork } from '../../shared/raw';
import type {
  DiskIoSample,
  DisksSample,
  InterfaceSample,
  MountSample,
  NetworkSample,
} from '../../shared/sample';
import { boundedPercent, counterDelta, counterRate, indexBy } from './rate';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function deriveNetwork(
  prev: RawNetwork | undefined,
  cur: RawNetwork,
  seconds: number | undefined,
): NetworkSample {
  const before = indexBy(prev?.interfaces, (i) => i.name);
  const interfaces = cur.interfaces.map((iface): InterfaceSample => {
    const old = before.get(iface.name);
    const out: Mutable<InterfaceSample> = { ...iface };
    if (!old) return out;
    // An interface that went down and up restarts its counters: counterRate gives no rate then.
    const rx = counterRate(old.rxBytes, iface.rxBytes, seconds);
    const tx = counterRate(old.txBytes, iface.txBytes, seconds);
    const rxp = counterRate(old.rxPackets, iface.rxPackets, seconds);
    const txp = counterRate(old.txPackets, iface.txPackets, seconds);
    if (rx !== undefined) out.rxBytesPerSec = rx;
    if (tx !== undefined) out.txBytesPerSec = tx;
    if (rxp !== undefined) out.rxPacketsPerSec = rxp;
    if (txp !== undefined) out.txPacketsPerSec = txp;
    return out;
  });
  return { interfaces };
}

/**
 * Share of a mount that is used, as df(1) prints it: used / (used + available). The blocks reserved
 * for root count in neither, so a disk df calls 100 % full can still show free space in `total −
 * used` (GNU coreutils df.c, "Use%"). This is what users compare against.
 */
export function mountUsedPercent(m: { usedBytes: number; availableBytes: number }): number | undefined {
  const room = m.usedBytes + m.availableBytes;
  // A filesystem with no size (autofs, some pseudo filesystems) is not 0 % used: it has no share.
  if (!(room > 0) || !Number.isFinite(room)) return undefined;
  return Math.min(100, Math.max(0, (m.usedBytes / room) * 100));
}

export function deriveDisks(
  prev: RawDisks | undefined,
  cur: RawDisks,
  seconds: number | undefined,
): DisksSample {
  const mounts = cur.mounts.map((m): MountSample => {
    const usedPercent = mountUsedPercent(m);
    return usedPercent === undefined ? { ...m } : { ...m, usedPercent };
  });
  const before = indexBy(prev?.devices, (d) => d.name);
  const devices = cur.devices.map((dev): DiskIoSample => {
    const out: Mutable<DiskIoSample> = { ...dev };
    const old = before.get(dev.name);
    if (!old) return out;
    const rb = counterRate(old.readBytes, dev.readBytes, seconds);
    const wb = counterRate(old.writeBytes, dev.writeBytes, seconds);
    const ro = counterRate(old.readOps, dev.readOps, seconds);
    const wo = counterRate(old.writeOps, dev.writeOps, seconds);
    if (rb !== undefined) out.readBytesPerSec = rb;
    if (wb !== undefined) out.writeBytesPerSec = wb;
    if (ro !== undefined) out.readOpsPerSec = ro;
    if (wo !== undefined) out.writeOpsPerSec = wo;
    // Linux io_ticks: ms with I/O in flight (Documentation/admin-guide/iostats.rst field 10).
    if (seconds !== undefined && dev.ioTimeMs !== undefined) {
      const busyMs = counterDelta(old.ioTimeMs, dev.ioTimeMs);
      const busy = busyMs === undefined ? undefined : boundedPercent(busyMs, seconds * 1000);
      if (busy !== undefined) out.busyPercent = busy;
    }
    return out;
  });
  return { mounts, devices };
}
