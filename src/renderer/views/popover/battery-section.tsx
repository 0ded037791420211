import { formatMinutes, formatPercent, formatWatts } from '../../../shared/format';
import type { BatterySample } from '../../../shared/sample';
import { Meter } from '../../components/meter';
import { Section } from '../../components/section';
import { Stat } from '../../components/stat';
import { useSection } from './use-section';

function timeLeft(b: BatterySample): string {
  if (b.state === 'charging')
    return b.minutesToFull !== undefined ? `${formatMinutes(b.minutesToFull)} to full` : 'calculating…';
  if (b.state === 'discharging')
    return b.minutesToEmpty !== undefined ? `${formatMinutes(b.minutesToEmpty)} left` : 'calculating…';
  return '—';
}

export function BatterySection() {
  const { value: power, unavailable } = useSection('power');
  return (
    <Section
      title="Battery"
      unavailable={unavailable}
      aside={power ? `on ${power.source === 'ac' ? 'AC power' : power.source}` : null}
    >
      {power?.batteries.map((b) => (
        <div key={b.id}>
          <Meter
            label={power.batteries.length > 1 ? `Charge ${b.id}` : 'Charge'}
            percent={b.percent ?? 0}
            tone={b.percent !== undefined && b.percent <= 10 ? 'critical' : 'normal'}
            text={b.percent !== undefined ? formatPercent(b.percent, 0) : 'not reported'}
          />
          <dl className="stats">
            <Stat label="State">{b.state}</Stat>
            <Stat label="Time">{timeLeft(b)}</Stat>
            <Stat label="Health">
              {b.healthPercent !== undefined ? formatPercent(b.healthPercent, 0) : '—'}
            </Stat>
            <Stat label="Cycles">{b.cycleCount ?? '—'}</Stat>
            <Stat label="Power">{b.powerW !== undefined ? formatWatts(b.powerW) : '—'}</Stat>
          </dl>
        </div>
      ))}
    </Section>
  );
}
