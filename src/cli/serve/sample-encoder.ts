/**
 * Stream frames rendered once per sample and section set: fifty clients following the same sections
 * share one JSON.stringify per tick (the same idea as render-cache.ts for scrapes).
 */
import type { Sample } from '../../shared/sample';

export interface SampleEncoder {
  /** The `{"type":"sample","sample":…}` frame of a sample restricted to the sections named by `key`. */
  json(sample: Sample, key: string): string;
}

export function createSampleEncoder(): SampleEncoder {
  let stamp: string | undefined;
  const frames = new Map<string, string>();
  return {
    json(sample, key) {
      // Samples restricted to sections are new objects per subscriber; the clocks identify the tick.
      const tick = `${sample.t}/${sample.mono}`;
      if (tick !== stamp) {
        stamp = tick;
        frames.clear();
      }
      let frame = frames.get(key);
      if (frame === undefined) {
        frame = `{"type":"sample","sample":${JSON.stringify(sample)}}`;
        frames.set(key, frame);
      }
      return frame;
    },
  };
}
