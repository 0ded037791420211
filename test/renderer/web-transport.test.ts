import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebApi } from '../../src/renderer/api/web-transport';
import type { EventSourceLike } from '../../src/renderer/api/push-stream';

interface Call {
  readonly url: string;
  readonly init: RequestInit | undefined;
}

function fakeFetch(reply: (url: string, init?: RequestInit) => Response) {
  const calls: Call[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return reply(String(input), init);
  }) as typeof fetch;
  return { fn, calls };
}

class FakeEventSource implements EventSourceLike {
  static made: FakeEventSource[] = [];
  readyState = 1;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly handlers = new Map<string, ((e: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  emit(type: string, data: string): void {
    for (const h of this.handlers.get(type) ?? []) h({ data } as MessageEvent<string>);
  }
  fail(): void {
    this.readyState = 2;
    this.onerror?.(new Event('error'));
  }
  close(): void {
    this.closed = true;
  }
}

afterEach(() => {
  FakeEventSource.made = [];
  vi.useRealTimers();
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('web transport', () => {
  it('POSTs invokes with the argument array and a bearer token, unwrapping the reply', async () => {
    const { fn, calls } = fakeFetch(() =>
      json({ ok: true, value: { range: '1h', fromMs: 1, toMs: 2, series: [] } }),
    );
    const api = createWebApi({ baseUrl: 'http://127.0.0.1:9/', token: 's3cret', fetch: fn });
    const result = await api.getHistory('1h', ['cpu.busy'], 300);
    expect(result.range).toBe('1h');
    expect(calls[0]?.url).toBe('http://127.0.0.1:9/api/invoke/history:query');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual([
      { range: '1h', series: ['cpu.busy'], maxPoints: 300 },
    ]);
    expect((calls[0]?.init?.headers as Record<string, string>)['authorization']).toBe('Bearer s3cret');
  });

  it('rejects with the server message of an error envelope, and names the channel on non-JSON', async () => {
    const api = createWebApi({
      baseUrl: 'http://h',
      fetch: fakeFetch(() => json({ ok: false, error: 'bad range' }, 400)).fn,
    });
    await expect(api.getSettings()).rejects.toThrow('settings:get: bad range');
    const broken = createWebApi({
      baseUrl: 'http://h',
      fetch: fakeFetch(() => new Response('oops', { status: 502 })).fn,
    });
    await expect(broken.getLatest()).rejects.toThrow(/metrics:getLatest: .*HTTP 502/);
  });

  it('shares one EventSource with the token in its query, parses events and closes when unused', () => {
    const api = createWebApi({
      baseUrl: 'http://h',
      token: 'a b',
      fetch: fakeFetch(() => json({ ok: true, value: null })).fn,
      createEventSource: (url) => new FakeEventSource(url),
    });
    const samples: unknown[] = [];
    const stopA = api.onSample((s) => samples.push(s));
    const stopB = api.onSettingsChanged(() => undefined);
    expect(FakeEventSource.made).toHaveLength(1);
    const es = FakeEventSource.made[0]!;
    expect(es.url).toBe('http://h/api/stream?token=a%20b');
    es.emit('metrics:sample', '{"t":1}');
    es.emit('metrics:sample', 'not json');
    expect(samples).toEqual([{ t: 1 }]);
    stopA();
    expect(es.closed).toBe(false);
    stopB();
    expect(es.closed).toBe(true);
  });

  it('opens a new EventSource after the browser gives up on one', () => {
    vi.useFakeTimers();
    const api = createWebApi({
      baseUrl: 'http://h',
      fetch: fakeFetch(() => json({ ok: true, value: null })).fn,
      createEventSource: (url) => new FakeEventSource(url),
      reconnectMs: 500,
    });
    const got: unknown[] = [];
    api.onSample((s) => got.push(s));
    FakeEventSource.made[0]!.fail();
    expect(FakeEventSource.made).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(FakeEventSource.made).toHaveLength(2);
    FakeEventSource.made[1]!.emit('metrics:sample', '{"t":2}');
    expect(got).toEqual([{ t: 2 }]);
  });

  it('exports by downloading /api/export and reports the rows it saved', async () => {
    const { fn, calls } = fakeFetch(
      () =>
        new Response(
          'time,epoch_ms,cpu.busy\r\n2026-01-01T00:00:00.000Z,1,5\r\n2026-01-01T00:00:01.000Z,2,6\r\n',
        ),
    );
    const saved: { blob: Blob; name: string }[] = [];
    const api = createWebApi({
      baseUrl: 'http://h',
      token: 't',
      fetch: fn,
      saveFile: (blob, name) => saved.push({ blob, name }),
    });
    const r = await api.exportCsv({ range: '5m', series: ['cpu.busy', 'memory.usedPercent'], format: 'csv' });
    expect(calls[0]?.url).toBe(
      'http://h/api/export?range=5m&series=cpu.busy%2Cmemory.usedPercent&format=csv',
    );
    expect(r).toMatchObject({ saved: true, rows: 2 });
    expect(r.bytes).toBe(saved[0]?.blob.size);
    expect(saved[0]?.name).toMatch(/^darwinmetrics-5m-.*\.csv$/);
  });

  it('opens views of the same page for openDashboard/openSettings', async () => {
    const hashes: string[] = [];
    const api = createWebApi({
      baseUrl: 'http://h',
      fetch: fakeFetch(() => json({})).fn,
      navigate: (h) => hashes.push(h),
    });
    await api.openDashboard();
    await api.openSettings();
    expect(hashes).toEqual(['#/dashboard', '#/settings']);
  });
});
