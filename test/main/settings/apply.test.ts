import { describe, expect, it } from 'vitest';
import type { SamplingConfig } from '../../../src/main/engine/sampling';
import { applySettings } from '../../../src/main/settings/apply';
import { setupShutdown } from '../../../src/main/engine/shutdown';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../src/shared/settings';

function setup() {
  const log: string[] = [];
  const configs: Partial<SamplingConfig>[] = [];
  const listener = applySettings({
    sampling: { configure: (c) => void configs.push(c) },
    setRules: (rules) => void log.push(`rules:${rules.length}`),
    setHistoryDays: async (d) => void log.push(`days:${d}`),
    setLaunchAtLogin: async (on) => {
      log.push(`login:${on}`);
      throw new Error('not allowed');
    },
    setAutoUpdate: (on) => void log.push(`updates:${on}`),
    refreshTray: (s) => void log.push(`tray:${s.temperatureUnit}`),
    onError: (what) => void log.push(`error:${what}`),
  });
  return { listener, log, configs };
}

describe('applySettings', () => {
  it('changes only what changed, and always redraws the tray', async () => {
    const f = setup();
    const next = mergeSettings(DEFAULT_SETTINGS, {
      temperatureUnit: 'F',
      glanceItems: ['battery'],
      trayIntervalMs: 4000,
    });
    f.listener(next, DEFAULT_SETTINGS);
    expect(f.configs).toEqual([
      {
        traySections: ['power'],
        alertSections: ['power', 'thermal', 'memory', 'disks'],
        trayIntervalMs: 4000,
        windowIntervalMs: 1000,
        batteryIntervalFactor: 1,
      },
    ]);
    expect(f.log).toEqual(['tray:F']);
  });

  it('rebuilds alerts, re-shapes history and sets the login item, reporting a failure', async () => {
    const f = setup();
    const next = mergeSettings(DEFAULT_SETTINGS, { alerts: [], historyDays: 3, launchAtLogin: true });
    f.listener(next, DEFAULT_SETTINGS);
    await new Promise((r) => setImmediate(r));
    expect(f.log).toEqual(['rules:0', 'days:3', 'login:true', 'tray:C', 'error:launch at login']);
  });

  it('starts or stops the update check when autoUpdate changes', () => {
    const f = setup();
    f.listener(mergeSettings(DEFAULT_SETTINGS, { autoUpdate: false }), DEFAULT_SETTINGS);
    expect(f.log).toEqual(['updates:false', 'tray:C']);
  });
});

describe('setupShutdown', () => {
  it('holds the first quit until closing finished, then exits once', async () => {
    const log: string[] = [];
    let listener: ((e: { preventDefault(): void }) => void) | undefined;
    let release: () => void = () => undefined;
    setupShutdown(
      { on: (_e, l) => (listener = l), exit: (code) => void log.push(`exit:${code}`) },
      {
        stop: () => void log.push('stop'),
        close: () => new Promise<void>((r) => (release = () => (log.push('closed'), r()))),
        last: () => void log.push('last'),
        onError: (what) => void log.push(`error:${what}`),
      },
    );
    let prevented = 0;
    listener!({ preventDefault: () => void (prevented += 1) });
    listener!({ preventDefault: () => void (prevented += 1) });
    expect(log).toEqual(['stop']);
    release();
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['stop', 'closed', 'last', 'exit:0']);
    expect(prevented).toBe(1);
  });
});
