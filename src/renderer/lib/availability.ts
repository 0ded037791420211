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

const CATEGORY = /^(unavailable|unsupported|permission|failed):\s*/;

/** A friendly headline for a missing section, with the backend's own detail after it. */
function explain(section: SectionName, reason: string, detail: string): string {
  const clean = detail.replace(CATEGORY, '').trim();
  const friendly = EMPTY[section];
  if ((reason === 'unavailable' || reason === 'unsupported') && friendly) {
    return clean && clean !== friendly ? `${friendly} (${clean})` : friendly;
  }
  if (reason === 'permission') return `Permission needed: ${clean}`;
  if (reason === 'failed') return `Could not read ${section}: ${clean}`;
  return clean || `${section} is not available here`;
}

/** The message to show instead of a section, or null when there is something to draw. */
export function unavailableReason(
  sample: Sample | null,
  capabilities: Capabilities | null,
  section: SectionName,
): string | null {
  const result = sample?.[section] as MetricResult<SampleSections[typeof section]> | undefined;
  if (result && !result.ok) return explain(section, result.error.reason, result.error.message);
  const cap = capabilities?.sections[section];
  if (cap && !cap.available) {
    const category = CATEGORY.exec(cap.reason ?? '')?.[1] ?? 'unavailable';
    return explain(section, category, cap.reason ?? '');
  }
  if (!sample) return 'Waiting for the first sample…';
  if (!result) return 'Not sampled yet';
  return isEmpty(section, result.value) ? (EMPTY[section] ?? null) : null;
}
