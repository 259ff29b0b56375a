import { foldLookalikes } from '../normalise';
import type { Segment } from '../segment';
import { wordGate } from '../prose/word-gate';
import { SpanSet } from '../spans';

/** A characteristic protected by the Equality Act 2010, in the words a Town Clerk would use. */
export type Characteristic =
  | 'age'
  | 'disability'
  | 'gender reassignment'
  | 'marriage or civil partnership'
  | 'pregnancy'
  | 'race or nationality'
  | 'religion or belief'
  | 'sex'
  | 'sexual orientation';

export interface SwearWord {
  /** The word spelled plainly, e.g. `fucking`. */
  word: string;
  kind: 'profanity' | 'slur';
  /** For slurs: the characteristic the slur attacks. */
  characteristic?: Characteristic;
}

/** How a word was written. */
export type Disguise = 'plain' | 'masked' | 'substituted' | 'look-alike' | 'accented' | 'spaced' | 'repeated';

export interface SwearWordMatch {
  /** Offsets in the segment's `text`. */
  start: number;
  end: number;
  entry: SwearWord;
  disguise: Disguise;
}

// Each family lists whole words only: a word is recognised when a token equals one of them, never
// when it merely contains one, so Scunthorpe, Shitterton, Penistone, Cockermouth, Arsenal, scrap
// and therapist are left alone. Deliberately absent because they are ordinary words or names in
// council posts: cock, dick, knob, tit(s), prick, pussy, shag (a seabird), slag (a heap),
// dyke (an embankment), fag (a cigarette), faggot (a meatball), chink (of light), queer (reclaimed),
// damn, hell, tinker (a verb; "the tinkers" for Travellers is matched as a phrase with the
// derogatory remarks), knacker(ed) (tired), paddy (a rice field), gyp (pain), poof (an interjection),
// bender (a binge), spic (spick and span), wop and gammon.
const PROFANITY: readonly string[] = [
  ...family('fuck', ['', 's', 'ed', 'er', 'ers', 'ing', 'in', 'wit', 'wits', 'face', 'head', 'heads', 'up', 'ups', 'ery', 'tard', 'tards', 'off']),
  'motherfucker', 'motherfuckers', 'motherfucking', 'clusterfuck', 'clusterfucks',
  ...family('shit', ['', 's', 'e', 'es', 'ty', 'tier', 'ting', 'ted', 'head', 'heads', 'hole', 'holes', 'show', 'storm', 'faced', 'less', 'bag']),
  'bullshit', 'bullshitting', 'bullshitter', 'bullshitters', 'horseshit', 'dipshit', 'dipshits', 'batshit', 'apeshit', 'chickenshit',
  ...family('cunt', ['', 's', 'y']),
  ...family('twat', ['', 's', 'ted', 'ting']),
  ...family('wank', ['', 's', 'er', 'ers', 'ing', 'ed', 'stain', 'y']),
  ...family('bollock', ['s', 'ing', 'ed']),
  ...family('arse', ['', 's', 'd', 'hole', 'holes', 'y', 'wipe']),
  ...family('piss', ['', 'ed', 'es', 'ing', 'head', 'heads', 'take', 'er']),
  ...family('bastard', ['', 's']),
  ...family('bellend', ['', 's']),
  ...family('dickhead', ['', 's']),
  ...family('knobhead', ['', 's']),
  'knobend', 'knobends', 'tosser', 'tossers', 'cocksucker', 'cocksuckers',
  ...family('bugger', ['', 's', 'ed', 'ing', 'y']),
  'crap', 'crappy', 'crapper', 'crappier', 'sodding',
  // Mild British profanity, where the words around them say it is not a wound or turf (WORD_IN_CONTEXT).
  'bloody', 'sod',
  // Acronyms that stand for profanity.
  'wtf', 'stfu', 'omfg', 'ffs',
  'bitch', 'bitches', 'bitchy', 'bitching',
  // British slang insults that are no ordinary word.
  ...family('gobshite', ['', 's']), ...family('shitehawk', ['', 's']), ...family('minger', ['', 's']),
  ...family('munter', ['', 's']), ...family('twonk', ['', 's']), ...family('bawbag', ['', 's']),
  ...family('scrote', ['', 's']), ...family('shithouse', ['', 's']),
  // Respellings that say the word while dodging a filter: `fkn`, `fuk`. `fk` alone is
  // left out (a football club's prefix), and so is `feck`.
  'fkn', 'fking', 'fkin', 'fkd',
  ...family('fck', ['', 's', 'ing', 'in', 'n', 'ed', 'er', 'ers']),
  ...family('fuk', ['', 's', 'n', 'in', 'ing', 'ed', 'er', 'ers', 'ker', 'kin', 'king']),
  // (fcuk, phucking, bollox and accented letters are read by profanity-variants, with the word they stand for.)
  ...family('asshole', ['', 's']), ...family('dumbass', ['', 'es']), 'biatch', 'shyte',
  ...family('nobhead', ['', 's']), ...family('tosspot', ['', 's']), 'nobend', 'nobends',
];

