export interface MeterProps {
  readonly label: string;
  /** 0–100. */
  readonly percent: number;
  readonly text?: string;
  readonly tone?: 'normal' | 'warning' | 'critical';
}

/** A labelled horizontal bar; the numeric value is in the text and in aria-valuenow. */
export function Meter({ label, percent, text, tone = 'normal' }: MeterProps) {
  const clamped = Number.isFinite(percent) ? Math.max(0, Math.min(100, percent)) : 0;
  return (
    <div className="meter">
      <div className="meter-row">
        <span className="meter-label">{label}</span>
        <span className="meter-value">{text ?? `${clamped.toFixed(1)} %`}</span>
      </div>
      <div
        className={`meter-track tone-${tone}`}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(clamped)}
      >
        <div className="meter-fill" style={{ width: `${clamped}%` }} />
      </div>
    </div>
  );
}
