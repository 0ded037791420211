import { formatBytes, formatPercent, formatRate, formatWatts } from '../../../shared/format';
import {
  isProcessRank,
  PROCESS_RANK_LABELS,
  PROCESS_RANKS,
  rankValue,
  topProcessesBy,
  type ProcessRank,
} from '../../../shared/process-rank';
import type { ProcessSample } from '../../../shared/sample';
import { useApp } from '../../store/use-app';
import { Section } from '../../components/section';
import { Sparkline } from '../../components/sparkline';
import { useSection } from './use-section';

/** The popover lists this many processes, ranked by the measure the user picks. */
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

/** The ranked measure of one process, formatted; a dash where it was not measured. */
function rankText(p: ProcessSample, by: ProcessRank): string {
  const v = rankValue(p, by);
  if (v === undefined) return '—';
  switch (by) {
    case 'cpu':
    case 'gpu':
      return formatPercent(v);
    case 'memory':
      return formatBytes(v);
    case 'energy':
      return formatWatts(v);
    case 'disk':
      return formatRate(v);
  }
}

export function TopProcessesSection() {
  const { value: procs, unavailable } = useSection('processes');
  const rank = useApp((s) => s.popoverRank);
  const setRank = useApp((s) => s.setPopoverRank);
  const top = topProcessesBy(procs?.processes ?? [], rank, TOP);
  // The second column shows memory, or CPU when the ranking is by memory.
  const other: ProcessRank = rank === 'memory' ? 'cpu' : 'memory';
  const estimated = rank === 'energy' && procs?.power?.kind === 'estimated';
  const rankPicker = (
    <label className="rank-by">
      <span className="visually-hidden">Rank top processes by</span>
      <select value={rank} onChange={(e) => isProcessRank(e.target.value) && setRank(e.target.value)}>
        {PROCESS_RANKS.map((r) => (
          <option key={r} value={r}>
            {PROCESS_RANK_LABELS[r]}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Section title="Top processes" unavailable={unavailable} aside={rankPicker}>
      <table className="top-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th
              scope="col"
              title={
                procs?.power?.kind === 'unavailable' && rank === 'energy' ? procs.power.reason : undefined
              }
            >
              {PROCESS_RANK_LABELS[rank]}
              {estimated ? ' (est.)' : ''}
            </th>
            <th scope="col">{PROCESS_RANK_LABELS[other]}</th>
          </tr>
        </thead>
        <tbody>
          {top.map((p) => (
            <tr key={`${p.pid}-${p.startTimeMs}`}>
              <td title={`${p.name} (pid ${p.pid})`}>{p.name}</td>
              <td>{rankText(p, rank)}</td>
              <td>{rankText(p, other)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {procs ? <p className="fine">{procs.count} running</p> : null}
    </Section>
  );
}
