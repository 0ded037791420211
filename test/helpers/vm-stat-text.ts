import type { VmCounters } from '../../src/shared/darwin/memory';

export interface VmStatText {
  readonly pageSize: number;
  readonly counters: VmCounters;
}

/**
 * Parses `vm_stat` output (only tests use it, against real captures, so it lives here, not in src/). "Pages free"
 * there is free − speculative, so free_count is rebuilt by adding the speculative pages back.
 * Throws a RangeError naming the argument when the header or a needed counter is missing.
 */
export function parseVmStat(text: string): VmStatText {
  const header = /page size of (\d+) bytes/.exec(text);
  if (!header) throw new RangeError('text: no "page size of N bytes" header in vm_stat output');
  const values = new Map<string, number>();
  for (const m of text.matchAll(/^"?([A-Za-z][A-Za-z -]*?)"?:\s+(\d+)\.?\s*$/gm))
    values.set(m[1] ?? '', Number(m[2]));
  const get = (name: string): number => {
    const v = values.get(name);
    if (v === undefined) throw new RangeError(`text: vm_stat output lacks "${name}"`);
    return v;
  };
  const speculative = get('Pages speculative');
  return {
    pageSize: Number(header[1]),
    counters: {
      free: get('Pages free') + speculative,
      active: get('Pages active'),
      inactive: get('Pages inactive'),
      speculative,
      throttled: values.get('Pages throttled') ?? 0,
      wired: get('Pages wired down'),
      purgeable: get('Pages purgeable'),
      external: get('File-backed pages'),
      internal: get('Anonymous pages'),
      compressor: get('Pages occupied by compressor'),
    },
  };
}
