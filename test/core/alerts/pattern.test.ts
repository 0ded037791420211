import { describe, expect, it } from 'vitest';
import { compileMetricPattern, MAX_PATTERN_STARS } from '../../../src/core/alerts/pattern';

/** The regex the matcher replaced: right by construction, exponential on hostile patterns. */
function reference(pattern: string, id: string): boolean {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(id);
}

describe('compileMetricPattern', () => {
  it('matches whole ids, with stars spanning dots', () => {
    const p = compileMetricPattern('network.*.rxBytesPerSec');
    expect(p.many).toBe(true);
    expect(p.matches('network.eth0.rxBytesPerSec')).toBe(true);
    expect(p.matches('network.eth0.100.rxBytesPerSec')).toBe(true);
    expect(p.matches('network.eth0.txBytesPerSec')).toBe(false);
    expect(p.matches('network.eth0.rxBytesPerSecond')).toBe(false);
    expect(compileMetricPattern('thermal.*').matches('thermal.')).toBe(true);
    expect(compileMetricPattern('a*a').matches('a')).toBe(false);
    expect(compileMetricPattern('a*a').matches('aa')).toBe(true);
  });

  it('treats a pattern without stars as one exact id', () => {
    const p = compileMetricPattern('cpu.busy');
    expect(p.many).toBe(false);
    expect(p.matches('cpu.busy')).toBe(true);
    expect(p.matches('cpu.busyX')).toBe(false);
    expect(compileMetricPattern('cpu.(busy)+').matches('cpu.(busy)+')).toBe(true);
  });

  it('agrees with the regex it replaced on every small pattern and id over a tiny alphabet', () => {
    const alphabet = ['a', 'b', '.', '*'];
    const words = (n: number): string[] =>
      n === 0 ? [''] : words(n - 1).flatMap((w) => alphabet.map((c) => w + c));
    const patterns = [0, 1, 2, 3, 4].flatMap(words);
    const ids = [0, 1, 2, 3, 4, 5].flatMap(words).filter((w) => !w.includes('*'));
    let checked = 0;
    for (const pattern of patterns) {
      const p = compileMetricPattern(pattern);
      for (const id of ids) {
        expect(p.matches(id), `${pattern} ~ ${id}`).toBe(reference(pattern, id));
        checked++;
      }
    }
    expect(checked).toBe(341 * 364);
  });

  it('refuses more stars than the cap, counting runs of stars once', () => {
    expect(() => compileMetricPattern(`cpu.${'*'.repeat(24)}#`)).not.toThrow();
    const wild = Array.from({ length: MAX_PATTERN_STARS + 1 }, () => '*').join('.');
    expect(() => compileMetricPattern(wild)).toThrow(/at most 8 "\*" wildcards, got 9/);
    expect(() =>
      compileMetricPattern(Array.from({ length: MAX_PATTERN_STARS }, () => '*').join('.')),
    ).not.toThrow();
  });

  it('answers the attack pattern from issue #17 without backtracking', () => {
    // 8 stars separated by a character that never matches, on a long id that almost matches:
    // the regex form takes astronomically many steps here; this matcher does one pass.
    const pattern = `cpu.${Array.from({ length: MAX_PATTERN_STARS }, () => '*').join('.')}#`;
    const id = `cpu.${'.'.repeat(190)}`;
    const p = compileMetricPattern(pattern);
    for (let i = 0; i < 10_000; i++) expect(p.matches(id)).toBe(false);
  });
});
