/**
 * Reads node_exporter's e2e-output.txt (Prometheus text format, one sample per line) so tests can
 * look values up by metric name and labels. Only what those files use: no escapes beyond \" and \\.
 */
import { readFileSync } from 'node:fs';

export interface PromSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function readPromText(path: string): PromSample[] {
  const out: PromSample[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(LABEL)) labels[l[1]!] = l[2]!.replace(/\\(.)/g, '$1');
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

/** Every sample of `name` whose labels include `labels`. */
export function samplesOf(
  all: readonly PromSample[],
  name: string,
  labels: Record<string, string> = {},
): PromSample[] {
  return all.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
}

/** The one sample of `name` with `labels`; throws when there is not exactly one. */
export function valueOf(
  all: readonly PromSample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  const found = samplesOf(all, name, labels);
  if (found.length !== 1) throw new Error(`${name}${JSON.stringify(labels)}: ${found.length} samples`);
  return found[0]!.value;
}
