import type { ExportFormat } from '../../shared/ipc';

/**
 * Data records in an exported file: CSV records (RFC 4180: a newline inside a quoted cell does not
 * end a record) minus the header, or non-empty JSONL lines.
 */
export function countRecords(text: string, format: ExportFormat): number {
  if (format === 'jsonl') return text.split('\n').filter((line) => line.trim() !== '').length;
  let records = 0;
  let inQuotes = false;
  let hasContent = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === '\n' && !inQuotes) {
      if (hasContent) records += 1;
      hasContent = false;
    } else if (ch !== '\r') {
      hasContent = true;
    }
  }
  if (hasContent) records += 1;
  return Math.max(0, records - 1);
}
