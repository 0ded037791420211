import { describe, expect, it } from 'vitest';
import { createAlertNotifier } from '../../../src/main/engine/alert-notifier';
import type { Notice } from '../../../src/main/engine/alert-notifier';
import type { AlertEvent, AlertRule } from '../../../src/shared/alert-types';
import { DEFAULT_SETTINGS, withDefaultAlerts } from '../../../src/shared/settings';

const rule = (id: string, label: string): AlertRule => ({
  id,
  label,
  enabled: true,
  metric: 'x',
  comparison: '>',
  threshold: 1,
  forMs: 0,
  hysteresis: 0,
  cooldownMs: 0,
});
const settings = withDefaultAlerts(DEFAULT_SETTINGS, [
  rule('cpu-hot', 'CPU hot'),
  rule('disk-full', 'Disk full'),
]);
const fired = (ruleId: string, subject?: string): AlertEvent => ({
  ruleId,
  kind: 'fired',
  t: 0,
  value: 1,
  message: `${ruleId} ${subject ?? ''}`.trim(),
  ...(subject === undefined ? {} : { subject }),
});

function setup() {
  let now = 0;
  const shown: Notice[] = [];
  const n = createAlertNotifier({
    show: (x) => shown.push(x),
    now: () => now,
    perRuleIntervalMs: 60_000,
    burst: 3,
    burstWindowMs: 60_000,
  });
  return { n, shown, advance: (ms: number) => (now += ms) };
}

describe('alert notifier', () => {
  it('shows a fired event with the rule label, not a cleared one', () => {
    const { n, shown } = setup();
    expect(n.handle(fired('cpu-hot'), settings)).toBe('shown');
    expect(n.handle({ ...fired('cpu-hot'), kind: 'cleared' }, settings)).toBe('cleared');
    expect(shown).toEqual([{ title: 'CPU hot', body: 'cpu-hot' }]);
  });

  it('honours the per-rule switch', () => {
    const { n, shown } = setup();
    const off = { ...settings, notifications: { ...settings.notifications, 'cpu-hot': false } };
    expect(n.handle(fired('cpu-hot'), off)).toBe('switched-off');
    expect(n.handle(fired('disk-full'), off)).toBe('shown');
    expect(shown.map((s) => s.title)).toEqual(['Disk full']);
  });

  it('limits each rule and subject to one per interval', () => {
    const { n, advance } = setup();
    expect(n.handle(fired('cpu-hot'), settings)).toBe('shown');
    advance(59_999);
    expect(n.handle(fired('cpu-hot'), settings)).toBe('rate-limited-rule');
    advance(1);
    expect(n.handle(fired('cpu-hot'), settings)).toBe('shown');
  });

  it('caps a storm across subjects, then lets notifications through again', () => {
    const { n, shown, advance } = setup();
    const outcomes = ['/', '/home', '/var', '/srv', '/tmp'].map((m) =>
      n.handle(fired('disk-full', m), settings),
    );
    expect(outcomes).toEqual(['shown', 'shown', 'shown', 'rate-limited-burst', 'rate-limited-burst']);
    expect(shown).toHaveLength(3);
    advance(60_000);
    expect(n.handle(fired('disk-full', '/srv'), settings)).toBe('shown');
  });

  it('rejects bad limits', () => {
    expect(() => createAlertNotifier({ show: () => {}, now: () => 0, burst: 0 })).toThrow(/burst/);
    expect(() =>
      createAlertNotifier({ show: () => {}, now: () => 0, perRuleIntervalMs: Number.NaN }),
    ).toThrow(/perRuleIntervalMs/);
  });
});
