/**
 * Recordings in the app, driven the way a renderer drives them: invokes go through the real sender
 * and payload checks (src/main/ipc/dispatch.ts) from fake windows (helpers/fake-electron.ts), and each
 * replay window must be answered by its own engine, the live window by the live handlers, with no
 * push crossing between them; closing a window stops its engine.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonlLine } from '../../../src/core/export';
import { registerInvokeHandlers, type InvokeEventLike } from '../../../src/main/ipc/dispatch';
import { createHandlers } from '../../../src/main/ipc/handlers';
import { routeInvokes, setupRecordings, type Recordings } from '../../../src/main/replay';
import { createSettingsController } from '../../../src/main/settings/controller';
import { appPageUrl, isAppUrl } from '../../../src/main/windows';
import { createExportFlow } from '../../../src/main/export';
import type { Capabilities, ReplayInfo } from '../../../src/shared/ipc';
import type { Sample } from '../../../src/shared/sample';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { FakeWindow, state } from '../helpers/fake-electron';
import { laptopSample } from '../helpers/sample';
import { HAVE_DARWIN_FIXTURES, MAC_HOSTNAME, writeMacRecording } from '../../../e2e/support/mac-recording';

const dir = mkdtempSync(join(tmpdir(), 'dm-replay-windows-'));
const T0 = 1_700_000_000_000;

/** Five laptop samples a second apart, from a machine called `hostname` at `celsius`. */
function writeRecording(name: string, hostname: string, celsius: number): string {
  const lines = [0, 1, 2, 3, 4].map((k) => {
    const s = laptopSample(T0 + k * 1000);
    const host = {
      platform: 'linux',
      arch: 'x64',
      hostname,
      osName: 'Debian',
      osVersion: '12',
      kernel: '6.1',
      bootTimeMs: 0,
      uptimeSec: k,
    };
    const thermal = {
      ok: true,
      value: { sensors: [{ id: 'cpu/t', chip: 'cpu', sensor: 't', kind: 'hwmon', celsius, group: 'cpu' }] },
    };
    return jsonlLine({ ...s, host: { ok: true, value: host }, thermal } as unknown as Sample);
  });
  const path = join(dir, name);
  writeFileSync(path, lines.join(''));
  return path;
}

/** Lets the replay timers and pending promises run until `done` holds (bounded by turns, not time). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(done()).toBe(true);
}

function setup() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const exports: string[] = [];
  const errors: string[] = [];
  const demand: number[] = [];
  const dialogs: (number | undefined)[] = [];
  const liveWindow = new FakeWindow({});
  const settings = createSettingsController({ initial: DEFAULT_SETTINGS, save: async () => undefined });
  const liveCaps: Capabilities = {
    platform: 'linux',
    shell: 'electron',
    sections: {},
    hostname: 'this-mac',
    canChangeSettings: true,
  };
  const recordings: Recordings<FakeWindow> = setupRecordings<FakeWindow>({
    createWindow: (options) => new FakeWindow(options as Record<string, unknown>),
    preload: '/app/preload.cjs',
    dark: () => false,
    send: (contents, channel, payload) => contents.send(channel, payload),
    settings: { get: () => settings.current(), set: (patch) => settings.update(patch) },
    // The app's real export flow, saving where the "dialog" says: the recording's own history, to a file.
    exportFor: (engine) =>
      createExportFlow({
        showSaveDialog: async (options) => {
          const hostname = engine.replay.info().hostname;
          exports.push(hostname);
          return {
            canceled: false,
            filePath: join(dir, `${hostname}${String(options.defaultPath).slice(-4)}`),
          };
        },
        history: () => engine.replay.history,
        downloadsDir: dir,
        notify: () => undefined,
        showError: (title, message) => void errors.push(`${title}: ${message}`),
        onProgress: () => undefined,
      }),
    showOpenDialog: async (_options, askedBy) => {
      dialogs.push(askedBy);
      return { canceled: true, filePaths: [] };
    },
    showError: (title, message) => void errors.push(`${title}: ${message}`),
    focusApp: () => undefined,
    onError: (what, e) => void errors.push(`${what}: ${String(e)}`),
    speed: 1000,
  });
  const live = createHandlers({
    service: {
      invoke: (async (channel: string) =>
        channel === 'app:getCapabilities'
          ? liveCaps
          : channel === 'history:listSeries'
            ? [{ id: 'live.only' }]
            : { range: '5m', fromMs: 0, toMs: 0, series: [] }) as never,
    },
    latest: () => laptopSample(42),
    setDemand: (id) => void demand.push(id),
    settings,
    runExport: async () => ({ saved: true, rows: -1, bytes: 0 }),
    openDashboard: async () => undefined,
    openSettings: () => undefined,
    openRecording: (path, askedBy) => recordings.open(path, askedBy),
  });
  registerInvokeHandlers(
    { handle: (channel, h) => void handlers.set(channel, h), removeHandler: () => undefined },
    routeInvokes(live, (id) => recordings.windows.byContentsId(id)),
    {
      isTrustedUrl: isAppUrl,
      isKnownSender: (id) =>
        id === liveWindow.webContents.id || recordings.windows.byContentsId(id) !== undefined,
    },
  );
  /** Calls a channel as the page in window `win` would. */
  const call = (win: FakeWindow | number, channel: string, ...args: unknown[]) =>
    Promise.resolve().then(() =>
      handlers.get(channel)!(
        {
          sender: { id: typeof win === 'number' ? win : win.webContents.id },
          senderFrame: { url: appPageUrl('dashboard') },
        },
        ...args,
      ),
    );
  return { recordings, call, liveWindow, exports, errors, demand, dialogs };
}

