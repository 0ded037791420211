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
import { Tile } from './tile';
import { useSection } from './use-section';

/** The popover lists this many processes, ranked by the measure the user picks. */
const TOP = 5;

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

export function TopProcessesTile() {
  const { value: procs, unavailable } = useSection('processes');
  const rank = useApp((s) => s.popoverRank);
  const setRank = useApp((s) => s.setPopoverRank);
  if (!procs || unavailable) return null;
  // The second column shows memory, or CPU when the ranking is by memory.
  const other: ProcessRank = rank === 'memory' ? 'cpu' : 'memory';
  const power = procs.power;
  const estimated = rank === 'energy' && power?.kind === 'estimated';
  const why = rank === 'energy' && power?.kind === 'unavailable' ? power.reason : undefined;
  const picker = (
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
    <Tile title="Top processes" aside={picker} wide>
      <table className="top-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" title={why}>
              {PROCESS_RANK_LABELS[rank]}
              {estimated ? ' (est.)' : ''}
            </th>
            <th scope="col">{PROCESS_RANK_LABELS[other]}</th>
          </tr>
        </thead>
        <tbody>
          {topProcessesBy(procs.processes, rank, TOP).map((p) => (
            <tr key={`${p.pid}-${p.startTimeMs}`}>
              <td title={`${p.name} (pid ${p.pid})`}>{p.name}</td>
              <td>{rankText(p, rank)}</td>
              <td>{rankText(p, other)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="fine">{procs.count} running</p>
    </Tile>
  );
}
