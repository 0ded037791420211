/**
 * Settings through the UI: every setting is changed with the control a person uses, the patch the
 * page sends passes the shared validation, and the change is applied at once (the store holds it and
 * the views follow it: °F in the popover, the menu-bar preview). No raw id and no millisecond field
 * is shown; a bad value is explained next to its field and nothing is sent.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/renderer/store/create-store';
import { StoreContext } from '../../src/renderer/store/use-app';
import { Popover } from '../../src/renderer/views/popover/popover';
import { SettingsView } from '../../src/renderer/views/settings/settings-view';
import type { SettingsPatch } from '../../src/shared/ipc';
import { DEFAULT_SETTINGS, GLANCE_ITEMS, validateSettingsPatch } from '../../src/shared/settings';
import { syntheticSample } from '../../e2e/support/synthetic-sample';
import { createFakeApi, flush } from './fake-api';

afterEach(cleanup);

async function setup(canChangeSettings = true) {
  const api = createFakeApi({ latest: syntheticSample(4, 4000), capabilities: { canChangeSettings } });
  const patches: SettingsPatch[] = [];
  const save = api.setSettings;
  api.setSettings = async (patch) => {
    patches.push(validateSettingsPatch(patch));
    return save(patch);
  };
  const store = createAppStore(api);
  store.getState().start();
  await act(flush);
  render(
    <StoreContext.Provider value={store}>
      <SettingsView />
      <Popover />
    </StoreContext.Provider>,
  );
  return { store, patches, settings: () => store.getState().settings! };
}

const change = async (el: HTMLElement, value: string): Promise<void> => {
  fireEvent.change(el, { target: { value } });
  await act(flush);
};
const click = async (el: HTMLElement): Promise<void> => {
  fireEvent.click(el);
  await act(flush);
};
const typeAndLeave = async (el: HTMLElement, value: string): Promise<void> => {
  fireEvent.change(el, { target: { value } });
  fireEvent.blur(el);
  await act(flush);
};

describe('settings view', () => {
  it('shows human labels, no raw ids and no millisecond fields', async () => {
    await setup();
    const form = document.querySelector('.settings-form')!;
    const text = form.textContent ?? '';
    for (const id of [
      ...GLANCE_ITEMS.filter((i) => i.includes('-')),
      ...DEFAULT_SETTINGS.alerts.map((r) => r.id),
    ])
      expect(text).not.toContain(id);
    expect(text).not.toMatch(/\(ms\)|milliseconds|\bms\b/);
    expect(screen.getByLabelText('CPU temperature')).toBeTruthy();
    expect(screen.getByLabelText('Battery time left')).toBeTruthy();
  });

  it('changes every setting through its control and applies it at once', async () => {
    const { patches, settings } = await setup();

    await change(screen.getByLabelText('Update the menu bar every'), '5000');
    expect(settings().trayIntervalMs).toBe(5000);

    const windows = screen.getByLabelText('Update open windows every');
    await change(windows, 'custom');
    await typeAndLeave(screen.getByLabelText('Update open windows every, in seconds'), '1.5');
    expect(settings().windowIntervalMs).toBe(1500);

    // The battery choices are spelled out from the menu-bar interval (5 s now).
    const battery = screen.getByLabelText('On battery, sample every');
    expect(within(battery).getByRole('option', { name: '15 s (3× slower)' })).toBeTruthy();
    await change(battery, '3');
    expect(settings().batteryIntervalFactor).toBe(3);

    // Menu bar: switch on the battery charge, move it first; the preview follows.
    const preview = screen.getByLabelText('Menu-bar title preview');
    const before = preview.textContent;
    await click(screen.getByLabelText('Battery charge'));
    expect(settings().glanceItems).toEqual(['cpu-temp', 'cpu', 'battery']);
    expect(preview.textContent).not.toBe(before);
    expect(preview.textContent).toMatch(/B80%$/);
    await click(screen.getByRole('button', { name: 'Move Battery charge up' }));
    await click(screen.getByRole('button', { name: 'Move Battery charge up' }));
    expect(settings().glanceItems).toEqual(['battery', 'cpu-temp', 'cpu']);
    expect(preview.textContent).toMatch(/^B80%/);

    await click(screen.getByLabelText('Fahrenheit (°F)'));
    expect(settings().temperatureUnit).toBe('F');
    expect(screen.getByRole('region', { name: 'Temperatures' }).textContent).toMatch(/°F/);

    await change(screen.getByLabelText('Keep history for'), '30');
    expect(settings().historyDays).toBe(30);

    // Alerts: switch one off, change a threshold (shown in °F now), a hold time and a quiet time.
    await click(screen.getByRole('checkbox', { name: 'Battery low' }));
    expect(settings().alerts.find((r) => r.id === 'battery-low')?.enabled).toBe(false);
    await typeAndLeave(screen.getByLabelText('CPU hot: threshold'), '194');
    expect(settings().alerts.find((r) => r.id === 'cpu-hot')?.threshold).toBe(90);
    await typeAndLeave(screen.getByLabelText('CPU hot: seconds it must last'), '30');
    expect(settings().alerts.find((r) => r.id === 'cpu-hot')?.forMs).toBe(30_000);
    await typeAndLeave(screen.getByLabelText('CPU hot: minutes between notifications'), '15');
    expect(settings().alerts.find((r) => r.id === 'cpu-hot')?.cooldownMs).toBe(900_000);
    await change(screen.getByLabelText('Memory pressure critical: level'), '1');
    expect(settings().alerts.find((r) => r.id === 'memory-critical')?.threshold).toBe(1);
    const notify = within(screen.getByRole('listitem', { name: 'CPU hot' })).getByLabelText('Notify me');
    await click(notify);
    expect(settings().notifications['cpu-hot']).toBe(false);

    await click(screen.getByLabelText('Open darwinmetrics when I log in'));
    expect(settings().launchAtLogin).toBe(true);
    const updating = settings().autoUpdate;
    await click(screen.getByLabelText(/Keep darwinmetrics up to date/));
    expect(settings().autoUpdate).toBe(!updating);

    const changed = new Set(patches.flatMap((p) => Object.keys(p)));
    expect([...changed].sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('explains a bad value next to its field and sends nothing', async () => {
    const { patches } = await setup();
    await change(screen.getByLabelText('Update the menu bar every'), 'custom');
    await typeAndLeave(screen.getByLabelText('Update the menu bar every, in seconds'), '0.01');
    expect(screen.getByRole('alert').textContent).toBe('Enter a number of seconds from 0.25 s to 60 s.');
    await typeAndLeave(screen.getByLabelText('CPU hot: seconds it must last'), 'soon');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      'Hold for 0 seconds to 1 day (86 400 s).',
    );
    expect(patches).toEqual([]);
  });

  it('is read-only when the shell may not change settings', async () => {
    await setup(false);
    expect(screen.getByText(/Read-only/)).toBeTruthy();
    expect((screen.getByLabelText('Update the menu bar every') as HTMLSelectElement).disabled).toBe(true);
  });
});
