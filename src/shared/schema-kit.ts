/**
 * The few schema builders every payload and settings schema is made of (valibot,
 * https://valibot.dev/guides/schemas/), and the one function that turns the first problem into a
 * TypeError naming the field: `query.series[0]: expected a series id such as "cpu.busy", got 3`.
 * Each builder carries its own "expected …" text, so one rule has one message everywhere (IPC, HTTP,
 * settings file, settings form).
 */
import * as v from 'valibot';

/** A plain object (not null, not an array): valibot's objects accept arrays, JSON payloads must not. */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object with exactly these fields (unknown ones are rejected: a typo never silently does nothing). */
export function exactObject<const E extends v.ObjectEntries>(entries: E, expected = 'an object') {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, expected),
    v.strictObject(entries),
    v.readonly(),
  );
}

/** An object whose every value passes `value` (keys are whatever the user named: rule ids). */
export function recordOf<const S extends v.GenericSchema>(value: S, expected: string) {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, expected),
    v.record(v.string(), value),
    v.readonly(),
  );
}

export function intIn(min: number, max: number) {
  const expected = `an integer from ${min} to ${max}`;
  return v.pipe(
    v.number(expected),
    v.integer(expected),
    v.minValue(min, expected),
    v.maxValue(max, expected),
  );
}

export function numberIn(min: number, max: number) {
  const expected = `a number from ${min} to ${max}`;
  return v.pipe(v.number(expected), v.finite(expected), v.minValue(min, expected), v.maxValue(max, expected));
}

export const finiteNumber = v.pipe(v.number('a finite number'), v.finite('a finite number'));

export const bool = v.boolean('true or false');

export function oneOf<const T extends readonly string[]>(options: T) {
  return v.picklist(options, `one of ${options.join(', ')}`);
}

export function text(maxLength: number) {
  const expected = `a non-empty string (≤ ${maxLength} chars)`;
  return v.pipe(v.string(expected), v.minLength(1, expected), v.maxLength(maxLength, expected));
}

/** A read-only array of at most `max` items (at least `min`), each passing `item`. */
export function listOf<const S extends v.GenericSchema>(item: S, what: string, max: number, min = 0) {
  const expected = min > 0 ? `${min} to ${max} ${what}` : `an array of at most ${max} ${what}`;
  return v.pipe(
    v.array(item, expected),
    v.minLength(min, expected),
    v.maxLength(max, expected),
    v.readonly(),
  );
}

function shown(value: unknown): string {
  let out: string;
  try {
    out = JSON.stringify(value) ?? String(value);
  } catch {
    out = String(value);
  }
  return out.length > 60 ? `${out.slice(0, 57)}...` : out;
}

function pathOf(name: string, issue: v.BaseIssue<unknown>): string {
  let out = name;
  for (const item of issue.path ?? []) {
    const key = (item as { readonly key?: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return out;
}

function describe(name: string, issue: v.BaseIssue<unknown>): string {
  const where = pathOf(name, issue);
  if (issue.type === 'strict_object' && issue.expected === 'never') return `${where}: no such field`;
  if (issue.type === 'strict_object') return `${where}: missing (a required field)`;
  return `${where}: expected ${issue.message}, got ${shown(issue.input)}`;
}

/**
 * Checks untrusted input against a schema and returns the schema's fresh, typed copy, or throws a
 * TypeError naming the first bad field under `name`.
 */
export function parseWith<const S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  name: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return result.output;
  throw new TypeError(describe(name, result.issues[0]));
}
