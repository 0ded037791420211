import { useApp } from '../../store/use-app';
import { AlertsBanner } from './alerts-banner';
import { BatterySection } from './battery-section';
import { CpuGpuHeader } from './glance';
import { CpuSection, GpuSection } from './cpu-gpu-sections';
import { MemorySection } from './memory-section';
import { NetworkSection, TopProcessesSection } from './network-processes-sections';
import { FansSection, TemperatureSection } from './sensors-sections';

export function Popover() {
  const openDashboard = useApp((s) => s.openDashboard);
  const openSettings = useApp((s) => s.openSettings);
  const sampleT = useApp((s) => s.latest?.t);
  return (
    // data-sample-t: which sample is on screen (the paint benchmark and e2e tests read it).
    <div className="popover" data-sample-t={sampleT}>
      <header className="popover-head">
        <CpuGpuHeader />
        <nav className="popover-actions" aria-label="Windows">
          <button type="button" onClick={() => void openDashboard()}>
            Open dashboard
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => void openSettings()}
            aria-label="Settings"
          >
            Settings
          </button>
        </nav>
      </header>
      <main className="popover-body" tabIndex={0} aria-label="Metrics">
        <AlertsBanner />
        <CpuSection />
        <GpuSection />
        <MemorySection />
        <TemperatureSection />
        <FansSection />
        <BatterySection />
        <NetworkSection />
        <TopProcessesSection />
      </main>
    </div>
  );
}
