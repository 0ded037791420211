/**
 * Alert metric patterns: a series id where `*` stands for any run of characters, dots included
 * (instance names carry dots: the VLAN interface "eth0.100", the mount "/srv/db.old").
 *
 * Matching never backtracks. A pattern is split at its stars into literal pieces; the first piece
 * must start the id, the last must end it, and each middle piece is taken at its leftmost place
 * after the previous one. Leftmost placement is always safe for `*`-only globs (a later place never
 * leaves more room for the pieces after it), so one pass over the id decides: time is linear in
 * the id for a given pattern. The regex this replaces (`.*` per star) backtracked exponentially
 * on a pattern with many stars that almost matched (issue #17: 24 stars froze the server for 8 s).
 *
 * Complexity is still capped, so that a rule stays something a person wrote: at most
 * MAX_PATTERN_STARS stars; runs of stars count as one (they match the same ids).
 */

/** More stars than this in one pattern is refused; the widest built-in pattern has one. */
export const MAX_PATTERN_STARS = 8;

export interface MetricPattern {
  /** True when the pattern has a star: each matching id is its own subject. */
  readonly many: boolean;
  /** Does `id` match the whole pattern? */
  matches(id: string): boolean;
}

function matchPieces(pieces: readonly string[], id: string): boolean {
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (id.length < first.length + last.length || !id.startsWith(first) || !id.endsWith(last)) return false;
  let at = first.length;
  const end = id.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    const found = id.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/** Compiles `pattern`. Throws a RangeError, naming the limit, for a pattern with too many stars. */
export function compileMetricPattern(pattern: string): MetricPattern {
  const pieces = pattern.replace(/\*+/g, '*').split('*');
  const stars = pieces.length - 1;
  if (stars > MAX_PATTERN_STARS) {
    throw new RangeError(`a pattern may hold at most ${MAX_PATTERN_STARS} "*" wildcards, got ${stars}`);
  }
  if (stars === 0) return { many: false, matches: (id) => id === pattern };
  return { many: true, matches: (id) => matchPieces(pieces, id) };
}
