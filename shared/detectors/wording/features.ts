import type { Post } from '../../domain/post';
import { foldLookalikes } from '../text/normalise';

/**
 * The words of a post as the wording model reads them: lower case, look-alike letters folded, and each link,
 * email address, handle and number replaced by one stand-in word, so that what is learned from one council's
 * posts is about how things are said, not about its streets, people or dates.
 *
 * A hand-written scanner, one pass over the text, because it runs on every post of every scan: the same
 * reading as a chain of regular expressions cost 11 µs a post, more than the model's arithmetic tenfold.
 */
export function wordingTokens(text: string): string[] {
  const sink = new StringSink();
  scan(text, sink);
  return sink.tokens;
}

/**
 * The same words as `wordingTokens`, as their hashes (`tokenHash`), written into a buffer that is reused from
 * post to post: the model reads every post of every scan, and most words are plain letters, hashed where they
 * stand without a string made for them. Only a post whose wording clears a threshold is read again as words,
 * to name them.
 */
export class TokenHashes {
  hashes = new Uint32Array(256);
  length = 0;

  /** Reads the text's words, replacing what was read before. */
  read(text: string): this {
    this.length = 0;
    scan(text, this);
    return this;
  }

  word(_text: string, _start: number, _end: number, hash: number): void {
    this.#push(hash);
  }

  token(token: string): void {
    this.#push(tokenHash(token));
  }

  #push(hash: number): void {
    if (this.length === this.hashes.length) {
      const grown = new Uint32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.length++] = hash;
  }
}

/** Where the scanner puts what it reads: a word of plain ASCII letters where it stands (and its hash), or any other token. */
interface TokenSink {
  word(text: string, start: number, end: number, hash: number): void;
  token(token: string): void;
}

class StringSink implements TokenSink {
  readonly tokens: string[] = [];

  word(text: string, start: number, end: number): void {
    this.tokens.push(text.slice(start, end).toLowerCase());
  }

  token(token: string): void {
    this.tokens.push(token);
  }
}

function scan(text: string, sink: TokenSink): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && !isSpace(text.charCodeAt(j))) j++;
    readChunk(text, i, j, sink);
    i = j;
  }
}

const LINK = /^(?:https?:\/\/|www\.)/i;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
/** A number standing alone ("14.30", "70s", "3rd"); digits inside a word are leetspeak ("v0te"), folded. */
const NUMBER = /^\d+(?:[.,:]\d+)*(?:s|st|nd|rd|th|am|pm)?$/i;

/** One run of text between spaces: a link, an address, a handle, a hashtag, or words; and its tone marks. */
function readChunk(text: string, start: number, end: number, sink: TokenSink): void {
  const chunkStart = start;
  // Opening brackets and quotes first: "(https://…)", "(@kim)".
  while (start < end && !isWordChar(text.charCodeAt(start)) && text.charCodeAt(start) !== 0x40 && text.charCodeAt(start) !== 0x23) start++;
  if (start === end) {
    // Punctuation and emoji alone ("🙄", "…", "?!")
    readMarks(text, chunkStart, end, sink);
    return;
  }
  const first = text.charCodeAt(start);
  if ((first === 0x68 || first === 0x48 || first === 0x77 || first === 0x57) && LINK.test(text.slice(start, start + 8))) {
    sink.token('xurl');
    return;
  }
  if (first === 0x40 && start + 1 < end && isWordChar(text.charCodeAt(start + 1))) {
    sink.token('xmention');
    return;
  }
  readMarks(text, chunkStart, end, sink);
  if (first === 0x23) {
    sink.token('xhashtag');
    start++;
  }
  // Punctuation at a word's ends is punctuation ("photographer!"); inside it, a disguise ("sh!te").
  while (start < end && !isWordChar(text.charCodeAt(start))) start++;
  while (end > start && !isWordChar(text.charCodeAt(end - 1))) end--;
  if (start === end) return;
  if (hasAt(text, start, end) && EMAIL.test(text.slice(start, end))) {
    sink.token('xemail');
    return;
  }
  if (isDigit(text.charCodeAt(start)) && NUMBER.test(text.slice(start, end))) {
    sink.token('xnum');
    return;
  }
  let partStart = start;
  // Whether the part so far is plain ASCII letters, and their hash lower-cased (FNV-1a, as `tokenHash`), in the same pass.
  let plain = true;
  let h = FNV_OFFSET;
  for (let k = start; k <= end; k++) {
    const c = k < end ? text.charCodeAt(k) : 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
      if (plain) h = Math.imul(h ^ (c <= 0x5a ? c + 0x20 : c), FNV_PRIME);
      continue;
    }
    if (isWordChar(c) || c === 0x21 || c === 0x24 || c === 0x40 || c === 0x7c || c === 0x27 || c === 0x2019) {
      plain = false;
      continue;
    }
    // ! $ @ | inside a word are letters to the look-alike folding (sh!te, $hit, @rse, |ame): they do not end it.
    if (k > partStart) {
      if (plain) sink.word(text, partStart, k, h >>> 0);
      else readPart(text, partStart, k, sink);
    }
    partStart = k + 1;
    plain = true;
    h = FNV_OFFSET;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * What punctuation and emoji say of tone, as words of their own: a question, an exclamation, a trailing
 * ellipsis, a word put in quotation marks, and each emoji (🙄, 🙃 and 👏 say more than most words).
 */
function readMarks(text: string, start: number, end: number, sink: TokenSink): void {
  const first = text.charCodeAt(start);
  if (first === 0x22 || first === 0x201c || first === 0x2018) sink.token('xquote');
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x3f) sink.token('xquestion');
    else if (c === 0x21 && (k + 1 === end || !isWordChar(text.charCodeAt(k + 1)))) sink.token('xexclaim');
    else if (c === 0x2026 || (c === 0x2e && text.charCodeAt(k + 1) === 0x2e)) {
      sink.token('xellipsis');
      while (k + 1 < end && text.charCodeAt(k + 1) === 0x2e) k++;
    } else if (c >= 0xd83c && c <= 0xd83e && k + 1 < end) {
      sink.token(`xemoji${text.codePointAt(k)!.toString(16)}`);
      k++;
    }
  }
}

