import { useApp } from '../store/use-app';

const time = (ms: number): string => new Date(ms).toLocaleString();

/** Says that the views show a recording, whose host and which time range, at what speed. */
export function ReplayBadge({ compact = false }: { readonly compact?: boolean }) {
  const replay = useApp((s) => s.capabilities?.replay);
  if (!replay) return null;
  const range = `${time(replay.fromMs)} – ${time(replay.toMs)}`;
  const full = `Replay of ${replay.source}: ${replay.hostname}, ${range}, ${replay.samples} samples at ${replay.speed}×`;
  return compact ? (
    <span className="badge replay-badge" title={full}>
      replay {replay.speed}×
    </span>
  ) : (
    <p className="banner replay-banner" role="note">
      {full}
    </p>
  );
}
