import { formatMinutes, formatPercent, formatWatts } from '../../../shared/format';
import type { BatterySample } from '../../../shared/sample';
import { Tile } from './tile';
import { useSection } from './use-section';

const STATE_WORDS: Readonly<Record<BatterySample['state'], string>> = {
  charging: 'charging',
  discharging: 'on battery',
  full: 'charged',
  'not-charging': 'plugged in, not charging',
  unknown: 'state unknown',
};

function timeLeft(b: BatterySample): string | undefined {
  if (b.state === 'charging')
    return b.minutesToFull !== undefined ? `${formatMinutes(b.minutesToFull)} to full` : 'calculating…';
  if (b.state === 'discharging')
    return b.minutesToEmpty !== undefined ? `${formatMinutes(b.minutesToEmpty)} left` : 'calculating…';
  return undefined;
}

/** Watts into (charging) or out of the battery: its own gauge, else the SMC's battery rail. */
function flow(b: BatterySample, railW: number | undefined): string | undefined {
  const w = b.powerW ?? (railW !== undefined && b.state === 'discharging' ? -Math.abs(railW) : railW);
  if (w === undefined) return undefined;
  return `${formatWatts(Math.abs(w))} ${w < 0 ? 'out' : 'in'}`;
}

export function BatteryTile() {
  const { value: power, unavailable } = useSection('power');
  const { value: rails } = useSection('rails');
  if (!power || unavailable) return null;
  return (
    <>
      {power.batteries.map((b, i) => {
        const parts = [
          STATE_WORDS[b.state],
          timeLeft(b),
          flow(b, rails?.batteryW),
          b.healthPercent !== undefined ? `health ${formatPercent(b.healthPercent, 0)}` : undefined,
          b.cycleCount !== undefined ? `${b.cycleCount} cycles` : undefined,
        ].filter((p): p is string => p !== undefined);
        return (
          <Tile
            key={b.id}
            title={power.batteries.length > 1 ? `Battery ${i + 1}` : 'Battery'}
            value={b.percent !== undefined ? formatPercent(b.percent, 0) : 'not reported'}
            wide
          >
            <p
              className={`tile-line${b.percent !== undefined && b.percent <= 10 ? ' tone-critical' : ''}`}
              title={parts.join(' · ')}
            >
              {parts.join(' · ')}
            </p>
          </Tile>
        );
      })}
    </>
  );
}
