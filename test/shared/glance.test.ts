// One glance summary (issue 11 §4): the menu-bar title and the popover header read the same
// numbers, virtual interfaces and non-CPU sensors included or left out alike.
import { describe, expect, it } from 'vitest';
import { glanceTitle, networkRates } from '../../src/shared/glance-title';
import { summarize } from '../../src/renderer/lib/summarize';
import { glanceSummary } from '../../src/shared/glance';
import { ok } from '../../src/shared/metric-result';
import type { Sample } from '../../src/shared/sample';
import { laptopSample } from '../main/helpers/sample';

const base = laptopSample();
const net = base.network?.ok ? base.network.value : { interfaces: [] };
const eth = net.interfaces.find((i) => i.kind !== 'loopback' && i.kind !== 'virtual')!;
// A bridge carrying the same traffic again, and only non-CPU temperature sensors.
const sample: Sample = {
  ...base,
  network: ok({
    interfaces: [...net.interfaces, { ...eth, name: 'docker0', kind: 'virtual', rxBytesPerSec: 1e6 }],
  }),
  thermal: ok({
    sensors: (base.thermal?.ok ? base.thermal.value.sensors : []).map((s) => ({
      ...s,
      group: 'storage' as const,
    })),
  }),
};

describe('the glance summary', () => {
  it('is what the tray and the popover show', () => {
    const g = glanceSummary(sample);
    const popover = summarize(sample);
    expect(networkRates(sample)).toEqual({ rx: g.rx, tx: g.tx });
    expect(popover.rx).toBe(g.rx);
    expect(popover.tx).toBe(g.tx);
    expect(g.rx).toBeGreaterThan(0);
    // The bridge's traffic is not counted twice, by either.
    expect(g.rx).toBe(networkRates(base)?.rx);
    // No CPU sensor: neither shows a temperature (a disk's is not the CPU's).
    expect(g.cpuTemperature).toBeUndefined();
    expect(popover.temperature).toBeNaN();
    expect(glanceTitle(sample, ['cpu-temp'], 'C')).toBe('');
    expect(popover.cpu).toBe(g.cpu);
    expect(popover.battery).toBe(g.battery?.percent);
  });
});
