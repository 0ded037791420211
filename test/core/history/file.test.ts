import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
  existsSync,
  statSync,
  mkdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHistory, type History, type HistoryPoint } from '../../../src/core/history/history';
import { decodeBody, encodeBody } from '../../../src/core/history/codec';
import { FILE_MAGIC } from '../../../src/core/history/file';
import { loadHistory } from '../../../src/core/history/load';

const T0 = Date.UTC(2026, 0, 1);
const now = () => 0;

function filled(options: { days?: number } = {}): History {
  const history = createHistory({ now, ...options });
  // Two hours at 1 s of two series with distinct shapes, one of which stops halfway.
  for (let s = 0; s < 7200; s++) {
    const points: HistoryPoint[] = [{ id: 'cpu.busy', label: 'CPU busy', unit: '%', value: (s * 7) % 100 }];
    if (s < 3600) points.push({ id: 'thermal.x', label: 'Die', unit: '°C', value: 40 + (s % 13) });
    history.pushPoints(T0 + s * 1000, points);
  }
  return history;
}

const everything = (h: History) =>
  (['1h', '24h', '7d'] as const).map((range) =>
    h.query({ series: ['cpu.busy', 'thermal.x'], range, maxPoints: 10_000 }),
  );

const dir = () => mkdtempSync(join(tmpdir(), 'dm-history-'));

describe('history file', () => {
  it('round-trips: the restored history answers every query the same and keeps recording', async () => {
    const history = filled();
    const path = join(dir(), 'history.bin');
    await history.save(path);
    const { history: restored, restored: ok, problem } = await loadHistory(path, { now });
    expect(ok).toBe(true);
    expect(problem).toBeUndefined();
    expect(restored.listSeries()).toEqual(history.listSeries());
    expect(everything(restored)).toEqual(everything(history));
    const next = { id: 'cpu.busy', label: 'CPU busy', unit: '%', value: 42 };
    history.pushPoints(T0 + 7200_000, [next]);
    restored.pushPoints(T0 + 7200_000, [next]);
    expect(everything(restored)).toEqual(everything(history));
    // Compact: smaller than the typed arrays it holds.
    expect(statSync(path).size).toBeLessThan(history.stats().bytes / 2);
  });

  it('writes through a temp file and leaves only the target behind', async () => {
    const folder = dir();
    const path = join(folder, 'history.bin');
    await filled().save(path);
    await filled().save(path);
    expect(readdirSync(folder)).toEqual(['history.bin']);
    expect(readFileSync(path).subarray(0, 8).equals(FILE_MAGIC)).toBe(true);
  });

  it('starts empty without a problem when there is no file', async () => {
    const result = await loadHistory(join(dir(), 'absent.bin'));
    expect(result.restored).toBe(false);
    expect(result.problem).toBeUndefined();
    expect(result.history.listSeries()).toEqual([]);
  });

  const damaged: [string, (path: string) => void][] = [
    ['truncated', (p) => truncateSync(p, Math.floor(statSync(p).size / 2))],
    [
      'corrupted',
      (p) => {
        const bytes = readFileSync(p);
        bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
        writeFileSync(p, bytes);
      },
    ],
    ['not ours', (p) => writeFileSync(p, 'hello, I am a text file')],
    [
      'from a future version',
      (p) => {
        const bytes = readFileSync(p);
        bytes.writeUInt32LE(99, 8);
        writeFileSync(p, bytes);
      },
    ],
    ['empty', (p) => writeFileSync(p, '')],
  ];
  for (const [what, damage] of damaged) {
    it(`sets a ${what} file aside, reports it and starts empty`, async () => {
      const folder = dir();
      const path = join(folder, 'history.bin');
      await filled().save(path);
      damage(path);
      const result = await loadHistory(path);
      expect(result.restored).toBe(false);
      expect(result.problem).toMatch(/could not be restored/);
      expect(result.history.listSeries()).toEqual([]);
      expect(existsSync(path)).toBe(false);
      expect(result.setAsidePath).toMatch(/history\.bin\.corrupt-/);
      expect(existsSync(result.setAsidePath!)).toBe(true);
    });
  }

  it('rejects a body whose length does not match its header', () => {
    const body = encodeBody(filled().store);
    expect(() => decodeBody(body.subarray(0, body.length - 8))).toThrow(/header describes/);
    expect(() => decodeBody(Buffer.concat([body, Buffer.alloc(4)]))).toThrow(/header describes/);
  });

  it('restores a 7-day file into a 2-day history, keeping what fits', async () => {
    const history = filled();
    const path = join(dir(), 'history.bin');
    await history.save(path);
    const { history: small, restored } = await loadHistory(path, { days: 2, now });
    expect(restored).toBe(true);
    expect(small.store.tiers[2]!.spec.capacity).toBe(2880);
    const range = (h: History) => h.query({ series: ['cpu.busy'], range: '24h', maxPoints: 10_000 });
    expect(range(small)).toEqual(range(history));
    expect(small.query({ series: ['thermal.x'], range: '7d', maxPoints: 10_000 })).toEqual(
      history.query({ series: ['thermal.x'], range: '7d', maxPoints: 10_000 }),
    );
  });
});

describe('history file that cannot be read', () => {
  it('is moved aside rather than left for the next save to replace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-hist-unreadable-'));
    const path = join(dir, 'history.bin');
    // A directory where the file should be: readFile fails with EISDIR, as it would with EIO.
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'the user data we must not lose');
    const loaded = await loadHistory(path);
    expect(loaded.restored).toBe(false);
    expect(loaded.problem).toMatch(/cannot read .*moved to/);
    expect(loaded.setAsidePath).toBeDefined();
    expect(existsSync(join(loaded.setAsidePath!, 'inside'))).toBe(true);
    await loaded.history.save(path);
    expect((await loadHistory(path)).restored).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('history: close and await using', () => {
  it('waits for a save in flight, then refuses pushes and saves', async () => {
    const path = join(dir(), 'h.bin');
    let kept: History | undefined;
    {
      await using history = filled();
      kept = history;
      void history.save(path);
    }
    // The save that was running when the block ended is complete on disk.
    expect(kept.closed).toBe(true);
    expect(readFileSync(path).subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)).toBe(true);
    const { history: loaded } = await loadHistory(path, { now });
    expect(everything(loaded!)).toEqual(everything(filled()));
    expect(() => kept.pushPoints(T0, [])).toThrow(/after close/);
    await expect(kept.save(path)).rejects.toThrow(/after close/);
    expect(kept.close()).toBe(kept.close());
  });
});
