import { REPLAY_SPEEDS } from '../lib/recording-drop';
import { useApp } from '../store/use-app';

const time = (ms: number): string => new Date(ms).toLocaleString();

/** Play/pause and the speed of the recording shown (replay:control), with why a change failed. */
function ReplayControls() {
  const replay = useApp((s) => s.capabilities?.replay);
  const control = useApp((s) => s.controlReplay);
  const error = useApp((s) => s.replayError);
  if (!replay) return null;
  const paused = replay.paused === true;
  // The recording may have been started at a speed not in the list (serve --speed 3).
  const speeds = [...new Set([...REPLAY_SPEEDS, replay.speed])].sort((a, b) => a - b);
  return (
    <div className="replay-controls" role="group" aria-label="Playback">
      <button type="button" className="secondary" onClick={() => void control({ paused: !paused })}>
        {paused ? 'Play' : 'Pause'}
      </button>
      <label className="inline">
        Speed{' '}
        <select value={replay.speed} onChange={(e) => void control({ speed: Number(e.target.value) })}>
          {speeds.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <span className="tone-warning" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Says that the views show a recording, whose host and which time range, at what speed. */
export function ReplayBadge({ compact = false }: { readonly compact?: boolean }) {
  const replay = useApp((s) => s.capabilities?.replay);
  if (!replay) return null;
  const range = `${time(replay.fromMs)} – ${time(replay.toMs)}`;
  const state = replay.paused === true ? ', paused' : '';
  const full = `Replay of ${replay.source}: ${replay.hostname}, ${range}, ${replay.samples} samples at ${replay.speed}×${state}`;
  return compact ? (
    <span className="badge replay-badge" title={full}>
      replay {replay.speed}×
    </span>
  ) : (
    <div className="banner replay-banner">
      <p role="note">{full}</p>
      <ReplayControls />
    </div>
  );
}
