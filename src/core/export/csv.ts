/**
 * CSV (RFC 4180: CRLF line ends, fields with comma, quote, CR or LF quoted, quotes doubled), UTF-8.
 * Text cells that a spreadsheet would run as a formula (starting with = + - @ tab or CR, OWASP "CSV
 * injection") get a leading apostrophe; so does text that already starts with one, which makes the
 * neutralisation reversible (`restoreCell`). Numbers are written as numbers, never prefixed.
 */
import type { Sample } from '../../shared/sample';
import { flattenSample, type Cell, type FlattenOptions } from './flatten';
import { wellFormed } from './text';

const FORMULA_START = /^[=+\-@\t\r']/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes `neutralise` on a text cell read back from one of our files. */
export function restoreCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return quote(neutralise(wellFormed(value)));
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

/** The first two columns of every file we write. */
export const TIME_COLUMNS = ['time', 'epoch_ms'] as const;

/**
 * Turns samples into rows with a column set fixed by the first sample: a stable column order for the
 * whole file. A sensor that appears later is left out; one that disappears leaves its cells empty.
 */
export class SampleCsv {
  private columns: string[] | undefined;

  constructor(private readonly options: FlattenOptions = {}) {}

  /** The header line; fixes the columns. */
  header(first: Sample): string {
    this.columns = flattenSample(first, this.options).map(([k]) => k);
    return csvLine([...TIME_COLUMNS, ...this.columns]);
  }

  get columnNames(): readonly string[] | undefined {
    return this.columns;
  }

  row(sample: Sample): string {
    if (this.columns === undefined) throw new Error('SampleCsv.row: call header() first');
    const cells = new Map(flattenSample(sample, this.options));
    // Whole milliseconds in both time columns, so they always agree (Date drops the fraction too).
    const ms = Math.floor(sample.t);
    return csvLine([new Date(ms).toISOString(), ms, ...this.columns.map((c) => cells.get(c))]);
  }
}
