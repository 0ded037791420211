// Crash safety (issue 14): a writer child is killed with SIGKILL at random moments, many times over
// one directory. After each kill the next start must (1) load without error, (2) say the previous run
// did not close, (3) still hold every 10 s bucket the child reported closed before the kill, and
// (4) hold nothing but whole records: every segment decodes to its end after the start cut a torn tail.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listSegments, tierDir } from '../../../src/core/history/layout';
import { openHistory } from '../../../src/core/history/open';
import { decodeSegment } from '../../../src/core/history/segment';
import { bundleScript } from '../../helpers/bundle-cli';

const T0 = Date.UTC(2026, 0, 1);
const ITERATIONS = 12;
let bundle = '';

beforeAll(async () => {
  bundle = join(mkdtempSync(join(tmpdir(), 'dm-crash-bundle-')), 'crash-writer.mjs');
  await bundleScript(join(__dirname, 'helpers', 'crash-writer.ts'), bundle);
});

/** Runs the writer until it has closed `buckets` buckets plus a random extra delay, then kills it. */
function runAndKill(dir: string, start: number, waitMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dir, String(start)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (timer === undefined && out.includes('ready'))
        timer = setTimeout(() => child.kill('SIGKILL'), waitMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited with ${code}: ${err}`));
      // Only whole lines: a line cut by the kill may not have been reported in full.
      const closed = out
        .split('\n')
        .slice(0, -1)
        .filter((l) => l.startsWith('closed '))
        .map((l) => Number(l.slice(7)));
      resolve(closed);
    });
  });
}

describe('durable history under kill -9', () => {
  it('keeps every bucket reported closed before each kill, and only whole records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-crash-'));
    try {
      let start = T0;
      const everClosed: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const closed = await runAndKill(dir, start, 50 + Math.floor(Math.random() * 400));
        everClosed.push(...closed);
        const history = await openHistory({ dir, days: 30, isAlive: () => false, now: () => 0 });
        try {
          if (closed.length > 0) expect(history.report.notes.join('\n')).toMatch(/stopped without closing/);
          const t = new Set(history.queryAll({ series: ['cpu.busy'], range: '24h' }).series[0]!.t);
          const inWindow = everClosed.filter((b) => b > history.store.lastT - 86_400_000);
          for (const bucket of inWindow) expect(t.has(bucket)).toBe(true);
          start = history.store.lastT + 2_000;
        } finally {
          await history.close();
        }
        const all = [10_000, 60_000, 900_000].flatMap((res) => listSegments(tierDir(dir, res)));
        for (const segment of all) {
          const decoded = decodeSegment(readFileSync(segment.path));
          expect(decoded.problem).toBeUndefined();
        }
      }
      expect(everClosed.length).toBeGreaterThan(ITERATIONS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
