import { useApp } from '../../store/use-app';
import { AlertsBanner } from './alerts-banner';
import { BatteryTile } from './battery-tile';
import { CpuTile } from './cpu-tile';
import { GpuTile, MemoryTile } from './gpu-memory-tiles';
import { NetworkTile } from './network-tile';
import { PopoverHeader } from './popover-header';
import { FansTile, TemperaturesTile } from './sensors-tiles';
import { TopProcessesTile } from './top-processes';
import { UnavailableFooter } from './unavailable-footer';

/**
 * The glance: everything the menu bar is for on one 360 × 520 screen, two columns where two
 * short items fit side by side, and one footer line for each item this machine cannot show.
 */
export function Popover() {
  const sampleT = useApp((s) => s.latest?.t);
  const waiting = useApp((s) => s.latest === null);
  return (
    // data-sample-t: which sample is on screen (the paint benchmark and e2e tests read it).
    <div className="popover" data-sample-t={sampleT}>
      <PopoverHeader />
      <main className="popover-body" tabIndex={0} aria-label="Metrics">
        <AlertsBanner />
        {waiting ? <p className="unavailable">Waiting for the first sample…</p> : null}
        <div className="tiles">
          <CpuTile />
          <GpuTile />
          <MemoryTile />
          <TemperaturesTile />
          <FansTile />
          <NetworkTile />
          <BatteryTile />
          <TopProcessesTile />
        </div>
        <UnavailableFooter />
      </main>
    </div>
  );
}
