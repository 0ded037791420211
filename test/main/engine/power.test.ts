import { describe, expect, it } from 'vitest';
import { setupPower, withThermalPressure } from '../../../src/main/engine/power';
import type { ElectronThermalState, PowerMonitorLike } from '../../../src/main/engine/power';
import { trayMenuTemplate } from '../../../src/main/tray/tray-menu';
import { laptopSample } from '../helpers/sample';

function fakePowerMonitor(onBattery: boolean, thermal: ElectronThermalState) {
  const listeners = new Map<string, (d?: { state: ElectronThermalState }) => void>();
  const pm = {
    on: (event: string, l: (d?: { state: ElectronThermalState }) => void) => listeners.set(event, l),
    isOnBatteryPower: () => onBattery,
    getCurrentThermalState: () => thermal,
  } as unknown as PowerMonitorLike;
  return {
    pm,
    emit: (event: string, d?: { state: ElectronThermalState }) => listeners.get(event)?.(d),
    listeners,
  };
}

function recorder() {
  const calls: string[] = [];
  return {
    calls,
    target: {
      suspend: () => calls.push('suspend'),
      resume: () => calls.push('resume'),
      setOnBattery: (b: boolean) => calls.push(`battery:${b}`),
    },
  };
}

describe('setupPower', () => {
  it('pauses on sleep, restarts on wake and follows the power source', () => {
    const f = fakePowerMonitor(true, 'nominal');
    const r = recorder();
    setupPower(f.pm, r.target, 'linux');
    f.emit('suspend');
    f.emit('resume');
    f.emit('on-ac');
    f.emit('on-battery');
    expect(r.calls).toEqual(['battery:true', 'suspend', 'resume', 'battery:false', 'battery:true']);
  });

  it('tracks the macOS thermal state, and reports none elsewhere', () => {
    const mac = fakePowerMonitor(false, 'fair');
    const watch = setupPower(mac.pm, recorder().target, 'darwin');
    expect(watch.thermal()).toBe('fair');
    mac.emit('thermal-state-change', { state: 'serious' });
    expect(watch.thermal()).toBe('serious');
    mac.emit('thermal-state-change', { state: 'unknown' });
    expect(watch.thermal()).toBeUndefined();
    const linux = fakePowerMonitor(false, 'critical');
    expect(setupPower(linux.pm, recorder().target, 'linux').thermal()).toBeUndefined();
    expect(linux.listeners.has('thermal-state-change')).toBe(false);
  });
});

describe('withThermalPressure', () => {
  it('fills thermal pressure only where the sampler had none', () => {
    const s = laptopSample();
    const filled = withThermalPressure(s, 'serious');
    expect(filled.power?.ok && filled.power.value.thermalPressure).toBe('serious');
    expect(withThermalPressure(filled, 'nominal').power).toEqual(filled.power);
    expect(withThermalPressure(s, undefined)).toBe(s);
    const noPower = { t: 0, mono: 0 };
    expect(withThermalPressure(noPower, 'fair')).toBe(noPower);
  });
});

describe('trayMenuTemplate', () => {
  it('offers the six actions, with the login checkbox and export progress', () => {
    const calls: string[] = [];
    const actions = {
      openDashboard: () => calls.push('dashboard'),
      openRecording: () => calls.push('recording'),
      exportCsv: () => calls.push('export'),
      openSettings: () => calls.push('settings'),
      setLaunchAtLogin: (on: boolean) => calls.push(`login:${on}`),
      quit: () => calls.push('quit'),
    };
    const idle = trayMenuTemplate({ launchAtLogin: true }, actions);
    expect(idle.filter((i) => i.type !== 'separator').map((i) => i.label)).toEqual([
      'Open Dashboard',
      'Open Recording…',
      'Export CSV…',
      'Settings…',
      'Launch at Login',
      'Quit darwinmetrics',
    ]);
    expect(idle.find((i) => i.id === 'login')).toMatchObject({ type: 'checkbox', checked: true });
    for (const item of idle)
      (item.click as ((i: { checked: boolean }) => void) | undefined)?.({ checked: false });
    expect(calls).toEqual(['dashboard', 'recording', 'export', 'settings', 'login:false', 'quit']);
    const busy = trayMenuTemplate({ launchAtLogin: false, exportProgress: 0.42 }, actions);
    expect(busy.find((i) => i.id === 'export')).toMatchObject({ label: 'Exporting… 42 %', enabled: false });
  });
});
