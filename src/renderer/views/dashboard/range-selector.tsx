import { HISTORY_RANGES, type HistoryRange } from '../../../shared/history-types';
import { useApp } from '../../store/use-app';

const LABELS: Readonly<Record<HistoryRange, string>> = {
  '1m': '1 minute',
  '5m': '5 minutes',
  '15m': '15 minutes',
  '1h': '1 hour',
  '24h': '24 hours',
  '7d': '7 days',
  '30d': '30 days',
  '90d': '90 days',
  '1y': '1 year',
};

export function RangeSelector() {
  const range = useApp((s) => s.range);
  const setRange = useApp((s) => s.setRange);
  return (
    <div className="segmented" role="group" aria-label="Time range">
      {HISTORY_RANGES.map((r) => (
        <button
          key={r}
          type="button"
          aria-pressed={r === range}
          aria-label={LABELS[r]}
          onClick={() => setRange(r)}
        >
          {r}
        </button>
      ))}
    </div>
  );
}
