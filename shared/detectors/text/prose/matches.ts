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

/**
 * The first match of a global pattern at or after an offset of one text. Asked about offsets in
 * increasing order (each name, each cue of a long post), it searches the text once from the first
 * offset and again only past the match it found, instead of searching the rest of the text anew
 * for every offset. The match is as a search of the whole text finds it: a word boundary or a
 * look-behind at the offset sees the characters before it.
 */
export class NextMatch {
  readonly #pattern: RegExp;
  readonly #text: string;
  /** The first match at or after `#from` (null: none), when one has been searched for. */
  #found: { from: number; match: RegExpExecArray | null } | undefined;

  constructor(pattern: RegExp, text: string) {
    if (!pattern.global) throw new TypeError('NextMatch needs a global pattern');
    this.#pattern = pattern;
    this.#text = text;
  }

  at(from: number): RegExpExecArray | null {
    const found = this.#found;
    if (found !== undefined && found.from <= from && (found.match === null || found.match.index >= from)) return found.match;
    this.#pattern.lastIndex = from;
    const match = this.#pattern.exec(this.#text);
    this.#pattern.lastIndex = 0;
    this.#found = { from, match };
    return match;
  }
}
