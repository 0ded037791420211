// The Linux network reader works out an interface's kind once (it is fixed for the life of the
// interface) and forgets it when the interface leaves, so a new interface of the same name is
// classified afresh.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSampler } from '../../src/core/sampler/sampler';
import type { RawSnapshot } from '../../src/shared/raw';
import { fixtureRoot } from '../helpers/linux-fixtures';

const root = mkdtempSync(join(tmpdir(), 'dm-net-kind-'));
cpSync(fixtureRoot('laptop'), root, { recursive: true, verbatimSymlinks: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const netDev = join(root, 'proc/net/dev');
const eth0Type = join(root, 'sys/class/net/eth0/type');
const kindOf = (snap: RawSnapshot, name: string) =>
  snap.network?.ok ? snap.network.value.interfaces.find((i) => i.name === name)?.kind : undefined;

describe('network interface kind', () => {
  it('is read once per interface and read afresh after the interface went away', async () => {
    const sampler = createSampler({ root });
    try {
      expect(kindOf(await sampler.sample(['network']), 'eth0')).toBe('ethernet');
      // The same eth0 cannot change type; a changed file must not matter while it stays.
      writeFileSync(eth0Type, '772\n'); // ARPHRD_LOOPBACK
      expect(kindOf(await sampler.sample(['network']), 'eth0')).toBe('ethernet');
      // eth0 leaves for one sample, then a new eth0 (now of loopback type) appears.
      const dev = readFileSync(netDev, 'utf8');
      writeFileSync(netDev, dev.split('\n').filter((l) => !l.trimStart().startsWith('eth0:')).join('\n'));
      expect(kindOf(await sampler.sample(['network']), 'eth0')).toBeUndefined();
      writeFileSync(netDev, dev);
      expect(kindOf(await sampler.sample(['network']), 'eth0')).toBe('loopback');
    } finally {
      await sampler.close();
    }
  });
});
