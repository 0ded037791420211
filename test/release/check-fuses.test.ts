// scripts/check-fuses.mjs against stand-in executables carrying a fuse wire laid out as Electron's
// (sentinel, version 1, length, one '0'/'1' byte per fuse; read by @electron/fuses itself).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'dm-fuses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** SENTINEL of @electron/fuses (its constants.d.ts). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

function fakeExecutable(name: string, wire: string): string {
  const file = join(dir, name);
  const bytes = Buffer.concat([
    Buffer.from('\x7fELF padding '),
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([1, wire.length]),
    Buffer.from(wire, 'latin1'),
    Buffer.from(' more padding'),
  ]);
  writeFileSync(file, bytes);
  return file;
}

const check = (file: string) =>
  spawnSync(process.execPath, [join(root, 'scripts', 'check-fuses.mjs'), file], {
    cwd: root,
    encoding: 'utf8',
  });

describe('check-fuses', () => {
  // FuseV1Options order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect,
  // EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, GrantFileProtocolExtraPrivileges.
  it('passes a binary whose fuses match electron-builder.yml', () => {
    const r = check(fakeExecutable('good', '01001100'));
    expect(r.stdout).not.toContain('FAIL');
    expect(r.stdout).toContain('ok   OnlyLoadAppFromAsar: on (want on)');
    expect(r.status).toBe(0);
  });

  it('fails, naming the fuse, when one was not flipped', () => {
    const r = check(fakeExecutable('runasnode', '11001100'));
    expect(r.stdout).toContain('FAIL RunAsNode: on (want off)');
    expect(r.status).toBe(1);
  });

  it('fails on a binary without a fuse wire', () => {
    writeFileSync(join(dir, 'none'), 'no sentinel here');
    expect(check(join(dir, 'none')).status).not.toBe(0);
  });
});
