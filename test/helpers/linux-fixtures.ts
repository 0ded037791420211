/**
 * Fixture roots for the Linux backend tests: node_exporter's trees from ../shared/fixtures (sys.ttar
 * extracted into a temp folder next to a copy of its proc/), and our own trees in test/fixtures.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fixturePresent } from './required-fixtures';
import { extractTtar } from './ttar';

export const NODE_EXPORTER_DIR = resolve(process.cwd(), '../shared/fixtures/linux/node-exporter');
/** Absent in a plain clone (suites skip); under CI=true its absence fails the run (required-fixtures.ts). */
export const HAS_NODE_EXPORTER = fixturePresent(
  join(NODE_EXPORTER_DIR, 'sys.ttar'),
  "node_exporter's fixture tree",
);
export const NODE_EXPORTER_SKIP_REASON =
  'skipped: ../shared/fixtures/linux/node-exporter is absent (a plain clone has no shared fixtures)';
/** A suffix for suite titles, so a skipped suite says why in the report itself. */
export const NODE_EXPORTER_NOTE = HAS_NODE_EXPORTER ? '' : ` (${NODE_EXPORTER_SKIP_REASON})`;

/**
 * A temp root holding sys/ (extracted from sys.ttar, symlinks included) and proc/ (a copy, 400 KB:
 * a link out of the root would not be followed, as the sampler resolves paths inside its root).
 */
export function nodeExporterRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'dm-node-exporter-'));
  extractTtar(join(NODE_EXPORTER_DIR, 'sys.ttar'), root);
  cpSync(join(NODE_EXPORTER_DIR, 'proc'), join(root, 'proc'), { recursive: true, verbatimSymlinks: true });
  return root;
}

export const fixtureRoot = (name: string): string => resolve(process.cwd(), 'test/fixtures/linux', name);