afterEach(() => {
  state.sent.length = 0;
});

describe('replay windows', () => {
  it('answers each replay window from its own recording and the live window from the live engine', async () => {
    const { recordings, call, liveWindow, exports, demand, dialogs } = setup();
    await call(liveWindow, 'replay:open', writeRecording('a.jsonl', 'box-a', 50));
    await call(liveWindow, 'replay:open', writeRecording('b.jsonl', 'box-b', 90));
    const [a, b] = state.windows.slice(-2) as [FakeWindow, FakeWindow];
    const ea = recordings.windows.byContentsId(a.webContents.id)!.engine;
    const eb = recordings.windows.byContentsId(b.webContents.id)!.engine;
    await until(() => ea.replay.poller.finished && eb.replay.poller.finished && !a.webContents.isLoading());

    const caps = async (w: FakeWindow) => (await call(w, 'app:getCapabilities')) as Capabilities;
    expect((await caps(a)).replay).toMatchObject({
      source: 'a.jsonl',
      hostname: 'box-a',
      samples: 5,
      fromMs: T0,
      toMs: T0 + 4000,
    });
    expect((await caps(b)).replay).toMatchObject({ source: 'b.jsonl', hostname: 'box-b' });
    expect(await caps(liveWindow)).toEqual({
      platform: 'linux',
      shell: 'electron',
      sections: {},
      hostname: 'this-mac',
      canChangeSettings: true,
    });

    // History on the recording's clock: the last minute is the recorded one, with its own temperatures.
    const temps = async (w: FakeWindow) => {
      const listed = (await call(w, 'history:listSeries')) as { id: string }[];
      const id = listed.map((x) => x.id).find((x) => x.includes('cpu/t'));
      const r = (await call(w, 'history:query', { range: '1m', series: [id], maxPoints: 100 })) as {
        series: { avg: ArrayLike<number> }[];
      };
      return Array.from(r.series[0]?.avg ?? []);
    };
    expect(new Set(await temps(a))).toEqual(new Set([50]));
    expect(new Set(await temps(b))).toEqual(new Set([90]));
    expect(await call(liveWindow, 'history:listSeries')).toEqual([{ id: 'live.only' }]);
    expect(((await call(a, 'metrics:getLatest')) as Sample).t).toBe(T0 + 4000);

    // Pushes: each window got its own recording's samples, the live window none of them.
    const hostsSentTo = (w: FakeWindow) =>
      new Set(
        state.sent
          .filter((m) => m.id === w.webContents.id && m.channel === 'metrics:sample')
          .map(
            (m) =>
              (m.payload as Sample).host?.ok &&
              (m.payload as { host: { value: { hostname: string } } }).host.value.hostname,
          ),
      );
    expect(hostsSentTo(a)).toEqual(new Set(['box-a']));
    expect(hostsSentTo(b)).toEqual(new Set(['box-b']));
    expect(state.sent.filter((m) => m.id === liveWindow.webContents.id)).toEqual([]);

    // Demand from a replay window never reaches the live sampling; export works on the recording.
    await call(a, 'metrics:setDemand', ['cpu']);
    await call(liveWindow, 'metrics:setDemand', ['cpu']);
    expect(demand).toEqual([liveWindow.webContents.id]);
    const exported = (await call(b, 'export:run', {
      range: '1m',
      series: ['thermal.cpu/t'],
      format: 'csv',
    })) as { rows: number };
    expect(exports).toEqual(['box-b']);
    expect(exported.rows).toBe(5);
    expect(readFileSync(join(dir, 'box-b.csv'), 'utf8')).toMatch(/90/);
    expect(
      (
        (await call(liveWindow, 'export:run', { range: '1m', series: ['cpu.busy'], format: 'csv' })) as {
          rows: number;
        }
      ).rows,
    ).toBe(-1);
    // The dashboard's "Open recording…" button: the dialog belongs to the window that asked.
    await call(b, 'replay:open', null);
    expect(dialogs).toEqual([b.webContents.id]);
    a.close();
    b.close();
  });

  it('plays, holds and re-speeds one window without touching another, and refuses it to the live window', async () => {
    const { recordings, call, liveWindow } = setup();
    await call(liveWindow, 'replay:open', writeRecording('c.jsonl', 'box-c', 40));
    await call(liveWindow, 'replay:open', writeRecording('d.jsonl', 'box-d', 45));
    const [c, d] = state.windows.slice(-2) as [FakeWindow, FakeWindow];
    const info = (await call(c, 'replay:control', { paused: true, speed: 2 })) as ReplayInfo;
    expect(info).toMatchObject({ source: 'c.jsonl', paused: true, speed: 2 });
    expect(recordings.windows.byContentsId(d.webContents.id)!.engine.replay.info()).toMatchObject({
      paused: false,
      speed: 1000,
    });
    await expect(call(c, 'replay:control', { speed: 5000 })).rejects.toThrow(
      /replay:control: playback\.speed/,
    );
    await expect(call(liveWindow, 'replay:control', { paused: true })).rejects.toThrow(/shows live data/);
    c.close();
    d.close();
  });

  it('stops and frees the engine when its window closes, and then refuses that page', async () => {
    const { recordings, call, liveWindow } = setup();
    await call(liveWindow, 'replay:open', writeRecording('e.jsonl', 'box-e', 40));
    const e = state.windows.at(-1) as FakeWindow;
    const engine = recordings.windows.byContentsId(e.webContents.id)!.engine;
    expect(recordings.windows.size).toBe(1);
    e.close();
    await until(() => engine.replay.poller.closed);
    expect(engine.closed).toBe(true);
    expect(recordings.windows.size).toBe(0);
    expect(engine.replay.poller.demand()).toEqual([]);
    await expect(call(e, 'history:listSeries')).rejects.toThrow(/a page the app did not open/);
  });

  it('rejects bad drops: untrusted senders, bad payloads, files that are not recordings, and names the bad line', async () => {
    const { recordings, call, liveWindow } = setup();
    const before = state.windows.length;
    await expect(call(999, 'replay:open', join(dir, 'a.jsonl'))).rejects.toThrow(/did not open/);
    await expect(call(liveWindow, 'replay:open', 'relative/a.jsonl')).rejects.toThrow(
      /replay:open: path: .*absolute file path/,
    );
    await expect(call(liveWindow, 'replay:open', { path: '/x.jsonl' })).rejects.toThrow(/replay:open: path/);
    await expect(call(liveWindow, 'replay:open', '/etc/passwd')).rejects.toThrow(
      /passwd: not a recording; expected a file `nmetrics record/,
    );
    await expect(call(liveWindow, 'replay:open', join(dir, 'missing.jsonl'))).rejects.toThrow(
      /missing\.jsonl: cannot read/,
    );
    await expect(call(liveWindow, 'replay:open', dir + '.jsonl')).rejects.toThrow(/cannot read/);
    const good = writeRecording('cut.jsonl', 'box-f', 40);
    const text = readFileSync(good, 'utf8');
    writeFileSync(good, text.slice(0, text.length - 40)); // a recording cut short mid-line
    await expect(call(liveWindow, 'replay:open', good)).rejects.toThrow(/^cut\.jsonl, line 5: not JSON/);
    expect(state.windows.length).toBe(before);
    expect(recordings.windows.size).toBe(0);
  });

  it('reports a bad file chosen in the open dialog in an error box naming it, and opens the good ones', async () => {
    const good = writeRecording('g.jsonl', 'box-g', 40);
    const bad = join(dir, 'h.jsonl');
    writeFileSync(bad, `${JSON.stringify({ t: 1, mono: 1 })}\n{"t": 2,\n`);
    const { recordings, errors } = setup();
    const opened: string[] = [];
    const menu = setupRecordings<FakeWindow>({
      createWindow: (options) => new FakeWindow(options as Record<string, unknown>),
      preload: '/p.cjs',
      dark: () => true,
      send: () => undefined,
      settings: { get: () => DEFAULT_SETTINGS, set: () => DEFAULT_SETTINGS },
      exportFor: () => async () => ({ saved: false, rows: 0, bytes: 0 }),
      showOpenDialog: async (options) => {
        opened.push(JSON.stringify(options.filters));
        return { canceled: false, filePaths: [bad, good] };
      },
      showError: (title, message) => void errors.push(`${title}: ${message}`),
      focusApp: () => undefined,
      onError: () => undefined,
    });
    await menu.chooseAndOpen();
    expect(opened).toEqual(['[{"name":"nmetrics recording (JSON Lines)","extensions":["jsonl","ndjson"]}]']);
    expect(errors).toEqual([
      expect.stringMatching(/^Could not open the recording: h\.jsonl, line 2: not JSON/),
    ]);
    expect(menu.windows.size).toBe(1);
    expect((state.windows.at(-1) as FakeWindow).options['title']).toBe('g.jsonl — box-g (replay)');
    menu.windows.closeAll();
    expect(menu.windows.size).toBe(0);
    expect(recordings.windows.size).toBe(0);
  });

  it.skipIf(!HAVE_DARWIN_FIXTURES)(
    'plays the Mac recording of the e2e suite with its temperatures, fans and battery',
    async () => {
      const { recordings, call, liveWindow } = setup();
      const path = join(dir, 'mac.jsonl');
      const frames = writeMacRecording(path);
      await call(liveWindow, 'replay:open', path);
      const mac = state.windows.at(-1) as FakeWindow;
      const engine = recordings.windows.byContentsId(mac.webContents.id)!.engine;
      await until(() => engine.replay.poller.finished);
      expect(((await call(mac, 'app:getCapabilities')) as Capabilities).replay).toMatchObject({
        source: 'mac.jsonl',
        hostname: MAC_HOSTNAME,
        samples: frames,
      });
      const ids = ((await call(mac, 'history:listSeries')) as { id: string }[]).map((x) => x.id);
      for (const prefix of ['thermal.', 'fans.', 'power.'])
        expect(ids.some((id) => id.startsWith(prefix))).toBe(true);
      const temp = ids.find((id) => id.startsWith('thermal.'))!;
      const exported = (await call(mac, 'export:run', { range: '1m', series: [temp], format: 'jsonl' })) as {
        rows: number;
      };
      expect(exported.rows).toBe(frames);
      mac.close();
    },
  );
});
