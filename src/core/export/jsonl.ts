/**
 * JSON Lines (https://jsonlines.org): one sample per line. JSON.stringify escapes lone surrogates
 * (well-formed JSON.stringify, ES2019), so the line is valid UTF-8; line breaks inside strings are
 * escaped, so a hostile process name cannot split a record.
 */
import type { Sample } from '../../shared/sample';

export function jsonlLine(value: Sample | object): string {
  return JSON.stringify(value) + '\n';
}

/** Parses our own JSONL back (blank lines ignored), naming the line that fails. */
export function parseJsonl(text: string): unknown[] {
  const out: unknown[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line));
    } catch (e) {
      throw new SyntaxError(`JSONL line ${i + 1}: ${(e as Error).message}`, { cause: e });
    }
  });
  return out;
}
