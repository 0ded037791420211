// electron-builder.yml checked the way electron-builder itself reads and validates it (its getConfig
// and validateConfiguration against app-builder-lib's scheme.json), then the settings issue 12 asks
// for: fuses, hardened runtime with minimal entitlements, LSUIElement, the addon outside the asar,
// the DMG layout, Linux packages, and every referenced file present.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { addonCandidates } from '../../src/core/native/addon';

const root = join(import.meta.dirname, '..', '..');
const ADDON = 'build/Release/darwinmetrics.node';
const quietLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<
  typeof validateConfiguration
>[1];

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(root, null, null);
});

/** getConfig normalises `files` to [{ filter: [...] }]. */
const files = (): string[] => (config.files as { filter: string[] }[]).flatMap((f) => f.filter);
const resource = (name: string): string => join(root, config.directories!.buildResources!, name);
const targets = (platform: 'mac' | 'linux'): { target: string; arch: string }[] =>
  (config[platform]!.target as { target: string; arch: string }[]).map((t) => ({
    target: t.target,
    arch: String(t.arch),
  }));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('is rejected by that validation when a setting is misspelled (the check is real)', async () => {
    const broken = { ...config, mac: { ...config.mac, hardenedRuntim: true } } as Configuration;
    await expect(validateConfiguration(broken, quietLogger)).rejects.toThrow(/configuration\.mac/);
  });

  it('names the app and takes its version from package.json', () => {
    expect(config.appId).toBe('org.darwinmetrics.app');
    expect(config.productName).toBe('DarwinMetrics');
    expect(config.copyright).toMatch(/^Copyright © \d{4} /);
    expect(config).not.toHaveProperty('buildVersion');
    expect(config.extraMetadata).not.toHaveProperty('version');
  });

  it('builds a universal dmg and zip for macOS 12+ with the hardened runtime and no Dock icon', () => {
    const mac = config.mac!;
    expect(targets('mac')).toEqual([
      { target: 'dmg', arch: 'universal' },
      { target: 'zip', arch: 'universal' },
    ]);
    expect(mac.category).toBe('public.app-category.utilities');
    expect(mac.minimumSystemVersion).toBe('12.0');
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.notarize).toBe(true);
    expect(mac.extendInfo).toMatchObject({ LSUIElement: true });
    expect(existsSync(resource(mac.icon!))).toBe(true);
  });

  it('grants only the JIT entitlement, each key justified by a comment', () => {
    const mac = config.mac!;
    expect(mac.entitlementsInherit).toBe(mac.entitlements);
    const plist = readFileSync(join(root, mac.entitlements!), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    expect(plist).toMatch(/<!--[^]*?-->\s*<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
  });

  it('ships the addon outside the asar, where the addon loader looks in a packaged app', () => {
    expect(files()).toContain(ADDON);
    expect(config.asarUnpack).toEqual([ADDON]);
    expect(config.npmRebuild).toBe(false);
    expect(config.mac!.x64ArchFiles).toBe('**/darwinmetrics.node');
    const resources = '/Applications/DarwinMetrics.app/Contents/Resources';
    expect(addonCandidates({ resourcesPath: resources })).toContain(
      join(resources, 'app.asar.unpacked', ADDON),
    );
  });

  it('packs the bundles, the renderer and the tray icon main.ts loads, without source maps', () => {
    expect(config.extraMetadata).toMatchObject({ main: 'dist/electron/main.mjs' });
    expect(files()).toEqual(
      expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', '!dist/**/*.map']),
    );
    expect(files()).toContain('assets/trayTemplate*.png');
    expect(readFileSync(join(root, 'src/main/main.ts'), 'utf8')).toContain("'../../assets/trayTemplate.png'");
  });

  it('lays out the DMG window: app on the left, Applications on the right, a matching background', () => {
    const dmg = config.dmg!;
    expect(dmg.contents).toEqual([
      { x: 140, y: 200, type: 'file' },
      { x: 400, y: 200, type: 'link', path: '/Applications' },
    ]);
    const background = PNG.sync.read(readFileSync(resource(dmg.background!)));
    expect([background.width, background.height]).toEqual([dmg.window!.width, dmg.window!.height]);
    expect(existsSync(resource(dmg.background!.replace('.png', '@2x.png')))).toBe(true);
  });

  it('builds an AppImage and a deb with a desktop entry and hicolor icons', () => {
    const linux = config.linux!;
    expect(targets('linux').map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(linux.desktop).toMatchObject({ entry: { Name: 'DarwinMetrics', Categories: 'System;Monitor;' } });
    for (const n of [16, 32, 48, 128, 256, 512])
      expect(existsSync(resource(`${linux.icon}/${n}x${n}.png`))).toBe(true);
  });

  it('publishes to GitHub releases, where electron-updater looks', () => {
    expect(config.publish).toMatchObject({
      provider: 'github',
      owner: 'darwinmetrics',
      repo: 'darwinmetrics',
    });
  });

  it('sets every fuse issue 12 asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });
});
