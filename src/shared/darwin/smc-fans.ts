/**
 * Fans from SMC keys (MACOS.md "Fans"): FNum, F{n}Ac actual, F{n}Mn min, F{n}Mx max, F{n}Tg target,
 * F{n}ID name (`{fds`), F{n}Md or F{n}md mode (0 auto, 1 forced, 3 system). Read only.
 */
import type { RawFan } from '../raw';
import { decodeSmcNumber, decodeSmcValue, type SmcDecodeOptions, type SmcReading } from './smc-types';

/** The keys to read for `count` fans (after FNum). */
export function fanKeys(count: number): string[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count: expected a non-negative integer, got ${count}`);
  const keys: string[] = [];
  for (let i = 0; i < Math.min(count, 10); i++) {
    for (const suffix of ['Ac', 'Mn', 'Mx', 'Tg', 'Md', 'md', 'ID']) keys.push(`F${i}${suffix}`);
  }
  return keys;
}

const FAN_MODES: Readonly<Record<number, string>> = { 0: 'auto', 1: 'forced', 3: 'system' };

/** Fan mode name from the raw mode value; unknown values keep their number as text. */
export function fanModeName(value: number): string {
  return FAN_MODES[value] ?? String(value);
}

/** Fans decoded from readings that include FNum and the fanKeys(FNum) keys. */
export function smcFans(readings: readonly SmcReading[], options: SmcDecodeOptions): RawFan[] {
  const byKey = new Map(readings.map((r) => [r.key, r]));
  const num = (key: string): number | undefined => {
    const r = byKey.get(key);
    return r ? decodeSmcNumber(r, options) : undefined;
  };
  const count = num('FNum');
  if (count === undefined) return [];
  const fans: RawFan[] = [];
  for (let i = 0; i < Math.min(count, 10); i++) {
    const rpm = num(`F${i}Ac`);
    if (rpm === undefined || rpm < 0) continue;
    const minRpm = num(`F${i}Mn`);
    const maxRpm = num(`F${i}Mx`);
    const targetRpm = num(`F${i}Tg`);
    const mode = num(`F${i}Md`) ?? num(`F${i}md`);
    const idReading = byKey.get(`F${i}ID`);
    const name = idReading ? decodeSmcValue(idReading, options) : undefined;
    fans.push({
      id: `smc/F${i}`,
      chip: 'smc',
      sensor: `F${i}`,
      ...(typeof name === 'string' && name !== '' ? { label: name } : {}),
      rpm,
      ...(minRpm !== undefined ? { minRpm } : {}),
      ...(maxRpm !== undefined && maxRpm > 0 ? { maxRpm } : {}),
      ...(targetRpm !== undefined ? { targetRpm } : {}),
      ...(mode !== undefined ? { mode: fanModeName(mode) } : {}),
    });
  }
  return fans;
}
