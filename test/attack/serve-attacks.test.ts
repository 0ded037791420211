// Attacks on `nmetrics serve` from issue #17, against the real CLI on loopback: an alert pattern
// built to backtrack, and slowloris before any auth check. Each probe has a deadline: a frozen or
// starved server fails it.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRoot } from '../helpers/linux-fixtures';
import { probe, startServe } from './helpers/cli';

const TOKEN = 'abcdefghijklmnop0123456789';
type Serve = Awaited<ReturnType<typeof startServe>>;

function rule(metric: string) {
  return {
    id: 'r',
    label: 'l',
    enabled: true,
    metric,
    comparison: '>',
    threshold: 1,
    forMs: 0,
    hysteresis: 0,
    cooldownMs: 0,
  };
}

async function setAlerts(base: string, metric: string): Promise<{ ok: boolean; error?: string }> {
  const r = await fetch(`${base}/api/invoke/settings:set`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify([{ alerts: [rule(metric)] }]),
    signal: AbortSignal.timeout(5_000),
  });
  return (await r.json()) as { ok: boolean; error?: string };
}

describe('serve under attack (real CLI, loopback)', () => {
  let serve: Serve;
  beforeAll(async () => {
    serve = await startServe(['--token', TOKEN, '--interval', '100ms', '--root', fixtureRoot('laptop')]);
  });
  afterAll(async () => {
    serve.child.kill('SIGTERM');
    await serve.ended(10_000);
  });

  it('refuses the 24-star ReDoS pattern and stays responsive under the widest pattern it accepts', async () => {
    const attack = await setAlerts(serve.base, `cpu.${'*'.repeat(24)}#`);
    // Runs of stars are one star, so the literal pattern is harmless; spread them out.
    expect(attack.ok).toBe(true);
    const spread = await setAlerts(serve.base, `cpu.${Array.from({ length: 24 }, () => '*').join('.')}#`);
    expect(spread).toEqual({ ok: false, error: expect.stringMatching(/at most 8 "\*" wildcards, got 24/) });
    const widest = await setAlerts(serve.base, `cpu.${Array.from({ length: 8 }, () => '*').join('.')}#`);
    expect(widest.ok).toBe(true);
    // Alerts are evaluated on every sample (10 per second here): the server must keep answering.
    for (let i = 0; i < 10; i++) expect(await probe(`${serve.base}/healthz`, 2_000)).toBe(200);
  });

  it('keeps answering while 560 connections trickle one header byte every 0.5 s', async () => {
    const sockets: Socket[] = [];
    const drip = setInterval(() => {
      for (const s of sockets) if (!s.destroyed) s.write('a');
    }, 500);
    try {
      for (let i = 0; i < 560; i++) {
        const s = connect(serve.port, '127.0.0.1', () => s.write('GET /healthz HTTP/1.1\r\nX-Slow: '));
        s.on('error', () => undefined);
        sockets.push(s);
      }
      await new Promise((r) => setTimeout(r, 500));
      const results: number[] = [];
      for (let i = 0; i < 40; i++) results.push(await probe(`${serve.base}/healthz`, 3_000));
      expect(results.filter((s) => s === 200).length).toBe(40);
      const metrics = await probe(`${serve.base}/metrics`, 3_000, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(metrics).toBe(200);
    } finally {
      clearInterval(drip);
      for (const s of sockets) s.destroy();
    }
  });
});
