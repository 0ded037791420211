import { valueOf, type MetricResult } from '../../../shared/metric-result';
import type { SampleSections } from '../../../shared/sample';
import type { SectionName } from '../../../shared/sections';
import { unavailableReason } from '../../lib/availability';
import { useApp } from '../../store/use-app';

/** A section's value from the latest sample, and why it is missing when it is. */
export function useSection<K extends SectionName>(
  section: K,
): { readonly value: SampleSections[K] | undefined; readonly unavailable: string | null } {
  const result = useApp((s) => s.latest?.[section]);
  const latest = useApp((s) => s.latest);
  const capabilities = useApp((s) => s.capabilities);
  const unavailable = unavailableReason(latest, capabilities, section);
  return { value: valueOf(result as MetricResult<SampleSections[K]> | undefined), unavailable };
}

export function useTemperatureUnit(): 'C' | 'F' {
  return useApp((s) => s.settings?.temperatureUnit ?? 'C');
}
