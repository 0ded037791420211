/** Alert rule and event types shared by the engine (core/alerts), the app and the renderer. */
import type { InferOutput } from 'valibot';
import { bool, exactObject, finiteNumber, intIn, numberIn, oneOf, text } from './schema-kit';

export const COMPARISONS = ['>', '>=', '<', '<='] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** One day of milliseconds bounds forMs and cooldownMs: longer waits are not "alerts". */
const DAY_MS = 86_400_000;

/** An alert rule as settings hold it; the engine (core/alerts) checks the metric pattern itself. */
export const AlertRuleSchema = exactObject({
  /** Stable id ("battery-low", "cpu-hot", ...). */
  id: text(200),
  label: text(200),
  enabled: bool,
  /** What to watch: a series id pattern or a named condition (core/alerts documents the list). */
  metric: text(200),
  comparison: oneOf(COMPARISONS),
  threshold: finiteNumber,
  /** How long the condition must hold before it fires, ms. */
  forMs: intIn(0, DAY_MS),
  /** How far back past the threshold the value must go before the alert clears. */
  hysteresis: numberIn(0, Number.MAX_VALUE),
  /** Minimum time between two firings of this rule, ms. */
  cooldownMs: intIn(0, DAY_MS),
});

export type AlertRule = InferOutput<typeof AlertRuleSchema>;

export interface AlertEvent {
  readonly ruleId: string;
  readonly kind: 'fired' | 'cleared';
  /** Wall clock, ms since the epoch. */
  readonly t: number;
  /** The value that crossed the threshold. */
  readonly value: number;
  /** Which instance (sensor id, disk mount, battery id) when the rule watches many. */
  readonly subject?: string;
  /** One line for a notification ("CPU die at 97 °C for 30 s"). */
  readonly message: string;
}
