/**
 * The WebSocket stream of `nmetrics serve` (/api/ws) with a real `ws` client against the real command
 * on a loopback port, sampling this machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sample } from '../../../src/shared/sample';
import { SECTIONS } from '../../../src/shared/sections';
import { runServe, type RunningServe } from '../helpers/run-serve';
import { openStream, type StreamClient } from '../helpers/ws-client';

const TOKEN = 'correct-horse-battery-staple';
const sectionsOf = (sample: Sample) =>
  Object.keys(sample).filter((k) => (SECTIONS as readonly string[]).includes(k));

async function samples(client: StreamClient, count: number): Promise<Sample[]> {
  const out: Sample[] = [];
  while (out.length < count) out.push((await client.next('sample')).sample);
  return out;
}

describe('nmetrics serve: WebSocket stream', () => {
  let serve: RunningServe;
  let url: string;
  const open: StreamClient[] = [];
  const connect = async (path = '/api/ws', options = {}) => {
    const c = await openStream(`${url}${path}`, options);
    open.push(c);
    return c;
  };
  beforeAll(async () => {
    serve = await runServe(['--interval', '250ms', '--sections', 'cpu', '--max-streams', '6']);
    url = serve.base.replace(/^http/, 'ws');
  });
  afterAll(async () => {
    for (const c of open) c.close();
    expect(await serve.stop()).toBe(0);
  });

  it('acknowledges a subscription and streams the sections asked for, as /api/snapshot shapes them', async () => {
    const c = await connect();
    c.send({ type: 'subscribe', sections: ['memory', 'cpu'], intervalMs: 250 });
    expect(await c.next('subscribed')).toEqual({
      type: 'subscribed',
      sections: ['cpu', 'memory'],
      intervalMs: 250,
    });
    const [first, second] = await samples(c, 2);
    expect(sectionsOf(first!)).toEqual(['cpu', 'memory']);
    expect(second!.t).toBeGreaterThan(first!.t);
    const snapshot = (await (await fetch(`${serve.base}/api/snapshot`)).json()) as Sample;
    expect(second!.cpu?.ok && Object.keys(second!.cpu.value).sort()).toEqual(
      snapshot.cpu?.ok && Object.keys(snapshot.cpu.value).sort(),
    );
    expect(second!.memory?.ok && second!.memory.value.totalBytes).toBeGreaterThan(0);
  });

  it('changes the subscription when asked again, and stops on unsubscribe', async () => {
    const c = await connect();
    c.send({ type: 'subscribe', sections: ['cpu'] });
    expect((await c.next('subscribed')).intervalMs).toBe(250);
    expect(sectionsOf((await c.next('sample')).sample)).toEqual(['cpu']);
    c.send({ type: 'subscribe', sections: ['network'], intervalMs: 500 });
    expect(await c.next('subscribed')).toEqual({
      type: 'subscribed',
      sections: ['network'],
      intervalMs: 500,
    });
    // Samples already on the wire under the old subscription may arrive before the ack's effect.
    let sample = (await c.next('sample')).sample;
    while (sample.cpu !== undefined) sample = (await c.next('sample')).sample;
    expect(sectionsOf(sample)).toEqual(['network']);
    c.send({ type: 'unsubscribe' });
    expect(await c.next('unsubscribed')).toEqual({ type: 'unsubscribed' });
  });

  it('serves two clients with different sections and intervals from one sampling schedule', async () => {
    const fast = await connect();
    const slow = await connect();
    fast.send({ type: 'subscribe', sections: ['cpu'], intervalMs: 250 });
    await fast.next('subscribed');
    await fast.next('sample');
    slow.send({ type: 'subscribe', sections: ['memory'], intervalMs: 1000 });
    expect((await slow.next('subscribed')).intervalMs).toBe(1000);
    const slowSamples = await samples(slow, 3);
    const fastSamples = await samples(fast, 4);
    for (const s of slowSamples) expect(sectionsOf(s)).toEqual(['memory']);
    for (const s of fastSamples) expect(sectionsOf(s)).toEqual(['cpu']);
    // The slow client's samples are ticks of the same poller, at least its interval apart (less the
    // half tick of slack the poller's schedule allows, core/poller-schedule isDue).
    for (let i = 1; i < slowSamples.length; i++)
      expect(slowSamples[i]!.t - slowSamples[i - 1]!.t).toBeGreaterThanOrEqual(1000 - 125);
    // Every tick the slow client got, the fast one (subscribed first, at every tick) got too.
    const fastTimes = new Set(fastSamples.map((s) => s.t));
    let last = fastSamples.at(-1)!.t;
    while (last < slowSamples.at(-1)!.t) {
      last = (await fast.next('sample')).sample.t;
      fastTimes.add(last);
    }
    for (const s of slowSamples) expect(fastTimes.has(s.t)).toBe(true);
  });

  it('answers malformed JSON, unknown sections and absurd intervals with an error naming the field, and stays open', async () => {
    const c = await connect();
    const error = async (message: unknown) => {
      c.send(message);
      return (await c.next('error')).message;
    };
    expect(await error('{"type":')).toBe('message: expected a JSON object');
    expect(await error([1, 2])).toBe('message: expected a JSON object with a "type"');
    expect(await error({ type: 'subscribe', sections: ['cpu', 'gpus'] })).toMatch(
      /^sections\[1\]: expected one of host, cpu/,
    );
    expect(await error({ type: 'subscribe', sections: [] })).toBe('sections: expected at least one section');
    expect(await error({ type: 'subscribe', sections: ['cpu'], intervalMs: 0 })).toBe(
      'intervalMs: expected at least 250 ms',
    );
    expect(await error({ type: 'subscribe', sections: ['cpu'], intervalMs: -5 })).toBe(
      'intervalMs: expected at least 250 ms',
    );
    expect(await error({ type: 'subscribe', sections: ['cpu'], intervalMs: 1e12 })).toBe(
      'intervalMs: expected at most 60000 ms',
    );
    expect(await error({ type: 'subscribe', sections: ['cpu'], intervalMs: 1.5 })).toBe(
      'intervalMs: expected a whole number of milliseconds',
    );
    expect(await error({ type: 'subscribe', sections: ['cpu'], interval: 1000 })).toBe(
      'interval: unexpected field "interval"',
    );
    expect(await error({ type: 'snapshot' })).toBe(
      'type: expected "subscribe" or "unsubscribe", got "snapshot"',
    );
    c.ws.send(Buffer.from('{}'), { binary: true });
    expect((await c.next('error')).message).toBe('message: expected a JSON text frame');
    // An interval between grid points is rounded to the server's 250 ms grid.
    c.send({ type: 'subscribe', sections: ['cpu'], intervalMs: 400 });
    expect((await c.next('subscribed')).intervalMs).toBe(500);
    expect(sectionsOf((await c.next('sample')).sample)).toEqual(['cpu']);
  });

  it('closes the socket with 1009 on a frame larger than the protocol allows', async () => {
    const c = await connect();
    c.send({ type: 'subscribe', sections: Array(2000).fill('cpu') });
    expect((await c.closed).code).toBe(1009);
  });

  it('refuses a page from another origin and a foreign Host header', async () => {
    await expect(openStream(`${url}/api/ws`, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(openStream(`${url}/api/ws`, { headers: { host: 'evil.example' } })).rejects.toThrow(
      'HTTP 403',
    );
    const own = await connect('/api/ws', { origin: serve.base });
    expect(own.ws.readyState).toBe(own.ws.OPEN);
  });

  it('caps concurrent sockets (--max-streams) and answers plain GETs with 426', async () => {
    for (const c of open.splice(0)) c.close();
    await Promise.all(open.map((c) => c.closed));
    const held: StreamClient[] = [];
    let refused: unknown;
    for (let i = 0; i < 8 && refused === undefined; i++) {
      try {
        held.push(await connect());
      } catch (e) {
        refused = e;
      }
    }
    expect(String(refused)).toContain('HTTP 503');
    expect(held.length).toBeLessThanOrEqual(6);
    const plain = await fetch(`${serve.base}/api/ws`);
    expect(plain.status).toBe(426);
  });
});

describe('nmetrics serve: WebSocket stream with a token', () => {
  let serve: RunningServe;
  let url: string;
  beforeAll(async () => {
    serve = await runServe(['--interval', '250ms', '--sections', 'cpu', '--token', TOKEN]);
    url = serve.base.replace(/^http/, 'ws');
  });
  afterAll(async () => expect(await serve.stop()).toBe(0));

  it('refuses a missing or wrong token with 401 and accepts it as header or ?token=', async () => {
    await expect(openStream(`${url}/api/ws`)).rejects.toThrow('HTTP 401');
    await expect(openStream(`${url}/api/ws?token=wrong-token-wrong-token`)).rejects.toThrow('HTTP 401');
    await expect(
      openStream(`${url}/api/ws`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } }),
    ).rejects.toThrow('HTTP 401');
    const byQuery = await openStream(`${url}/api/ws?token=${TOKEN}`);
    const byHeader = await openStream(`${url}/api/ws`, { headers: { authorization: `Bearer ${TOKEN}` } });
    byHeader.send({ type: 'subscribe', sections: ['cpu'] });
    expect(sectionsOf((await byHeader.next('sample')).sample)).toEqual(['cpu']);
    byQuery.close();
    byHeader.close();
  });
});
