import { valueOf } from '../../../shared/metric-result';
import { useApp } from '../../store/use-app';
import { ReplayBadge } from '../replay-badge';

/** Host name, a replay's origin when replaying, and the two window buttons. */
export function PopoverHeader() {
  const hostname = useApp(
    (s) => s.capabilities?.hostname ?? (s.latest ? valueOf(s.latest.host)?.hostname : undefined),
  );
  const error = useApp((s) => s.connectionError);
  const openDashboard = useApp((s) => s.openDashboard);
  const openSettings = useApp((s) => s.openSettings);
  return (
    <header className="popover-head">
      <div className="popover-title">
        <h1>{hostname || 'darwinmetrics'}</h1>
        <ReplayBadge compact />
      </div>
      <nav className="popover-actions" aria-label="Windows">
        <button type="button" className="secondary" onClick={() => void openDashboard()}>
          Dashboard
        </button>
        <button type="button" className="secondary" onClick={() => void openSettings()}>
          Settings
        </button>
      </nav>
      {error ? (
        <p className="tone-critical popover-error" role="alert">
          {error}
        </p>
      ) : null}
    </header>
  );
}
