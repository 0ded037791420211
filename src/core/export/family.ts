/**
 * The exporters' intermediate form: metric families in Prometheus terms. `prometheusFamilies(sample)`
 * builds them once; the Prometheus text and OpenMetrics renderers only format them.
 */

export type FamilyType = 'gauge' | 'counter';

/** Label pairs in output order. */
export type Labels = readonly (readonly [name: string, value: string])[];

export interface MetricPoint {
  readonly labels: Labels;
  readonly value: number;
}

export interface MetricFamily {
  /** Full sample name as Prometheus text 0.0.4 writes it (counters end in `_total`). */
  readonly name: string;
  readonly help: string;
  readonly type: FamilyType;
  /** Base unit that ends the name (before `_total`), for the OpenMetrics `# UNIT` line. */
  readonly unit?: string;
  readonly points: readonly MetricPoint[];
}

/** Collects families while skipping values that are not finite numbers (absent, never NaN). */
export class FamilyBuilder {
  private readonly families = new Map<
    string,
    { family: MetricFamily; points: MetricPoint[]; seen: Set<string> }
  >();

  /** Declares a family (once) and returns a function that adds one point to it. */
  family(
    name: string,
    type: FamilyType,
    help: string,
    unit?: string,
  ): (value: number | undefined, labels?: Labels) => void {
    let entry = this.families.get(name);
    if (entry === undefined) {
      const points: MetricPoint[] = [];
      const family: MetricFamily =
        unit === undefined ? { name, help, type, points } : { name, help, type, unit, points };
      entry = { family, points, seen: new Set() };
      this.families.set(name, entry);
    }
    const { points, seen } = entry;
    return (value, labels = []) => {
      if (value === undefined || !Number.isFinite(value)) return;
      // Prometheus rejects a scrape with two samples of the same series (e.g. a bind mount listed twice).
      const key = labels.map(([k, v]) => `${k}\u0000${v}`).join('\u0001');
      if (seen.has(key)) return;
      seen.add(key);
      points.push({ labels, value });
    };
  }

  /** Families that got at least one point, in declaration order. */
  build(): MetricFamily[] {
    return [...this.families.values()].filter((e) => e.points.length > 0).map((e) => e.family);
  }
}
