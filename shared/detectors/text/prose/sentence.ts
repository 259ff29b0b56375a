/** Offsets `[start, end)` of the sentence of `text` that contains offset `index`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The sentence around an offset: bounded by `.`, `!` or `?` followed by white space, by a line
 * break, or by the ends of the text. Abbreviations ("Cllr.", "St.") may end a sentence early, which
 * only makes the window a rule looks in smaller, never larger.
 */
export function sentenceAround(text: string, index: number): Span {
  let start = index;
  while (start > 0) {
    const ch = text.charCodeAt(start - 1);
    if (ch === 0x0a) break;
    if (isSpace(ch) && start >= 2 && isStop(text.charCodeAt(start - 2))) break;
    start--;
  }
  let end = index;
  while (end < text.length) {
    const ch = text.charCodeAt(end);
    if (ch === 0x0a) break;
    if (isStop(ch) && (end + 1 === text.length || isSpace(text.charCodeAt(end + 1)))) {
      end++;
      break;
    }
    end++;
  }
  return { start, end };
}

/**
 * Every sentence boundary of a text, found in one pass, so that the sentence around each of many
 * offsets (every party named in a long post, say) costs a binary search instead of a walk to its
 * ends. `around` gives exactly what `sentenceAround` gives.
 */
export class SentenceIndex {
  readonly #length: number;
  /** Offsets after which a sentence starts: after a line break, or after a stop and a space. */
  readonly #starts: number[] = [];
  /** Where a walk forward stops: at a line break (ends there) or a stop before a space or the end (ends after it). */
  readonly #ends: number[] = [];
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
    this.#length = text.length;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x0a || (isSpace(ch) && i >= 1 && isStop(text.charCodeAt(i - 1)))) this.#starts.push(i + 1);
      if (ch === 0x0a || (isStop(ch) && (i + 1 === text.length || isSpace(text.charCodeAt(i + 1))))) this.#ends.push(i);
    }
  }

  around(index: number): Span {
    const starts = this.#starts;
    // The last sentence start at or before the index
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= index) lo = mid + 1;
      else hi = mid;
    }
    const start = lo > 0 ? starts[lo - 1]! : 0;
    // The first place at or after the index where a walk forward stops
    const ends = this.#ends;
    lo = 0;
    hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    if (lo === ends.length) return { start, end: Math.max(index, this.#length) };
    const stop = ends[lo]!;
    return { start, end: this.#text.charCodeAt(stop) === 0x0a ? stop : stop + 1 };
  }
}

function isStop(ch: number): boolean {
  return ch === 0x2e /* . */ || ch === 0x21 /* ! */ || ch === 0x3f /* ? */;
}

function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === 0xa0;
}

/** Words (runs of letters, digits, apostrophes and hyphens) in a piece of text. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    const wordChar =
      (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a) || ch === 0x27 || ch === 0x2d ||
      (ch > 0x7f && !isSpace(ch) && ch !== 0x2014 && ch !== 0x2013 && ch !== 0x201c && ch !== 0x201d);
    if (wordChar && !inWord) words++;
    inWord = wordChar;
  }
  return words;
}
