/**
 * Why a section shows nothing, in words a person understands: the section's own error, the
 * capability the main process reported, or an empty list ("No battery").
 */
import type { Capabilities } from '../../shared/ipc';
import type { MetricResult } from '../../shared/metric-result';
import type { Sample, SampleSections } from '../../shared/sample';
import type { SectionName } from '../../shared/sections';

const EMPTY: Partial<Record<SectionName, string>> = {
  power: 'No battery',
  thermal: 'No temperature sensors on this machine',
  fans: 'No fan sensors on this machine',
  gpu: 'No GPU reported on this machine',
  network: 'No network interfaces',
  processes: 'No processes reported',
  rails: 'No power rails on this machine',
  disks: 'No disks reported',
};

/** Whether a section's value has nothing to draw. */
function isEmpty<K extends SectionName>(section: K, value: SampleSections[K]): boolean {
  switch (section) {
    case 'power':
      return (value as SampleSections['power']).batteries.length === 0;
    case 'thermal':
      return (value as SampleSections['thermal']).sensors.length === 0;
    case 'fans':
      return (value as SampleSections['fans']).fans.length === 0;
    case 'gpu':
      return (value as SampleSections['gpu']).gpus.length === 0;
    case 'network':
      return (value as SampleSections['network']).interfaces.length === 0;
    case 'processes':
      return (value as SampleSections['processes']).processes.length === 0;
    case 'rails':
      return (value as SampleSections['rails']).rails.length === 0;
    default:
      return false;
  }
}

/** The message to show instead of a section, or null when there is something to draw. */
export function unavailableReason(
  sample: Sample | null,
  capabilities: Capabilities | null,
  section: SectionName,
): string | null {
  const cap = capabilities?.sections[section];
  if (cap && !cap.available) return cap.reason ?? EMPTY[section] ?? `${section} is not available here`;
  if (!sample) return 'Waiting for the first sample…';
  const result = sample[section] as MetricResult<SampleSections[typeof section]> | undefined;
  if (!result) return 'Not sampled yet';
  if (!result.ok) return result.error.message || `${section}: ${result.error.reason}`;
  return isEmpty(section, result.value) ? (EMPTY[section] ?? null) : null;
}
