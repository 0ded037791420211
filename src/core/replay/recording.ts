/**
 * A recording that `nmetrics record --out FILE.jsonl` wrote, read back for replay: one derived
 * Sample per line (src/core/export/jsonl.ts), oldest first. Every line is checked; a bad one is
 * named by its number, so a user who sends a damaged file learns where it broke.
 */
import type { ReplayInfo } from '../../shared/ipc';
import type { Sample } from '../../shared/sample';
import { SECTIONS } from '../../shared/sections';

export interface Recording {
  readonly samples: readonly Sample[];
  readonly info: Omit<ReplayInfo, 'speed'>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function sampleAt(line: string, n: number, source: string): Sample {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new SyntaxError(`${source}, line ${n}: not JSON (${(e as Error).message})`, { cause: e });
  }
  if (!isRecord(value) || typeof value.t !== 'number' || !Number.isFinite(value.t)) {
    throw new TypeError(`${source}, line ${n}: not a sample (expected an object with a time "t" in ms)`);
  }
  if (typeof value.mono !== 'number' || !Number.isFinite(value.mono)) {
    throw new TypeError(`${source}, line ${n}: not a sample (no monotonic clock "mono")`);
  }
  for (const name of SECTIONS) {
    const section = value[name];
    if (section === undefined) continue;
    // The shape of each section's value is the engine's own (one set of schemas at merge, issue 11);
    // here only what keeps a bad line from reaching the history as something else.
    const result =
      isRecord(section) &&
      (section.ok === true
        ? isRecord(section.value)
        : section.ok === false && isRecord(section.error) && typeof section.error.message === 'string');
    if (!result) {
      throw new TypeError(`${source}, line ${n}: section "${name}" is not a result ({ ok, value | error })`);
    }
  }
  return value as unknown as Sample;
}

/** Reads a recording a line at a time (a file streamed in, so a large one never blocks for long). */
export interface RecordingReader {
  /** Checks and keeps line number `n` (1-based); throws naming the line when it is bad. */
  line(text: string, n: number): void;
  /** The recording read so far; throws when it holds no sample. */
  finish(): Recording;
}

export function createRecordingReader(source: string): RecordingReader {
  const samples: Sample[] = [];
  return {
    line(text, n) {
      if (text.trim() === '') return;
      const sample = sampleAt(text, n, source);
      const prev = samples[samples.length - 1];
      if (prev !== undefined && sample.t <= prev.t) {
        throw new RangeError(`${source}, line ${n}: time ${sample.t} does not follow ${prev.t}`);
      }
      samples.push(sample);
    },
    finish() {
      const first = samples[0];
      const last = samples[samples.length - 1];
      if (first === undefined || last === undefined) {
        throw new RangeError(
          `${source}: no samples (is it a file \`nmetrics record --out FILE.jsonl\` wrote?)`,
        );
      }
      const host = samples.find((s) => s.host?.ok)?.host;
      const named = host?.ok ? (host.value as { hostname?: unknown }).hostname : undefined;
      const hostname = typeof named === 'string' && named !== '' ? named : 'unknown host';
      return {
        samples,
        info: { source, hostname, fromMs: first.t, toMs: last.t, samples: samples.length },
      };
    },
  };
}

/**
 * Parses a JSONL recording. `source` names it in errors (the file name). Throws a SyntaxError or
 * TypeError naming the line for a malformed line, a time that goes backwards, or an empty file.
 */
export function parseRecording(text: string, source: string): Recording {
  const reader = createRecordingReader(source);
  text.split('\n').forEach((line, i) => reader.line(line, i + 1));
  return reader.finish();
}
