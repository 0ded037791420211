import { useApp } from '../../store/use-app';

/** How many recent alert events the popover lists. */
const SHOWN = 3;

/** The latest alerts pushed by the engine (the same ones that become notifications). */
export function AlertsBanner() {
  const alerts = useApp((s) => s.alerts);
  if (alerts.length === 0) return null;
  return (
    <section className="alerts" aria-label="Recent alerts" role="status">
      <ul>
        {alerts.slice(0, SHOWN).map((a) => (
          <li
            key={`${a.ruleId}-${a.subject ?? ''}-${a.t}`}
            className={a.kind === 'fired' ? 'tone-critical' : 'fine'}
          >
            <time dateTime={new Date(a.t).toISOString()}>{new Date(a.t).toLocaleTimeString()}</time>{' '}
            {a.message}
            {a.kind === 'cleared' ? ' (cleared)' : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
