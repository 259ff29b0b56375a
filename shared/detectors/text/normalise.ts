import { decodeHTMLStrict } from 'entities';

/**
 * A view of some original text: `text` is what detectors read, `map[i]` is the offset in the
 * original of `text[i]` (and `map[text.length]` the original's length). A null map is the identity.
 */
export interface Projection {
  readonly text: string;
  readonly map: readonly number[] | null;
}

const ZERO_WIDTH = new Set([0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const COMBINING = /\p{M}/u;
const PLAIN_ASCII = /^[\x20-\x25\x27-\x7e\n\r\t]*$/;
const NEEDS_WORK = /[&\u00ad\u180e\u200b-\u200d\u2060\ufeff]/;

/**
 * Unicode NFKC, zero-width characters removed, HTML entities decoded. Offsets are kept so that
 * evidence can point at the original text. Plain ASCII without entities is returned as is.
 */
export function normalise(original: string): Projection {
  if (PLAIN_ASCII.test(original)) return { text: original, map: null };
  // Most other text (emoji, £, accented names) needs no change at all: NFKC is native and fast.
  if (!NEEDS_WORK.test(original) && original.normalize('NFKC') === original) return { text: original, map: null };
  let out = '';
  const map: number[] = [];
  let i = 0;
  while (i < original.length) {
    // A run of ASCII other than `&` stays as it is, each character mapped to itself; only its last
    // character, which a combining mark may follow, goes through the general course below.
    let run = i;
    while (run < original.length && isPlainAscii(original.charCodeAt(run))) run++;
    if (run - 1 > i) {
      out += original.slice(i, run - 1);
      for (let k = i; k < run - 1; k++) map.push(k);
      i = run - 1;
    }
    const start = i;
    let chunk: string;
    if (original.charCodeAt(i) === 0x26 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(original);
      const decoded = m ? decodeHTMLStrict(m[0]) : '&';
      chunk = decoded;
      i += m && decoded !== m[0] ? m[0].length : 1;
    } else {
      const cp = original.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      if (ZERO_WIDTH.has(cp)) continue;
      chunk = String.fromCodePoint(cp);
      // A base character and the combining marks after it are normalised together (none is below U+0300).
      while (i < original.length && original.charCodeAt(i) >= 0x300 && COMBINING.test(original[i]!)) chunk += original[i++];
    }
    const normalised = chunk.charCodeAt(0) < 0x80 && chunk.length === 1 ? chunk : chunk.normalize('NFKC');
    for (let k = 0; k < normalised.length; k++) map.push(start);
    out += normalised;
  }
  map.push(original.length);
  return { text: out, map };
}

function isPlainAscii(code: number): boolean {
  return code < 0x80 && code !== 0x26;
}

/** Offset in the original text of offset `index` of a projection. */
export function originalOffset(projection: Projection, index: number): number {
  return projection.map === null ? index : projection.map[index]!;
}

/** The composition of two projections: `outer` is a view of `inner.text`. */
export function compose(inner: Projection, outer: Projection): Projection {
  if (outer.map === null) return { text: outer.text, map: inner.map };
  if (inner.map === null) return outer;
  return { text: outer.text, map: outer.map.map((i) => inner.map![i]!) };
}

// Characters that stand in for letters: digits and symbols (leetspeak) and look-alikes from other
// scripts. Each maps one UTF-16 unit to one, so folding keeps offsets.
const FOLD: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', '$': 's', '!': 'i', '|': 'l', '€': 'e', '£': 'l',
  // Cyrillic and Greek letters that look Latin
  'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 't',
  'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'ɡ': 'g',
  'α': 'a', 'β': 'b', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x',
  'һ': 'h', 'ӏ': 'l', 'ԛ': 'q', 'ԝ': 'w', 'ϲ': 'c', 'ϳ': 'j', 'η': 'n', 'ω': 'w', 'γ': 'y', 'ı': 'i', 'ɑ': 'a',
};
// Capitals whose lower case looks like another letter: Greek Eta is an H, Nu an N, Upsilon a Y.
const FOLD_UPPER: Record<string, string> = { 'Η': 'h', 'Ν': 'n', 'Υ': 'y', 'Μ': 'm', 'Ζ': 'z', 'Н': 'h', 'В': 'b', 'М': 'm', 'Т': 't', 'К': 'k' };

/**
 * Lower case, accents stripped, leetspeak digits and look-alike letters folded to Latin letters,
 * one unit for one so offsets stay valid. For rules that must see through disguised spellings.
 */
export function foldLookalikes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    const folded = FOLD_UPPER[ch] ?? FOLD[lower];
    if (folded !== undefined) {
      out += folded;
    } else if (lower.length === 1 && lower.charCodeAt(0) >= 0xc0) {
      const base = lower.normalize('NFD')[0]!;
      out += base.length === 1 ? base : lower;
    } else {
      out += lower.length === 1 ? lower : ch;
    }
  }
  return out;
}

/** Whether a text contains only ASCII: look-alike folding is not needed for it. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
