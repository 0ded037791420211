import type { SectionName } from '../../../shared/sections';
import { unavailableReason } from '../../lib/availability';
import { SECTION_LABELS } from '../../lib/labels';
import { useApp } from '../../store/use-app';

/** The glance items the popover shows, in its order. */
export const GLANCE_SECTIONS: readonly SectionName[] = [
  'cpu',
  'gpu',
  'memory',
  'thermal',
  'fans',
  'power',
  'network',
  'processes',
];

/** One line per glance item this machine (or recording) cannot show, with the reason. */
export function UnavailableFooter() {
  const latest = useApp((s) => s.latest);
  const capabilities = useApp((s) => s.capabilities);
  if (!latest) return null;
  const lines = GLANCE_SECTIONS.flatMap((section) => {
    const why = unavailableReason(latest, capabilities, section);
    return why === null ? [] : [{ section, why }];
  });
  if (lines.length === 0) return null;
  return (
    <footer className="unavailable-footer" aria-label="Not available">
      <ul>
        {lines.map(({ section, why }) => (
          <li key={section} data-section={section}>
            <b>{SECTION_LABELS[section]}:</b> {why}
          </li>
        ))}
      </ul>
    </footer>
  );
}
