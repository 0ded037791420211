/** The sections a sample can hold (DESIGN.md §3). Order is the display and export order. */
export const SECTIONS = [
  'host',
  'cpu',
  'memory',
  'power',
  'thermal',
  'fans',
  'gpu',
  'rails',
  'disks',
  'network',
  'processes',
  // Demand-driven extras of the process table: each costs a read per process, so only a view or an
  // exporter that shows them asks for them. processIo fills the table's disk byte columns;
  // processGpu lists the GPU clients each process holds.
  'processIo',
  'processGpu',
] as const;

export type SectionName = (typeof SECTIONS)[number];

export function isSectionName(value: unknown): value is SectionName {
  return typeof value === 'string' && (SECTIONS as readonly string[]).includes(value);
}

/**
 * Parses a comma-separated section list such as "cpu,memory".
 * Throws a RangeError naming the offending entry, so CLIs and APIs give one clear message.
 */
export function parseSectionList(text: string, argName = 'sections'): SectionName[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0)
    throw new RangeError(`${argName}: expected at least one section (one of ${SECTIONS.join(', ')})`);
  for (const name of names) {
    if (!isSectionName(name)) {
      throw new RangeError(`${argName}: unknown section "${name}" (expected one of ${SECTIONS.join(', ')})`);
    }
  }
  return [...new Set(names)] as SectionName[];
}
