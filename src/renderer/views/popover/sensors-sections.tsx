import { formatRpm, formatTemperature } from '../../../shared/format';
import { Section } from '../../components/section';
import { Sparkline } from '../../components/sparkline';
import { useSection, useTemperatureUnit } from './use-section';

/** How many of the hottest sensors the popover lists. */
const SHOWN_SENSORS = 6;

export function TemperatureSection() {
  const { value: thermal, unavailable } = useSection('thermal');
  const unit = useTemperatureUnit();
  const hottest = [...(thermal?.sensors ?? [])].sort((a, b) => b.celsius - a.celsius).slice(0, SHOWN_SENSORS);
  return (
    <Section title="Temperatures" unavailable={unavailable}>
      <Sparkline metric="temperature" label="Hottest CPU sensor" width={320} height={24} floor="auto" />
      <ul className="rows">
        {hottest.map((s) => (
          <li key={s.id}>
            <span>
              {s.label ?? s.sensor} <span className="fine">{s.group}</span>
            </span>
            <span className={s.critC !== undefined && s.celsius >= s.critC - 5 ? 'tone-critical' : ''}>
              {formatTemperature(s.celsius, unit)}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function FansSection() {
  const { value: fans, unavailable } = useSection('fans');
  return (
    <Section title="Fans" unavailable={unavailable}>
      <ul className="rows">
        {fans?.fans.map((f) => (
          <li key={f.id}>
            <span>{f.label ?? f.sensor}</span>
            <span>
              {formatRpm(f.rpm)}
              {f.maxRpm ? <span className="fine"> / {formatRpm(f.maxRpm)}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
