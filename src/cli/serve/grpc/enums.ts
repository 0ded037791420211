/**
 * Our string unions and the .proto's enums: a TypeScript value `not-charging` of the union
 * BatteryState is the proto value `BATTERY_STATE_NOT_CHARGING` (enum name in upper snake case as
 * prefix, https://protobuf.dev/programming-guides/style/#enums). One rule for every enum;
 * test/cli/serve/grpc-messages.test.ts checks that every union member names a value of its enum.
 */
import { isSectionName, type SectionName } from '../../../shared/sections';
import type { Section__Output } from './generated/darwinmetrics/v1/Section';

/**
 * `toProtoEnum('BATTERY_STATE', 'not-charging')` is `'BATTERY_STATE_NOT_CHARGING'`, and
 * `toProtoEnum('SECTION', 'processIo')` is `'SECTION_PROCESS_IO'` (protobuf's UPPER_SNAKE_CASE).
 */
export function toProtoEnum<E extends string | number>(prefix: string, value: string): E {
  return `${prefix}_${value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .replace(/-/g, '_')}` as E;
}

/** The same, or the enum's UNSPECIFIED value when the value is absent. */
export function toProtoEnumOrUnspecified<E extends string | number>(
  prefix: string,
  value: string | undefined,
): E {
  return toProtoEnum<E>(prefix, value ?? 'unspecified');
}

export function toProtoSection(name: SectionName): Section__Output {
  return toProtoEnum<Section__Output>('SECTION', name);
}

/**
 * The sections a request names, deduplicated; none means every section. Throws a RangeError naming
 * the field for SECTION_UNSPECIFIED or a number this server does not know.
 */
export function fromProtoSections(values: readonly (string | number)[], field = 'sections'): SectionName[] {
  const names = values.map((value, i) => {
    const name =
      typeof value === 'string'
        ? value
            .replace(/^SECTION_/, '')
            .toLowerCase()
            .replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())
        : undefined;
    if (!isSectionName(name)) throw new RangeError(`${field}[${i}]: not a section: ${String(value)}`);
    return name;
  });
  return [...new Set(names)];
}
