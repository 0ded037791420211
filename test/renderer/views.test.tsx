import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/app';
import { createAppStore } from '../../src/renderer/store/create-store';
import { StoreContext } from '../../src/renderer/store/use-app';
import { RangeSelector } from '../../src/renderer/views/dashboard/range-selector';
import { SettingsView } from '../../src/renderer/views/settings/settings-view';
import type { Sample } from '../../src/shared/sample';
import { syntheticSample } from '../../e2e/support/synthetic-sample';
import { createFakeApi, flush } from './fake-api';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const desktop: Sample = {
  ...syntheticSample(5, 5000),
  power: { ok: true, value: { source: 'ac', adapters: [], batteries: [] } },
  fans: { ok: true, value: { fans: [] } },
  gpu: {
    ok: false,
    error: { reason: 'unsupported', message: 'No GPU utilization counters on this machine' },
  },
};

describe('popover', () => {
  it('shows live values and explains missing sections instead of empty boxes', async () => {
    const api = createFakeApi({ latest: desktop });
    const store = createAppStore(api);
    render(<App store={store} />);
    await act(flush);
    expect(screen.getByRole('heading', { name: 'fake-host' })).toBeTruthy();
    expect(screen.getByText('No battery')).toBeTruthy();
    expect(screen.getByText('No fan sensors on this machine')).toBeTruthy();
    expect(
      screen.getByText('No GPU reported on this machine (No GPU utilization counters on this machine)'),
    ).toBeTruthy();
    expect(screen.getByText('Package id 0')).toBeTruthy();
    act(() => api.push(syntheticSample(6, 6000)));
    expect(screen.getByRole('region', { name: 'Battery' }).textContent).toMatch(/80 %/);
  });

  it('lists the top five processes by CPU and follows the temperature unit', async () => {
    const api = createFakeApi({ latest: syntheticSample(3, 3000, 40) });
    const store = createAppStore(api);
    render(<App store={store} />);
    await act(flush);
    const table = screen.getByRole('table');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(5);
    act(() => api.pushSettings({ ...store.getState().settings!, temperatureUnit: 'F' }));
    expect(screen.getByRole('region', { name: 'Temperatures' }).textContent).toMatch(/°F/);
  });

  it('gives every button an accessible name', async () => {
    const store = createAppStore(createFakeApi({ latest: syntheticSample(1, 1000) }));
    render(<App store={store} />);
    await act(flush);
    for (const b of screen.getAllByRole('button'))
      expect(b.textContent || b.getAttribute('aria-label')).toBeTruthy();
  });
});

describe('dashboard controls', () => {
  it('the range selector marks the chosen range and queries it', async () => {
    const api = createFakeApi({ series: [{ id: 'cpu.busy', label: 'CPU busy', unit: '%' }] });
    const store = createAppStore(api);
    await store.getState().loadSeries();
    render(
      <StoreContext.Provider value={store}>
        <RangeSelector />
      </StoreContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '24 hours' }));
    expect(screen.getByRole('button', { name: '24 hours' }).getAttribute('aria-pressed')).toBe('true');
    expect(api.queries.at(-1)?.range).toBe('24h');
  });
});

describe('settings view', () => {
  it('saves a validated patch and is read-only when the shell may not change settings', async () => {
    const api = createFakeApi();
    const store = createAppStore(api);
    store.getState().start();
    await act(flush);
    render(
      <StoreContext.Provider value={store}>
        <SettingsView />
      </StoreContext.Provider>,
    );
    fireEvent.click(screen.getByLabelText('°F'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await act(flush);
    expect(store.getState().settings?.temperatureUnit).toBe('F');

    cleanup();
    const ro = createAppStore(createFakeApi({ capabilities: { canChangeSettings: false } }));
    ro.getState().start();
    await act(flush);
    render(
      <StoreContext.Provider value={ro}>
        <SettingsView />
      </StoreContext.Provider>,
    );
    expect(screen.getByText(/Read-only/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save settings' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the validation message naming the field for a bad interval', async () => {
    const store = createAppStore(createFakeApi());
    store.getState().start();
    await act(flush);
    render(
      <StoreContext.Provider value={store}>
        <SettingsView />
      </StoreContext.Provider>,
    );
    fireEvent.change(screen.getByLabelText('Window sampling interval (ms)'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await act(flush);
    expect(screen.getByRole('status').textContent).toMatch(/windowIntervalMs/);
  });
});

describe('alerts', () => {
  it('lists the latest pushed alerts in the popover', async () => {
    const api = createFakeApi({ latest: syntheticSample(1, 1000) });
    render(<App store={createAppStore(api)} />);
    await act(flush);
    expect(screen.queryByRole('status', { name: 'Recent alerts' })).toBeNull();
    act(() =>
      api.pushAlert({
        ruleId: 'cpu-hot',
        kind: 'fired',
        t: 1000,
        value: 97,
        message: 'CPU die at 97 °C for 30 s',
      }),
    );
    expect(screen.getByRole('status', { name: 'Recent alerts' }).textContent).toMatch(/CPU die at 97 °C/);
  });
});

describe('notification switches', () => {
  it('saves a per-rule notification switch', async () => {
    const base = createFakeApi();
    const settings = await base.getSettings();
    const rule = {
      id: 'cpu-hot',
      label: 'CPU hot',
      enabled: true,
      metric: 'thermal.cpu',
      comparison: '>=' as const,
      threshold: 95,
      forMs: 0,
      hysteresis: 2,
      cooldownMs: 0,
    };
    const api = createFakeApi({
      settings: { ...settings, alerts: [rule], notifications: { 'cpu-hot': true } },
    });
    const store = createAppStore(api);
    store.getState().start();
    await act(flush);
    render(
      <StoreContext.Provider value={store}>
        <SettingsView />
      </StoreContext.Provider>,
    );
    fireEvent.click(screen.getByLabelText('CPU hot'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await act(flush);
    expect(store.getState().settings?.notifications['cpu-hot']).toBe(false);
  });
});
