/** `nmetrics snapshot`: one sample, as a table or JSON. */
import { derive } from '../core/derive';
import { boolFlag, durationFlag, parseCommandArgs, sectionsFlag, type FlagSpec } from './args';
import { openSampler } from './engine';
import { sleep } from '../core/async';
import type { CliIo, Command } from './io';
import { sampleLines } from './sample-text';

const FLAGS: readonly FlagSpec[] = [
  { name: 'json', description: 'print the sample as JSON' },
  { name: 'sections', value: 'a,b', description: 'only these sections (default all)' },
  {
    name: 'wait',
    value: 'DURATION',
    description: 'time between the two reads that give rates (default 500ms)',
  },
];
const USAGE = 'nmetrics snapshot [--json] [--sections a,b] [--wait 500ms] [--root DIR]';
const SUMMARY =
  'Reads the system twice, --wait apart, so that CPU shares and I/O rates have an interval, and prints one sample.';

export const snapshotCommand: Command = {
  name: 'snapshot',
  summary: 'one sample, as a table or JSON',
  usage: USAGE,
  async run(argv, io: CliIo) {
    const args = parseCommandArgs(argv, FLAGS, { usage: USAGE, summary: SUMMARY }, io.stdout);
    if (!args) return 0;
    const sections = sectionsFlag(args);
    const waitMs = durationFlag(args, 'wait', 500, 1);
    const sampler = openSampler(args);
    try {
      const first = await sampler.sample(sections);
      await sleep(waitMs, io.signal);
      const sample = derive(first, await sampler.sample(sections));
      if (boolFlag(args, 'json')) io.stdout.write(JSON.stringify(sample, null, 2) + '\n');
      else io.stdout.write(sampleLines(sample, { width: io.stdout.columns || 100 }).join('\n') + '\n');
      return 0;
    } finally {
      await sampler.close();
    }
  },
};
