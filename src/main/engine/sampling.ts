/**
 * Demand-driven sampling for the app. One subscription to the engine's poller covers, on each tick,
 * the union of: the tray glance's sections and the enabled alert rules' sections (always), and the
 * sections each visible window asked for (metrics:setDemand). So every tick yields one sample that
 * feeds the tray, alerts, history and the visible windows alike.
 *
 * Interval: trayIntervalMs while every window is hidden, windowIntervalMs while one is visible (the
 * tray sections ride along on that faster read: one read of a few more sections costs less than a
 * second timer), times batteryIntervalFactor on battery. Suspend drops the subscription, which makes
 * the poller idle and forget its counters, so the first sample after resume starts a fresh interval
 * instead of averaging over the sleep.
 */
import type { Sample } from '../../shared/sample';
import { SECTIONS } from '../../shared/sections';
import type { SectionName } from '../../shared/sections';

/** The part of core/poller's Poller this uses. */
export interface PollerLike {
  subscribe(sections: readonly SectionName[], cb: (sample: Sample) => void): () => void;
  setIntervalMs(intervalMs: number): void;
}

export interface SamplingConfig {
  readonly traySections: readonly SectionName[];
  readonly alertSections: readonly SectionName[];
  readonly trayIntervalMs: number;
  readonly windowIntervalMs: number;
  readonly batteryIntervalFactor: number;
}

export interface SamplingState {
  readonly sections: readonly SectionName[];
  readonly intervalMs: number;
  readonly subscribed: boolean;
  readonly suspended: boolean;
  readonly onBattery: boolean;
}

export interface SamplingController {
  /** What a window shows (from its renderer); kept while it is hidden, used while it is visible. */
  setWindowDemand(windowId: number, sections: readonly SectionName[]): void;
  setWindowVisible(windowId: number, visible: boolean): void;
  /** The window closed: forget it. */
  removeWindow(windowId: number): void;
  /** Ids of the windows that are visible and want at least one section (they get samples). */
  visibleWindows(): readonly number[];
  configure(config: Partial<SamplingConfig>): void;
  setOnBattery(onBattery: boolean): void;
  suspend(): void;
  resume(): void;
  state(): SamplingState;
  dispose(): void;
}

function sameSections(a: readonly SectionName[], b: readonly SectionName[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

export function createSamplingController(
  poller: PollerLike,
  initial: SamplingConfig,
  onSample: (sample: Sample) => void,
): SamplingController {
  let config = initial;
  let onBattery = false;
  let suspended = false;
  let disposed = false;
  const demand = new Map<number, readonly SectionName[]>();
  const visible = new Set<number>();
  let current: { sections: readonly SectionName[]; unsubscribe: () => void } | undefined;
  let intervalMs = NaN;

  const viewers = (): number[] => [...visible].filter((id) => (demand.get(id)?.length ?? 0) > 0);

  function wantedSections(): SectionName[] {
    const wanted = new Set<SectionName>([...config.traySections, ...config.alertSections]);
    for (const id of viewers()) for (const s of demand.get(id) ?? []) wanted.add(s);
    return SECTIONS.filter((s) => wanted.has(s));
  }

  function wantedInterval(): number {
    // A window never slows the tray down, whatever the user set.
    const base =
      viewers().length > 0 ? Math.min(config.windowIntervalMs, config.trayIntervalMs) : config.trayIntervalMs;
    return Math.round(base * (onBattery ? config.batteryIntervalFactor : 1));
  }

  function apply(): void {
    if (disposed) return;
    const interval = wantedInterval();
    if (interval !== intervalMs) {
      poller.setIntervalMs(interval);
      intervalMs = interval;
    }
    const sections = suspended ? [] : wantedSections();
    if (current && sameSections(current.sections, sections)) return;
    // Subscribe the new set before dropping the old one: a moment with no subscriber would make the
    // poller idle and forget its counters, and the next sample would have no rates.
    const previous = current;
    current =
      sections.length > 0 ? { sections, unsubscribe: poller.subscribe(sections, onSample) } : undefined;
    previous?.unsubscribe();
  }

  apply();
  return {
    setWindowDemand(id, sections) {
      demand.set(id, [...sections]);
      apply();
    },
    setWindowVisible(id, isVisible) {
      if (isVisible) visible.add(id);
      else visible.delete(id);
      apply();
    },
    removeWindow(id) {
      demand.delete(id);
      visible.delete(id);
      apply();
    },
    visibleWindows: viewers,
    configure(patch) {
      config = { ...config, ...patch };
      apply();
    },
    setOnBattery(value) {
      onBattery = value;
      apply();
    },
    suspend() {
      suspended = true;
      apply();
    },
    resume() {
      suspended = false;
      apply();
    },
    state: () => ({
      sections: current?.sections ?? [],
      intervalMs,
      subscribed: current !== undefined,
      suspended,
      onBattery,
    }),
    dispose() {
      current?.unsubscribe();
      current = undefined;
      disposed = true;
    },
  };
}
