// Reading a recording in the main process: streamed a line at a time (so a large file never holds
// the thread the tray and live windows share), and every problem names the file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonlLine } from '../../../src/core/export';
import { readRecordingFile } from '../../../src/main/replay';
import { laptopSample } from '../helpers/sample';

const dir = mkdtempSync(join(tmpdir(), 'dm-read-recording-'));

describe('readRecordingFile', () => {
  it('reads every line of a file many read chunks long, lines cut across chunks included', async () => {
    const path = join(dir, 'long.jsonl');
    // Far more than one stream chunk (64 KiB): 3 000 samples of about 1.5 KB, with CRLF line ends.
    const samples = Array.from({ length: 3000 }, (_, k) => laptopSample(1e12 + k * 1000));
    writeFileSync(path, samples.map((s) => jsonlLine(s).replace(/\n$/, '\r\n')).join(''));
    const recording = await readRecordingFile(path);
    expect(recording.info).toMatchObject({
      source: 'long.jsonl',
      samples: 3000,
      fromMs: 1e12,
      toMs: 1e12 + 2_999_000,
    });
    expect(recording.samples.at(-1)).toEqual(JSON.parse(jsonlLine(samples.at(-1)!)));
  });

  it('names the file for an empty one, and the line for a bad one', async () => {
    const empty = join(dir, 'empty.ndjson');
    writeFileSync(empty, '\n\n');
    await expect(readRecordingFile(empty)).rejects.toThrow(/^empty\.ndjson: no samples/);
    const backwards = join(dir, 'back.jsonl');
    writeFileSync(backwards, jsonlLine(laptopSample(2000)) + jsonlLine(laptopSample(1000)));
    await expect(readRecordingFile(backwards)).rejects.toThrow(
      /^back\.jsonl, line 2: time 1000 does not follow 2000/,
    );
  });
});
