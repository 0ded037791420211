/**
 * Schemas of every payload the renderer (over IPC) or a web client (over HTTP) may send, declared once:
 * main's IPC dispatch, core's metrics service behind `nmetrics serve`, and serve's export route all
 * check with these, so both doors take the same payloads and reject the same ones with the same
 * message. The payload types of src/shared/ipc.ts are inferred from them.
 */
import * as v from 'valibot';
import { HISTORY_RANGES } from './history-ranges';
import { intIn, exactObject, listOf, numberIn, oneOf, parseWith } from './schema-kit';
import { SECTIONS } from './sections';
import { SettingsPatchSchema } from './settings-schema';

/** More points than any screen is wide (an 8K display is 7 680 px): a larger request is a bug. */
export const MAX_QUERY_POINTS = 10_000;
/** Longer ids are not ours (core/history series ids are a section, a name and a field). */
export const MAX_SERIES_ID_LENGTH = 256;
/**
 * Series per query or export: a dashboard draws a few dozen at most, and the history keeps 200 series
 * by default (core/history DEFAULT_MAX_SERIES), so one export of everything fits.
 */
export const MAX_QUERY_SERIES = 256;
/**
 * The largest JSON argument list any schema here accepts stays under this, so a transport that caps
 * its body (serve's HTTP invoke) never refuses a payload IPC would take. Worst cases: a query of 256
 * ids of 256 characters each written as 6-byte \uXXXX escapes is about 394 KB; a settings patch of
 * 100 alert rules with three 200-character texts is about 365 KB. 1 MiB leaves room for both.
 */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;
export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Series ids embed names the system chose (mount points like "/Volumes/Macintosh HD", interface and
 * sensor names), so any printable text is allowed; control characters never occur in them.
 */
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const PRINTABLE = /^[^\u0000-\u001f\u007f]+$/u;
const SERIES_ID_TEXT = 'a series id such as "cpu.busy"';
const seriesId = v.pipe(
  v.string(SERIES_ID_TEXT),
  v.minLength(1, SERIES_ID_TEXT),
  v.maxLength(MAX_SERIES_ID_LENGTH, SERIES_ID_TEXT),
  v.regex(PRINTABLE, SERIES_ID_TEXT),
);
const range = oneOf(HISTORY_RANGES);

/** Whether a text can be a series id (the history file loader keeps only those it could be asked for). */
export const isSeriesId = (value: unknown): value is string => v.is(seriesId, value);

export const HistoryQuerySchema = exactObject({
  series: listOf(seriesId, 'series ids', MAX_QUERY_SERIES),
  range,
  /** The most points per series the caller can draw (its pixel width). */
  maxPoints: intIn(1, MAX_QUERY_POINTS),
});
export type HistoryQuery = v.InferOutput<typeof HistoryQuerySchema>;

export const ExportOptionsSchema = exactObject({
  range,
  series: listOf(seriesId, 'series ids', MAX_QUERY_SERIES, 1),
  format: oneOf(EXPORT_FORMATS),
});
export type ExportOptions = v.InferOutput<typeof ExportOptionsSchema>;

/** The sections a view shows (demand-driven sampling); repeats are allowed and dropped. */
export const SectionsSchema = v.pipe(
  listOf(oneOf(SECTIONS), 'section names', SECTIONS.length * 2),
  v.transform((sections) => [...new Set(sections)] as const),
);

/** Playback speeds from a tenth to a thousand times real time (`serve --speed` and the app's replay windows). */
export const REPLAY_SPEED_BOUNDS = { min: 0.1, max: 1000 } as const;
/** Linux's PATH_MAX (linux/limits.h; macOS's is 1024, sys/syslimits.h): no longer path can be opened. */
export const MAX_PATH_LENGTH = 4096;
const PATH_TEXT = 'an absolute file path';
/** A file the renderer names (a dropped recording): absolute, and without NUL, which open(2) cannot take. */
const filePath = v.pipe(
  v.string(PATH_TEXT),
  v.maxLength(MAX_PATH_LENGTH, PATH_TEXT),
  v.startsWith('/', PATH_TEXT),
  v.excludes('\u0000', PATH_TEXT),
);
/** A change of a replay's playback: held or playing, and its speed. */
export const ReplayPlaybackSchema = exactObject({
  paused: v.optional(v.boolean('true or false')),
  speed: v.optional(numberIn(REPLAY_SPEED_BOUNDS.min, REPLAY_SPEED_BOUNDS.max)),
});
export type ReplayPlayback = v.InferOutput<typeof ReplayPlaybackSchema>;

type Param = readonly [name: string, schema: v.GenericSchema];
const params = <const P extends readonly Param[]>(...list: P): P => list;

/** Each invoke channel's arguments: a name (for messages) and a schema per position. */
export const INVOKE_PARAMS = {
  'app:getCapabilities': params(),
  'metrics:getLatest': params(),
  'metrics:setDemand': params(['sections', SectionsSchema]),
  'history:listSeries': params(),
  'history:query': params(['query', HistoryQuerySchema]),
  'export:run': params(['options', ExportOptionsSchema]),
  'settings:get': params(),
  'settings:set': params(['settings', SettingsPatchSchema]),
  'app:openDashboard': params(),
  'app:openSettings': params(),
  /** null asks main for its open dialog; a path is a dropped file, checked again in main. */
  'replay:open': params(['path', v.nullable(filePath)]),
  'replay:control': params(['playback', ReplayPlaybackSchema]),
} as const;

export type ParamChannel = keyof typeof INVOKE_PARAMS;
type OutputsOf<P> = {
  -readonly [K in keyof P]: P[K] extends readonly [string, infer S extends v.GenericSchema]
    ? v.InferOutput<S>
    : never;
};
/** The typed argument tuple of a channel, as its schemas output it. */
export type ArgsOf<C extends ParamChannel> = OutputsOf<(typeof INVOKE_PARAMS)[C]>;

/**
 * Checks an untrusted argument list for a channel and returns the typed, fresh copy; throws a
 * TypeError whose message starts with the channel and names the bad argument or field.
 */
export function validateInvokeArgs<C extends ParamChannel>(channel: C, args: unknown): ArgsOf<C> {
  const list: readonly Param[] = INVOKE_PARAMS[channel];
  if (!Array.isArray(args)) throw new TypeError(`${channel}: expected an argument array`);
  if (args.length !== list.length) {
    const s = list.length === 1 ? '' : 's';
    throw new TypeError(`${channel}: expected ${list.length} argument${s}, got ${args.length}`);
  }
  try {
    return list.map(([name, schema], i) => parseWith(schema, args[i], name)) as ArgsOf<C>;
  } catch (error) {
    throw new TypeError(`${channel}: ${(error as Error).message}`, { cause: error });
  }
}

export const validateHistoryQuery = (value: unknown, name = 'query'): HistoryQuery =>
  parseWith(HistoryQuerySchema, value, name);

export const validateExportOptions = (value: unknown, name = 'options'): ExportOptions =>
  parseWith(ExportOptionsSchema, value, name);
