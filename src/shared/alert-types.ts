/** Alert rule and event types shared by the engine (core/alerts), the app and the renderer. */

export type Comparison = '>' | '>=' | '<' | '<=';

export interface AlertRule {
  /** Stable id ("battery-low", "cpu-hot", ...). */
  readonly id: string;
  readonly label: string;
  readonly enabled: boolean;
  /** What to watch: a series id pattern or a named condition (core/alerts documents the list). */
  readonly metric: string;
  readonly comparison: Comparison;
  readonly threshold: number;
  /** How long the condition must hold before it fires, ms. */
  readonly forMs: number;
  /** How far back past the threshold the value must go before the alert clears. */
  readonly hysteresis: number;
  /** Minimum time between two firings of this rule, ms. */
  readonly cooldownMs: number;
}

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
