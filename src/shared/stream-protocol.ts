/**
 * The WebSocket stream protocol of `nmetrics serve` (`GET /api/ws`, README "Streaming API"): the
 * messages a client may send, checked with valibot, and the messages the server sends back.
 *
 * client → server  {"type":"subscribe","sections":["cpu","memory"],"intervalMs":1000}
 *                  {"type":"unsubscribe"}
 * server → client  {"type":"subscribed","sections":[…],"intervalMs":1000}  (the interval in effect)
 *                  {"type":"sample","sample":{…}}  (the Sample JSON of /api/snapshot)
 *                  {"type":"unsubscribed"}
 *                  {"type":"error","message":"sections[1]: expected one of host, cpu, …"}
 */
import * as v from 'valibot';
import type { Sample } from './sample';
import { SECTIONS, type SectionName } from './sections';
import { INTERVAL_BOUNDS_MS } from './settings';

/**
 * The largest message a client may send. The longest valid one (every section named four times,
 * the most a section list may hold) is under 500 bytes; 4 KiB leaves room for whitespace and
 * refuses anything else before it is buffered.
 */
export const MAX_CLIENT_MESSAGE_BYTES = 4096;

const SECTION_LIST_MAX = SECTIONS.length * 4;

/** A strict object's own issues: a field it does not know, or one it needs and did not get. */
const objectIssue = (issue: v.BaseIssue<unknown>): string =>
  issue.expected === 'never' ? `unexpected field ${issue.received}` : 'required field missing';

const SubscribeSchema = v.strictObject(
  {
    type: v.literal('subscribe'),
    sections: v.pipe(
      v.array(
        v.picklist(SECTIONS, (issue) => `expected one of ${SECTIONS.join(', ')}, got ${issue.received}`),
        'expected an array of section names',
      ),
      v.minLength(1, 'expected at least one section'),
      v.maxLength(SECTION_LIST_MAX, `expected at most ${SECTION_LIST_MAX} section names`),
    ),
    intervalMs: v.optional(
      v.pipe(
        v.number('expected a number of milliseconds'),
        v.integer('expected a whole number of milliseconds'),
        v.minValue(INTERVAL_BOUNDS_MS.min, `expected at least ${INTERVAL_BOUNDS_MS.min} ms`),
        v.maxValue(INTERVAL_BOUNDS_MS.max, `expected at most ${INTERVAL_BOUNDS_MS.max} ms`),
      ),
    ),
  },
  objectIssue,
);

const UnsubscribeSchema = v.strictObject({ type: v.literal('unsubscribe') }, objectIssue);

export const ClientMessageSchema = v.variant(
  'type',
  [SubscribeSchema, UnsubscribeSchema],
  (issue) => `expected "subscribe" or "unsubscribe", got ${issue.received}`,
);

export type ClientMessage = v.InferOutput<typeof ClientMessageSchema>;

export type ServerMessage =
  | { readonly type: 'subscribed'; readonly sections: readonly SectionName[]; readonly intervalMs: number }
  | { readonly type: 'unsubscribed' }
  | { readonly type: 'sample'; readonly sample: Sample }
  | { readonly type: 'error'; readonly message: string };

export type ParsedClientMessage =
  { readonly ok: true; readonly message: ClientMessage } | { readonly ok: false; readonly error: string };

/** `sections[2]`, `intervalMs`, or `message` for the message as a whole. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : `${path === '' ? '' : '.'}${String(key)}`;
  }
  return path === '' ? 'message' : path;
}

/** Parses one text frame; a bad one gives a message naming the field. */
export function parseClientMessage(text: string): ParsedClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'message: expected a JSON object' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'message: expected a JSON object with a "type"' };
  const result = v.safeParse(ClientMessageSchema, value);
  if (result.success) return { ok: true, message: result.output };
  const issue = result.issues[0];
  return { ok: false, error: `${issuePath(issue)}: ${issue.message}` };
}
