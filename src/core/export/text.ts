/**
 * Strings from the system (battery names with U+FFFD, process names) may hold lone UTF-16
 * surrogates, which have no UTF-8 form: every exporter turns them into U+FFFD so its output is
 * valid UTF-8. (String.prototype.toWellFormed is ES2024; our lib target is ES2023.)
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
