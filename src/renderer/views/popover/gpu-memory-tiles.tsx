import { formatBytes, formatMhz, formatPercent } from '../../../shared/format';
import { Sparkline } from '../../components/sparkline';
import { Tile } from './tile';
import { useSection } from './use-section';

export function GpuTile() {
  const { value: gpu, unavailable } = useSection('gpu');
  if (!gpu || unavailable) return null;
  const busiest = [...gpu.gpus].sort(
    (a, b) => (b.utilizationPercent ?? -1) - (a.utilizationPercent ?? -1),
  )[0];
  const value =
    busiest?.utilizationPercent !== undefined ? formatPercent(busiest.utilizationPercent, 0) : 'not reported';
  return (
    <Tile
      title="GPU"
      value={value}
      aside={busiest?.frequencyMhz !== undefined ? formatMhz(busiest.frequencyMhz) : undefined}
    >
      <p className="tile-line fine" title={gpu.gpus.map((g) => g.model ?? g.id).join(', ')}>
        {busiest?.model ?? busiest?.id}
        {gpu.gpus.length > 1 ? ` +${gpu.gpus.length - 1}` : ''}
      </p>
      <Sparkline metric="gpu" label="GPU utilization" max={100} width={150} height={18} />
    </Tile>
  );
}

export function MemoryTile() {
  const { value: mem, unavailable } = useSection('memory');
  if (!mem || unavailable) return null;
  const swap = mem.swapUsedBytes > 0 ? ` · swap ${formatBytes(mem.swapUsedBytes)}` : '';
  const detail = `${formatBytes(mem.usedBytes)} of ${formatBytes(mem.totalBytes)}${swap}`;
  return (
    <Tile
      title="Memory"
      value={formatPercent(mem.usedPercent, 0)}
      aside={
        mem.pressure ? (
          <span className={`tone-${mem.pressure}`} title="Memory pressure">
            {mem.pressure}
          </span>
        ) : undefined
      }
    >
      <p className="tile-line fine" title={detail}>
        {detail}
      </p>
      <Sparkline metric="memory" label="Memory used" max={100} width={150} height={18} />
    </Tile>
  );
}
