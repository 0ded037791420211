/**
 * RawSnapshot ⇄ JSON for recorded fixtures (test/fixtures/snapshots). The process table crosses as
 * typed-array columns, which JSON cannot hold: they are written as { "$typed": "Float64Array",
 * "data": [...] } with NaN ("unknown on this platform") as null.
 */
import type { RawSnapshot } from '../../src/shared/raw';

const TYPED = {
  Int32Array,
  Float64Array,
  Uint8Array,
} as const;
type TypedName = keyof typeof TYPED;

export function snapshotToJson(snapshot: RawSnapshot): string {
  return JSON.stringify(
    snapshot,
    (_key, value: unknown) => {
      for (const name of Object.keys(TYPED) as TypedName[]) {
        if (value instanceof TYPED[name]) {
          return {
            $typed: name,
            data: Array.from(value as ArrayLike<number>, (n) => (Number.isFinite(n) ? n : null)),
          };
        }
      }
      return value;
    },
    1,
  );
}

export function snapshotFromJson(text: string): RawSnapshot {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && '$typed' in value && 'data' in value) {
      const { $typed, data } = value as { $typed: string; data: (number | null)[] };
      const numbers = data.map((n) => (n === null ? NaN : n));
      switch ($typed) {
        case 'Int32Array':
          return Int32Array.from(numbers);
        case 'Float64Array':
          return Float64Array.from(numbers);
        case 'Uint8Array':
          return Uint8Array.from(numbers);
        default:
          throw new Error(`snapshot JSON: unknown typed array "${$typed}"`);
      }
    }
    return value;
  }) as RawSnapshot;
}
