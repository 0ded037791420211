import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineBackend, type EngineBackend } from '../../../src/cli/serve/engine-backend';
import { createPoller, type Poller } from '../../../src/core/poller/poller';
import { createSampler } from '../../../src/core/sampler/sampler';
import type { AlertRule } from '../../../src/shared/alert-types';
import type { PushChannel } from '../../../src/shared/ipc';
import { HAS_NODE_EXPORTER, NODE_EXPORTER_NOTE, nodeExporterRoot } from '../../helpers/linux-fixtures';
import { waitFor } from '../helpers/ports';

describe.skipIf(!HAS_NODE_EXPORTER)(`the engine behind nmetrics serve${NODE_EXPORTER_NOTE}`, () => {
  let root: string;
  let poller: Poller;
  let backend: EngineBackend;
  const pushed: [PushChannel, unknown][] = [];
  beforeAll(async () => {
    root = nodeExporterRoot();
    poller = createPoller({
      source: createSampler({ root }),
      intervalMs: 100,
      ownsSource: true,
      onError: () => undefined,
    });
    backend = createEngineBackend({ poller, hasToken: true });
    backend.onPush((channel, payload) => pushed.push([channel, payload]));
    await waitFor(async () => pushed.filter(([c]) => c === 'metrics:sample').length >= 3, 'three samples');
  });
  afterAll(async () => {
    backend.close();
    await poller.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("answers the invoke channels through core's metrics service", async () => {
    expect(backend.latest()).toBeDefined();
    const caps = (await backend.invoke('app:getCapabilities', [], false)) as {
      shell: string;
      canChangeSettings: boolean;
      sections: Record<string, { available: boolean }>;
    };
    expect(caps.shell).toBe('web');
    expect(caps.sections.power?.available).toBe(true);
    const series = (await backend.invoke('history:listSeries', [], false)) as { id: string }[];
    expect(series.map((s) => s.id)).toContain('memory.usedPercent');
    await expect(
      backend.invoke('history:query', [{ range: 'nope', series: ['cpu.busy'], maxPoints: 10 }], false),
    ).rejects.toThrow(/range/);
    await expect(
      backend.invoke('export:run', [{ range: '1h', series: ['cpu.busy'], format: 'csv' }], false),
    ).rejects.toThrow(/\/api\/export/);
    expect(await backend.invoke('app:openDashboard', [], false)).toBeUndefined();
  });

  it('changes settings only for a caller holding the token, and pushes the change', async () => {
    await expect(backend.invoke('settings:set', [{ temperatureUnit: 'F' }], false)).rejects.toThrow(
      /cannot be changed/,
    );
    const s = (await backend.invoke('settings:set', [{ temperatureUnit: 'F' }], true)) as {
      temperatureUnit: string;
    };
    expect(s.temperatureUnit).toBe('F');
    expect(
      pushed.some(
        ([c, p]) => c === 'settings:changed' && (p as { temperatureUnit: string }).temperatureUnit === 'F',
      ),
    ).toBe(true);
    await expect(backend.invoke('settings:set', [{ historyDays: 99 }], true)).rejects.toThrow(/historyDays/);
  });

  it('refuses a history length it cannot apply, instead of storing a setting that changes nothing', async () => {
    await expect(backend.invoke('settings:set', [{ historyDays: 2 }], true)).rejects.toThrow(
      /nmetrics serve keeps 7 days of history; restart it with --history-days/,
    );
    const s = (await backend.invoke('settings:get', [], false)) as { historyDays: number };
    expect(s.historyDays).toBe(7);
    expect(await backend.invoke('settings:set', [{ historyDays: 7 }], true)).toMatchObject({
      historyDays: 7,
    });
  });

  it('keeps the settings unchanged when an alert rule is rejected', async () => {
    const before = await backend.invoke('settings:get', [], false);
    const bad: AlertRule = {
      id: 'bogus',
      label: 'Bogus group',
      enabled: true,
      metric: 'thermal.group.bogus',
      comparison: '>',
      threshold: 1,
      forMs: 0,
      hysteresis: 0,
      cooldownMs: 0,
    };
    await expect(backend.invoke('settings:set', [{ alerts: [bad] }], true)).rejects.toThrow(/bogus/);
    expect(await backend.invoke('settings:get', [], false)).toEqual(before);
  });

  it('pushes alert events for the rules in the settings', async () => {
    const rule: AlertRule = {
      id: 'mem-any',
      label: 'Memory in use',
      enabled: true,
      metric: 'memory.usedPercent',
      comparison: '>',
      threshold: 0,
      forMs: 0,
      hysteresis: 0,
      cooldownMs: 0,
    };
    await backend.invoke('settings:set', [{ alerts: [rule], notifications: { 'mem-any': true } }], true);
    await waitFor(async () => pushed.some(([c]) => c === 'alerts:event'), 'an alert event');
    const event = pushed.find(([c]) => c === 'alerts:event')![1] as { ruleId: string; kind: string };
    expect(event).toMatchObject({ ruleId: 'mem-any', kind: 'fired' });
  });

  it('exports recorded history as CSV', async () => {
    let text = '';
    const count = await backend.exportData(
      { range: '1m', series: ['cpu.busy', 'memory.usedPercent'], format: 'csv' },
      (c) => void (text += c),
    );
    expect(text.split('\r\n')[0]).toBe('time,epoch_ms,cpu.busy,memory.usedPercent');
    expect(count.rows).toBeGreaterThanOrEqual(1);
    await expect(
      backend.exportData({ range: '1m', series: [], format: 'xml' }, () => undefined),
    ).rejects.toThrow();
  });
});
