import { formatRate } from '../../../shared/format';
import { Sparkline } from '../../components/sparkline';
import { summarize } from '../../lib/summarize';
import { useApp } from '../../store/use-app';
import { Tile } from './tile';
import { useSection } from './use-section';

export function NetworkTile() {
  const { value: net, unavailable } = useSection('network');
  const latest = useApp((s) => s.latest);
  if (!net || unavailable || !latest) return null;
  const g = summarize(latest);
  const up = net.interfaces.filter((i) => i.kind !== 'loopback' && i.up);
  return (
    <Tile title="Network" aside={up.length === 1 ? up[0]?.name : `${up.length} up`}>
      <p className="tile-line rates">
        <span title="Download">↓ {Number.isFinite(g.rx) ? formatRate(g.rx) : '—'}</span>
        <span title="Upload">↑ {Number.isFinite(g.tx) ? formatRate(g.tx) : '—'}</span>
      </p>
      <Sparkline metric="rx" label="Download rate" width={150} height={18} />
    </Tile>
  );
}