// Ordinary words (a prick of a pin, a weathercock, Dick Whittington, a door knob) that only a writer
// who meant the insult would mask: `pr*ck`, `c*ck`, `d*ck`, `kn*b`.
const MASKED_ONLY: readonly string[] = ['prick', 'pricks', 'cock', 'cocks', 'dick', 'dicks', 'knob', 'knobs', 'tits', 'twit', 'twits'];
/** The same words with digits or look-alike letters for letters (`pr1ck`, `c0ck`): as deliberate as a mask. */
const SUBSTITUTED_ONLY = new Map(MASKED_ONLY.map((word): [string, SwearWord] => [word, { word, kind: 'profanity' }]));

/**
 * Compound insults: a profane first part and a second that makes a name of it (`cockwomble`,
 * `twatface`, `shitgibbon`, `dickwad`). Both parts are needed, so Cockermouth, Shitterton, Dickens,
 * cockle and knobbly are left alone.
 */
const COMPOUND_HEADS = ['fuck', 'shit', 'shite', 'cunt', 'twat', 'wank', 'arse', 'piss', 'dick', 'knob', 'cock', 'douche', 'jizz', 'turd', 'spunk'];
const COMPOUND_TAILS = [
  'head', 'face', 'wit', 'bag', 'wad', 'stain', 'end', 'hole', 'womble', 'waffle', 'nugget', 'weasel', 'lord', 'muppet',
  'sack', 'badger', 'monkey', 'goblin', 'jockey', 'biscuit', 'trumpet', 'brain', 'gibbon', 'sponge', 'pot', 'rag', 'socket',
  'bucket', 'knuckle', 'nozzle', 'trumpet', 'plank', 'pipe', 'tard', 'licker', 'bandit', 'stick', 'wipe',
];
const COMPOUND = new RegExp(`^(${COMPOUND_HEADS.join('|')})(${COMPOUND_TAILS.join('|')})(?:s|es)?$`);
/** Ordinary words built the same way. */
const NOT_COMPOUND = new Set(['cockpit', 'cockpits', 'piss-pot']);

const SLURS: ReadonlyArray<readonly [Characteristic, readonly string[]]> = [
  ['race or nationality', [
    'nigger', 'niggers', 'nigga', 'niggas', 'paki', 'pakis', 'wog', 'wogs', 'golliwog', 'golliwogs', 'gook', 'gooks',
    'chinky', 'chinkies', 'spics', 'kraut', 'krauts', 'dago', 'dagos', 'dagoes', 'polack', 'polacks', 'wetback', 'wetbacks',
    'japs', 'darkie', 'darkies', 'raghead', 'ragheads', 'towelhead', 'towelheads',
    'coon', 'coons', 'sambo', 'sambos', 'nignog', 'nignogs', 'eyetie', 'eyeties', 'honky', 'honkies', 'gringo', 'gringos',
    'zipperhead', 'zipperheads', 'chinkie',
    // Gypsies, Roma and Irish Travellers: every spelling of the common UK slurs.
    'gypo', 'gypos', 'gyppo', 'gyppos', 'gyppoes', 'gippo', 'gippos', 'gyppie', 'gyppies', 'gypoes',
    'pikey', 'pikeys', 'pikie', 'pikies', 'pikee', 'pikees', 'piky',
    'didicoy', 'didicoys', 'diddicoy', 'diddicoys', 'didicoi', 'didicois', 'didikai', 'didikais', 'diddikai', 'diddikais',
  ]],
  ['religion or belief', ['kike', 'kikes', 'yid', 'yids', 'muzzie', 'muzzies', 'taig', 'taigs']],
  ['disability', ['retard', 'retards', 'retarded', 'spastic', 'spastics', 'spaz', 'spazz', 'spazzy', 'spacker', 'spackers', 'mongoloid', 'mongoloids', 'mong', 'mongs', 'mongy']],
  ['sexual orientation', ['poofter', 'poofters', 'poofs', 'poove', 'pooves', 'lesbo', 'lesbos', 'lezza', 'lezzas', 'lezzer', 'lezzers', 'homos']],
  ['gender reassignment', ['tranny', 'trannies', 'trannys', 'shemale', 'shemales']],
  ['sex', ['whore', 'whores', 'slut', 'sluts', 'slutty', 'skank', 'skanks', 'slapper', 'slappers', 'bint', 'bints']],
];

