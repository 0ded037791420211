// The RawSnapshot the Linux backend produces has exactly the shape src/shared/raw.ts declares.
// test/helpers/raw-shape.ts is shared with the macOS suite, which runs it on normalised snapshots.
import { describe, expect, it } from 'vitest';
import { createSampler } from '../../src/core/sampler/sampler';
import { SECTIONS } from '../../src/shared/sections';
import { fixtureRoot, HAS_NODE_EXPORTER, nodeExporterRoot } from '../helpers/linux-fixtures';
import { rawShapeProblems } from '../helpers/raw-shape';

async function sampleAll(root?: string) {
  const sampler = createSampler(root === undefined ? {} : { root });
  try {
    return await sampler.sample();
  } finally {
    await sampler.close();
  }
}

describe('RawSnapshot contract (Linux)', () => {
  it('holds on the live machine, with every section present', async () => {
    const snap = await sampleAll();
    expect(rawShapeProblems(snap)).toEqual([]);
    expect(Object.keys(snap).sort()).toEqual(['mono', 't', ...SECTIONS].sort());
  });

  it('holds on our fixture trees, the broken one included', async () => {
    expect(rawShapeProblems(await sampleAll(fixtureRoot('laptop')))).toEqual([]);
    expect(rawShapeProblems(await sampleAll(fixtureRoot('broken')))).toEqual([]);
  });

  it("reads proc/stat's ctxt and the total of its intr line", async () => {
    const cpu = (await sampleAll(fixtureRoot('laptop'))).cpu;
    // test/fixtures/linux/laptop/proc/stat: "intr 12345 1 2 3", "ctxt 99999".
    expect(cpu?.ok && [cpu.value.contextSwitches, cpu.value.interrupts]).toEqual([99999, 12345]);
  });

  it.skipIf(!HAS_NODE_EXPORTER)('holds on node_exporter fixtures', async () => {
    expect(rawShapeProblems(await sampleAll(nodeExporterRoot()))).toEqual([]);
  });

  it('catches snapshots that stray from the declaration', async () => {
    const snap = await sampleAll(fixtureRoot('laptop'));
    const bad = structuredClone(snap) as unknown as Record<string, { ok: boolean; value: Record<string, unknown> }>;
    bad['memory']!.value['totalBytes'] = '8 GB';
    bad['memory']!.value['extra'] = 1;
    delete bad['host']!.value['kernel'];
    bad['cpu']!.value['vendor'] = undefined;
    (bad['processes']!.value['name'] as string[]).pop();
    expect(rawShapeProblems(bad).sort()).toEqual(
      [
        'cpu.value.vendor: present but undefined (leave optional fields out instead)',
        'host.value.kernel: missing',
        'memory.value.extra: not declared in src/shared/raw.ts',
        'memory.value.totalBytes: expected a number, got string "8 GB"',
        `processes.value.name: length 6 ≠ count 7`,
      ].sort(),
    );
    expect(rawShapeProblems({ t: 1, mono: 2, gpus: { ok: true, value: {} } })).toEqual([
      'gpus: not a section of src/shared/sections.ts',
    ]);
    expect(rawShapeProblems({ t: 1, mono: 2, gpu: { ok: false, error: { reason: 'nope', message: 'x' } } })).toEqual([
      'gpu.error.reason: expected one of unsupported|permission|unavailable|failed, got string "nope"',
    ]);
  });
});
