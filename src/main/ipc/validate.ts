/**
 * Payload schemas for every invoke channel of src/shared/ipc.ts. The renderer is treated as
 * untrusted input: each validator checks the argument tuple and returns a fresh, typed copy, or
 * throws a TypeError naming the bad argument. The mapped type makes a missing channel a compile error.
 */
import { MAX_QUERY_POINTS, MAX_QUERY_SERIES, MAX_SERIES_ID_LENGTH } from '../../core/history';
import { HISTORY_RANGES } from '../../shared/history-types';
import type { HistoryQuery, HistoryRange } from '../../shared/history-types';
import type { ExportFormat, ExportOptions, InvokeArgs, InvokeChannel } from '../../shared/ipc';
import { SECTIONS, isSectionName } from '../../shared/sections';
import type { SectionName } from '../../shared/sections';
import { validateSettingsPatch } from '../../shared/settings';

export type ArgValidators = { readonly [C in InvokeChannel]: (args: readonly unknown[]) => InvokeArgs<C> };

/** The history's own limits (core/history/query.ts), so the IPC layer and the engine agree. */
export const MAX_POINTS = MAX_QUERY_POINTS;
export const MAX_SERIES_PER_QUERY = MAX_QUERY_SERIES;
/**
 * Series ids embed names the system chose (mount points like "/Volumes/Macintosh HD", interface and
 * sensor names), so any printable text is allowed; control characters never occur in them.
 */
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const SERIES_ID = /^[^\u0000-\u001f\u007f]+$/u;
const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'jsonl'];

function bad(name: string, expected: string): never {
  throw new TypeError(`${name}: expected ${expected}`);
}

function arity(channel: InvokeChannel, args: readonly unknown[], n: number): void {
  if (args.length !== n)
    bad(`${channel} arguments`, `${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function onlyKeys(name: string, v: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of Object.keys(v)) if (!keys.includes(key)) bad(`${name}.${key}`, 'no such field');
}

function range(name: string, v: unknown): HistoryRange {
  if (typeof v !== 'string' || !(HISTORY_RANGES as readonly string[]).includes(v)) {
    bad(name, `one of ${HISTORY_RANGES.join(', ')}`);
  }
  return v as HistoryRange;
}

function seriesIds(name: string, v: unknown, allowEmpty: boolean): string[] {
  if (!Array.isArray(v)) bad(name, 'an array of series ids');
  if (v.length > MAX_SERIES_PER_QUERY) bad(name, `at most ${MAX_SERIES_PER_QUERY} series`);
  if (!allowEmpty && v.length === 0) bad(name, 'at least one series id');
  return v.map((id, i) => {
    if (
      typeof id !== 'string' ||
      id.length === 0 ||
      id.length > MAX_SERIES_ID_LENGTH ||
      !SERIES_ID.test(id)
    ) {
      bad(`${name}[${i}]`, 'a series id such as "cpu.busy"');
    }
    return id;
  });
}

export function validateHistoryQuery(v: unknown, name = 'query'): HistoryQuery {
  if (!isRecord(v)) bad(name, 'an object');
  onlyKeys(name, v, ['series', 'range', 'maxPoints']);
  const maxPoints = v.maxPoints;
  if (
    typeof maxPoints !== 'number' ||
    !Number.isInteger(maxPoints) ||
    maxPoints < 1 ||
    maxPoints > MAX_POINTS
  ) {
    bad(`${name}.maxPoints`, `an integer from 1 to ${MAX_POINTS}`);
  }
  return {
    series: seriesIds(`${name}.series`, v.series, true),
    range: range(`${name}.range`, v.range),
    maxPoints,
  };
}

export function validateExportOptions(v: unknown, name = 'options'): ExportOptions {
  if (!isRecord(v)) bad(name, 'an object');
  onlyKeys(name, v, ['range', 'series', 'format']);
  const format = v.format;
  if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    bad(`${name}.format`, `one of ${EXPORT_FORMATS.join(', ')}`);
  }
  return {
    range: range(`${name}.range`, v.range),
    series: seriesIds(`${name}.series`, v.series, false),
    format: format as ExportFormat,
  };
}

export function validateSections(v: unknown, name = 'sections'): SectionName[] {
  if (!Array.isArray(v)) bad(name, 'an array of section names');
  if (v.length > SECTIONS.length) bad(name, `at most ${SECTIONS.length} sections`);
  const out = v.map((s, i) => {
    if (!isSectionName(s)) bad(`${name}[${i}]`, `one of ${SECTIONS.join(', ')}`);
    return s;
  });
  return [...new Set(out)];
}

const none =
  (channel: InvokeChannel) =>
  (args: readonly unknown[]): [] => {
    arity(channel, args, 0);
    return [];
  };

export const ARG_VALIDATORS: ArgValidators = {
  'app:getCapabilities': none('app:getCapabilities'),
  'metrics:getLatest': none('metrics:getLatest'),
  'metrics:setDemand': (args) => {
    arity('metrics:setDemand', args, 1);
    return [validateSections(args[0])];
  },
  'history:listSeries': none('history:listSeries'),
  'history:query': (args) => {
    arity('history:query', args, 1);
    return [validateHistoryQuery(args[0])];
  },
  'export:run': (args) => {
    arity('export:run', args, 1);
    return [validateExportOptions(args[0])];
  },
  'settings:get': none('settings:get'),
  'settings:set': (args) => {
    arity('settings:set', args, 1);
    return [validateSettingsPatch(args[0])];
  },
  'app:openDashboard': none('app:openDashboard'),
  'app:openSettings': none('app:openSettings'),
};
