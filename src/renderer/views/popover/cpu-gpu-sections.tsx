import { formatMhz, formatPercent } from '../../../shared/format';
import { Meter } from '../../components/meter';
import { Section } from '../../components/section';
import { Sparkline } from '../../components/sparkline';
import { useApp } from '../../store/use-app';
import { useSection } from './use-section';

export function CpuSection() {
  const { value: cpu, unavailable } = useSection('cpu');
  const busy = cpu?.usage?.busy;
  const first = useApp((s) => s.latest?.intervalMs === undefined);
  // No usage after the first sample means the counters did not advance (e.g. a static --root tree).
  const aside = busy !== undefined ? formatPercent(busy) : first ? 'measuring…' : 'no CPU time counted';
  return (
    <Section title="CPU" unavailable={unavailable} aside={aside}>
      {cpu ? (
        <>
          <Sparkline metric="cpu" label="CPU busy" max={100} width={320} height={36} />
          <div className="cores" role="list" aria-label="Per-core usage">
            {cpu.cores.map((core) => (
              <div
                key={core.id}
                className="core"
                role="listitem"
                title={`Core ${core.id}: ${core.usage ? formatPercent(core.usage.busy) : 'measuring'}${core.mhz ? `, ${formatMhz(core.mhz)}` : ''}`}
              >
                <div className="core-fill" style={{ height: `${core.usage?.busy ?? 0}%` }} />
                <span className="visually-hidden">
                  Core {core.id} {core.usage ? formatPercent(core.usage.busy, 0) : 'measuring'}
                </span>
              </div>
            ))}
          </div>
          <p className="fine">
            {cpu.model} · load {cpu.loadAvg.map((l) => l.toFixed(2)).join(' ')}
          </p>
        </>
      ) : null}
    </Section>
  );
}

export function GpuSection() {
  const { value: gpu, unavailable } = useSection('gpu');
  return (
    <Section title="GPU" unavailable={unavailable}>
      {gpu?.gpus.map((g) => (
        <div key={g.id}>
          <Meter
            label={g.model ?? g.id}
            percent={g.utilizationPercent ?? 0}
            text={
              g.utilizationPercent !== undefined
                ? formatPercent(g.utilizationPercent)
                : 'utilization not reported'
            }
          />
        </div>
      ))}
      {gpu && gpu.gpus.some((g) => g.utilizationPercent !== undefined) ? (
        <Sparkline metric="gpu" label="GPU utilization" max={100} width={320} />
      ) : null}
    </Section>
  );
}
