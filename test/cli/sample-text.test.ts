import { describe, expect, it } from 'vitest';
import { bar, safe, sampleLine, sampleLines, sparkline, truncate } from '../../src/cli/sample-text';
import type { Sample } from '../../src/shared/sample';
import { fullSample } from '../core/export/full-sample';

function withProcessName(name: string): Sample {
  const s = fullSample();
  const procs = s.processes!.ok ? s.processes!.value.processes : [];
  return { ...s, processes: { ok: true, value: { count: 1, processes: [{ ...procs[0]!, name }] } } };
}

describe('terminal text', () => {
  it('never passes control characters from the system to the terminal', () => {
    const evil = 'x\u001b]0;pwned\u0007\u001b[2J\r\u009b31m\u202eevil';
    const lines = sampleLines(withProcessName(evil), { width: 200 });
    const text = lines.join('\n');
    // eslint-disable-next-line no-control-regex -- the test is about control characters
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain('x?]0;pwned??[2J??31m?evil');
    expect(safe('tab\there')).toBe('tab?here');
  });

  it('shows every section the sample has and the reason for each one it lacks', () => {
    const text = sampleLines(fullSample(), { width: 120 }).join('\n');
    for (const prefix of ['CPU ', 'MEM ', 'BAT ', 'TEMP', 'FAN ', 'GPU ', 'PWR ', 'NET ', 'DISK', 'PROC'])
      expect(text).toContain(prefix);
    const partial: Sample = {
      t: 0,
      mono: 0,
      fans: { ok: false, error: { reason: 'unsupported', message: 'no fans' } },
    };
    expect(sampleLines(partial, { width: 80 })).toEqual([
      '1970-01-01T00:00:00.000Z',
      '(fans: unsupported: no fans)',
    ]);
  });

  it('fits lines to the width and draws bars and sparklines in range', () => {
    for (const line of sampleLines(fullSample(), { width: 50 }))
      expect([...line].length).toBeLessThanOrEqual(50);
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(bar(50, 10)).toBe('█████·····');
    expect(bar(150, 4)).toBe('████');
    expect(sparkline([0, 50, 100, -5])).toBe(' ▄█ ');
  });

  it('prints one line per sample for pipes', () => {
    expect(sampleLine(fullSample())).toBe(
      '2025-11-24T16:00:00.000Z cpu=25.0% load=0.21 mem=48.9% temp_max=55.0C battery=81% rx=1501B/s tx=300B/s',
    );
  });
});
