/**
 * A small reader for the "ttar" text archives node_exporter keeps its fixture trees in (format
 * described in ../shared/fixtures/README.md): records separated by "# ttar - - -" lines, each a
 * Directory, a file (Path + Lines + content + Mode) or a symlink (Path + SymlinkTo). Extracts into a
 * folder, symlinks included, so that backends follow them as they would in a real /sys.
 */
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';

function safeJoin(root: string, rel: string): string {
  const clean = normalize(rel);
  if (isAbsolute(clean) || clean.startsWith('..')) throw new Error(`ttar: unsafe path "${rel}"`);
  return join(root, clean);
}

/** Decodes one content line: a trailing "EOF" marks a missing final newline; NULLBYTE is a NUL. */
function contentOf(lines: readonly string[]): string {
  let text = lines.map((l) => l + '\n').join('');
  if (text.endsWith('EOF\n')) text = text.slice(0, -4);
  return text.replaceAll('NULLBYTE', '\0');
}

/** Extracts `archive` (ttar text) under `dest`. Returns the number of files, folders and links. */
export function extractTtar(archive: string, dest: string): { files: number; dirs: number; links: number } {
  const lines = readFileSync(archive, 'latin1').split('\n');
  const counts = { files: 0, dirs: 0, links: 0 };
  const modes: [string, number][] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.startsWith('Directory: ')) {
      const path = safeJoin(dest, line.slice('Directory: '.length));
      mkdirSync(path, { recursive: true });
      counts.dirs++;
      i++;
    } else if (line.startsWith('Path: ')) {
      const path = safeJoin(dest, line.slice('Path: '.length));
      const next = lines[i + 1] ?? '';
      mkdirSync(dirname(path), { recursive: true });
      if (next.startsWith('SymlinkTo: ')) {
        symlinkSync(next.slice('SymlinkTo: '.length), path);
        counts.links++;
        i += 2;
      } else if (next.startsWith('Lines: ')) {
        const n = Number(next.slice('Lines: '.length));
        if (!Number.isInteger(n) || n < 0) throw new Error(`ttar: bad line count at line ${i + 2}`);
        writeFileSync(path, Buffer.from(contentOf(lines.slice(i + 2, i + 2 + n)), 'latin1'));
        counts.files++;
        i += 2 + n;
        const mode = lines[i] ?? '';
        if (mode.startsWith('Mode: ')) modes.push([path, parseInt(mode.slice(6), 8)]);
      } else {
        throw new Error(`ttar: expected Lines or SymlinkTo after line ${i + 1}`);
      }
    } else {
      i++;
    }
  }
  // Modes last, so that a read-only folder does not stop its own extraction.
  for (const [path, mode] of modes) chmodSync(path, mode);
  return counts;
}
