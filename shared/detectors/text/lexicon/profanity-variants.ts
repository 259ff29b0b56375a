import { foldLookalikes } from '../normalise';
import { wordGate } from '../prose/word-gate';
import { Segment } from '../segment';
import { findSwearWords, type SwearWord, type SwearWordMatch } from './swear-words';

/**
 * Profanity in spellings the lexicon does not hold, found by how a writer disguises a word rather than
 * by listing each disguise:
 *
 * - accented letters inside a word (`fück`, `shïte`, `bästard`), read through the lexicon with the accents folded;
 * - a hyphen inside a compound insult (`dick-head`, `knob-end`, `ass-hat`), read with the hyphen closed up;
 * - a hyphen for the masked letters (`f--k`, `sh-t`), read as an asterisk would be;
 * - respellings: sounds-like and letter-swapped forms (`fcuk`, `phuck`, `fookin`, `effing`, `bollox`), the
 *   American `ass` family (`asshole`, `dumbass`) and its masks (`a**hole`, `a$$hole`);
 * - letters spaced by dots, dashes or stars (`p.r.i.c.k`): an ordinary word the lexicon leaves alone unless it is disguised.
 *
 * Each is whole-token, so "assessment", "class", "Sussex", "café" and "co-op" stay clean.
 */

/** Respellings, each with the word it stands for. */
const RESPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ...forms('fuck', 'fcuk fuk fuq fvck fck phuck phuk fook feck'),
  ...forms('fucking', 'fcuking fcukin fukin fuking fukking fuqin fvcking fcking fckin fkn fkin fking fookin fooking feckin fecking fekkin phucking effing effin'),
  ...forms('fucked', 'fcuked fukd fuked fcked fooked phucked'),
  ...forms('fuck off', 'fckoff fuckoff effoff'),
  ...forms('shit', 'shyt sheeit shiit'),
  ...forms('shite', 'shyte shoite'),
  ...forms('bollocks', 'bollox bollix bolox bollicks'),
  ...forms('wanker', 'wanka wankah wankr'),
  ...forms('bitch', 'biatch beyotch biotch'),
  ...forms('cunt', 'cnut kunt'),
  ...forms('knobhead', 'nobhead nobheads'),
  ...forms('asshole', 'asshole assholes ahole aholes azzhole asswipe'),
  ...forms('asshat', 'asshat asshats'),
  ...forms('dumbass', 'dumbass dumbasses jackass jackasses smartass dumbarse'),
  ...forms('wtf', 'wtaf gtfo lmfao'),
  ...forms('pillock', 'pillock pillocks wazzock wazzocks'),
];
const RESPELLED = new Map<string, SwearWord>(RESPELLINGS.map(([written, word]) => [written, { word, kind: 'profanity' }]));
const RESPELLING = new RegExp(`\\b(?:${[...RESPELLED.keys()].sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');
/** The respellings, as words a gate can look for. */
export const RESPELLING_KEYSTONES: readonly string[] = [...RESPELLED.keys()];
/** The respellings' starts, factored: one quick read says whether a post may hold one. */
const RESPELLING_GATE = new RegExp(wordGate(RESPELLING_KEYSTONES));

/** Ordinary words the lexicon leaves alone unless disguised: spaced out, they are. */
const SPACED_ONLY = new Set(['prick', 'pricks', 'dick', 'dicks', 'cock', 'cocks', 'knob', 'knobs', 'tits', 'twit', 'twits', 'arse']);
const SPACED = /(?<![a-z0-9])[pdckta]([.\-_*])[a-z](?:\1[a-z]){2,}(?![a-z0-9])/g;
const SEPARATORS = ['.', '-', '_', '*'];

/** Whether a letter, a separator, a letter and the same separator again stand anywhere: `p.r.`, a quick test. */
function spacedLetters(lower: string): boolean {
  for (const separator of SEPARATORS) {
    for (let i = lower.indexOf(separator, 1); i !== -1 && i + 2 < lower.length; i = lower.indexOf(separator, i + 1)) {
      if (lower[i + 2] === separator && isLetter(lower.charCodeAt(i - 1)) && isLetter(lower.charCodeAt(i + 1))) return true;
    }
  }
  return false;
}

/** A symbol that may stand for a letter of a masked respelling: `a**hole`, `a$$hole`, `dumb@ss`. */
const MASK_SYMBOL = /[*$@#]/g;

/** A hyphened word that may hide an insult: a profane first part (`dick-head`) or a short one (`f--k`, `sh-t`). */
const HYPHENED = /^(?:ass|arse|dumb|jack|dick|knob|nob|bell|cock|twat|shit|shite|piss|fuck|wank|bull|horse|mother|cluster|cunt|[a-z]{1,3})(?:-+[a-z]+)+$/;
/** A letter before a hyphen. */
const HYPHEN = /[a-z]-/g;

/** A Latin letter with an accent, inside a word. */
const ACCENTED = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]/;
/** A character every disguise but a respelling or spaced letters needs: a symbol, a hyphen, an accented letter. */
const MARK = /[*$@#\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f-]/;

/** After "effing": "and jeffing", "and blinding", the idiom that names swearing. */
const NAMES_SWEARING = /^\s+(?:and|n['’]?|&)\s+(?:jeffin|blindin)/;

/**
 * Every profanity in a segment that only a disguise the lexicon does not read would hide. `maybeRespelt`:
 * whether a gate that holds the respellings passed, when the caller has already read the post for it.
 */
export function findProfanityVariants(segment: Segment, maybeRespelt?: boolean): SwearWordMatch[] {
  const lower = segment.lower;
  const respelt = maybeRespelt ?? RESPELLING_GATE.test(lower);
  const marked = MARK.test(lower);
  const spaced = spacedLetters(lower);
  if (!respelt && !marked && !spaced) return [];
  const found: SwearWordMatch[] = [];

  if (respelt) {
    RESPELLING.lastIndex = 0;
    for (let m = RESPELLING.exec(lower); m; m = RESPELLING.exec(lower)) {
      if (lower[m.index - 1] === '@' || lower[m.index - 1] === '#') continue;
      // "Effing and jeffing", "effing and blinding": the idiom names swearing; it does not swear.
      if (m[0].startsWith('effin') && NAMES_SWEARING.test(lower.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
      found.push({ start: m.index, end: m.index + m[0].length, entry: RESPELLED.get(m[0])!, disguise: 'plain' });
    }
  }

  MASK_SYMBOL.lastIndex = 0;
  for (let m = marked ? MASK_SYMBOL.exec(lower) : null; m; m = MASK_SYMBOL.exec(lower)) {
    let start = m.index;
    let end = m.index + 1;
    while (start > 0 && isMaskedChar(lower.charCodeAt(start - 1))) start--;
    while (end < lower.length && isMaskedChar(lower.charCodeAt(end))) end++;
    MASK_SYMBOL.lastIndex = end;
    // A mention, a hashtag or a price is not a word; a masked word begins with a letter.
    if (!isLetter(lower.charCodeAt(start)) || end - start < 4 || end - start > 12) continue;
    const token = lower.slice(start, end);
    // One letter showing is as likely a name blanked out (`S****`).
    if (token.replace(/[^a-z]/g, '').length < 2) continue;
    const entry = maskedRespelling(token);
    if (entry) found.push({ start, end, entry, disguise: token.includes('*') || token.includes('#') ? 'masked' : 'substituted' });
  }

  HYPHEN.lastIndex = 0;
  for (let m = marked ? HYPHEN.exec(lower) : null; m; m = HYPHEN.exec(lower)) {
    let start = m.index;
    let end = m.index + 1;
    while (start > 0 && isLetter(lower.charCodeAt(start - 1))) start--;
    while (end < lower.length && (isLetter(lower.charCodeAt(end)) || lower.charCodeAt(end) === 0x2d)) end++;
    HYPHEN.lastIndex = end;
    const before = lower.charCodeAt(start - 1);
    if ((before >= 0x30 && before <= 0x39) || isMaskedChar(before) || lower[end - 1] === '-') continue;
    const token = lower.slice(start, end);
    const match = HYPHENED.test(token) ? hyphened(token, start) : undefined;
    if (match) found.push(match);
  }

  SPACED.lastIndex = 0;
  for (let m = spaced ? SPACED.exec(lower) : null; m; m = SPACED.exec(lower)) {
    const letters = m[0].replace(/[ .\-_*]/g, '');
    if (SPACED_ONLY.has(letters)) found.push({ start: m.index, end: m.index + m[0].length, entry: { word: letters, kind: 'profanity' }, disguise: 'spaced' });
  }

  if (marked && ACCENTED.test(segment.text)) found.push(...accented(segment));
  return found.sort((a, b) => a.start - b.start);
}

function isLetter(ch: number): boolean {
  return ch >= 0x61 && ch <= 0x7a;
}

function isMaskedChar(ch: number): boolean {
  return isLetter(ch) || ch === 0x2a || ch === 0x24 || ch === 0x40 || ch === 0x23;
}

function forms(word: string, written: string): Array<readonly [string, string]> {
  return written.split(' ').map((w) => [w, word] as const);
}

/** A respelling with symbols for some letters: every visible letter agrees, and a symbol stands for each other. */
function maskedRespelling(token: string): SwearWord | undefined {
  const folded = foldLookalikes(token);
  const plain = RESPELLED.get(folded);
  if (plain && folded !== token) return plain;
  if (!/[*#]/.test(token)) return undefined;
  for (const [written, word] of RESPELLINGS) {
    if (written.length !== token.length || !written.startsWith(token[0]!)) continue;
    let agrees = true;
    for (let i = 0; i < written.length && agrees; i++) agrees = token[i] === '*' || token[i] === '#' || token[i] === written[i];
    if (agrees) return { word, kind: 'profanity' };
  }
  return undefined;
}

/** A hyphened token read as one word (`dick-head`) or as a masked one (`f--k`). */
function hyphened(token: string, at: number): SwearWordMatch | undefined {
  const joined = token.replace(/-/g, '');
  const whole = RESPELLED.get(joined) ?? lexiconWord(joined);
  if (whole) return { start: at, end: at + token.length, entry: whole, disguise: 'plain' };
  // Hyphens for letters: the masked reading, only when the letters on each side are few (`sh-t`, `f--king`).
  if (/^[a-z]{1,3}-+[a-z]{1,5}$/.test(token)) {
    const masked = lexiconWord(token.replace(/-/g, '*'));
    if (masked) return { start: at, end: at + token.length, entry: masked, disguise: 'masked' };
  }
  return undefined;
}

/** The lexicon's word for a single token, however the lexicon reads it (plain, masked, compound). */
function lexiconWord(token: string): SwearWord | undefined {
  const [match] = findSwearWords(new Segment('token', token));
  return match && match.start === 0 && match.end === token.length ? match.entry : undefined;
}

/** Words with accented letters read with the accents folded: `fück`, `shïte`. */
function accented(segment: Segment): SwearWordMatch[] {
  const text = segment.text;
  const folded = new Segment(segment.field, segment.folded);
  // Folding keeps one unit for one, so the offsets are the segment's own.
  if (folded.text.length !== text.length) return [];
  return findSwearWords(folded)
    .filter((m) => ACCENTED.test(text.slice(m.start, m.end)))
    .map((m) => ({ ...m, disguise: 'look-alike' as const }));
}
