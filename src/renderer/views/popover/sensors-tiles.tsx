import { formatRpm, formatTemperature } from '../../../shared/format';
import { SENSOR_GROUPS, type TempSensorSample } from '../../../shared/sample';
import { SENSOR_GROUP_LABELS } from '../../lib/labels';
import { Tile } from './tile';
import { useSection, useTemperatureUnit } from './use-section';

/** The hottest sensor of each group, in SENSOR_GROUPS order. */
export function hottestByGroup(sensors: readonly TempSensorSample[]): TempSensorSample[] {
  const best = new Map<string, TempSensorSample>();
  for (const s of sensors) {
    const prev = best.get(s.group);
    if (Number.isFinite(s.celsius) && (prev === undefined || s.celsius > prev.celsius)) best.set(s.group, s);
  }
  return SENSOR_GROUPS.flatMap((g) => best.get(g) ?? []);
}

export function TemperaturesTile() {
  const { value: thermal, unavailable } = useSection('thermal');
  const unit = useTemperatureUnit();
  if (!thermal || unavailable) return null;
  const groups = hottestByGroup(thermal.sensors);
  return (
    <Tile title="Temperatures" aside={`${thermal.sensors.length} sensors`} wide>
      <ul className="pairs">
        {groups.map((s) => (
          <li
            key={s.group}
            title={`Hottest ${SENSOR_GROUP_LABELS[s.group]} sensor: ${s.label ?? s.sensor}`}
            className={s.critC !== undefined && s.celsius >= s.critC - 5 ? 'tone-critical' : ''}
          >
            <span className="fine">{SENSOR_GROUP_LABELS[s.group]}</span>{' '}
            <b>{formatTemperature(s.celsius, unit, 0)}</b>
          </li>
        ))}
      </ul>
    </Tile>
  );
}

export function FansTile() {
  const { value: fans, unavailable } = useSection('fans');
  if (!fans || unavailable) return null;
  return (
    // Two fans fit half a row; more take the whole row (two across).
    <Tile title="Fans" wide={fans.fans.length > 2}>
      <ul className="pairs long">
        {fans.fans.map((f) => (
          <li
            key={f.id}
            title={f.maxRpm ? `${f.label ?? f.sensor}: up to ${formatRpm(f.maxRpm)}` : undefined}
          >
            <span className="fine">{f.label ?? f.sensor}</span> <b>{formatRpm(f.rpm)}</b>
          </li>
        ))}
      </ul>
    </Tile>
  );
}