/** A compound insult's entry, if a token is one. */
function compoundWord(token: string): SwearWord | undefined {
  if (token.length < 6 || NOT_COMPOUND.has(token) || !COMPOUND.test(token)) return undefined;
  return { word: token, kind: 'profanity' };
}

function family(root: string, endings: readonly string[]): string[] {
  return endings.map((e) => root + e);
}

/**
 * Words that swear only in some company, judged on the text after them: "bloody" swears except as a wound or a
 * name ("a bloody nose", "Bloody Mary", "bloody-minded"); "sod" is turf except in "sod off", "sod it", "sod all".
 * Each writer of the corpus who used them labelled "bloody hell", "the bloody thing" and "sod off" profanity.
 */
const WORD_IN_CONTEXT = new Map<string, (after: string) => boolean>([
  ['bloody', (after) => !/^[\s-]+(?:mary|marys|nose|noses|sunday|minded|mindedness|tower|battles?|history|hands?|footprints?|bandages?|tissues?|fingerprints?|flux)\b/.test(after)],
  ['sod', (after) => /^\s+(?:off|it|all|that|this|them|em|you)\b/.test(after)],
]);

const LEXICON = new Map<string, SwearWord>();
for (const word of PROFANITY) LEXICON.set(word, { word, kind: 'profanity' });
for (const [characteristic, words] of SLURS) {
  for (const word of words) LEXICON.set(word, { word, kind: 'slur', characteristic });
}

/** Words with letter runs collapsed (`bollocks` → `bolocks`), for `fuuuuck` and `shiiiite`. */
const COLLAPSED = new Map<string, SwearWord>();
// A word that collapses to an ordinary short word (`coon` → `con`) is left out: `connnn` is not a slur.
for (const [word, entry] of LEXICON) {
  const collapsed = collapse(word);
  if (collapsed !== word && collapsed.length < 4 && entry.kind === 'slur') continue;
  if (!COLLAPSED.has(collapsed)) COLLAPSED.set(collapsed, entry);
}

/** Words by length, for masked spellings such as `f**king` (one symbol for one letter). */
const BY_LENGTH = new Map<number, SwearWord[]>();
for (const entry of [...LEXICON.values(), ...MASKED_ONLY.map((word): SwearWord => ({ word, kind: 'profanity' }))]) {
  const list = BY_LENGTH.get(entry.word.length) ?? [];
  list.push(entry);
  BY_LENGTH.set(entry.word.length, list);
}

// The plain pass: the start of a lexicon word (or of an ordinary word we then reject), tried only
// at word starts so that it is cheap on every segment; the whole token is checked afterwards. The
// literal starts are factored by their letters (`wordGate`), so that at each word start the engine
// follows one branch instead of trying every stem in turn.
const STEM_WORDS: readonly string[] = [
  'fk', 'fck', 'fuk', 'assh', 'dumbass', 'biatch', 'shyte', 'nobh', 'nobe', 'tosspot',
  'cunt', 'twat', 'wank', 'bollock', 'arse', 'piss', 'bastard', 'bellend', 'dickhead',
  'knob', 'dick', 'cock', 'douche', 'jizz', 'turd', 'spunk', 'gobshite', 'minger', 'munter', 'twonk', 'bawbag', 'tosser', 'cocksuck', 'bugger', 'crap', 'sod', 'bloody', 'scrote', 'bitch', 'nigg', 'paki', 'wog', 'gook', 'chink',
  'spics', 'kraut', 'dago', 'polack', 'wetback', 'gyp', 'gipp', 'japs', 'darkie', 'towelhead', 'raghead',
  'coon', 'sambo', 'nignog', 'eyetie', 'honk', 'gringo', 'zipperhead',
  'kike', 'yid', 'muzzie', 'taig', 'retard', 'spastic', 'spaz', 'spack', 'mong', 'poof', 'poove', 'homos', 'lesbo', 'lezz',
  'tranny', 'trannie', 'shemale', 'whore', 'slut', 'skank', 'slapper', 'bint', 'wtf', 'stfu', 'omfg', 'ffs',
  // Compounds whose profane part is not at the start: bullshit, motherfucker, golliwog.
  'bullsh', 'horsesh', 'dipsh', 'batsh', 'apesh', 'chickensh', 'motherf', 'clusterf', 'golliw',
];
const STEMS = new RegExp(`\\b(?:f+u+c+k|s+h+i+t|pik[eiy]|didd?i[ck]|${wordGate(STEM_WORDS).slice(2)})`, 'g');

