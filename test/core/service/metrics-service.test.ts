import { describe, expect, it } from 'vitest';
import { createHistory } from '../../../src/core/history/history';
import {
  CAPABILITY_REPROBE_MS,
  createMemorySettingsStore,
  createMetricsService,
  type MetricsServiceOptions,
} from '../../../src/core/service/metrics-service';
import type { Poller } from '../../../src/core/poller/poller';
import type { Sample } from '../../../src/shared/sample';
import type { SectionName } from '../../../src/shared/sections';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const T0 = Date.UTC(2026, 0, 1);

const SAMPLE = {
  t: T0,
  mono: 1e9,
  host: {
    ok: true,
    value: {
      platform: 'linux',
      arch: 'x64',
      hostname: 'box',
      osName: 'Debian',
      osVersion: '12',
      kernel: '6.1',
      bootTimeMs: 0,
      uptimeSec: 1,
    },
  },
  fans: { ok: false, error: { reason: 'unsupported', message: 'no fans on this machine' } },
} as unknown as Sample;

/** A poller stand-in that records subscriptions and answers with SAMPLE. */
function fakePoller() {
  const subscriptions: (readonly SectionName[])[] = [];
  let live = 0;
  const poller: Pick<Poller, 'latest' | 'subscribe' | 'samples'> = {
    latest: () => SAMPLE,
    subscribe: (sections) => {
      subscriptions.push(sections);
      live += 1;
      return () => void (live -= 1);
    },
    samples: () => {
      const values = [SAMPLE];
      return {
        next: async () =>
          values.length > 0 ? { value: values.shift()!, done: false } : { value: undefined, done: true },
        return: async () => ({ value: undefined, done: true }),
        [Symbol.asyncIterator]() {
          return this;
        },
      } as AsyncIterableIterator<Sample>;
    },
  };
  return { poller, subscriptions, live: () => live };
}

function setup(extra: Partial<MetricsServiceOptions> = {}) {
  const fake = fakePoller();
  const history = createHistory({ now: () => 0 });
  for (let s = 0; s < 120; s++) {
    history.pushPoints(T0 + s * 1000, [{ id: 'cpu.busy', label: 'CPU busy', unit: '%', value: s % 10 }]);
  }
  const changes: unknown[] = [];
  const settings = createMemorySettingsStore(DEFAULT_SETTINGS, (s) => changes.push(s));
  const service = createMetricsService({ shell: 'web', poller: fake.poller, history, settings, ...extra });
  return { service, fake, history, changes };
}

describe('metrics service', () => {
  it('reports capabilities from one sample of every section, with reasons', async () => {
    const { service } = setup();
    const caps = await service.invoke('app:getCapabilities', []);
    expect(caps.platform).toBe('linux');
    expect(caps.hostname).toBe('box');
    expect(caps.shell).toBe('web');
    expect(caps.sections.host).toEqual({ available: true });
    expect(caps.sections.fans).toEqual({ available: false, reason: 'unsupported: no fans on this machine' });
  });

  it('answers latest, series and queries', async () => {
    const { service } = setup();
    expect(await service.invoke('metrics:getLatest', [])).toBe(SAMPLE);
    expect(await service.invoke('history:listSeries', [])).toEqual([
      { id: 'cpu.busy', label: 'CPU busy', unit: '%' },
    ]);
    const result = await service.invoke('history:query', [
      { series: ['cpu.busy'], range: '1h', maxPoints: 10 },
    ]);
    expect(result.series[0]!.t.length).toBeLessThanOrEqual(10);
    expect(Math.max(...result.series[0]!.max)).toBe(9);
  });

  it('holds one poller subscription for the demanded sections, replacing it on each call', async () => {
    const { service, fake } = setup();
    await service.invoke('metrics:setDemand', [['cpu', 'memory', 'cpu']]);
    await service.invoke('metrics:setDemand', [['processes']]);
    expect(fake.subscriptions).toEqual([['cpu', 'memory'], ['processes']]);
    expect(fake.live()).toBe(1);
    await service.invoke('metrics:setDemand', [[]]);
    expect(fake.live()).toBe(0);
  });

  it('hands demand to the shell when it manages it', async () => {
    const seen: (readonly SectionName[])[] = [];
    const { service, fake } = setup({ setDemand: (s) => void seen.push(s) });
    await service.invoke('metrics:setDemand', [['gpu']]);
    expect(seen).toEqual([['gpu']]);
    expect(fake.subscriptions).toEqual([]);
  });

  it('gets and sets settings, refusing callers that may not change them', async () => {
    const { service, changes } = setup();
    const next = await service.invoke('settings:set', [{ temperatureUnit: 'F' }]);
    expect(next.temperatureUnit).toBe('F');
    expect((await service.invoke('settings:get', [])).temperatureUnit).toBe('F');
    expect(changes).toHaveLength(1);
    await expect(
      service.invoke('settings:set', [{ historyDays: 2 }], { canChangeSettings: false }),
    ).rejects.toThrow(/cannot be changed/);
  });

  it('rejects bad payloads with an error naming the field', async () => {
    const { service } = setup();
    const bad: [Parameters<typeof service.invoke>[0], unknown[], RegExp][] = [
      ['metrics:setDemand', [['cpu', 'bogus']], /sections\[1\]/],
      ['metrics:setDemand', ['cpu'], /sections/],
      ['history:query', [{ series: ['a'], range: '2y', maxPoints: 5 }], /query\.range/],
      ['history:query', [{ series: ['a'], range: '1h', maxPoints: 1.5 }], /query\.maxPoints/],
      ['history:query', [], /history:query: expected 1 argument/],
      ['settings:set', [{ trayIntervalMs: 5 }], /settings\.trayIntervalMs/],
      ['settings:set', [{ nope: 1 }], /settings\.nope/],
      ['metrics:getLatest', [1], /expected 0 arguments/],
    ];
    for (const [channel, args, message] of bad)
      await expect(service.invoke(channel, args)).rejects.toThrow(message);
    await expect(service.invoke('app:openDashboard' as never, [])).rejects.toThrow(/channel/);
  });

  it('streams an export through the callback, chunk by chunk, with rows and bytes', async () => {
    const { service } = setup();
    let text = '';
    const written = await service.exportData(
      { range: '1h', series: ['cpu.busy'], format: 'csv' },
      async (chunk) => {
        await Promise.resolve();
        text += chunk;
      },
    );
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(121);
    expect(written.rows).toBe(120);
    expect(written.bytes).toBe(Buffer.byteLength(text));
    await expect(
      service.exportData({ range: '1h', series: [], format: 'csv' }, () => undefined),
    ).rejects.toThrow(/options\.series/);
    await expect(
      service.exportData({ range: '1h', series: ['a'], format: 'xml' }, () => undefined),
    ).rejects.toThrow(/options\.format/);
  });
});

