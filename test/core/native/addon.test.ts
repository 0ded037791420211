import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AddonLoadError, addonCandidates, findPackageRoot, loadAddon } from '../../../src/core/native/addon';

describe('addon loader', () => {
  it('finds the package root from a nested folder', () => {
    expect(findPackageRoot(join(process.cwd(), 'src', 'core'))).toBe(process.cwd());
  });

  it('loads the built addon and reports its backend', () => {
    const info = loadAddon().backendInfo();
    expect(info.platform).toBe(process.platform === 'darwin' ? 'darwin' : 'linux');
    expect(info.napiVersion).toBe(8);
  });

  it('lists every attempt and the fix when nothing loads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-addon-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'darwinmetrics' }));
    const bogus = join(dir, 'bogus.node');
    writeFileSync(bogus, 'not a shared object');
    let error: unknown;
    try {
      loadAddon({ from: dir, explicitPath: bogus });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AddonLoadError);
    const message = (error as Error).message;
    expect(message).toContain(bogus);
    expect(message).toContain(join(dir, 'build', 'Release', 'darwinmetrics.node') + ': not found');
    expect(message).toContain('npm run build:native');
    expect((error as AddonLoadError).attempts.length).toBe(
      addonCandidates({ from: dir, explicitPath: bogus }).length,
    );
  });
});
