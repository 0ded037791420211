/**
 * derive() on macOS thermal sections made from real SMC dumps (../shared/fixtures/darwin/smc):
 * every Apple Silicon and Intel dump decoded by H-darwin's smcTemperatureSensors, then derived with
 * the host/cpu sections a Mac reports. Checks that derive hands the Mac's architecture and chip to
 * the SMC classifier (the same key means different things on Intel and Apple Silicon) and that the
 * default alert rules stay quiet on these machines, which were idle or lightly used when dumped.
 */
import { describe, expect, it } from 'vitest';
import { createAlertEngine } from '../../../src/core/alerts/engine';
import { derive } from '../../../src/core/derive/derive';
import { DEFAULT_ALERT_RULES } from '../../../src/shared/alert-defaults';
import { smcTemperatureSensors } from '../../../src/shared/darwin/smc-sensors';
import { ok } from '../../../src/shared/metric-result';
import type { RawHost } from '../../../src/shared/raw';
import { SENSOR_GROUPS } from '../../../src/shared/sample';
import { HAVE_DARWIN_FIXTURES, SKIP_NOTE, smcFixtureFiles, smcRows } from '../../shared/darwin/fixtures';
import { rawCpu, snap, ticks } from '../raw-builders';

/** "ismc-temps-m3-max-2.tsv" → "Apple M3 Max"; undefined where the file does not say. */
function brandOf(file: string): string | undefined {
  const m = /^ismc-(?:full|temps)-(m\d)(?:-(pro|max|ultra))?/.exec(file);
  if (!m?.[1]) return undefined;
  const tier = m[2] ? ` ${m[2][0]?.toUpperCase()}${m[2].slice(1)}` : '';
  return `Apple ${m[1].toUpperCase()}${tier}`;
}

function macSnapshot(file: string) {
  const appleSilicon = file.startsWith('ismc-');
  const brand = brandOf(file) ?? (appleSilicon ? 'Apple' : 'Intel(R) Core(TM)');
  const sensors = smcTemperatureSensors(smcRows(file), { appleSilicon, cpuBrand: brand });
  const host: RawHost = {
    platform: 'darwin',
    arch: appleSilicon ? 'arm64' : 'x64',
    hostname: 'mac',
    osName: 'macOS',
    osVersion: '14.6',
    kernel: '23.6.0',
    bootTimeMs: 0,
    uptimeSec: 1,
  };
  return {
    appleSilicon,
    sensors,
    snapshot: snap(1, {
      host: ok(host),
      cpu: ok(rawCpu(ticks(), [ticks()], { model: brand, arch: host.arch })),
      thermal: ok({ sensors }),
    }),
  };
}

describe.skipIf(!HAVE_DARWIN_FIXTURES)(`derive on real SMC dumps (${SKIP_NOTE})`, () => {
  const files = HAVE_DARWIN_FIXTURES ? smcFixtureFiles() : [];

  it('covers Apple Silicon and Intel dumps', () => {
    expect(files.filter((f) => f.startsWith('ismc-')).length).toBeGreaterThan(10);
    expect(files.filter((f) => f.startsWith('vsmc-')).length).toBeGreaterThan(10);
  });

  it.each(files)('%s: every sensor grouped, CPU sensors found, default alerts quiet', (file) => {
    const { snapshot, sensors } = macSnapshot(file);
    const s = derive(undefined, snapshot);
    const thermal = s.thermal?.ok ? s.thermal.value.sensors : [];
    expect(thermal).toHaveLength(sensors.length);
    for (const t of thermal) expect(SENSOR_GROUPS).toContain(t.group);
    if (sensors.length > 0) expect(thermal.some((t) => t.group === 'cpu')).toBe(true);
    expect(createAlertEngine(DEFAULT_ALERT_RULES).evaluate(s)).toEqual([]);
  });

  it('hands the architecture to the classifier: Intel TG* keys are GPU sensors, not Apple ones', () => {
    const intel = files.filter((f) => f.startsWith('vsmc-'));
    let checked = 0;
    for (const file of intel) {
      const { snapshot } = macSnapshot(file);
      const s = derive(undefined, snapshot);
      for (const t of s.thermal?.ok ? s.thermal.value.sensors : []) {
        if (!t.sensor.startsWith('TG')) continue;
        expect(t.group).toBe('gpu');
        checked++;
        // The same key on an Apple Silicon Mac has no GPU prefix meaning ("Tg" is lowercase there).
        const asApple = derive(undefined, {
          ...snapshot,
          host: ok({ ...(snapshot.host?.ok ? snapshot.host.value : ({} as RawHost)), arch: 'arm64' }),
        });
        const same = asApple.thermal?.ok
          ? asApple.thermal.value.sensors.find((x) => x.id === t.id)
          : undefined;
        if (!['TG0D', 'TG0P'].includes(t.sensor)) expect(same?.group).not.toBe('gpu');
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
