// `nmetrics record --out FILE`: the format follows the file name, with the same recording names the
// app's Open Recording… dialog and drop zone accept (src/shared/recording-files.ts).
import { describe, expect, it } from 'vitest';
import { formatOf } from '../../src/cli/record';
import { RECORDING_EXTENSIONS } from '../../src/shared/recording-files';

describe('formatOf', () => {
  it('writes JSON Lines for every name a replay opens, CSV for .csv', () => {
    for (const ext of RECORDING_EXTENSIONS)
      expect(formatOf(`/tmp/episode.${ext.toUpperCase()}`, undefined)).toBe('jsonl');
    expect(formatOf('/tmp/episode.csv', undefined)).toBe('csv');
    expect(formatOf('/tmp/episode.log', 'jsonl')).toBe('jsonl');
  });

  it('names the flag when it cannot tell', () => {
    expect(() => formatOf('/tmp/episode.txt', undefined)).toThrow(
      /--out: cannot tell the format of "\/tmp\/episode\.txt"/,
    );
    expect(() => formatOf('/tmp/episode.csv', 'xml')).toThrow(/--format: expected csv or jsonl, got "xml"/);
  });
});
