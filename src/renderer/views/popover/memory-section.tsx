import { formatBytes, formatPercent } from '../../../shared/format';
import { Meter } from '../../components/meter';
import { Section } from '../../components/section';
import { Sparkline } from '../../components/sparkline';
import { useSection } from './use-section';

const TONE = { normal: 'normal', warning: 'warning', critical: 'critical' } as const;

export function MemorySection() {
  const { value: mem, unavailable } = useSection('memory');
  return (
    <Section
      title="Memory"
      unavailable={unavailable}
      aside={
        mem?.pressure ? <span className={`badge tone-${mem.pressure}`}>pressure {mem.pressure}</span> : null
      }
    >
      {mem ? (
        <>
          <Meter
            label="Used"
            percent={mem.usedPercent}
            tone={TONE[mem.pressure ?? 'normal']}
            text={`${formatBytes(mem.usedBytes)} of ${formatBytes(mem.totalBytes)} (${formatPercent(mem.usedPercent, 0)})`}
          />
          <Sparkline metric="memory" label="Memory used" max={100} width={320} height={24} />
          {mem.swapTotalBytes > 0 ? (
            <Meter
              label="Swap"
              percent={mem.swapUsedPercent}
              text={`${formatBytes(mem.swapUsedBytes)} of ${formatBytes(mem.swapTotalBytes)}`}
            />
          ) : (
            <p className="fine">No swap configured</p>
          )}
        </>
      ) : null}
    </Section>
  );
}
