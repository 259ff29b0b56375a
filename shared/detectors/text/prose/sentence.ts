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
