// proc/net/dev missing: counters come from sys/class/net/*/statistics, and an interface whose
// counters cannot all be read is left out instead of being reported with invented zeros.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSampler } from '../../src/core/sampler/sampler';
import type { RawSnapshot } from '../../src/shared/raw';
import { fixtureRoot } from '../helpers/linux-fixtures';
import { rawShapeProblems } from '../helpers/raw-shape';

async function sampleNetwork(root: string): Promise<RawSnapshot> {
  const sampler = createSampler({ root });
  try {
    return await sampler.sample(['network']);
  } finally {
    await sampler.close();
  }
}

describe.runIf(process.platform === 'linux')('network without proc/net/dev', () => {
  it('reads sys/class/net statistics and skips interfaces whose counters are unreadable', async () => {
    const snap = await sampleNetwork(fixtureRoot('no-net-dev'));
    expect(rawShapeProblems(snap)).toEqual([]);
    if (!snap.network?.ok) throw new Error(JSON.stringify(snap.network));
    const ifs = snap.network.value.interfaces;
    // wlan0 lacks tx_bytes, tun0 has no statistics/, bonding_masters is a file.
    expect(ifs.map((i) => i.name)).toEqual(['eth0']);
    expect(ifs[0]).toMatchObject({
      kind: 'ethernet',
      up: true,
      mtu: 1500,
      rxBytes: 123456789012,
      txBytes: 2002,
      rxPackets: 3003,
      txPackets: 4004,
      rxErrors: 5005,
      txErrors: 6006,
      rxDrops: 7007,
      txDrops: 8008,
    });
  });

  it('keeps the section error when no interface has readable counters', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dm-netstats-'));
    const dir = join(root, 'sys/class/net/eth0');
    mkdirSync(join(dir, 'statistics'), { recursive: true });
    writeFileSync(join(dir, 'operstate'), 'up\n');
    writeFileSync(join(dir, 'statistics/rx_bytes'), 'garbage\n');
    mkdirSync(join(root, 'sys/class/net/tun0'));
    const snap = await sampleNetwork(root);
    expect(snap.network).toMatchObject({ ok: false, error: { reason: 'unavailable' } });
  });
});
