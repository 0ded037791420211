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
