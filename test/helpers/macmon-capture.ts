/**
 * Reads macmon debug captures (github.com/vladkens/macmon issues, kept in ../shared/fixtures/darwin)
 * into what the macOS native side returns: pmgr voltage-state bytes and IOReport state channels.
 * Shared by the darwin normalisation contract test and the Mac recording the e2e suite replays.
 */
import type { IoReportState } from '../../src/shared/darwin/ioreport-residency';

/** pmgr (f)/(v) lists of a macmon capture → the property bytes the native side returns. */
export function macmonPmgr(text: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const f = new Map<string, number[]>();
  const v = new Map<string, number[]>();
  for (const m of text.matchAll(/(voltage-states[\w-]+): \((f|v)\)([ \d]*)(\[TRUNCATED\])?/g)) {
    const nums = (m[3] ?? '').trim().split(/\s+/).filter(Boolean).map(Number);
    if (m[4]) nums.pop();
    (m[2] === 'f' ? f : v).set(m[1] ?? '', nums);
  }
  for (const [name, freqs] of f) {
    const bytes = new Uint8Array(freqs.length * 8);
    const view = new DataView(bytes.buffer);
    freqs.forEach((x, i) => {
      view.setUint32(i * 8, x, true);
      view.setUint32(i * 8 + 4, v.get(name)?.[i] ?? 0, true);
    });
    out[name] = bytes;
  }
  return out;
}

/** The states of one `<channel> (24Mticks) = [("NAME", ticks), ...]` line. */
export function macmonStates(text: string, channel: string): IoReportState[] {
  const line = text.split('\n').find((l) => l.includes(`:: ${channel} (24Mticks)`)) ?? '';
  return [...line.matchAll(/\("(\w+)", (\d+)\)/g)].map((m) => ({ name: m[1] ?? '', ticks: Number(m[2]) }));
}

/**
 * The pmgr properties the Mac tests and the e2e Mac recording use: the M4 Pro capture's tables
 * (macmon issue 66) with acc-clusters as the firmware stores it (E cluster → table 1, P cluster →
 * table 13), the truncated voltage-states13-sram dropped (the full non-sram table stays), and the
 * GPU's voltage-states9 from the M2 Ultra capture (macmon issue 68).
 */
export function m4ProPmgr(m4Text: string, gpuText: string): Record<string, Uint8Array> {
  const pmgr = macmonPmgr(m4Text);
  pmgr['acc-clusters'] = new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0, 13, 1, 0, 0, 0, 0, 0, 0]);
  delete pmgr['voltage-states13-sram'];
  pmgr['voltage-states9'] = macmonPmgr(gpuText)['voltage-states9'] ?? new Uint8Array();
  return pmgr;
}
