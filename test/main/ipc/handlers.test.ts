import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/ipc/handlers';
import { createSettingsController } from '../../../src/main/settings/controller';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { laptopSample } from '../helpers/sample';

function setup() {
  const calls: string[] = [];
  const demand: [number, readonly string[]][] = [];
  const settings = createSettingsController({
    initial: DEFAULT_SETTINGS,
    save: async () => undefined,
  });
  const h = createHandlers({
    service: {
      invoke: (async (channel: string, args: readonly unknown[]) => {
        calls.push(`${channel}:${JSON.stringify(args)}`);
        return channel === 'history:listSeries' ? [] : { range: '1h', fromMs: 0, toMs: 0, series: [] };
      }) as never,
    },
    latest: () => laptopSample(42),
    setDemand: (id, sections) => demand.push([id, sections]),
    settings,
    runExport: async (o, id) => ({ saved: true, path: `/tmp/${id}.${o.format}`, rows: 1, bytes: 2 }),
    openDashboard: async () => void calls.push('dashboard'),
    openRecording: async (path: string | null) => void calls.push(`recording ${path ?? 'dialog'}`),
    openSettings: () => void calls.push('settings'),
  });
  return { h, calls, demand };
}

describe('app handlers', () => {
  it('keeps demand per window and answers the rest from their owners', async () => {
    const { h, calls, demand } = setup();
    await h['metrics:setDemand']({ webContentsId: 4 }, ['cpu']);
    await h['metrics:setDemand']({ webContentsId: 9 }, ['disks']);
    expect(demand).toEqual([
      [4, ['cpu']],
      [9, ['disks']],
    ]);
    expect((await h['metrics:getLatest']({ webContentsId: 4 }))?.t).toBe(42);
    await h['history:query']({ webContentsId: 4 }, { series: ['cpu.busy'], range: '1h', maxPoints: 10 });
    await h['history:listSeries']({ webContentsId: 4 });
    expect(
      await h['export:run']({ webContentsId: 9 }, { range: '1h', series: ['cpu.busy'], format: 'csv' }),
    ).toMatchObject({
      path: '/tmp/9.csv',
    });
    await h['app:openDashboard']({ webContentsId: 4 });
    await h['app:openSettings']({ webContentsId: 4 });
    expect(calls).toEqual([
      'history:query:[{"series":["cpu.busy"],"range":"1h","maxPoints":10}]',
      'history:listSeries:[]',
      'dashboard',
      'settings',
    ]);
  });

  it('changes settings through the controller', async () => {
    const { h } = setup();
    expect((await h['settings:set']({ webContentsId: 1 }, { temperatureUnit: 'F' })).temperatureUnit).toBe(
      'F',
    );
    expect((await h['settings:get']({ webContentsId: 1 })).temperatureUnit).toBe('F');
  });
});
