/**
 * Reads a recording the user chose or dropped. The path comes from the renderer (a drop) or the open
 * dialog; the renderer's word is not trusted: the payload schema already asked for an absolute path
 * (src/shared/payload-schemas.ts), and here it must name a regular, readable file with a recording's
 * extension whose every line is a sample (core/replay parseRecording names the bad line).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import { parseRecording, type Recording } from '../../core/replay';
import { isRecordingName, RECORDING_HINT } from '../../shared/recording-files';

/** Why a file cannot be replayed; the message names the file (and the line, for a bad line). */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
}

export async function readRecordingFile(path: string): Promise<Recording> {
  const name = basename(path);
  if (!isAbsolute(path)) throw new RecordingError(`${path}: expected an absolute path`);
  if (!isRecordingName(name))
    throw new RecordingError(`${name}: not a recording; expected ${RECORDING_HINT}`);
  let text: string;
  try {
    // stat first: a FIFO or a device with the right name would block or never end.
    if (!(await stat(path)).isFile()) throw new Error('not a regular file');
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new RecordingError(`${name}: cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  try {
    return parseRecording(text, name);
  } catch (e) {
    // parseRecording's messages start with the file name and give the line.
    throw new RecordingError((e as Error).message, { cause: e });
  }
}