describe('metrics service: capabilities that come up late', () => {
  const gpuDown = {
    ...SAMPLE,
    gpu: { ok: false, error: { reason: 'failed', message: 'IOReport not ready' } },
  } as unknown as Sample;
  const gpuUp = { ...SAMPLE, gpu: { ok: true, value: [] } } as unknown as Sample;

  /** A poller whose successive probes answer with the given samples (an Error rejects that probe). */
  function probingPoller(answers: (Sample | Error)[]) {
    let probes = 0;
    const poller: Pick<Poller, 'latest' | 'subscribe' | 'samples'> = {
      latest: () => undefined,
      subscribe: () => () => undefined,
      samples: () => {
        const answer = answers[Math.min(probes, answers.length - 1)]!;
        probes += 1;
        return {
          next: async () => {
            if (answer instanceof Error) throw answer;
            return { value: answer, done: false };
          },
          return: async () => ({ value: undefined, done: true }),
          [Symbol.asyncIterator]() {
            return this;
          },
        } as AsyncIterableIterator<Sample>;
      },
    };
    return { poller, probes: () => probes };
  }

  function serviceOver(answers: (Sample | Error)[]) {
    let now = 0;
    const fake = probingPoller(answers);
    const service = createMetricsService({
      shell: 'electron',
      poller: fake.poller,
      settings: createMemorySettingsStore(DEFAULT_SETTINGS),
      now: () => now,
    });
    return { service, probes: fake.probes, advance: (ms: number) => void (now += ms) };
  }

  it('probes again after a section failed at start-up, and then keeps the answer', async () => {
    const { service, probes, advance } = serviceOver([gpuDown, gpuUp]);
    const first = await service.invoke('app:getCapabilities', []);
    expect(first.sections.gpu).toEqual({ available: false, reason: 'failed: IOReport not ready' });
    // Within the re-probe interval the kept answer stands.
    advance(CAPABILITY_REPROBE_MS - 1);
    await service.invoke('app:getCapabilities', []);
    expect(probes()).toBe(1);
    advance(1);
    const later = await service.invoke('app:getCapabilities', []);
    expect(later.sections.gpu).toEqual({ available: true });
    expect(probes()).toBe(2);
    // Everything that can come up did: no more probes, however long it runs.
    advance(10 * CAPABILITY_REPROBE_MS);
    await service.invoke('app:getCapabilities', []);
    expect(probes()).toBe(2);
  });

  it('never re-probes for a section this machine does not support', async () => {
    const { service, probes, advance } = serviceOver([SAMPLE]);
    await service.invoke('app:getCapabilities', []);
    advance(10 * CAPABILITY_REPROBE_MS);
    const caps = await service.invoke('app:getCapabilities', []);
    expect(caps.sections.fans?.available).toBe(false);
    expect(probes()).toBe(1);
  });

  it('a probe that failed outright is tried again later instead of failing forever', async () => {
    const { service, probes, advance } = serviceOver([new Error('sampler busy'), gpuUp]);
    const first = await service.invoke('app:getCapabilities', []);
    expect(first.sections).toEqual({});
    advance(CAPABILITY_REPROBE_MS);
    const later = await service.invoke('app:getCapabilities', []);
    expect(later.sections.gpu).toEqual({ available: true });
    expect(probes()).toBe(2);
  });
});