// The disguise pass starts only where a letter touches a digit or symbol standing in for a letter
// (`sh1t`, `f*ck`, `$hit`, `5hite`), or a Greek or Cyrillic letter appears.
const DISGUISE_HINT = /[a-z][0-9$@!|]+[a-z]|[a-z][*#•]|[*#•$@!|][a-z]|[0-9][a-z]{3}|[\u0370-\u03ff\u0400-\u04ff]/g;
const MASK = /[*#•]/;
/** A character that every alternative of DISGUISE_HINT needs. */
const DISGUISE_CHARACTER = /[0-9$@!|*#•\u0370-\u03ff\u0400-\u04ff]/;

// Single letters with the same separator between them: `s h i t`, `f.u.c.k`, `c-u-n-t`.
const SPACED = /(?<![a-z0-9\u0370-\u04ff])[a-z0-9$@*!\u0370-\u03ff\u0400-\u04ff]([ .\-_])[a-z0-9$@*!\u0370-\u03ff\u0400-\u04ff](?:\1[a-z0-9$@*!\u0370-\u03ff\u0400-\u04ff]){2,}(?![a-z0-9\u0370-\u04ff])/g;

// Dogs are bitches at the dog show, not insults; and a found dog is a "black lab bitch, no collar" (a breed or a collar).
const DOG_CONTEXT =
  /\b(?:dogs?|pupp(?:y|ies)|pups?|kennels?|breed(?:er|ers|ing)?|whelp\w*|crufts|show ring|lab|labs|labrador|spaniel|collie|terrier|retriever|whippet|greyhound|lurcher|poodle|beagle|dachshund|pointer|setter|sheepdog|alsatian|staffie|staffy|collar|microchip(?:ped)?|on heat|in season)\b/;

/** Every profanity and slur in a segment, however it is spelled. */
export function findSwearWords(segment: Segment): SwearWordMatch[] {
  const lower = segment.lower;
  const found: SwearWordMatch[] = [];
  // Where words were found, so that a later pass does not read the same letters again; indexed,
  // because a long post can hold thousands of them.
  const taken = new SpanSet(lower.length);
  // Asked once, and only of a post that says "bitch": asking for every one would read the post again each time.
  let aboutDogs: boolean | undefined;

  STEMS.lastIndex = 0;
  for (let m = STEMS.exec(lower); m; m = STEMS.exec(lower)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start > 0 && isLetter(lower.charCodeAt(start - 1))) start--;
    while (end < lower.length && isLetter(lower.charCodeAt(end))) end++;
    STEMS.lastIndex = end;
    // A mention is someone's name; a token glued to digits or symbols is the disguise pass's.
    const before = lower.charCodeAt(start - 1);
    if (before === 0x40 /* @ */ || isDisguiseChar(lower.charCodeAt(end))) continue;
    if (isDisguiseChar(before) && !(before === 0x23 /* # */ && !isTokenChar(lower.charCodeAt(start - 2)))) continue;
    const token = lower.slice(start, end);
    const plain = LEXICON.get(token) ?? compoundWord(token);
    const repeated = plain ? undefined : hasRun(token, 3) ? COLLAPSED.get(collapse(token)) : undefined;
    const entry = plain ?? repeated;
    const inContext = entry && WORD_IN_CONTEXT.get(entry.word);
    if (inContext && !inContext(lower.slice(end, end + 24))) continue;
    if (entry && !(entry.word.startsWith('bitch') && (aboutDogs ??= DOG_CONTEXT.test(lower)))) {
      found.push({ start, end, entry, disguise: plain ? 'plain' : 'repeated' });
      taken.add(start, end);
    }
  }

  // Every disguise has a digit, a symbol or a Greek or Cyrillic letter: a text without one (a quick
  // test) has none to read.
  DISGUISE_HINT.lastIndex = 0;
  for (let m = DISGUISE_CHARACTER.test(lower) ? DISGUISE_HINT.exec(lower) : null; m; m = DISGUISE_HINT.exec(lower)) {
    let start = m.index;
    let end = m.index + 1;
    while (start > 0 && isTokenChar(lower.charCodeAt(start - 1))) start--;
    while (end < lower.length && isTokenChar(lower.charCodeAt(end))) end++;
    DISGUISE_HINT.lastIndex = end;
    const match = disguisedWord(segment, start, end);
    if (match && !taken.overlaps(match.start, match.end)) {
      found.push(match);
      taken.add(match.start, match.end);
    }
  }

  SPACED.lastIndex = 0;
  for (let m = SPACED.exec(lower); m; m = SPACED.exec(lower)) {
    const letters = foldLookalikes(m[0].replace(/[ .\-_]/g, ''));
    const entry = LEXICON.get(letters) ?? COLLAPSED.get(collapse(letters)) ?? containedWord(letters);
    if (entry && !taken.overlaps(m.index, m.index + m[0].length)) {
      found.push({ start: m.index, end: m.index + m[0].length, entry, disguise: 'spaced' });
      taken.add(m.index, m.index + m[0].length);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A token written with digits, symbols or look-alike letters, if it spells a lexicon word. */
function disguisedWord(segment: Segment, from: number, to: number): SwearWordMatch | undefined {
  const written = segment.lower;
  let start = from;
  let end = to;
  // A mention or a hashtag's sign is not part of the word; exclamation marks end a sentence.
  if (written[start] === '@') return undefined;
  while (start < end && (written[start] === '#' || written[start] === '!' || written[start] === '|')) start++;
  while (end > start && (written[end - 1] === '!' || written[end - 1] === '|')) end--;
  // A single trailing asterisk is a footnote mark (`prices*`), not a masked letter.
  if (written[end - 1] === '*' && written[end - 2] !== '*' && !MASK.test(written.slice(start, end - 1))) end--;
  if (end - start < 3) return undefined;

  const token = written.slice(start, end);
  let letters = 0;
  let digits = 0;
  let masks = 0;
  let lookalike = false;
  let accented = false;
  for (let i = 0; i < token.length; i++) {
    const ch = token.charCodeAt(i);
    if (isLetter(ch)) letters++;
    else if (ch >= 0x30 && ch <= 0x39) digits++;
    else if (ch === 0x2a || ch === 0x23 || ch === 0x2022) masks++;
    if (ch >= 0x370 && ch <= 0x4ff) {
      letters++;
      lookalike = true;
    } else if (ch >= 0xc0) accented = true;
  }
  // `2026`, `4pm` and `10am` are numbers; a disguised word keeps most of its letters.
  if ((letters < 2 && !(masks > 0 && letters === 1)) || digits > letters) return undefined;

  const folded = foldLookalikes(token);
  let entry: SwearWord | undefined;
  let disguise: Disguise = lookalike ? 'look-alike' : accented && digits === 0 && folded === foldLookalikes(token.normalize('NFD').replace(/\p{M}/gu, '')) ? 'accented' : 'substituted';
  if (masks > 0) {
    entry = maskedWord(folded, segment.text.charCodeAt(start), token);
    disguise = 'masked';
  } else {
    entry = LEXICON.get(folded) ?? compoundWord(folded) ?? (folded !== token ? SUBSTITUTED_ONLY.get(folded) : undefined);
    if (!entry && hasRun(folded, 3)) entry = COLLAPSED.get(collapse(folded));
  }
  if (!entry) return undefined;
  // Only punctuation around it (`#shit`, `shit*`): the word is plainly spelled.
  if (digits === 0 && masks === 0 && !lookalike && folded === token) disguise = 'plain';
  return { start, end, entry, disguise };
}

/**
 * A lexicon word of the same length that agrees with every visible letter: `f**king`, `sh*t`.
 * With one visible letter only the unmistakable `f***` (any case) and a lower-case `c***` or `s***`
 * count, because `S****` is as likely a name blanked out.
 */
function maskedWord(folded: string, firstOriginal: number, written: string = folded): SwearWord | undefined {
  const entry = maskedAs(folded, firstOriginal);
  // Beside a mask, a symbol that folds to a letter may be another mask: `f@#king`, `b@$tard`.
  if (entry || written === folded || !/[@$!|]/.test(written.slice(1))) return entry;
  return maskedAs(foldSymbolsToMasks(folded, written), firstOriginal);
}

function maskedAs(folded: string, firstOriginal: number): SwearWord | undefined {
  if (!isLetter(folded.charCodeAt(0))) return undefined;
  let visible = 0;
  for (let i = 0; i < folded.length; i++) if (isLetter(folded.charCodeAt(i))) visible++;
  if (visible === 1) {
    const first = folded[0];
    const upper = firstOriginal >= 0x41 && firstOriginal <= 0x5a;
    if (!(first === 'f' || (!upper && (first === 'c' || first === 's')))) return undefined;
  }
  const candidates = BY_LENGTH.get(folded.length) ?? [];
  return candidates.find(({ word }) => agrees(folded, word)) ?? maskedCompound(folded);
}

/** `folded` with a `*` wherever `written` has a symbol that folding read as a letter. */
function foldSymbolsToMasks(folded: string, written: string): string {
  let out = '';
  // The first letter stays as folded: a word is never recognised from a mask alone.
  for (let i = 0; i < folded.length; i++) out += i > 0 && '@$!|'.includes(written[i]!) ? '*' : folded[i];
  return out;
}

/** Whether a masked spelling agrees with every visible letter of a word of the same length. */
function agrees(folded: string, word: string, from = 0): boolean {
  if (folded.length - from !== word.length) return false;
  for (let i = 0; i < word.length; i++) {
    const ch = folded[from + i]!;
    if (ch !== '*' && ch !== '#' && ch !== '•' && ch !== word[i]) return false;
  }
  return true;
}

/** A compound insult with its first part masked: `tw*tface`, `sh*tgibbon`. */
function maskedCompound(folded: string): SwearWord | undefined {
  for (const tail of COMPOUND_TAILS) {
    const at = folded.lastIndexOf(tail);
    if (at < 3 || (at + tail.length !== folded.length && folded.slice(at + tail.length) !== 's')) continue;
    const head = folded.slice(0, at);
    if (!MASK.test(head)) continue;
    const word = COMPOUND_HEADS.find((h) => agrees(head, h));
    if (word) return { word: word + folded.slice(at), kind: 'profanity' };
  }
  return undefined;
}

/** In spaced-out letters, a profanity of four or more letters anywhere in the run (`i s h i t`). */
function containedWord(letters: string): SwearWord | undefined {
  for (const entry of LEXICON.values()) {
    if (entry.word.length >= 4 && letters.includes(entry.word)) return entry;
  }
  return undefined;
}

/** The word as written with its letters after the first masked: `s•••`, `s • • •`; already masked words stay as they are. */
export function maskSwearWord(written: string): string {
  if (MASK.test(written)) return written;
  let seen = false;
  return written.replace(/[\p{L}\p{N}$@!|]/gu, (ch) => {
    if (!seen) {
      seen = true;
      return ch;
    }
    return '•';
  });
}

/**
 * `word.replace(/(.)\1+/g, '$1')`, without the expression: on a run of millions of one character
 * (spaced-out digits make one token of a whole post) its back-reference overflows the stack.
 */
export function collapse(word: string): string {
  let out = '';
  let run = 0;
  for (let i = 1; i <= word.length; i++) {
    // `.` never matches a line break, so a run of them is left as it is.
    const ch = word.charCodeAt(run);
    if (i < word.length && word.charCodeAt(i) === ch && !isLineBreak(ch)) continue;
    out += word[run];
    run = i;
  }
  return out;
}

function isLineBreak(ch: number): boolean {
  return ch === 0x0a || ch === 0x0d || ch === 0x2028 || ch === 0x2029;
}

function hasRun(word: string, length: number): boolean {
  let run = 1;
  for (let i = 1; i < word.length; i++) {
    run = word[i] === word[i - 1] ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}

function isLetter(ch: number): boolean {
  return (ch >= 0x61 && ch <= 0x7a) || (ch >= 0xc0 && ch <= 0x24f && ch !== 0xd7 && ch !== 0xf7);
}

function isDisguiseChar(ch: number): boolean {
  return (ch >= 0x30 && ch <= 0x39) || ch === 0x2a || ch === 0x23 || ch === 0x2022 || ch === 0x24 || ch === 0x40 || (ch >= 0x370 && ch <= 0x4ff);
}

function isTokenChar(ch: number): boolean {
  return isLetter(ch) || isDisguiseChar(ch) || ch === 0x21 || ch === 0x7c;
}
