/**
 * createSampler(): the SnapshotSource over the native addon. Arguments are validated here, with
 * errors that name the argument, before anything reaches C++; the addon validates again.
 */
import { existsSync, statSync } from 'node:fs';
import type { RawSnapshot } from '../../shared/raw';
import { isSectionName, SECTIONS, type SectionName } from '../../shared/sections';
import { loadAddon } from '../native';
import type { NativeDarwinSnapshot } from '../darwin';
import { normalizeDarwin } from '../darwin';
import { RailCadence } from '../derive';
import type { BackendInfo, NativeSampler, NativeSnapshot } from '../native';
import type { SnapshotSource } from '../native';

export interface SamplerOptions {
  /**
   * Linux: folder holding proc/, sys/ and etc/ (a fixture tree, a container's root). Default "/".
   * Ignored on macOS.
   */
  readonly root?: string;
  /** The native addon file to load, instead of the package's own build (a prebuild kept elsewhere). */
  readonly addonPath?: string;
}

type Normalize = (native: NativeSnapshot) => RawSnapshot;

/**
 * The one hook point for macOS: the darwin backend returns raw material (SMC bytes, DVFS tables,
 * registry dictionaries) that core/darwin's normalizeDarwin decodes into RawSnapshot fields, for the
 * app and for a library user alike. On Linux the native result already is a RawSnapshot, held to that
 * shape by test/native/contract.test.ts. Chosen by the backend the addon reports, not by the process
 * platform, so the darwin path is tested on Linux with a fake darwin addon.
 */
export function normalizerFor(platform: BackendInfo['platform']): Normalize {
  if (platform !== 'darwin') return (native) => native as RawSnapshot;
  // macOS Energy Model counters publish in batches: their watts need per-rail history, kept per
  // sampler (derive/rail-cadence.ts).
  const rails = new RailCadence();
  return (native) => rails.annotateSnapshot(normalizeDarwin(native as NativeDarwinSnapshot));
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

export class Sampler implements SnapshotSource, AsyncDisposable {
  readonly #native: NativeSampler;
  readonly #normalize: Normalize;
  #closing: Promise<void> | undefined;

  constructor(native: NativeSampler, normalize: Normalize = normalizerFor('linux')) {
    this.#native = native;
    this.#normalize = normalize;
  }

  get closed(): boolean {
    return this.#closing !== undefined;
  }

  /**
   * Reads the given sections (all when omitted). Samples of one Sampler run one at a time, in call
   * order. Bad arguments and a closed sampler give a rejected promise, never a synchronous throw.
   */
  async sample(sections?: readonly SectionName[]): Promise<RawSnapshot> {
    if (this.closed) throw new Error('Sampler: sample() called after close()');
    const list = checkSections(sections);
    return this.#normalize(await this.#native.sample(list));
  }

  /**
   * Releases native handles; samples still queued reject. Idempotent: every call returns the same
   * promise, as Poller.close() does.
   */
  close(): Promise<void> {
    this.#closing ??= (async () => this.#native.close())();
    return this.#closing;
  }

  /** `await using sampler = createSampler()` closes it at the end of the block. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
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
  const addonPath: unknown = options.addonPath;
  if (addonPath !== undefined) {
    if (typeof addonPath !== 'string' || addonPath === '')
      throw new TypeError('addonPath: expected the path of a darwinmetrics.node file');
    if (!existsSync(addonPath)) throw new RangeError(`addonPath: "${addonPath}" does not exist`);
  }
  const addon = addonPath === undefined ? loadAddon() : loadAddon({ onlyPath: addonPath });
  const native = new addon.Sampler(root === undefined ? {} : { root });
  return new Sampler(native, normalizerFor(addon.backendInfo().platform));
}
