import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/app';
import { createAppStore } from '../../src/renderer/store/create-store';
import { StoreContext } from '../../src/renderer/store/use-app';
import { RangeSelector } from '../../src/renderer/views/dashboard/range-selector';
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
    // One footer line per missing item, never a card; no battery never reads "on unknown".
    const footer = screen.getByRole('contentinfo', { name: 'Not available' });
    expect(footer.textContent).toContain('Battery: No battery');
    expect(footer.textContent).toContain('Fans: No fan sensors on this machine');
    expect(footer.textContent).toContain(
      'GPU: No GPU reported on this machine (No GPU utilization counters on this machine)',
    );
    expect(screen.queryByRole('region', { name: 'Battery' })).toBeNull();
    expect(document.body.textContent).not.toContain('on unknown');
    expect(screen.getByRole('region', { name: 'Temperatures' }).textContent).toMatch(/CPU\s*\d+ °C/);
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
