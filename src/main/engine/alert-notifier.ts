/**
 * Turns the engine's alert events into system notifications: only 'fired' events (a 'cleared' one is
 * shown in the app, not pushed at the user), only for rules whose notification switch is on, and
 * rate-limited twice: per rule and subject, and overall, so a storm (every disk filling at once, a
 * flapping sensor) cannot bury the desktop in banners.
 */
import type { AlertEvent } from '../../shared/alert-types';
import type { Settings } from '../../shared/ipc';

export interface Notice {
  readonly title: string;
  readonly body: string;
}

export interface AlertNotifierOptions {
  readonly show: (notice: Notice) => void;
  /** Monotonic-enough clock, ms (tests pass a fake one). */
  readonly now: () => number;
  /** Minimum gap between two notifications of the same rule and subject. */
  readonly perRuleIntervalMs?: number;
  /** At most `burst` notifications in any `burstWindowMs`. */
  readonly burst?: number;
  readonly burstWindowMs?: number;
}

export type NotifyOutcome = 'shown' | 'cleared' | 'switched-off' | 'rate-limited-rule' | 'rate-limited-burst';

export interface AlertNotifier {
  handle(event: AlertEvent, settings: Settings): NotifyOutcome;
}

/**
 * Defaults: the engine already applies each rule's cooldown; this is the app's own floor (one per
 * rule per minute) and a cap of three banners a minute, about what macOS shows before it stacks them.
 */
const PER_RULE_MS = 60_000;
const BURST = 3;
const BURST_WINDOW_MS = 60_000;

export function createAlertNotifier(options: AlertNotifierOptions): AlertNotifier {
  const perRule = options.perRuleIntervalMs ?? PER_RULE_MS;
  const burst = options.burst ?? BURST;
  const windowMs = options.burstWindowMs ?? BURST_WINDOW_MS;
  if (!(perRule >= 0)) throw new RangeError(`perRuleIntervalMs: expected ≥ 0, got ${perRule}`);
  if (!(Number.isInteger(burst) && burst >= 1))
    throw new RangeError(`burst: expected an integer ≥ 1, got ${burst}`);
  if (!(windowMs > 0)) throw new RangeError(`burstWindowMs: expected > 0, got ${windowMs}`);
  const lastByKey = new Map<string, number>();
  let recent: number[] = [];

  return {
    handle(event, settings) {
      if (event.kind !== 'fired') return 'cleared';
      if (settings.notifications[event.ruleId] === false) return 'switched-off';
      const now = options.now();
      const key = `${event.ruleId}\u0000${event.subject ?? ''}`;
      const last = lastByKey.get(key);
      if (last !== undefined && now - last < perRule) return 'rate-limited-rule';
      recent = recent.filter((t) => now - t < windowMs);
      if (recent.length >= burst) return 'rate-limited-burst';
      lastByKey.set(key, now);
      recent.push(now);
      const rule = settings.alerts.find((r) => r.id === event.ruleId);
      options.show({ title: rule?.label ?? event.ruleId, body: event.message });
      return 'shown';
    },
  };
}
