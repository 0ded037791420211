/**
 * Reads a recording the user chose or dropped. The path comes from the renderer (a drop) or the open
 * dialog; the renderer's word is not trusted: the payload schema already asked for an absolute path
 * (src/shared/payload-schemas.ts), and here it must name a regular, readable file with a recording's
 * extension whose every line is a sample (core/replay names the bad line). The file is streamed a
 * line at a time: an hour of samples with every process is hundreds of megabytes, and parsing it in
 * one go would freeze the tray and the live windows, which share this thread.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import { createInterface } from 'node:readline';
import { createRecordingReader, type Recording } from '../../core/replay';
import { isRecordingName, RECORDING_HINT } from '../../shared/recording-files';

/** Why a file cannot be replayed; the message names the file (and the line, for a bad line). */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function readRecordingFile(path: string): Promise<Recording> {
  const name = basename(path);
  if (!isAbsolute(path)) throw new RecordingError(`${path}: expected an absolute path`);
  if (!isRecordingName(name))
    throw new RecordingError(`${name}: not a recording; expected ${RECORDING_HINT}`);
  const cannotRead = (e: unknown) =>
    new RecordingError(`${name}: cannot read ${path}: ${messageOf(e)}`, { cause: e });
  try {
    // stat first: a FIFO or a device with the right name would block or never end.
    if (!(await stat(path)).isFile()) throw new Error('not a regular file');
  } catch (e) {
    throw cannotRead(e);
  }
  const reader = createRecordingReader(name);
  const input = createReadStream(path, { encoding: 'utf8' });
  let n = 0;
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      n += 1;
      try {
        reader.line(line, n);
      } catch (e) {
        // core/replay's messages start with the file name and give the line.
        throw new RecordingError(messageOf(e), { cause: e });
      }
    }
  } catch (e) {
    throw e instanceof RecordingError ? e : cannotRead(e);
  } finally {
    input.destroy();
  }
  try {
    return reader.finish();
  } catch (e) {
    throw new RecordingError(messageOf(e), { cause: e });
  }
}
