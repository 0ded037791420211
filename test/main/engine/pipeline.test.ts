import { describe, expect, it } from 'vitest';
import { alertSections, createPipeline } from '../../../src/main/engine/pipeline';
import type { PipelineDeps } from '../../../src/main/engine/pipeline';
import type { AlertEvent } from '../../../src/shared/alert-types';
import { DEFAULT_ALERT_RULES } from '../../../src/shared/alert-defaults';
import type { Sample } from '../../../src/shared/sample';
import { laptopSample } from '../helpers/sample';

const event: AlertEvent = { ruleId: 'cpu-hot', kind: 'fired', t: 1, value: 99, message: 'CPU hot: 99 °C' };

function setup(over: Partial<PipelineDeps> = {}) {
  const log: string[] = [];
  const errors: string[] = [];
  const deps: PipelineDeps = {
    thermal: () => 'fair',
    history: { push: (s) => log.push(`history:${s.t}`) },
    alerts: () => ({ evaluate: () => [event] }),
    onAlert: (e) => log.push(`alert:${e.ruleId}`),
    onTray: (s: Sample) => log.push(`tray:${s.power?.ok ? s.power.value.thermalPressure : 'none'}`),
    onWindows: (s) => log.push(`windows:${s.t}`),
    onError: (stage) => errors.push(stage),
    ...over,
  };
  return { p: createPipeline(deps), log, errors };
}

describe('pipeline', () => {
  it('runs every stage in order with the OS thermal state filled in', () => {
    const f = setup();
    f.p.handle(laptopSample(5));
    expect(f.log).toEqual(['history:5', 'alert:cpu-hot', 'tray:fair', 'windows:5']);
    expect(f.p.latest()?.t).toBe(5);
  });

  it('keeps going when a stage throws, and reports which', () => {
    const f = setup({
      history: {
        push: () => {
          throw new Error('full');
        },
      },
      onAlert: () => {
        throw new Error('no notification service');
      },
    });
    f.p.handle(laptopSample(6));
    expect(f.log).toEqual(['tray:fair', 'windows:6']);
    expect(f.errors).toEqual(['history', 'alert event']);
  });
});

describe('alertSections', () => {
  it('maps the default rules to the sections they read', () => {
    expect(alertSections(DEFAULT_ALERT_RULES).sort()).toEqual(['disks', 'memory', 'power', 'thermal']);
  });
  it('ignores disabled rules and unknown heads', () => {
    const [first] = DEFAULT_ALERT_RULES;
    expect(alertSections([{ ...first!, enabled: false }])).toEqual([]);
    expect(alertSections([{ ...first!, metric: 'process.*.cpuPercent' }])).toEqual(['processes']);
    expect(alertSections([{ ...first!, metric: 'bogus.x' }])).toEqual([]);
  });
  it('brings the demand-driven extras a per-process rule reads, once the user enables it', () => {
    const byId = (id: string) => DEFAULT_ALERT_RULES.find((r) => r.id === id)!;
    expect(alertSections([{ ...byId('process-disk-write'), enabled: true }]).sort()).toEqual([
      'processIo',
      'processes',
    ]);
    expect(alertSections([{ ...byId('process-power'), enabled: true }]).sort()).toEqual([
      'cpu',
      'processes',
      'rails',
    ]);
    const [first] = DEFAULT_ALERT_RULES;
    expect(alertSections([{ ...first!, metric: 'process.*.gpuPercent' }]).sort()).toEqual([
      'processGpu',
      'processes',
    ]);
  });
});
