import { describe, expect, it } from 'vitest';
import { createSamplingController } from '../../../src/main/engine/sampling';
import type { PollerLike, SamplingConfig } from '../../../src/main/engine/sampling';
import type { Sample } from '../../../src/shared/sample';
import type { SectionName } from '../../../src/shared/sections';

/** A poller that records what is subscribed and at which interval, and lets the test tick it. */
function fakePoller() {
  const subs = new Set<{ sections: readonly SectionName[]; cb: (s: Sample) => void }>();
  const log: string[] = [];
  let interval = 0;
  let idled = 0;
  const poller: PollerLike = {
    subscribe(sections, cb) {
      const sub = { sections, cb };
      subs.add(sub);
      log.push(`+${sections.join(',')}`);
      return () => {
        subs.delete(sub);
        log.push(`-${sections.join(',')}`);
        if (subs.size === 0) idled += 1;
      };
    },
    setIntervalMs(ms) {
      interval = ms;
    },
  };
  return {
    poller,
    log,
    demand: () => [...new Set([...subs].flatMap((s) => s.sections))],
    interval: () => interval,
    idled: () => idled,
    tick: (t: number) => {
      for (const s of subs) s.cb({ t, mono: t });
    },
  };
}

const config: SamplingConfig = {
  traySections: ['cpu', 'thermal'],
  alertSections: ['power'],
  trayIntervalMs: 2000,
  windowIntervalMs: 1000,
  batteryIntervalFactor: 2,
};

describe('createSamplingController', () => {
  it('samples only the tray and alert sections at the tray interval while every window is hidden', () => {
    const f = fakePoller();
    const c = createSamplingController(f.poller, config, () => {});
    expect(f.demand()).toEqual(['cpu', 'power', 'thermal']);
    expect(f.interval()).toBe(2000);
    c.setWindowDemand(1, ['processes', 'disks']);
    // The window said what it shows but is not visible: nothing changes.
    expect(f.demand()).toEqual(['cpu', 'power', 'thermal']);
    expect(c.visibleWindows()).toEqual([]);
  });

  it('adds a visible window’s sections at the window interval, and drops back when it hides or closes', () => {
    const f = fakePoller();
    const c = createSamplingController(f.poller, config, () => {});
    c.setWindowDemand(1, ['processes', 'disks']);
    c.setWindowVisible(1, true);
    expect(f.demand()).toEqual(['cpu', 'power', 'thermal', 'disks', 'processes']);
    expect(f.interval()).toBe(1000);
    expect(c.visibleWindows()).toEqual([1]);

    c.setWindowDemand(2, ['gpu']);
    c.setWindowVisible(2, true);
    expect(c.state().sections).toEqual(['cpu', 'power', 'thermal', 'gpu', 'disks', 'processes']);

    c.setWindowVisible(1, false);
    expect(c.state().sections).toEqual(['cpu', 'power', 'thermal', 'gpu']);
    expect(f.interval()).toBe(1000);
    c.removeWindow(2);
    expect(f.demand()).toEqual(['cpu', 'power', 'thermal']);
    expect(f.interval()).toBe(2000);
  });

  it('never leaves the poller without a subscriber while switching (counters survive)', () => {
    const f = fakePoller();
    const c = createSamplingController(f.poller, config, () => {});
    c.setWindowDemand(1, ['memory']);
    c.setWindowVisible(1, true);
    c.setWindowVisible(1, false);
    expect(f.idled()).toBe(0);
    expect(f.log).toEqual([
      '+cpu,power,thermal',
      '+cpu,memory,power,thermal',
      '-cpu,power,thermal',
      '+cpu,power,thermal',
      '-cpu,memory,power,thermal',
    ]);
  });

  it('delivers one sample per tick to the callback', () => {
    const f = fakePoller();
    const seen: number[] = [];
    const c = createSamplingController(f.poller, config, (s) => seen.push(s.t));
    c.setWindowDemand(1, ['memory']);
    c.setWindowVisible(1, true);
    f.tick(1);
    f.tick(2);
    expect(seen).toEqual([1, 2]);
  });

  it('stops on suspend and starts fresh on resume', () => {
    const f = fakePoller();
    const c = createSamplingController(f.poller, config, () => {});
    c.suspend();
    expect(f.demand()).toEqual([]);
    expect(c.state()).toMatchObject({ subscribed: false, suspended: true });
    c.resume();
    expect(f.demand()).toEqual(['cpu', 'power', 'thermal']);
  });

  it('slows down on battery by the factor, and follows new settings', () => {
    const f = fakePoller();
    const c = createSamplingController(f.poller, config, () => {});
    c.setOnBattery(true);
    expect(f.interval()).toBe(4000);
    c.configure({ batteryIntervalFactor: 1.5, traySections: ['cpu'], alertSections: [] });
    expect(f.interval()).toBe(3000);
    expect(f.demand()).toEqual(['cpu']);
    c.setOnBattery(false);
    expect(f.interval()).toBe(2000);
  });

  it('idles the poller when nothing at all is wanted, and a slower window setting never slows the tray', () => {
    const f = fakePoller();
    const c = createSamplingController(
      f.poller,
      { ...config, traySections: [], alertSections: [], windowIntervalMs: 5000 },
      () => {},
    );
    expect(c.state().subscribed).toBe(false);
    c.setWindowDemand(3, ['cpu']);
    c.setWindowVisible(3, true);
    expect(f.interval()).toBe(2000);
    c.dispose();
    expect(f.demand()).toEqual([]);
  });
});
