const NO_MATCHES: readonly RegExpExecArray[] = [];

/**
 * Every match of a global pattern in a text. Unlike `String.prototype.matchAll`, it does not copy
 * the pattern on each call, which on a short post costs more than the matching itself. The
 * pattern's `lastIndex` is left at 0.
 */
export function allMatches(pattern: RegExp, text: string): readonly RegExpExecArray[] {
  pattern.lastIndex = 0;
  let match = pattern.exec(text);
  if (match === null) return NO_MATCHES;
  const found: RegExpExecArray[] = [];
  for (; match !== null; match = pattern.exec(text)) {
    found.push(match);
    if (match[0].length === 0) pattern.lastIndex++;
  }
  pattern.lastIndex = 0;
  return found;
}
