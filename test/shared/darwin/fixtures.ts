/**
 * Reads the real macOS captures in ../shared/fixtures/darwin (never copied into the repo).
 * Suites call `describe.skipIf(!HAVE_DARWIN_FIXTURES)` and say why in the title; under CI=true a
 * missing folder fails instead (test/helpers/required-fixtures.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hexToBytes, type SmcReading } from '../../../src/shared/darwin/smc-types';
import { fixturePresent } from '../../helpers/required-fixtures';

export const DARWIN_FIXTURES = resolve(process.cwd(), '../shared/fixtures/darwin');
/** Absent in a plain clone (suites skip); under CI=true its absence fails the run (required-fixtures.ts). */
export const HAVE_DARWIN_FIXTURES = fixturePresent(DARWIN_FIXTURES, 'the macOS captures');
export const SKIP_NOTE = HAVE_DARWIN_FIXTURES
  ? ''
  : ' (SKIPPED: ../shared/fixtures/darwin is absent in this checkout)';

export function fixtureText(relative: string): string {
  return readFileSync(join(DARWIN_FIXTURES, relative), 'utf8');
}

export function fixtureFiles(folder: string): string[] {
  return readdirSync(join(DARWIN_FIXTURES, folder))
    .filter((f) => !f.startsWith('.'))
    .sort();
}

export interface SmcRow extends SmcReading {
  readonly file: string;
  /** iSMC's own decoded column (trustworthy for flt/ioft only, README fact 4). */
  readonly sourceDecoded?: string;
  /** The collector's computed decodes, e.g. { sp78_be: 38.1875, flt_le: 1.0 }. */
  readonly decodes: Readonly<Record<string, number>>;
  /** true for iSMC Apple Silicon dumps, false for VirtualSMC Intel dumps. */
  readonly appleSilicon: boolean;
}

function parseDecodes(text: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (text ?? '').split(';')) {
    const [k, v] = part.split('=');
    if (k && v !== undefined && v !== '' && !Number.isNaN(Number(v))) out[k] = Number(v);
  }
  return out;
}

/** Every readable row of one SMC TSV (rows marked NOT READABLE are left out). */
export function smcRows(file: string): SmcRow[] {
  const lines = fixtureText(join('smc', file)).split('\n');
  const header = lines.find((l) => l.startsWith('key\t'))?.split('\t') ?? [];
  const col = (name: string): number => header.indexOf(name);
  const iSmc = file.startsWith('ismc-');
  const rows: SmcRow[] = [];
  for (const line of lines) {
    if (line.startsWith('#') || line.startsWith('key\t') || line.trim() === '') continue;
    const cells = line.split('\t');
    const raw = cells[col('raw_hex')] ?? '';
    if (!/^[0-9a-fA-F]*$/.test(raw) || raw === '') continue;
    const sourceDecoded = iSmc ? cells[col('decoded_by_source')] : undefined;
    rows.push({
      file,
      key: cells[0] ?? '',
      type: cells[1] ?? '',
      bytes: hexToBytes(raw),
      ...(sourceDecoded !== undefined ? { sourceDecoded } : {}),
      decodes: parseDecodes(cells[col('independent_decodes')]),
      appleSilicon: iSmc,
    });
  }
  return rows;
}

export function smcFixtureFiles(): string[] {
  return fixtureFiles('smc').filter((f) => f.endsWith('.tsv'));
}

/** key → row for one file (the first row wins where a dump repeats a key). */
export function smcByKey(file: string): Map<string, SmcRow> {
  const map = new Map<string, SmcRow>();
  for (const row of smcRows(file)) if (!map.has(row.key)) map.set(row.key, row);
  return map;
}
