// The public face of src/core/replay: recordings read back and played through a Poller.
export { createRecordingReader, parseRecording, type Recording, type RecordingReader } from './recording';
export { createReplayPoller, type ReplayPoller, type ReplayPollerOptions } from './replay-poller';
export { startReplay, type Replay } from './start-replay';
