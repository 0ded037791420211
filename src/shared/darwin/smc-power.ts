/**
 * SMC power gauges (MACOS.md "Power rails"): PSTR system total, PPBR battery, PDTR DC in, in watts.
 * The type differs by model (sp78, sp87, sp96, `flt `, as the dumps in acidanthera/VirtualSMC
 * Docs/SMCDumps and dkorunic/iSMC internal/reports show), so decoding goes by type.
 */
import type { SmcDecodeOptions, SmcReading } from './smc-types';
import { decodeSmcNumber } from './smc-types';

export const SMC_POWER_KEYS = ['PSTR', 'PPBR', 'PDTR'] as const;

export interface SmcPower {
  readonly systemW?: number;
  readonly batteryW?: number;
  readonly dcInW?: number;
}

/** The gauges present in the readings; an absent or undecodable key stays absent (never 0). */
export function smcPower(readings: readonly SmcReading[], options: SmcDecodeOptions): SmcPower {
  const get = (key: string): number | undefined => {
    const r = readings.find((x) => x.key === key);
    const v = r ? decodeSmcNumber(r, options) : undefined;
    // A value beyond ±1 kW is a misread key, not a Mac's power draw (the largest Mac Pro supply
    // is 1.4 kW at the wall, and the SMC gauges stay far below it): report nothing rather than it.
    return v !== undefined && Math.abs(v) < 1000 ? v : undefined;
  };
  const systemW = get('PSTR');
  const batteryW = get('PPBR');
  const dcInW = get('PDTR');
  return {
    ...(systemW !== undefined ? { systemW } : {}),
    ...(batteryW !== undefined ? { batteryW } : {}),
    ...(dcInW !== undefined ? { dcInW } : {}),
  };
}
