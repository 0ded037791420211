// Network mounts never reach statvfs (a dead NFS/SMB server blocks it with no timeout, hanging the
// sampler's worker). statvfs only runs on the live root, so the classification is checked directly:
// ParseMountinfo + IsNetworkFs (native/src/linux/disks_parse.cc) are compiled into a tiny harness
// and run over test/fixtures/linux/laptop/proc/self/mountinfo.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSampler } from '../../src/core/sampler/sampler';
import { fixtureRoot } from '../helpers/linux-fixtures';

const HARNESS = `
#include <iostream>
#include <iterator>
#include <string>
#include "disks_parse.h"
int main() {
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  for (const auto& m : darwinmetrics::ParseMountinfo(text))
    std::cout << m.mount_point << '\\t' << m.fs_type << '\\t' << darwinmetrics::IsNetworkFs(m.fs_type) << '\\n';
}
`;
const cxx = ['c++', 'g++', 'clang++'].find((c) => spawnSync(c, ['--version']).status === 0);

describe.runIf(process.platform === 'linux')('disks: network filesystems', () => {
  it.runIf(cxx)('classifies the fixture mountinfo: nfs, cifs, sshfs, s3fs, 9p, ceph are network', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-netfs-'));
    const linux = resolve(process.cwd(), 'native/src/linux');
    writeFileSync(join(dir, 'main.cc'), HARNESS);
    const exe = join(dir, 'netfs');
    const build = spawnSync(
      cxx!,
      ['-std=c++17', `-I${linux}`, join(dir, 'main.cc'), join(linux, 'disks_parse.cc'), join(linux, 'text.cc'), '-o', exe],
      { encoding: 'utf8' },
    );
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const mountinfo = join(fixtureRoot('laptop'), 'proc/self/mountinfo');
    const run = spawnSync('sh', ['-c', `"${exe}" < "${mountinfo}"`], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    const network = rows.filter((r) => r[2] === '1').map((r) => `${r[0]} ${r[1]}`);
    const local = rows.filter((r) => r[2] === '0').map((r) => `${r[0]} ${r[1]}`);
    expect(network).toEqual([
      '/mnt/nas nfs4',
      '/mnt/old nfs',
      '/mnt/share cifs',
      '/mnt/ssh fuse.sshfs',
      '/mnt/bucket fuse.s3fs',
      '/mnt/host 9p',
      '/mnt/ceph ceph',
    ]);
    expect(local).toEqual(['/ ext4', '/proc proc', '/sys sysfs', '/boot/efi vfat', '/home/me/My Files fuseblk']);
  }, 60_000);

  it('lists no network mount on the live root, and still the root mount', async () => {
    const sampler = createSampler();
    const snap = await sampler.sample(['disks']);
    await sampler.close();
    if (!snap.disks?.ok) throw new Error(JSON.stringify(snap.disks));
    const { mounts } = snap.disks.value;
    expect(mounts.find((m) => m.mount === '/')?.totalBytes).toBeGreaterThan(0);
    const network = /^(nfs4?|cifs|smb3?|smbfs|9p|ceph|glusterfs|afs|davfs|fuse\.(sshfs|s3fs|davfs2|rclone))$/;
    expect(mounts.filter((m) => network.test(m.fsType))).toEqual([]);
  });

  it('reports no mounts on a fixture root, whatever its mountinfo says (statvfs is live-only)', async () => {
    const sampler = createSampler({ root: fixtureRoot('laptop') });
    const snap = await sampler.sample(['disks']);
    await sampler.close();
    if (!snap.disks?.ok) throw new Error(JSON.stringify(snap.disks));
    expect(snap.disks.value.mounts).toEqual([]);
  });
});
