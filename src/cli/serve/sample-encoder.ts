/**
 * Stream frames rendered once per sample and section set: fifty clients following the same sections
 * share one encoding per tick (the same idea as render-cache.ts for scrapes), for the WebSocket
 * endpoint (JSON) and the gRPC stream (protobuf) alike. Frames are Buffers, so that a socket write
 * does not encode the text again for every client.
 */
import type { Sample } from '../../shared/sample';

export interface SampleEncoder {
  /** The frame of a sample restricted to the sections named by `key` (one key per section set). */
  frame(sample: Sample, key: string): Buffer;
}

export function createSampleEncoder(render: (sample: Sample) => Buffer): SampleEncoder {
  let stamp: string | undefined;
  const frames = new Map<string, Buffer>();
  return {
    frame(sample, key) {
      // Samples restricted to sections are new objects per subscriber; the clocks identify the tick.
      const tick = `${sample.t}/${sample.mono}`;
      if (tick !== stamp) {
        stamp = tick;
        frames.clear();
      }
      let frame = frames.get(key);
      if (frame === undefined) {
        frame = render(sample);
        frames.set(key, frame);
      }
      return frame;
    },
  };
}

/** The WebSocket protocol's `{"type":"sample","sample":…}` frame (src/shared/stream-protocol.ts). */
export const renderJsonSampleFrame = (sample: Sample): Buffer =>
  Buffer.from(`{"type":"sample","sample":${JSON.stringify(sample)}}`);
