import { describe, expect, it } from 'vitest';
import { createAlertEngine } from '../../../src/core/alerts/engine';
import { DEFAULT_ALERT_RULES } from '../../../src/shared/alert-defaults';
import type { AlertRule } from '../../../src/shared/alert-types';
import { fail, ok } from '../../../src/shared/metric-result';
import type { BatterySample, MountSample, Sample, SensorGroup } from '../../../src/shared/sample';

/** A sample at `sec` seconds on the monotonic clock; the wall clock runs 1000 s ahead of it. */
function at(sec: number, sections: Omit<Sample, 't' | 'mono'>): Sample {
  return { t: 1_000_000 + sec * 1000, mono: sec * 1e9, ...sections };
}

function temps(...list: [string, number, SensorGroup?][]): Omit<Sample, 't' | 'mono'> {
  return {
    thermal: ok({
      sensors: list.map(([id, celsius, group]) => ({
        id,
        chip: 'smc',
        sensor: id,
        kind: 'smc' as const,
        celsius,
        group: group ?? 'cpu',
      })),
    }),
  };
}

const rule = (over: Partial<AlertRule>): AlertRule => ({
  id: 'r',
  label: 'Rule',
  enabled: true,
  metric: 'thermal.group.cpu',
  comparison: '>=',
  threshold: 90,
  forMs: 0,
  hysteresis: 0,
  cooldownMs: 0,
  ...over,
});

describe('alert engine timing', () => {
  it('fires only after the condition held for forMs, on the monotonic clock', () => {
    const e = createAlertEngine([rule({ forMs: 10_000 })]);
    expect(e.evaluate(at(0, temps(['a', 95])))).toEqual([]);
    expect(e.evaluate(at(9, temps(['a', 96])))).toEqual([]);
    const events = e.evaluate(at(10, temps(['a', 97])));
    expect(events).toEqual([
      { ruleId: 'r', kind: 'fired', t: 1_010_000, value: 97, subject: 'a', message: 'Rule: a at 97.0 °C' },
    ]);
    expect(e.active()).toEqual([{ ruleId: 'r', subject: 'a', value: 97 }]);
  });

  it('restarts the hold time when the condition breaks', () => {
    const e = createAlertEngine([rule({ forMs: 5_000 })]);
    e.evaluate(at(0, temps(['a', 95])));
    e.evaluate(at(4, temps(['a', 80])));
    expect(e.evaluate(at(6, temps(['a', 95])))).toEqual([]);
    expect(e.evaluate(at(11, temps(['a', 95])))).toHaveLength(1);
  });

  it('clears only past the hysteresis band', () => {
    const e = createAlertEngine([rule({ hysteresis: 5 })]);
    expect(e.evaluate(at(0, temps(['a', 91])))[0]?.kind).toBe('fired');
    expect(e.evaluate(at(1, temps(['a', 86])))).toEqual([]);
    const cleared = e.evaluate(at(2, temps(['a', 84.9])));
    expect(cleared).toMatchObject([{ kind: 'cleared', value: 84.9, subject: 'a' }]);
    expect(e.active()).toEqual([]);
  });

  it('does not fire again within the cooldown, and fires when it ends if still true', () => {
    const e = createAlertEngine([rule({ cooldownMs: 60_000 })]);
    expect(e.evaluate(at(0, temps(['a', 95])))).toHaveLength(1);
    expect(e.evaluate(at(1, temps(['a', 50])))[0]?.kind).toBe('cleared');
    expect(e.evaluate(at(2, temps(['a', 95])))).toEqual([]);
    expect(e.evaluate(at(59, temps(['a', 95])))).toEqual([]);
    expect(e.evaluate(at(60, temps(['a', 95])))[0]?.kind).toBe('fired');
  });

  it('ignores the wall clock: a jump back in t changes nothing', () => {
    const e = createAlertEngine([rule({ forMs: 2_000 })]);
    e.evaluate(at(0, temps(['a', 95])));
    const events = e.evaluate({ ...at(2, temps(['a', 95])), t: 5 });
    expect(events).toMatchObject([{ kind: 'fired', t: 5 }]);
  });
});

