import { describe, expect, it } from 'vitest';
import { sleep } from '../../../src/core/async';
import { wellFormed } from '../../../src/core/export/text';

describe('sleep', () => {
  it('resolves after the delay without a signal', async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
  });

  it('resolves early, not rejects, when the signal aborts', async () => {
    const controller = new AbortController();
    let done = false;
    const waiting = sleep(3_600_000, controller.signal).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    controller.abort();
    await waiting;
    expect(done).toBe(true);
  });

  it('resolves at once for a signal that already aborted', async () => {
    await expect(sleep(3_600_000, AbortSignal.abort())).resolves.toBeUndefined();
  });
});

describe('wellFormed', () => {
  it('replaces lone surrogates with U+FFFD and keeps pairs', () => {
    expect(wellFormed('a\uD800b\uDC00c')).toBe('a\uFFFDb\uFFFDc');
    expect(wellFormed('\uD83D\uDE00')).toBe('\uD83D\uDE00');
    expect(wellFormed('\uDE00\uD83D')).toBe('\uFFFD\uFFFD');
  });
});
