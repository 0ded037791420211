/**
 * `nmetrics serve --replay FILE --speed 10`: a recording written by `nmetrics record` plays through
 * the engine's history: the history query and the export cover the recorded samples, and the
 * capabilities carry the file's host and time range.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { jsonlLine } from '../../../src/core/export';
import type { Sample } from '../../../src/shared/sample';
import { fakeIo } from '../helpers/fake-io';
import { waitFor } from '../helpers/ports';
import { runServe } from '../helpers/run-serve';

const dir = mkdtempSync(join(tmpdir(), 'nmetrics-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 40 samples one second apart, memory climbing by one point a second. */
function recording(): string {
  const start = Date.UTC(2025, 0, 2, 3, 4, 0);
  const rows: Sample[] = [];
  for (let i = 0; i < 40; i++) {
    rows.push({
      t: start + i * 1000,
      mono: i * 1e9,
      ...(i > 0 ? { intervalMs: 1000 } : {}),
      host: {
        ok: true,
        value: {
          platform: 'darwin',
          arch: 'arm64',
          hostname: 'laptop',
          osName: 'macOS',
          osVersion: '15',
          kernel: '24',
          bootTimeMs: 0,
          uptimeSec: i,
        },
      },
      memory: {
        ok: true,
        value: {
          totalBytes: 100,
          freeBytes: 60 - i,
          availableBytes: 60 - i,
          usedBytes: 40 + i,
          cachedBytes: 0,
          swapTotalBytes: 0,
          swapUsedBytes: 0,
          usedPercent: 40 + i,
          swapUsedPercent: 0,
        },
      },
    } as Sample);
  }
  return rows.map((s) => jsonlLine(s)).join('');
}

const invoke = async (base: string, channel: string, args: unknown[] = []) => {
  const r = await fetch(`${base}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  return (await r.json()) as { ok: boolean; value: never; error?: string };
};

describe('serve --replay', () => {
  it('plays a recording at 10x with history queries and export working on it', async () => {
    const file = join(dir, 'episode.jsonl');
    writeFileSync(file, recording());
    const serve = await runServe(['--replay', file, '--speed', '10']);
    try {
      expect(serve.io.out()).toContain('replaying');
      // 40 recorded seconds at 10x: about 4 s; wait for the last sample.
      await waitFor(async () => {
        const s = (await (await fetch(`${serve.base}/api/snapshot`)).json()) as Sample;
        return s.memory?.ok === true && s.memory.value.usedPercent === 79;
      }, 'the last recorded sample');
      const caps = await invoke(serve.base, 'app:getCapabilities');
      expect(caps.value).toMatchObject({
        hostname: 'laptop',
        replay: { source: 'episode.jsonl', hostname: 'laptop', samples: 40, speed: 10 },
      });
      const history = await invoke(serve.base, 'history:query', [
        { series: ['memory.usedPercent'], range: '1m', maxPoints: 100 },
      ]);
      const series = (history.value as { series: { avg: number[]; t: number[] }[] }).series[0]!;
      // The range ends at the replay's clock (the last recorded second), not today's time.
      expect(series.t.length).toBeGreaterThanOrEqual(39);
      expect(series.avg.at(-1)).toBe(79);
      const csv = await fetch(`${serve.base}/api/export?range=5m&series=memory.usedPercent&format=csv`);
      const lines = (await csv.text()).trim().split('\n');
      expect(lines[0]).toContain('memory.usedPercent');
      expect(lines.length).toBeGreaterThanOrEqual(40);
      expect(lines.at(-1)).toContain('2025-01-02T03:04:39');
      // The banner's controls: held and re-speeded through replay:control, seen in the capabilities.
      const held = await invoke(serve.base, 'replay:control', [{ paused: true, speed: 2 }]);
      expect(held.value).toMatchObject({ source: 'episode.jsonl', paused: true, speed: 2 });
      expect((await invoke(serve.base, 'app:getCapabilities')).value).toMatchObject({
        replay: { paused: true, speed: 2 },
      });
      expect((await invoke(serve.base, 'replay:control', [{ speed: 0 }])).error).toContain(
        'replay:control: playback.speed: expected a number from 0.1 to 1000',
      );
      // A browser cannot hand the server a file of its own.
      expect((await invoke(serve.base, 'replay:open', ['/tmp/x.jsonl'])).error).toContain(
        'nmetrics serve --replay FILE.jsonl',
      );
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  }, 30_000);

  it('names the flag or the line that is wrong', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${recording().split('\n')[0]}\nnot json\n`);
    let io = fakeIo();
    expect(await runCli(['serve', '--replay', bad, '--port', '0'], io)).toBe(1);
    expect(io.err()).toContain('bad.jsonl, line 2: not JSON');
    io = fakeIo();
    expect(await runCli(['serve', '--speed', '10', '--port', '0'], io)).toBe(2);
    expect(io.err()).toContain('--speed: only with --replay');
    io = fakeIo();
    expect(await runCli(['serve', '--replay', bad, '--speed', 'fast', '--port', '0'], io)).toBe(2);
    expect(io.err()).toContain('--speed: expected a number');
    io = fakeIo();
    expect(await runCli(['serve', '--replay', join(dir, 'none.jsonl'), '--port', '0'], io)).toBe(1);
    expect(io.err()).toContain('cannot read');
  });
});
