/**
 * Opening a recording from the dashboard: the drop rules (one recording file, by its name), the drop
 * zone's events as a browser fires them, the error the app answers, and the replay banner's play,
 * pause and speed controls.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { carriesFiles, chooseDroppedRecording } from '../../src/renderer/lib/recording-drop';
import { createAppStore } from '../../src/renderer/store/create-store';
import { messageOf } from '../../src/renderer/store/app-slice';
import { StoreContext } from '../../src/renderer/store/use-app';
import { RecordingDropZone, RecordingError } from '../../src/renderer/views/dashboard/recording-drop-zone';
import { ReplayBadge } from '../../src/renderer/views/replay-badge';
import type { ReplayInfo } from '../../src/shared/ipc';
import { createFakeApi, flush, type FakeApiData } from './fake-api';

afterEach(cleanup);

const file = (name: string) => new File(['{}\n'], name);

describe('chooseDroppedRecording', () => {
  it('takes one .jsonl or .ndjson file and says why anything else is not one', () => {
    const thermal = file('thermal.JSONL');
    expect(chooseDroppedRecording([thermal])).toEqual({ file: thermal });
    expect('file' in chooseDroppedRecording([file('a.ndjson')])).toBe(true);
    expect(chooseDroppedRecording([file('log.csv')])).toEqual({
      error:
        'log.csv is not a recording: expected a file `nmetrics record --out FILE.jsonl` wrote (.jsonl or .ndjson).',
    });
    expect(chooseDroppedRecording([file('a.jsonl'), file('b.jsonl')])).toEqual({
      error: 'Drop one recording at a time (got 2 files).',
    });
    expect(chooseDroppedRecording([])).toEqual({ error: 'Nothing to open: drop a recording file.' });
    expect(carriesFiles(['text/plain', 'Files'])).toBe(true);
    expect(carriesFiles(['text/uri-list'])).toBe(false);
  });

  it("keeps only the reason of Electron's wrapped rejection", () => {
    const wrapped = new Error(
      "Error invoking remote method 'replay:open': RecordingError: a.jsonl, line 7: not JSON",
    );
    expect(messageOf(wrapped)).toBe('a.jsonl, line 7: not JSON');
    expect(messageOf(new Error('plain'))).toBe('plain');
  });
});

async function mount(data: FakeApiData = {}) {
  const api = createFakeApi(data);
  const store = createAppStore(api, { view: 'dashboard' });
  const stop = store.getState().start();
  render(
    <StoreContext.Provider value={store}>
      <RecordingDropZone>
        <ReplayBadge />
        <RecordingError />
        <p>charts</p>
      </RecordingDropZone>
    </StoreContext.Provider>,
  );
  await act(flush);
  return { api, store, stop, zone: screen.getByTestId('recording-drop-zone') };
}

/** The DataTransfer of a drag from the file manager (jsdom has none). */
const transfer = (...files: File[]) => ({
  types: files.length > 0 ? ['Files'] : ['text/plain'],
  files,
  dropEffect: 'none',
});

describe('the dashboard drop zone', () => {
  it('lights up while files are dragged over, and opens the dropped recording', async () => {
    const { api, zone, stop } = await mount();
    const recording = file('episode.jsonl');
    fireEvent.dragEnter(zone, { dataTransfer: transfer(recording) });
    expect(zone.className).toContain('dragging');
    expect(screen.getByText('Drop a recording to replay it in a new window')).toBeTruthy();
    fireEvent.dragLeave(zone, { dataTransfer: transfer(recording) });
    expect(zone.className).not.toContain('dragging');
    fireEvent.dragEnter(zone, { dataTransfer: transfer(recording) });
    await act(async () => {
      fireEvent.drop(zone, { dataTransfer: transfer(recording) });
      await flush();
    });
    expect(zone.className).not.toContain('dragging');
    expect(api.opened).toEqual([recording]);
    expect(screen.queryByRole('alert')).toBeNull();
    stop();
  });

  it('ignores dragged text, refuses a file that is not a recording, and shows why the app could not open one', async () => {
    const { api, zone, stop } = await mount({
      openError: 'cut.jsonl, line 5: not JSON (Unexpected end of JSON input)',
    });
    fireEvent.dragEnter(zone, { dataTransfer: transfer() });
    expect(zone.className).not.toContain('dragging');
    await act(async () => {
      fireEvent.drop(zone, { dataTransfer: transfer(file('data.csv')) });
      await flush();
    });
    expect(api.opened).toEqual([]);
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not open the recording: data.csv is not a recording: expected a file `nmetrics record --out FILE.jsonl` wrote (.jsonl or .ndjson).',
    );
    await act(async () => {
      fireEvent.drop(zone, { dataTransfer: transfer(file('cut.jsonl')) });
      await flush();
    });
    expect(api.opened).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not open the recording: cut.jsonl, line 5: not JSON (Unexpected end of JSON input)',
    );
    stop();
  });
});

describe('the replay banner', () => {
  const replay: ReplayInfo = {
    source: 'mac.jsonl',
    hostname: 'mac',
    fromMs: 0,
    toMs: 30_000,
    samples: 30,
    speed: 10,
  };

  it('shows the file, host and range, and pauses, plays and changes speed', async () => {
    const { api, stop } = await mount({ capabilities: { replay } });
    expect(screen.getByRole('note').textContent).toMatch(/^Replay of mac\.jsonl: mac, .* 30 samples at 10×$/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
      await flush();
    });
    expect(screen.getByRole('note').textContent).toMatch(/at 10×, paused$/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Play' }));
      await flush();
    });
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '50' } });
      await flush();
    });
    expect(api.playbacks).toEqual([{ paused: true }, { paused: false }, { speed: 50 }]);
    expect(screen.getByRole('note').textContent).toMatch(/at 50×$/);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    stop();
  });

  it('is absent on live data', async () => {
    const { stop } = await mount();
    expect(screen.queryByRole('group', { name: 'Playback' })).toBeNull();
    stop();
  });
});
