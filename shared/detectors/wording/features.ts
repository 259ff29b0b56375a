import type { Post } from '../../domain/post';
import { foldLookalikes } from '../text/normalise';

/**
 * The words of a post as the wording model reads them: lower case, look-alike letters folded, and each link,
 * handle and number replaced by one stand-in word, so that what is learned from one council's posts is about
 * how things are said, not about its streets, people or dates.
 */
export function wordingTokens(text: string): string[] {
  const plain = text
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+/gi, ' xurl ')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' xemail ')
    .replace(/@[\w.-]+/g, ' xmention ')
    .replace(/#(?=\w)/g, ' xhashtag ')
    // A number standing alone ("14.30", "70s", "3rd"); digits inside a word are leetspeak, folded below ("v0te").
    .replace(/(?<![\p{L}\d])\d+(?:[.,:]\d+)*(?:s|st|nd|rd|th|am|pm)?(?![\p{L}\d])/gu, ' xnum ')
    .replace(/['’]/g, '');
  const tokens: string[] = [];
  for (const chunk of plain.split(/\s+/)) {
    // Punctuation at a word's ends is punctuation ("photographer!"); inside it, a disguise ("sh!te"), folded to letters.
    const core = chunk.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (core === '') continue;
    for (const token of foldLookalikes(core).split(/[^a-z0-9]+/)) if (token !== '') tokens.push(token);
  }
  return tokens;
}

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
  const reply = post.replyTo !== undefined;
  let group = false;
  let target = reply;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // "over 70s", "under 25s": an age group
    if (GROUP_WORDS.has(token) || ((token === 'over' || token === 'under') && tokens[i + 1] === 'xnum')) group = true;
    if (TARGET_WORDS.has(token)) target = true;
  }
  return { reply, group, target, media: (post.media?.length ?? 0) > 0, repost: post.repostOf !== undefined };
}

/**
 * Whether the model may speak for a rule on a post of this shape: offence without a slur or a swear word is
 * said of a group, and hostility is aimed at someone. Elsewhere the same words are a road closure's.
 */
export function wordingApplies(rule: string, shape: WordingShape): boolean {
  if (rule === 'offensive-language') return shape.group;
  if (rule === 'hostile-engagement') return shape.target;
  if (rule === 'copyright-attribution') return !shape.repost;
  return true;
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
  emit(mix(K.bias, 0), 'bias', -1);
  if (shape.reply) emit(mix(K.reply, 0), 'reply', -1);
  if (shape.group) emit(mix(K.group, 0), 'group', -1);
  if (shape.target) emit(mix(K.target, 0), 'target', -1);
  if (shape.media) emit(mix(K.media, 0), 'media', -1);
  let previous = 0;
  for (let i = 0; i < tokens.length; i++) {
    const h = tokenHash(tokens[i]!);
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

/** 32-bit FNV-1a of a word. */
function tokenHash(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
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
