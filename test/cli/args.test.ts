import { describe, expect, it } from 'vitest';
import { durationFlag, intFlag, parseArgs, UsageError, type FlagSpec } from '../../src/cli/args';

const SPECS: readonly FlagSpec[] = [
  { name: 'interval', short: 'i', value: 'DURATION', description: 'how often' },
  { name: 'json', description: 'JSON out' },
  { name: 'top', value: 'N', description: 'how many' },
];

describe('parseArgs (node:util parseArgs underneath)', () => {
  it('reads long, inline, short and boolean flags, positionals and the -- terminator', () => {
    const a = parseArgs(['--interval', '2s', '--top=5', 'x', '--json', '--', '--not-a-flag'], SPECS);
    expect(Object.fromEntries(a.flags)).toEqual({ interval: '2s', top: '5', json: true });
    expect(a.positionals).toEqual(['x', '--not-a-flag']);
    expect(Object.fromEntries(parseArgs(['-i', '500ms', '-h'], SPECS).flags)).toEqual({
      interval: '500ms',
      help: true,
    });
  });

  it.each([
    [['--nope'], /unknown option "--nope"/],
    [['-z'], /unknown option "-z"/],
    [['--json', '--json'], /--json given twice/],
    [['-i', '1s', '--interval', '2s'], /--interval given twice/],
    [['--json=yes'], /--json takes no value/],
    [['--interval'], /--interval: expected DURATION/],
    [['--top='], /--top: expected N/],
  ])('%j is a usage error naming the argument', (argv, message) => {
    expect(() => parseArgs(argv, SPECS)).toThrow(UsageError);
    expect(() => parseArgs(argv, SPECS)).toThrow(message);
  });

  it('keeps the checked duration and whole-number readers', () => {
    expect(durationFlag(parseArgs(['--interval', '1.5s'], SPECS), 'interval', 1000)).toBe(1500);
    expect(() => durationFlag(parseArgs(['--interval', '10ms'], SPECS), 'interval', 1000)).toThrow(
      /at least 100 ms/,
    );
    expect(intFlag(parseArgs(['--top', '7'], SPECS), 'top', 3, 1, 10)).toBe(7);
    expect(() => intFlag(parseArgs(['--top', '7.5'], SPECS), 'top', 3, 1, 10)).toThrow(/whole number/);
  });
});
