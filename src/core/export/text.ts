/**
 * Strings from the system (battery names with U+FFFD, process names) may hold lone UTF-16
 * surrogates, which have no UTF-8 form: every exporter turns them into U+FFFD so its output is
 * valid UTF-8, with String.prototype.toWellFormed (ES2024, Node 20;
 * https://tc39.es/ecma262/#sec-string.prototype.towellformed).
 */
export function wellFormed(text: string): string {
  return text.toWellFormed();
}
