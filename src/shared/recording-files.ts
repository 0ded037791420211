/**
 * The file names a replayable recording has: the JSON Lines files `nmetrics record` writes
 * (src/cli/record.ts formatOf). A CSV recording is for spreadsheets; it carries flattened columns,
 * not samples, so it cannot be played back.
 */
export const RECORDING_EXTENSIONS = ['jsonl', 'ndjson'] as const;

/** True when a file name ends with one of RECORDING_EXTENSIONS (any case). */
export function isRecordingName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  const ext = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  return (RECORDING_EXTENSIONS as readonly string[]).includes(ext);
}

/** Says what a recording is, for messages about a file that is not one. */
export const RECORDING_HINT = `a file \`nmetrics record --out FILE.jsonl\` wrote (${RECORDING_EXTENSIONS.map((e) => `.${e}`).join(' or ')})`;
