import { formatBytes, formatPercent, formatRate } from '../../../shared/format';
import { Section } from '../../components/section';
import { Sparkline } from '../../components/sparkline';
import { useSection } from './use-section';

/** The popover lists this many processes, by CPU. */
const TOP = 5;

export function NetworkSection() {
  const { value: net, unavailable } = useSection('network');
  const active = (net?.interfaces ?? []).filter((i) => i.kind !== 'loopback' && i.up);
  return (
    <Section title="Network" unavailable={unavailable}>
      <div className="spark-pair">
        <div>
          <span className="fine">Download</span>
          <Sparkline metric="rx" label="Download rate" width={150} height={24} />
        </div>
        <div>
          <span className="fine">Upload</span>
          <Sparkline metric="tx" label="Upload rate" width={150} height={24} />
        </div>
      </div>
      <ul className="rows">
        {active.map((i) => (
          <li key={i.name}>
            <span>{i.name}</span>
            <span>
              ↓ {i.rxBytesPerSec !== undefined ? formatRate(i.rxBytesPerSec) : '—'} · ↑{' '}
              {i.txBytesPerSec !== undefined ? formatRate(i.txBytesPerSec) : '—'}
            </span>
          </li>
        ))}
        {active.length === 0 ? <li className="fine">No interface is up</li> : null}
      </ul>
    </Section>
  );
}

export function TopProcessesSection() {
  const { value: procs, unavailable } = useSection('processes');
  const top = [...(procs?.processes ?? [])]
    .sort((a, b) => (b.cpuPercent ?? -1) - (a.cpuPercent ?? -1))
    .slice(0, TOP);
  return (
    <Section title="Top processes" unavailable={unavailable} aside={procs ? `${procs.count} running` : null}>
      <table className="top-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">CPU</th>
            <th scope="col">Memory</th>
          </tr>
        </thead>
        <tbody>
          {top.map((p) => (
            <tr key={`${p.pid}-${p.startTimeMs}`}>
              <td title={`${p.name} (pid ${p.pid})`}>{p.name}</td>
              <td>{p.cpuPercent !== undefined ? formatPercent(p.cpuPercent) : '—'}</td>
              <td>{formatBytes(p.rssBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