/** A part that is not plain ASCII letters: digits, apostrophes, look-alike letters, accents. */
function readPart(text: string, start: number, end: number, sink: TokenSink): void {
  let part = text.slice(start, end);
  if (part.includes("'") || part.includes('’')) part = part.replace(/['’]/g, '');
  if (part === '') return;
  if (isDigit(part.charCodeAt(0)) && NUMBER.test(part)) {
    sink.token('xnum');
    return;
  }
  for (const token of foldLookalikes(part).split(/[^a-z0-9]+/)) if (token !== '') sink.token(token);
}

/** Whether the chunk holds an "@" (an email address may): searched within it, not on through the rest of the post. */
function hasAt(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === 0x40) return true;
  return false;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

/** A letter or a digit: ASCII ones by range, others (accented, Cyrillic, Greek…) by Unicode class. */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return c >= 0xc0 && WORD_CHAR.test(String.fromCharCode(c));
}
const WORD_CHAR = /[\p{L}\p{N}]/u;

// Words that name a group sharing a protected characteristic (Equality Act 2010, all nine), or a word the
// group is named by ("prayers", "pram"): a post that says one is read again for what it says of the group.
const GROUP_WORDS = new Set(
  `ladies lady women woman womens mums mum mothers mother girls girl lasses lads fellas men mens blokes gentlemen
   pregnant pregnancy expecting maternity baby babies pram prams wheelchair wheelchairs disabled disability disabilities
   deaf blind autistic autism hearing mental condition conditions trans transgender gay gays lesbian lesbians lgbt
   lgbtq pride civil partnership partnerships married marriage widows wives husbands muslim muslims mosque mosques
   prayers prayer church churches gurdwara sikh sikhs hindu hindus jew jews jewish halal kosher christian christians
   religion religious congregation congregations polish romanian romanians foreign foreigners abroad immigrants
   immigrant migrants migrant asylum refugees refugee boomers boomer oldies pensioners elderly older retired
   teenagers teenager teens youngsters kids nationality english british accent accents travellers gypsies`
    .split(/\s+/)
    .filter(Boolean),
);

// Words that point a post at someone: the reader, a councillor, a named or unnamed person, an organisation.
const TARGET_WORDS = new Set(
  `you your youre yourself yourselves cllr councillor mr mrs ms dr whoever xmention officer officers highways
   authority department club chair clerk contractor`
    .split(/\s+/)
    .filter(Boolean),
);

/** What the model knows of a post's shape besides its words. */
export interface WordingShape {
  /** The post answers someone (a reply): hostility there is aimed at a person. */
  reply: boolean;
  /** It names a group sharing a protected characteristic. */
  group: boolean;
  /** It points at someone: the reader, a person, an organisation. */
  target: boolean;
  /** It carries an image or a video: whose work it is matters. */
  media: boolean;
  /** It shares another account's post, which the platform credits. */
  repost: boolean;
}

export function wordingShape(post: Post, tokens: readonly string[]): WordingShape {
  return shapeOfHashes(post, Uint32Array.from(tokens, tokenHash), tokens.length);
}

/**
 * A set of word hashes as an open-addressed table of 32-bit integers: a `Set<number>` of hashes above 2^30 boxes
 * each one it is asked about, on every word of every post.
 */
class HashSet32 {
  readonly #table: Uint32Array;
  readonly #mask: number;

  constructor(words: Iterable<string>) {
    const hashes = [...words].map(tokenHash);
    const size = 1 << Math.ceil(Math.log2(hashes.length * 4));
    this.#table = new Uint32Array(size);
    this.#mask = size - 1;
    for (const h of hashes) {
      if (h === 0) throw new Error('a word hashes to 0, the empty slot');
      let slot = h & this.#mask;
      while (this.#table[slot] !== 0 && this.#table[slot] !== h) slot = (slot + 1) & this.#mask;
      this.#table[slot] = h;
    }
  }

  has(h: number): boolean {
    if (h === 0) return false;
    let slot = h & this.#mask;
    for (;;) {
      const there = this.#table[slot]!;
      if (there === h) return true;
      if (there === 0) return false;
      slot = (slot + 1) & this.#mask;
    }
  }
}

const GROUP_HASHES = new HashSet32(GROUP_WORDS);
const TARGET_HASHES = new HashSet32(TARGET_WORDS);
const [OVER, UNDER, XNUM] = ['over', 'under', 'xnum'].map(tokenHash);

/** `wordingShape` of a post whose words are read as hashes (`TokenHashes`). */
export function shapeOfHashes(post: Post, hashes: ArrayLike<number>, length: number): WordingShape {
  const reply = post.replyTo !== undefined;
  let group = false;
  let target = reply;
  for (let i = 0; i < length; i++) {
    const h = hashes[i]!;
    // "over 70s", "under 25s": an age group
    if (GROUP_HASHES.has(h) || ((h === OVER || h === UNDER) && i + 1 < length && hashes[i + 1] === XNUM)) group = true;
    if (TARGET_HASHES.has(h)) target = true;
  }
  return { reply, group, target, media: (post.media?.length ?? 0) > 0, repost: post.repostOf !== undefined };
}

/**
 * Whether the model may speak for a rule on a post of this shape: a repost is credited by its platform.
 *
 * Neither offence nor hostility needs a word of the shape's lists. The words a group is called by are too many
 * to list ("that lot", "chapel folk"): cross-validation without offence's bar kept its precision (0.962 with it,
 * 0.964 without) and raised its recall from 0.582 to 0.626. Hostility is aimed at someone, but often without
 * "you" or a title ("some members came for the biscuits", "our AV 'expert'"): once the corpus held enough of
 * those, cross-validation without its bar kept precision (0.913 with it, 0.912 without) and raised recall from
 * 0.519 to 0.571.
 */
export function shapeAllows(rule: string, shape: WordingShape): boolean {
  return rule !== 'copyright-attribution' || !shape.repost;
}

/** The prose the council wrote in a post: its text and its images' alt texts (a quoted post is someone else's). */
export function ownProse(post: Post): string {
  const alts = post.media?.flatMap((m) => (m.altText ? [m.altText] : [])) ?? [];
  return alts.length === 0 ? post.text : [post.text, ...alts].join('\n');
}

/** The kinds of feature: the post's shape, a word, a pair of words, a word in a post naming a group or pointing at someone. */
export const FEATURE_KINDS = ['bias', 'reply', 'group', 'target', 'media', 'word', 'pair', 'group-word', 'target-word'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];
const K = Object.fromEntries(FEATURE_KINDS.map((kind, i) => [kind, i + 1])) as Record<FeatureKind, number>;

/**
 * Calls `emit` with each of a post's features: each word and each pair of words; each word again, marked,
 * when the post names a protected group or points at someone, so the model learns what is said of a group
 * or to a person apart from what is said of a road closure; and the post's shape. A feature is a 32-bit id
 * (the hashing trick: no vocabulary to ship); `at` is the index of its first word, to name it when explaining.
 */
export function forEachFeature(
  tokens: readonly string[],
  shape: WordingShape,
  emit: (id: number, kind: FeatureKind, at: number) => void,
): void {
  forEachFeatureOfHashes(Uint32Array.from(tokens, tokenHash), tokens.length, shape, emit);
}

/** `forEachFeature` of a post whose words are read as hashes (`TokenHashes`). */
export function forEachFeatureOfHashes(
  hashes: ArrayLike<number>,
  length: number,
  shape: WordingShape,
  emit: (id: number, kind: FeatureKind, at: number) => void,
): void {
  emit(mix(K.bias, 0), 'bias', -1);
  if (shape.reply) emit(mix(K.reply, 0), 'reply', -1);
  if (shape.group) emit(mix(K.group, 0), 'group', -1);
  if (shape.target) emit(mix(K.target, 0), 'target', -1);
  if (shape.media) emit(mix(K.media, 0), 'media', -1);
  let previous = 0;
  for (let i = 0; i < length; i++) {
    const h = hashes[i]!;
    emit(mix(K.word, h), 'word', i);
    if (i > 0) emit(mix(K.pair, Math.imul(previous, 0x9e3779b1) ^ h), 'pair', i - 1);
    if (shape.group) emit(mix(K['group-word'], h), 'group-word', i);
    if (shape.target) emit(mix(K['target-word'], h), 'target-word', i);
    previous = h;
  }
}

/** A feature as people read it: the word or words it stands for. */
export function featureWords(tokens: readonly string[], kind: FeatureKind, at: number): string {
  if (at < 0) return kind;
  return kind === 'pair' ? `${tokens[at]} ${tokens[at + 1]}` : tokens[at]!;
}

/** 32-bit FNV-1a of a word (`TokenHashes.word` computes the same where the word stands). */
export function tokenHash(token: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** A feature's id from its kind and its words' hash (murmur3's finaliser, so nearby inputs spread). */
function mix(kind: number, h: number): number {
  let x = (h ^ Math.imul(kind, 0x85ebca6b)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
