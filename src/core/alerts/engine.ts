/**
 * The alert engine: rules (src/shared/alert-types.ts) in, AlertEvents out, one sample at a time.
 * Metric names a rule may use are listed in core/alerts/metrics.ts; defaults are in
 * src/shared/alert-defaults.ts.
 *
 * Per rule and per subject (each sensor, disk, battery separately):
 * - the condition is `value <comparison> threshold`; it must hold for `forMs` before the alert fires;
 * - once fired, it clears only when the value is back past the threshold by `hysteresis`
 *   (for '>'/'>=' below threshold − hysteresis; for '<'/'<=' above threshold + hysteresis), or when the
 *   subject disappears from a section that was read (a battery stops discharging, a disk unmounts);
 * - it does not fire again within `cooldownMs` of its last firing; a condition that still holds when
 *   the cooldown ends fires then.
 * Durations are measured on the sample's monotonic clock (`mono`), so a wall-clock change cannot
 * fire or hold an alert; events carry the sample's wall-clock time `t`.
 */
import type { AlertEvent, AlertRule, Comparison } from '../../shared/alert-types';
import { formatValue } from '../../shared/format';
import type { Sample } from '../../shared/sample';
import { metricReader, type MetricReader, type Reading } from './metrics';
import { seriesOf, type SeriesPoint } from '../history';

const COMPARISONS: readonly Comparison[] = ['>', '>=', '<', '<='];

function holds(value: number, comparison: Comparison, threshold: number): boolean {
  switch (comparison) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
}

/** The threshold an active alert must get back past to clear. */
function clearThreshold(rule: AlertRule): number {
  return rule.comparison === '>' || rule.comparison === '>='
    ? rule.threshold - rule.hysteresis
    : rule.threshold + rule.hysteresis;
}

