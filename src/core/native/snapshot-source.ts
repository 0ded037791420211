import type { RawSnapshot } from '../../shared/raw';
import type { SectionName } from '../../shared/sections';

/**
 * What the poller and the exporters need from a sampler. core/sampler/sampler.ts implements it over the
 * native addon; tests implement it over recorded snapshots.
 */
export interface SnapshotSource {
  /** Reads the given sections (all when omitted). Never rejects for a missing sensor: that is a section error. */
  sample(sections?: readonly SectionName[]): Promise<RawSnapshot>;
  /** Releases native handles; idempotent. Sampling a closed source rejects. */
  close(): void | Promise<void>;
}
