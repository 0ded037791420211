import { formatBytes, formatPercent } from '../../../shared/format';
import { topProcesses } from '../../../shared/process-rank';
import type { ProcessSample } from '../../../shared/sample';
import { Tile } from './tile';
import { useSection } from './use-section';

/** The popover lists this many processes, busiest first. */
const TOP = 5;

interface Column {
  readonly header: string;
  readonly cell: (p: ProcessSample) => string;
}

/** The columns after the name: one entry each, so a new per-process figure is one line here. */
export const TOP_COLUMNS: readonly Column[] = [
  { header: 'CPU', cell: (p) => (p.cpuPercent !== undefined ? formatPercent(p.cpuPercent) : '—') },
  { header: 'Memory', cell: (p) => formatBytes(p.rssBytes) },
];

export function TopProcessesTile() {
  const { value: procs, unavailable } = useSection('processes');
  if (!procs || unavailable) return null;
  return (
    <Tile title="Top processes" aside={`${procs.count} running`} wide>
      <table className="top-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            {TOP_COLUMNS.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {topProcesses(procs.processes, TOP).map((p) => (
            <tr key={`${p.pid}-${p.startTimeMs}`}>
              <td title={`${p.name} (pid ${p.pid})`}>{p.name}</td>
              {TOP_COLUMNS.map((c) => (
                <td key={c.header}>{c.cell(p)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Tile>
  );
}
