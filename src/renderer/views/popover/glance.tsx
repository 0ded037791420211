import { formatPercent, formatTemperature } from '../../../shared/format';
import { valueOf } from '../../../shared/metric-result';
import { summarize } from '../../lib/summarize';
import { useApp } from '../../store/use-app';
import { useTemperatureUnit } from './use-section';

/** The glance line: host name and the three numbers the menu bar shows most often. */
export function CpuGpuHeader() {
  const latest = useApp((s) => s.latest);
  const hostname = useApp(
    (s) => s.capabilities?.hostname ?? (s.latest ? valueOf(s.latest.host)?.hostname : undefined),
  );
  const error = useApp((s) => s.connectionError);
  const unit = useTemperatureUnit();
  const g = latest ? summarize(latest) : undefined;
  return (
    <div className="glance">
      <h1>{hostname || 'darwinmetrics'}</h1>
      {error ? (
        <p className="tone-critical" role="alert">
          {error}
        </p>
      ) : (
        <p className="glance-values" aria-live="off">
          <span title="CPU busy">CPU {g && Number.isFinite(g.cpu) ? formatPercent(g.cpu, 0) : '—'}</span>
          {g && Number.isFinite(g.temperature) ? (
            <span title="Hottest CPU sensor">{formatTemperature(g.temperature, unit, 0)}</span>
          ) : null}
          {g && Number.isFinite(g.battery) ? (
            <span title="Battery charge">Battery {formatPercent(g.battery, 0)}</span>
          ) : null}
          <span title="Memory used">
            Mem {g && Number.isFinite(g.memory) ? formatPercent(g.memory, 0) : '—'}
          </span>
        </p>
      )}
    </div>
  );
}