describe('alert engine subjects', () => {
  it('keeps state per subject', () => {
    const e = createAlertEngine([rule({ forMs: 1_000 })]);
    e.evaluate(at(0, temps(['a', 95], ['b', 50], ['g', 99, 'gpu'])));
    const events = e.evaluate(at(1, temps(['a', 95], ['b', 96], ['g', 99, 'gpu'])));
    expect(events.map((x) => x.subject)).toEqual(['a']);
    expect(e.evaluate(at(2, temps(['a', 95], ['b', 96]))).map((x) => x.subject)).toEqual(['b']);
  });

  it('clears a subject that vanished from a section that was read, but not when the section is missing', () => {
    const e = createAlertEngine([rule({})]);
    e.evaluate(at(0, temps(['a', 95])));
    expect(e.evaluate(at(1, {}))).toEqual([]);
    expect(e.evaluate(at(2, { thermal: fail('failed', 'x') }))).toEqual([]);
    expect(e.evaluate(at(3, temps()))).toMatchObject([{ kind: 'cleared', subject: 'a' }]);
  });

  it('forgets subjects that vanished once their cooldown is over, so state stays bounded', () => {
    const e = createAlertEngine([rule({ cooldownMs: 10_000 })]);
    // 500 short-lived subjects (think processes) each fire once, then vanish.
    for (let i = 0; i < 500; i++) e.evaluate(at(i, temps([`p${i}`, 95])));
    e.evaluate(at(500, temps()));
    expect(e.trackedSubjects()).toBeLessThanOrEqual(10);
    e.evaluate(at(520, temps()));
    expect(e.trackedSubjects()).toBe(0);
  });

  it('watches series patterns, one subject per matching series', () => {
    const mount = (m: string, usedPercent: number): MountSample => ({
      mount: m,
      device: m,
      fsType: 'apfs',
      totalBytes: 100,
      usedBytes: usedPercent,
      availableBytes: 100 - usedPercent,
      usedPercent,
    });
    const e = createAlertEngine([rule({ metric: 'disks.mount.*.usedPercent', threshold: 95 })]);
    const events = e.evaluate(
      at(0, { disks: ok({ mounts: [mount('/', 96), mount('/data', 40)], devices: [] }) }),
    );
    expect(events).toMatchObject([
      { subject: 'disks.mount./.usedPercent', value: 96, message: 'Rule: / used at 96.0 %' },
    ]);
  });
});

describe('default rules', () => {
  const engine = () => createAlertEngine(DEFAULT_ALERT_RULES);
  const battery = (percent: number, state: BatterySample['state']): Omit<Sample, 't' | 'mono'> => ({
    power: ok({ source: 'battery', adapters: [], batteries: [{ id: 'BAT0', percent, state }] }),
  });

  it('warn for a low battery only while discharging, and clear on the charger', () => {
    const e = engine();
    expect(e.evaluate(at(0, battery(9, 'charging')))).toEqual([]);
    expect(e.evaluate(at(1, battery(10, 'discharging')))).toMatchObject([
      { ruleId: 'battery-low', subject: 'BAT0' },
    ]);
    expect(e.evaluate(at(2, battery(10, 'charging')))).toMatchObject([
      { ruleId: 'battery-low', kind: 'cleared' },
    ]);
  });

  it('warn for serious thermal pressure and critical memory pressure', () => {
    const e = engine();
    const power = (thermalPressure: 'fair' | 'serious') =>
      ok({ source: 'ac' as const, adapters: [], batteries: [], thermalPressure });
    expect(e.evaluate(at(0, { power: power('fair') }))).toEqual([]);
    expect(e.evaluate(at(1, { power: power('serious') }))).toMatchObject([{ ruleId: 'thermal-pressure' }]);
    const memory = ok({
      totalBytes: 1,
      freeBytes: 0,
      availableBytes: 0,
      usedBytes: 1,
      cachedBytes: 0,
      swapTotalBytes: 0,
      swapUsedBytes: 0,
      usedPercent: 100,
      swapUsedPercent: 0,
      pressure: 'critical' as const,
      pressureSource: 'os' as const,
    });
    expect(e.evaluate(at(2, { memory }))).toEqual([]);
    expect(e.evaluate(at(7, { memory }))).toMatchObject([{ ruleId: 'memory-critical' }]);
  });

  it('warn for a CPU sensor at 95 °C held for 10 s, not for a GPU sensor', () => {
    const e = engine();
    e.evaluate(at(0, temps(['Tp01', 95], ['Tg0f', 100, 'gpu'])));
    expect(e.evaluate(at(10, temps(['Tp01', 95], ['Tg0f', 100, 'gpu'])))).toMatchObject([
      { ruleId: 'cpu-hot', subject: 'Tp01' },
    ]);
  });
});

describe('rule validation', () => {
  it('names the bad field', () => {
    expect(() => createAlertEngine([rule({ threshold: NaN })])).toThrow(/rules\[0\]\.threshold/);
    expect(() => createAlertEngine([rule({}), rule({})])).toThrow(/rules\[1\]\.id/);
    expect(() => createAlertEngine([rule({ forMs: -1 })])).toThrow(/rules\[0\]\.forMs/);
    expect(() => createAlertEngine([rule({ comparison: '==' as '>' })])).toThrow(/comparison/);
    expect(() => createAlertEngine([rule({ metric: 'thermal.group.lava' })])).toThrow(
      /rules\[0\]\.metric.*lava/,
    );
    expect(() => createAlertEngine('x' as never)).toThrow(/rules must be an array/);
  });

  it('skips disabled rules', () => {
    const e = createAlertEngine([rule({ enabled: false })]);
    expect(e.evaluate(at(0, temps(['a', 99])))).toEqual([]);
  });
});
