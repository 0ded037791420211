import { formatMhz, formatPercent } from '../../../shared/format';
import type { CpuSample } from '../../../shared/sample';
import { Sparkline } from '../../components/sparkline';
import { clusterLabel } from '../../lib/labels';
import { useApp } from '../../store/use-app';
import { Tile } from './tile';
import { useSection } from './use-section';

/** One line per Apple Silicon cluster: its active share and frequency. */
function Clusters({ cpu }: { readonly cpu: CpuSample }) {
  if (!cpu.clusters || cpu.clusters.length === 0) return null;
  return (
    <p className="tile-line">
      {cpu.clusters.map((c) => (
        <span key={c.name} className="pair">
          {clusterLabel(c.name)}{' '}
          <b>{c.activePercent !== undefined ? formatPercent(c.activePercent, 0) : '—'}</b>
          {c.mhz !== undefined ? ` ${formatMhz(c.mhz)}` : ''}
        </span>
      ))}
    </p>
  );
}

/** A compact bar per core; the label shows on hover (and is read out by screen readers). */
function Cores({ cpu }: { readonly cpu: CpuSample }) {
  return (
    <ul className="cores" aria-label="Per-core usage">
      {cpu.cores.map((core) => {
        const level = core.perfLevel !== undefined ? cpu.perfLevels[core.perfLevel]?.name : undefined;
        const label = `Core ${core.id}${level ? ` (${level})` : ''}: ${core.usage ? formatPercent(core.usage.busy, 0) : 'measuring'}${core.mhz ? `, ${formatMhz(core.mhz)}` : ''}`;
        return (
          <li key={core.id} className="core" data-label={label}>
            <span className="core-fill" style={{ height: `${core.usage?.busy ?? 0}%` }} />
            <span className="visually-hidden">{label}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function CpuTile() {
  const { value: cpu, unavailable } = useSection('cpu');
  const first = useApp((s) => s.latest?.intervalMs === undefined);
  if (!cpu || unavailable) return null;
  const busy = cpu.usage?.busy;
  // No usage after the first sample means the counters did not advance (e.g. a static --root tree).
  const value = busy !== undefined ? formatPercent(busy, 0) : first ? 'measuring…' : 'no CPU time counted';
  return (
    <Tile title="CPU" value={value} aside={`load ${cpu.loadAvg.map((l) => l.toFixed(2)).join(' ')}`} wide>
      <Sparkline metric="cpu" label="CPU busy" max={100} width={328} height={20} />
      <Clusters cpu={cpu} />
      <Cores cpu={cpu} />
    </Tile>
  );
}
