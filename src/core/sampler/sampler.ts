/**
 * createSampler(): the SnapshotSource over the native addon. Arguments are validated here, with
 * errors that name the argument, before anything reaches C++; the addon validates again.
 */
import { statSync } from 'node:fs';
import type { RawSnapshot } from '../../shared/raw';
import { isSectionName, SECTIONS, type SectionName } from '../../shared/sections';
import { loadAddon } from '../native';
import type { NativeDarwinSnapshot } from '../darwin';
import { normalizeDarwin } from '../darwin';
import { RailCadence } from '../derive';
import type { NativeSampler, NativeSnapshot } from '../native';
import type { SnapshotSource } from '../native';

export interface SamplerOptions {
  /**
   * Linux: folder holding proc/, sys/ and etc/ (a fixture tree, a container's root). Default "/".
   * Ignored on macOS.
   */
  readonly root?: string;
}

/**
 * The one hook point for macOS: the darwin backend returns raw material (SMC bytes, DVFS tables,
 * registry dictionaries) that core/darwin/normalize.ts decodes into RawSnapshot fields. On Linux
 * the native result already is a RawSnapshot, held to that shape by test/native/contract.test.ts.
 */
function normalize(native: NativeSnapshot): RawSnapshot {
  return process.platform === 'darwin'
    ? normalizeDarwin(native as NativeDarwinSnapshot)
    : (native as RawSnapshot);
}

function checkSections(sections: unknown): readonly SectionName[] | undefined {
  if (sections === undefined) return undefined;
  if (!Array.isArray(sections)) {
    throw new TypeError(`sections: expected an array of section names, got ${typeof sections}`);
  }
  for (const name of sections as unknown[]) {
    if (typeof name !== 'string') throw new TypeError(`sections: expected strings, got ${typeof name}`);
    if (!isSectionName(name)) {
      throw new RangeError(`sections: unknown section "${name}" (expected one of ${SECTIONS.join(', ')})`);
    }
  }
  return [...new Set(sections as SectionName[])];
}

export class Sampler implements SnapshotSource {
  readonly #native: NativeSampler;
  /** macOS Energy Model counters publish in batches: their watts need per-rail history. */
  readonly #rails = new RailCadence();
  #closed = false;

  constructor(native: NativeSampler) {
    this.#native = native;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Reads the given sections (all when omitted). Samples of one Sampler run one at a time, in call order. */
  sample(sections?: readonly SectionName[]): Promise<RawSnapshot> {
    if (this.#closed) throw new Error('Sampler: sample() called after close()');
    const list = checkSections(sections);
    return this.#native.sample(list).then((native) => {
      const snapshot = normalize(native);
      return process.platform === 'darwin' ? this.#rails.annotateSnapshot(snapshot) : snapshot;
    });
  }

  /** Releases native handles; samples still queued reject. Using the sampler afterwards throws. */
  close(): void {
    if (this.#closed) throw new Error('Sampler: close() called twice');
    this.#closed = true;
    this.#native.close();
  }
}

export function createSampler(options: SamplerOptions = {}): Sampler {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('options: expected an object such as { root: "/" }');
  }
  const root: unknown = options.root;
  if (root !== undefined) {
    if (typeof root !== 'string') throw new TypeError(`root: expected a string, got ${typeof root}`);
    if (root === '') throw new RangeError('root: expected a folder path, got ""');
    let isDir: boolean;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      throw new RangeError(`root: "${root}" does not exist`);
    }
    if (!isDir) throw new RangeError(`root: "${root}" is not a folder`);
  }
  const addon = loadAddon();
  return new Sampler(new addon.Sampler(root === undefined ? {} : { root }));
}
