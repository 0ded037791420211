/**
 * docs/metrics.md, generated from the metric catalogue (src/shared/catalogue). `npm run
 * docs:metrics` rewrites it; test/shared/catalogue.test.ts fails while the committed file is
 * stale.
 */
import {
  CATALOGUE,
  PLANS,
  influxField,
  influxRateField,
  promSpecs,
  rateUnit,
  scopeOf,
  type AnyDescriptor,
} from '../src/shared/catalogue';
import { SECTIONS } from '../src/shared/sections';

const INTRO = `# Metrics

Generated from the metric catalogue (\`src/shared/catalogue\`) by \`npm run docs:metrics\`; do not
edit by hand (a test fails when this file is stale).

## One name per quantity

Every number that leaves darwinmetrics is one entry of the catalogue, and every output takes its
name from that entry:

- **Id**: dotted, from the section down to the quantity, with \`<...>\` standing for an instance
  (\`cpu.core.<cpu>.busy\`, \`disks.<device>.readBytes\`). The last part is the name of the field in the
  library's \`Sample\` (so \`power.battery.<battery>.powerW\` is \`sample.power.value.batteries[i].powerW\`),
  which is also why some leaves carry a unit (\`powerW\`, \`usedPercent\`) and others do not: the unit
  itself always lives in the entry, as in OpenTelemetry's semantic conventions, not in the id.
  The ids are the history's ids, which users' history files and alert rules already store.
- **History, alerts and charts** record numbers: a gauge under its id, a counter's per-second rate
  under \`<id>PerSec\`, a state's level (its index in the list of states) under \`<id>Level\`.
- **CSV** columns are the same ids: gauges, states (their word) and counter rates. The busiest
  processes are addressed by rank, \`process.<rank>.*\` (1 = busiest, its pid in \`process.<rank>.pid\`),
  so the columns stay fixed while processes come and go.
- **JSONL** recordings hold whole samples: the value is at the JSON path given below, under the
  section's \`value\` (\`cpu.usage.busy\` is \`sample.cpu.value.usage.busy\`). History exports in JSONL
  key their values by the history ids.
- **Prometheus** uses node_exporter's name and labels where node_exporter has the metric, else
  \`darwinmetrics_*\`, in base units (seconds, bytes, hertz, ratio 0–1); a state is one series per
  word, 1 for the current one.
- **InfluxDB**: one measurement per instance kind, tagged by \`host\` and the instance; the field is
  the snake_case of the id's last part, and a counter writes its total and \`<field>_per_sec\`.

Adding a metric is one entry in \`src/shared/catalogue/entries-*.ts\` (plus its native read and
derive step), then \`npm run docs:metrics\`. Code that needs labels, units or sections (settings,
alert pickers) asks the catalogue: \`metricsOfSection\`, \`metricById\`, \`describeSeries\`,
\`historyTemplates\`.

Where two outputs use the same name, they mean the same thing (\`node_network_up\` is 1 only when
the kernel's operstate is \`up\`, as node_exporter's; test/cli/node-exporter-live.test.ts compares
the two side by side).
`;

const code = (text: string): string => `\`${text.replace(/\|/g, '\\|')}\``;
const cell = (text: string | undefined): string => (text === undefined || text === '' ? '—' : text);

function historyId(d: AnyDescriptor): string | undefined {
  for (const plan of PLANS) {
    const t = plan.history.find((x) => x.descriptor === d);
    if (t) return `${plan.scope.template}${t.suffix}`;
  }
  return undefined;
}

function csvColumn(d: AnyDescriptor): string | undefined {
  for (const plan of PLANS) {
    const t = plan.csv.find((x) => x.descriptor === d);
    if (t === undefined) continue;
    const template = plan.scope.csvSlots
      ? plan.scope.template.replace(/<[a-z]+>/, '<rank>')
      : plan.scope.template;
    return `${template}${t.suffix}`;
  }
  return undefined;
}

function promNames(d: AnyDescriptor): string {
  const names = [...new Set(promSpecs(d).map((s) => s.name))];
  return names.length === 0 ? '—' : names.map(code).join(', ');
}

function influx(d: AnyDescriptor): string {
  if (d.noInflux === true) return '—';
  const m = scopeOf(d).measurement;
  const fields = d.kind === 'counter' && d.rate ? [influxField(d), influxRateField(d)] : [influxField(d)];
  return fields.map((f) => code(`${m}.${f}`)).join(', ');
}

function jsonPath(d: AnyDescriptor): string {
  const scope = scopeOf(d).path;
  const paths = [d.path, ...(d.ratePath === undefined ? [] : [d.ratePath])];
  return paths.map((p) => code(`${scope}.${p}`)).join(', ');
}

function unitOf(d: AnyDescriptor): string {
  return d.kind === 'counter' && d.rate ? `${d.unit} (rate ${rateUnit(d.unit)})` : d.unit;
}

function row(d: AnyDescriptor): string {
  const notes = [d.description, d.states ? `States: ${d.states.join(', ')}.` : '', d.note ?? ''].filter(
    Boolean,
  );
  return `| ${[
    code(d.id),
    d.label,
    unitOf(d),
    d.kind,
    cell(historyId(d) && code(historyId(d)!)),
    cell(csvColumn(d) && code(csvColumn(d)!)),
    jsonPath(d),
    promNames(d),
    influx(d),
    d.platforms.join(', '),
    notes.join(' '),
  ].join(' | ')} |`;
}

export function renderMetricsDoc(): string {
  const parts = [INTRO];
  for (const section of SECTIONS) {
    const entries = CATALOGUE.filter((d) => d.section === section);
    if (entries.length === 0) continue;
    parts.push(
      `## ${section}\n`,
      '| Id | Label | Unit | Type | History | CSV | JSONL | Prometheus | InfluxDB | Platforms | Notes |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...entries.map(row),
      '',
    );
  }
  return parts.join('\n');
}