function checkRule(rule: AlertRule, i: number, ids: Set<string>): void {
  const at = `rules[${i}]`;
  if (typeof rule !== 'object' || rule === null) throw new TypeError(`${at} must be an AlertRule object`);
  if (typeof rule.id !== 'string' || rule.id === '')
    throw new TypeError(`${at}.id must be a non-empty string`);
  if (ids.has(rule.id)) throw new RangeError(`${at}.id "${rule.id}" is used by another rule`);
  ids.add(rule.id);
  if (typeof rule.label !== 'string') throw new TypeError(`${at}.label must be a string`);
  if (typeof rule.enabled !== 'boolean') throw new TypeError(`${at}.enabled must be true or false`);
  if (typeof rule.metric !== 'string' || rule.metric === '')
    throw new TypeError(`${at}.metric must be a non-empty string`);
  if (!COMPARISONS.includes(rule.comparison))
    throw new RangeError(`${at}.comparison must be one of ${COMPARISONS.join(' ')}`);
  if (!Number.isFinite(rule.threshold)) throw new RangeError(`${at}.threshold must be a finite number`);
  for (const key of ['forMs', 'hysteresis', 'cooldownMs'] as const) {
    const v = rule[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new RangeError(`${at}.${key} must be a number ≥ 0`);
  }
}

interface SubjectState {
  /** Monotonic ms when the condition started to hold; undefined while it does not. */
  pendingSince: number | undefined;
  firing: boolean;
  lastFiredAt: number | undefined;
  lastValue: number;
  label: string;
  unit: string;
}

interface CompiledRule {
  readonly rule: AlertRule;
  readonly read: MetricReader;
  readonly subjects: Map<string, SubjectState>;
}

export interface ActiveAlert {
  readonly ruleId: string;
  readonly subject?: string;
  readonly value: number;
}

export interface AlertEngine {
  /** Feeds one sample; returns the events it caused, in rule order. */
  evaluate(sample: Sample): AlertEvent[];
  /** Alerts currently fired and not cleared. */
  active(): ActiveAlert[];
  /** Subjects holding state across all rules: bounded, since a vanished subject is forgotten once its cooldown is over. */
  trackedSubjects(): number;
}

const SINGLE = '';

function event(
  rule: AlertRule,
  kind: AlertEvent['kind'],
  t: number,
  key: string,
  state: SubjectState,
): AlertEvent {
  const shown = formatValue(state.lastValue, state.unit);
  const what = key === SINGLE ? shown : `${state.label} at ${shown}`;
  const message = kind === 'fired' ? `${rule.label}: ${what}` : `${rule.label} cleared: ${what}`;
  const base = { ruleId: rule.id, kind, t, value: state.lastValue, message };
  return key === SINGLE ? base : { ...base, subject: key };
}

function step(c: CompiledRule, reading: Reading, now: number, t: number, events: AlertEvent[]): void {
  const { rule } = c;
  const key = reading.subject ?? SINGLE;
  let state = c.subjects.get(key);
  if (!state) {
    state = {
      pendingSince: undefined,
      firing: false,
      lastFiredAt: undefined,
      lastValue: reading.value,
      label: reading.label,
      unit: reading.unit,
    };
    c.subjects.set(key, state);
  }
  state.lastValue = reading.value;
  state.label = reading.label;
  state.unit = reading.unit;
  const hit = holds(reading.value, rule.comparison, rule.threshold);
  if (state.firing) {
    if (!holds(reading.value, rule.comparison, clearThreshold(rule))) {
      state.firing = false;
      state.pendingSince = undefined;
      events.push(event(rule, 'cleared', t, key, state));
    }
    return;
  }
  if (!hit) {
    state.pendingSince = undefined;
    return;
  }
  state.pendingSince ??= now;
  const heldLongEnough = now - state.pendingSince >= rule.forMs;
  const cooled = state.lastFiredAt === undefined || now - state.lastFiredAt >= rule.cooldownMs;
  if (heldLongEnough && cooled) {
    state.firing = true;
    state.lastFiredAt = now;
    events.push(event(rule, 'fired', t, key, state));
  }
}

/** Creates an engine for `rules`. Throws, naming the field (`rules[2].threshold`), on an invalid rule. */
export function createAlertEngine(rules: readonly AlertRule[]): AlertEngine {
  if (!Array.isArray(rules)) throw new TypeError('createAlertEngine: rules must be an array of AlertRule');
  const ids = new Set<string>();
  const compiled: CompiledRule[] = rules.map((rule, i) => {
    checkRule(rule, i, ids);
    let read: MetricReader;
    try {
      read = metricReader(rule.metric);
    } catch (error) {
      throw new RangeError(`rules[${i}].metric: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    return { rule: { ...rule }, read, subjects: new Map() };
  });

  return {
    evaluate(sample: Sample): AlertEvent[] {
      if (
        typeof sample !== 'object' ||
        sample === null ||
        !Number.isFinite(sample.mono) ||
        !Number.isFinite(sample.t)
      ) {
        throw new TypeError('evaluate: sample must be a Sample with finite t and mono');
      }
      const now = sample.mono / 1e6;
      let points: readonly SeriesPoint[] | undefined;
      const series = (): readonly SeriesPoint[] => (points ??= seriesOf(sample));
      const events: AlertEvent[] = [];
      for (const c of compiled) {
        if (!c.rule.enabled) continue;
        const readings = c.read(sample, series);
        if (readings === undefined) continue; // nothing known about this section on this tick
        const seen = new Set<string>();
        for (const reading of readings) {
          seen.add(reading.subject ?? SINGLE);
          step(c, reading, now, sample.t, events);
        }
        for (const [key, state] of c.subjects) {
          if (seen.has(key)) continue;
          if (state.firing) events.push(event(c.rule, 'cleared', sample.t, key, state));
          // Keep the last firing time so that a subject that flaps in and out still honours the
          // cooldown; once the cooldown is over nothing is left to remember (pids come and go).
          if (state.lastFiredAt === undefined || now - state.lastFiredAt >= c.rule.cooldownMs)
            c.subjects.delete(key);
          else {
            state.firing = false;
            state.pendingSince = undefined;
          }
        }
      }
      return events;
    },
    trackedSubjects(): number {
      let n = 0;
      for (const c of compiled) n += c.subjects.size;
      return n;
    },
    active(): ActiveAlert[] {
      const out: ActiveAlert[] = [];
      for (const c of compiled) {
        for (const [key, s] of c.subjects) {
          if (s.firing)
            out.push(
              key === SINGLE
                ? { ruleId: c.rule.id, value: s.lastValue }
                : { ruleId: c.rule.id, subject: key, value: s.lastValue },
            );
        }
      }
      return out;
    },
  };
}
