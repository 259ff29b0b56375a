import * as z from '../zod';
import { perContext, ruleOptions, type DetectionContext } from './context';
import { COPYRIGHT_OPTIONS, RULE_META } from './meta';
import type { Hit, PostDetector } from './detector';
import type { PostView } from './post-view';
import { quotations, quotationSource } from './text/attribution/quotations';
import { classifySource, ownSourceForms, type Reading, type SourceKind } from './text/attribution/sources';
import { unnamedSource } from './text/attribution/unnamed-sources';
import { hostOf } from './text/links';
import { excerpt } from './text/mask';
import { allMatches, NextMatch } from './text/prose/matches';
import type { Span } from './text/prose/sentence';
import type { Segment } from './text/segment';

/** Commercial stock libraries: their images are licensed, and a watermark means they were not. */
const STOCK_LIBRARIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/getty\s*images/i, 'Getty Images'],
  [/shutterstock/i, 'Shutterstock'],
  [/alamy/i, 'Alamy'],
  [/istock/i, 'iStock'],
  [/adobe\s*stock|stock\.adobe|ftcdn/i, 'Adobe Stock'],
  [/dreamstime/i, 'Dreamstime'],
  [/123rf/i, '123RF'],
  [/depositphotos/i, 'Depositphotos'],
  [/bigstock/i, 'Bigstock'],
  [/can\s*stock\s*photo/i, 'Can Stock Photo'],
  [/stocksy/i, 'Stocksy'],
  [/pond5/i, 'Pond5'],
  [/agefotostock/i, 'age fotostock'],
];
const STOCK_NAME = new RegExp(STOCK_LIBRARIES.map(([pattern]) => pattern.source).join('|'), 'i');
/** A word every stock library's name above contains: a quicker first test for text that names none (most). */
const STOCK_WORD = /stock|getty|alamy|ftcdn|dreamstime|123rf|depositphotos|pond5/i;
const namesStockLibrary = (text: string): boolean => STOCK_WORD.test(text) && STOCK_NAME.test(text);
const WATERMARK = /\bwatermark/i;

const MEDIA_NOUN =
  /\b(?:photo(?:graph)?s?|pic(?:ture)?s?|images?|imagery|shots?|snaps?|snapshots?|videos?|clips?|footage|films?|drawings?|illustrations?|artwork|paintings?|postcards?|maps?|posters?|graphics?|gifs?|memes?|cartoons?|selfies?)\b/i;
const TEXT_NOUN =
  /\b(?:poems?|poetry|verses?|lyrics|songs?|carols?|words|articles?|story|stories|paragraphs?|extracts?|excerpts?|passages?|letters?|column|reviews?|limericks?|sonnets?|rhymes?|haikus?|odes?)\b/i;
const POEM_NOUN = /\b(?:poems?|poetry|verses?|lyrics|songs?|carols?|sonnets?|limericks?|rhymes?|haikus?|odes?|hymns?)\b/i;

const MEDIA = String.raw`(?:photo(?:graph)?|pic(?:ture)?|image|video|footage|clip|film|drawing|illustration|artwork|painting|poem|lyrics|words|song|map|cartoon|postcard|snap|shot)s?`;

/**
 * Cues that name, or fail to name, where a work came from; what follows each is read as a source.
 * The cue's own noun (if any) says whether it speaks of media or of written content.
 */
const CUES: ReadonlyArray<{ pattern: RegExp; reading: Reading; aboutWork: boolean; admitsCopying?: boolean }> = [
  {
    // "Photo: Amy Lau", "Credit: …", "📷 @handle", a signature line "— Jane Doe"
    pattern: new RegExp(
      String.raw`\b${MEDIA}\s*(?:credits?)?\s*[:：|]\s*|\b(?:photo\s+)?credits?\s*(?:to\s+|[:：\-–—]\s*)|\bwith\s+(?:many\s+)?thanks\s+to\s+|(?:📷|📸|🎥)\s*[:：]?\s*|(?:^|\n)[ \t]*[-–—~][ \t]*(?=\S)`,
      'gi',
    ),
    reading: 'label',
    aboutWork: true,
  },
  {
    // "Photo by …", "© …", "courtesy of …", "Source: …", "as reported in …"
    pattern: new RegExp(
      String.raw`\b${MEDIA}\s+(?:of\s+(?:[\w'’-]+\s+){1,4}?)?(?:(?:taken|captured|snapped|shot|drawn|painted|written|composed|penned|filmed)\s+)?(?:by|courtesy\s+of|thanks\s+to)\s+` +
        String.raw`|©\s*|\(c\)\s+|\bcopyright\s*(?:of\s+|:\s*|©\s*)?|\bcourtesy\s+(?:of\s+)?|\bby\s+(?:kind\s+)?permission\s+(?:of|from)\s+|\bwith\s+(?:kind\s+)?permission\s+(?:of|from)\s+|\bsource\s*[:：]\s*` +
        String.raw`|\bas\s+(?:reported|published|printed|seen)\s+(?:in|by|on)\s+`,
      'gi',
    ),
    reading: 'agent',
    aboutWork: true,
  },
  {
    // "sent in by …", "shared from …": about a work only when the sentence says what was sent
    pattern: new RegExp(
      String.raw`\b(?:sent|emailed|messaged|posted|passed)\s+(?:it\s+|this\s+|them\s+|these\s+)?(?:in\s+|over\s+|on\s+)?(?:to\s+us\s+)?(?:by|from)\s+` +
        String.raw`|\b(?:submitted|shared|forwarded|supplied|provided|contributed|lent|loaned|donated)\s+(?:with\s+us\s+)?(?:by|from)\s+` +
        String.raw`|\b(?:taken|captured|snapped|drawn|painted|written|composed|penned|filmed)\s+by\s+`,
      'gi',
    ),
    reading: 'agent',
    aboutWork: false,
  },
  {
    // "image from Google", "aerial shot of the town from a local drone photographer": only an
    // online or printed source, or an unnamed maker, counts
    pattern: new RegExp(String.raw`\b${MEDIA}\s+(?:of\s+(?:[\w'’-]+\s+){1,4}?)?(?:found\s+on|from|off|via)\s+`, 'gi'),
    reading: 'place',
    aboutWork: true,
  },
  {
    // "taken from …'s website", "found this old photo on Facebook": saying where a work was copied
    // from is not crediting its author, even when the website is named
    pattern:
      /\b(?:taken|copied|borrowed|lifted|grabbed|pinched|nicked|downloaded|screenshot(?:ted)?|saved|pulled|reproduced|sourced|found|got|reposted)\s+(?:[a-z'’]+\s+){0,8}?(?:from|off|on|via)\s+/gi,
    reading: 'place',
    aboutWork: false,
    admitsCopying: true,
  },
];

/** Phrases that say on their own that the work is someone else's, naming nobody. */
const SOCIAL_PLACE = String.raw`(?:facebook|fb|instagram|insta|twitter|x|tiktok|youtube|flickr|snapchat|linkedin|google|pinterest|reddit|nextdoor|whatsapp|threads|bluesky|mastodon|social\s+media|the\s+(?:internet|web|net)|(?:an?|one\s+of\s+the|the)\s+(?:(?:local|community|village|town|history|heritage|residents[’']?|neighbourhood|facebook|whatsapp|nextdoor|old|memories|photo(?:graphy)?|nostalgia)\s+){1,3}(?:groups?|pages?|forums?|sites?|websites?|feeds?|accounts?))(?![\w’'])`;
const VAGUE_ORIGIN = new RegExp(
  [
    String.raw`\b(?:found|seen|spotted|came\s+across|discovered)\s+(?:it\s+|this\s+|them\s+)?online\b|\bgoogle\s+images\b|\bstock\s+(?:photo(?:graph)?|image|picture|footage|shot|video)s?\b|\b(?:newspaper|press)\s+(?:cutting|clipping)s?\b`,
    // "spotted on Facebook", "seen this on a local group", "doing the rounds on social media"
    String.raw`\b(?:found|seen|spotted|saw|came\s+across|discovered|noticed)\s+(?:it\s+|this(?:\s+one)?\s+|these\s+|them\s+)?(?:on|in)\s+${SOCIAL_PLACE}`,
    String.raw`\b(?:doing\s+the\s+rounds|going\s+round|circulating|going\s+viral|(?:been\s+)?shared\s+(?:widely|a\s+lot|lots))\s+(?:on|in)\s+${SOCIAL_PLACE}`,
    // "a resident sent us this photo", "one of our followers shared this"
    String.raw`\b(?:an?|one\s+of\s+our|some|kind|local)\s+(?:(?:kind|local|lovely|keen)\s+)?(?:residents?|locals?|readers?|followers?|neighbours?|members?\s+of\s+the\s+public|villagers?|parishioners?|visitors?)\s+(?:has\s+|have\s+|kindly\s+|just\s+)*(?:sent|shared|emailed|messaged|forwarded|passed|gave|supplied|took|snapped|captured)\s+(?:us|in|on|over|this|these)\b`,
    // "a local artist drew this map", "one of our talented photographers took these": an unnamed maker
    String.raw`\b(?:an?|one\s+of\s+our|some)\s+(?:(?:kind|local|lovely|keen|talented|amateur|young|budding|very\s+talented|\w+-based)\s+){0,2}(?:photographers?|artists?|illustrators?|painters?|drone\s+(?:pilots?|operators?|enthusiasts?)|snappers?|poets?|writers?|designers?|film-?makers?|videographers?|cartoonists?)\s+(?:has\s+|have\s+|kindly\s+|just\s+)*(?:sent|shared|took|snapped|captured|drew|painted|made|designed|created|sketched|filmed|shot|photographed|wrote|penned|composed)\s+(?:us\s+)?(?:this|these|that|the|a|an|our|some|us)\b`,
  ].join('|'),
  'gi',
);

/** The council's own work named before an origin phrase: "our photo of the benches was spotted on Facebook". */
const OWN_WORK = /\b(?:our|my)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:photo(?:graph)?s?|pic(?:ture)?s?|images?|videos?|shots?|snaps?|footage|posts?|film)\b/i;
/** The same through a whole text, and ending at the end of a stretch of it. */
const OWN_WORK_NEXT = new RegExp(OWN_WORK.source, 'gi');
const OWN_WORK_AT_END = new RegExp(`${OWN_WORK.source.replace(/\\b$/, '')}$`, 'i');

/** A work's author named with "by" earlier in the sentence: "… by Kit Marsh, spotted on Facebook". */
const AUTHOR_BEFORE = /\bby\s+(?:@[\w.@-]+|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)\s*,?\s*$/;
/** The characters of a word, a name or a handle, and a word that may be part of a name after "by". */
const TOKEN_CHAR = /[\w'’.@-]/;
const NAME_TOKEN = /^(?:[A-Z][\w'’-]+|@[\w.@-]+)$/;
const WORD_CHAR = /[\w-]/;
const SPACE = /\s/;

// Thanks for the photo to someone: the thanked person is the source ("thanks to a resident for this photo").
const THANKS_FOR = new RegExp(
  String.raw`\bthanks?(?:\s+you)?\s+(?:so\s+much\s+)?to\s+([^.!?\n]{1,60}?)\s+for\s+(?:(?:sending|sharing|supplying|taking|letting\s+us\s+(?:use|share))\s+(?:in\s+|us\s+)?)?(?:(?:the|this|these|that|her|his|their|your|a|some|lovely|great|wonderful|fantastic|amazing|brilliant|beautiful|stunning|old|new)\s+){0,3}(?:${MEDIA}|it\s+in|this\s+in|these\s+in)\b`,
  'dgi',
);

const OPENING_QUOTE = /["“«‘]|(?:^|[\s(:])'[A-Za-z]/;
// Cheap test before the cue patterns: the words and marks every cue starts with.
const CUE_WORD =
  /\b(?:photo|pic|image|video|footage|clip|film|drawing|illustration|artwork|painting|poem|lyric|words|song|map|cartoon|postcard|snap|shot|credit|thank|copyright|courtesy|permission|source|reported|published|printed|seen|sent|emailed|messaged|posted|passed|submitted|shared|forwarded|supplied|provided|contributed|lent|loaned|donated|taken|captured|drawn|painted|written|composed|penned|copied|borrowed|lifted|grabbed|pinched|nicked|downloaded|screenshot|saved|pulled|reproduced|sourced|found|got|reposted|spotted|came|discovered|google|stock|newspaper|press|saw|noticed|rounds|round|circulating|viral|resident|local|reader|follower|neighbour|member|villager|parishioner|visitor|artist|poet|illustrator|designer|film|videographer|cartoonist|drone|snapper)|©|📷|📸|🎥|\(c\)|(?:^|\n)[ \t]*[-–—~]/i;
const QUOTATION_WORDS = 40;
const BLOCK_QUOTE_WORDS = 15;
const POEM_LINES = 3;

interface Compiled {
  ownForms: string[];
}
/**
 * `rules.copyright-attribution.exempt`: sources whose work the council may use without a credit (its own
 * photographers, a partner that licenses to it), added to the configuration's `attributionExempt`.
 */
type Options = z.infer<typeof COPYRIGHT_OPTIONS>;

const compile = perContext((context): Compiled => {
  const { exempt } = ruleOptions<Options>(context, copyrightAttribution.meta);
  return { ownForms: ownSourceForms(context.councilNames, [...context.config.attributionExempt, ...exempt]) };
});

/** A statement about a work's source, found at one place in a segment. */
interface SourceStatement {
  kind: SourceKind;
  /** True when the cue itself speaks of a work ("courtesy of", "Photo by", "stock photo"), not just of a sender. */
  aboutWork: boolean;
  segment: Segment;
  start: number;
  end: number;
}

export const copyrightAttribution: PostDetector = {
  meta: RULE_META['copyright-attribution'],

  /** Not on a post naming a source the council may use without credit (a repost is left alone by the model itself). */
  wordingApplies(view: PostView, context: DetectionContext): boolean {
    const { exempt } = ruleOptions<Options>(context, copyrightAttribution.meta);
    const text = view.ownText.toLowerCase();
    return ![...context.config.attributionExempt, ...exempt].some((source) => text.includes(source.toLowerCase()));
  },

  detect(view: PostView, context: DetectionContext): Hit[] {
    const { post } = view;
    // The platform credits a repost, and the quoted post of a quote, itself.
    if (post.repostOf) return [];
    const hasMedia = (post.media?.length ?? 0) > 0;
    const segments = view.ownSegments;
    const stock = stockLibraryHits(view, segments);
    const blocks = post.quoteOf ? [] : reproducedBlocks(segments);
    if (!hasMedia && blocks.length === 0 && stock.length === 0) return [];

    const { ownForms } = compile(context);
    const statements = segments.flatMap((s) => sourceStatements(s, ownForms));
    // A watermark shows the image was never licensed, whatever the post credits.
    const hits = stock.filter((s) => s.watermark || !statements.some((st) => st.kind === 'named')).map((s) => s.hit);
    // A work from someone unnamed, in plain words the cues above misread (text/attribution/unnamed-sources.ts).
    const unnamed = post.quoteOf || !hasMedia ? undefined : unnamedSource(segments, ownForms);
    if (unnamed) return [...hits, unnamed];
    if (post.quoteOf || statements.some((s) => s.kind === 'named' || s.kind === 'own')) return hits;

    // A long quotation or poem is reported as such; otherwise the first vague source statement.
    for (const block of blocks) {
      const hit = blockHit(block, ownForms);
      if (hit) return [...hits, hit];
    }
    const nouns = new SentenceNouns();
    const vague = statements.find((s) => s.kind === 'vague' && carries(s, hasMedia, blocks.length > 0, nouns));
    if (vague) {
      const { segment, start, end } = vague;
      hits.push({
        evidence: excerpt(segment.text, start, end),
        reason: `the post says the work is someone else's ("${segment.text.slice(start, end).trim()}") but does not credit its author or source`,
        location: segment.locate(start, end),
      });
    }
    return hits;
  },
};

/** Media or links served from a stock library, or its name or watermark in the prose. */
function stockLibraryHits(view: PostView, segments: readonly Segment[]): Array<{ hit: Hit; watermark: boolean }> {
  const found: Array<{ hit: Hit; watermark: boolean }> = [];
  const seen = new Set<string>();

  view.post.media?.forEach((m) => {
    // A stock library's own file names (shutterstock_123.jpg, iStock-123.jpg) count, wherever the file is served from.
    if (!m.url || !namesStockLibrary(m.url)) return;
    const library = libraryName(m.url);
    addStockHit(found, seen, library, { evidence: m.url, reason: `${m.type} is ${article(library)} ${library} stock image (${hostOf(m.url)}), used without a credit` }, false);
  });
  if (view.post.links?.some(namesStockLibrary) || segments.some((s) => namesStockLibrary(s.text))) {
    for (const link of view.links) {
      if (!STOCK_NAME.test(link.host)) continue;
      const library = libraryName(link.host);
      addStockHit(found, seen, library, { evidence: link.url, reason: `links to ${article(library)} ${library} stock image (${link.host}), used without a credit`, location: link.location }, false);
    }
    for (const segment of segments) {
      const match = STOCK_NAME.exec(segment.text);
      if (!match) continue;
      const library = libraryName(match[0]);
      const watermark = WATERMARK.test(segment.text);
      const start = match.index;
      const end = start + match[0].length;
      addStockHit(
        found,
        seen,
        library,
        {
          evidence: excerpt(segment.text, start, end),
          reason: watermark
            ? `${segment.field === 'text' ? 'the text' : 'the alt text'} describes ${article(library)} ${library} watermark: a stock image shown without a licence`
            : `${segment.field === 'text' ? 'the text' : 'the alt text'} names the stock library ${library}, with no credit`,
          location: segment.locate(start, end),
        },
        watermark,
      );
    }
  }
  return found;
}

/** A stock library's hit, once per library, with the severity and remediation a stock image has. */
function addStockHit(
  found: Array<{ hit: Hit; watermark: boolean }>,
  seen: Set<string>,
  library: string,
  hit: Omit<Hit, 'severity' | 'remediation'>,
  watermark: boolean,
): void {
  if (seen.has(library)) return;
  seen.add(library);
  found.push({
    hit: {
      ...hit,
      severity: 'high',
      remediation: `Check that the council holds a ${library} licence for this image and credit it as the licence requires; if it does not, remove the image.`,
    },
    watermark,
  });
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function libraryName(text: string): string {
  return STOCK_LIBRARIES.find(([pattern]) => pattern.test(text))?.[1] ?? 'stock library';
}

/** Every cue in a segment that says where a work came from, with the source it names. */
function sourceStatements(segment: Segment, ownForms: readonly string[]): SourceStatement[] {
  const text = segment.text;
  const statements: SourceStatement[] = [];
  if (!CUE_WORD.test(text)) return statements;
  for (const { pattern, reading, aboutWork, admitsCopying } of CUES) {
    for (const match of allMatches(pattern, text)) {
      const end = match.index + match[0].length;
      let kind = classifySource(text, end, reading, ownForms);
      if (kind === 'named' && admitsCopying) kind = 'vague';
      if (kind !== 'none') statements.push({ kind, aboutWork, segment, start: match.index, end: phraseEnd(text, end) });
    }
  }
  for (const match of allMatches(THANKS_FOR, text)) {
    const kind = classifySource(text, match.indices![1]![0], 'agent', ownForms);
    if (kind !== 'none') statements.push({ kind, aboutWork: true, segment, start: match.index, end: match.index + match[0].length });
  }
  const ownWork = new NextMatch(OWN_WORK_NEXT, text);
  for (const match of allMatches(VAGUE_ORIGIN, text)) {
    const end = match.index + match[0].length;
    // "Seen this on Facebook?" asks the reader; "our photo … was spotted on Facebook" is the council's own.
    if (/^\s*\?/.test(text.slice(end, end + 3))) continue;
    const sentence = segment.sentenceAround(match.index);
    if (ownWorkBetween(text, sentence.start, match.index, ownWork)) continue;
    // "Sunset over the bay by Kit Marsh, seen on Instagram": the author is named before where it was seen.
    if (authorBefore(text, sentence.start, match.index)) continue;
    statements.push({ kind: 'vague', aboutWork: true, segment, start: match.index, end });
  }
  return statements;
}

/**
 * Whether OWN_WORK matches `text[from, to)`, where `from` starts a sentence. Each origin phrase of a
 * long sentence would otherwise test the whole sentence before it: the text is searched once for
 * the council's own work, and only the words just before `to` are tested for one that the end of
 * the stretch cuts off from what follows ("our photo" in "our photofound online").
 */
export function ownWorkBetween(text: string, from: number, to: number, next: NextMatch): boolean {
  const found = next.at(from);
  if (found !== null && found.index + found[0].length <= to) return true;
  // A match ending at `to` holds at most four words ("our own old photos") and the spaces between them
  let start = to;
  for (let word = 0; word < 4; word++) {
    while (start > from && WORD_CHAR.test(text[start - 1]!)) start--;
    while (start > from && SPACE.test(text[start - 1]!)) start--;
  }
  return OWN_WORK_AT_END.test(text.slice(Math.max(from, start - 1), to));
}

/**
 * Whether AUTHOR_BEFORE matches `text[from, to)`. A match is "by" and a name (capitalised words or a
 * handle) at the very end, so it is tested on the capitalised words at the end and the word before
 * them, not on the whole sentence before each origin phrase.
 */
export function authorBefore(text: string, from: number, to: number): boolean {
  let start = to;
  while (start > from && SPACE.test(text[start - 1]!)) start--;
  if (start > from && text[start - 1] === ',') start--;
  while (start > from && SPACE.test(text[start - 1]!)) start--;
  for (;;) {
    let token = start;
    while (token > from && TOKEN_CHAR.test(text[token - 1]!)) token--;
    if (token === start) break;
    const name = NAME_TOKEN.test(text.slice(token, start));
    start = token;
    // The word that must end in "by": the match starts in it
    if (!name) break;
    while (start > from && SPACE.test(text[start - 1]!)) start--;
  }
  return AUTHOR_BEFORE.test(text.slice(Math.max(from, start - 1), to));
}

/** The end of the source's name: a few words after the cue, stopping at the clause. */
function phraseEnd(text: string, from: number): number {
  const rest = /^[^.!?;:\n,"“”()]{0,40}/.exec(text.slice(from))![0];
  const cut = rest.length === 40 ? rest.lastIndexOf(' ') : rest.length;
  return from + Math.max(cut, 0);
}

/**
 * Whether the post carries the work a vague source statement speaks of. A credit ("courtesy of …")
 * always speaks of a work. Otherwise the sentence decides: a photo needs media, a poem or article
 * needs reproduced text; a statement that opens its sentence ("Sent in by a resident.") may speak
 * of either, and one in a sentence about something else ("information provided by a resident")
 * speaks of neither.
 */
function carries(statement: SourceStatement, hasMedia: boolean, hasBlock: boolean, nouns: SentenceNouns): boolean {
  const { segment, start } = statement;
  if (segment.field !== 'text' || statement.aboutWork) return hasMedia || hasBlock;
  const sentence = segment.sentenceAround(start);
  const { media, written } = nouns.of(segment, sentence);
  if (media || written) return (media && hasMedia) || (written && hasBlock);
  // "Sent in by a resident." or "We found this on a local group.": the sentence is about the work itself.
  const opensSentence = /^[\s"“'‘(]*(?:(?:we|i|we['’]ve|someone|somebody)\s+(?:have\s+|just\s+)?)?$/i.test(segment.text.slice(sentence.start, start));
  if (opensSentence) return hasMedia || hasBlock;
  // A short caption to an image, "Stunning view of the bridge in the snow, shared from a local walking
  // group", speaks of the image unless it names something else that was sent (information, a complaint).
  return hasMedia && segment.text.length <= CAPTION_LENGTH && !NOT_A_WORK.test(segment.text.slice(sentence.start, sentence.end));
}

/** How long a post's text may be and still be read as its image's caption. */
const CAPTION_LENGTH = 280;
/** Things sent in or shared that are not a work: "information provided by a resident". */
const NOT_A_WORK =
  /\b(?:information|info|news|details|reports?|updates?|requests?|complaints?|questions?|feedback|ideas?|suggestions?|comments?|messages?|data|figures|results|concerns?|emails?|documents?|list|money|donations?|funds?|cakes?|food|plants?|bulbs?|seeds?|tips?|recipes?|sightings?)\b/i;

/** Whether a sentence speaks of media or of written work, read once for all the statements in it. */
class SentenceNouns {
  #last: { segment: Segment; start: number; end: number; media: boolean; written: boolean } | undefined;

  of(segment: Segment, sentence: Span): { media: boolean; written: boolean } {
    const last = this.#last;
    if (last?.segment === segment && last.start === sentence.start && last.end === sentence.end) return last;
    const words = segment.text.slice(sentence.start, sentence.end);
    this.#last = { segment, ...sentence, media: MEDIA_NOUN.test(words), written: TEXT_NOUN.test(words) };
    return this.#last;
  }
}

interface Block {
  segment: Segment;
  start: number;
  end: number;
  words: number;
  kind: 'quotation' | 'poem';
}

/**
 * Cheap test before looking for quotations or verse: room for 40 quoted words, or for a short poem
 * in a post that speaks of one, and a quotation mark or line breaks to hold it.
 */
function mightCarryBlock(segment: Segment, aboutVerse: boolean): boolean {
  const text = segment.text;
  if (text.length < (aboutVerse ? BLOCK_QUOTE_WORDS * 4 : QUOTATION_WORDS * 4)) return false;
  return OPENING_QUOTE.test(text) || (aboutVerse && lineCount(text) > POEM_LINES);
}

/** mightCarryBlock for a post that speaks of verse, which needs least: when false, it is false either way. */
function mightCarryBlockIfVerse(segment: Segment): boolean {
  return mightCarryBlock(segment, true);
}

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * Reproduced writing long enough to need a credit: a quotation of 40 words or more, or, in a post
 * that speaks of a poem or song, a shorter quotation or a run of short lines.
 */
function reproducedBlocks(segments: readonly Segment[]): Block[] {
  const blocks: Block[] = [];
  for (const segment of segments) {
    // Whether the post speaks of verse is asked only of text that might hold a block either way.
    if (!mightCarryBlockIfVerse(segment)) continue;
    const aboutVerse = POEM_NOUN.test(segment.text);
    if (!mightCarryBlock(segment, aboutVerse)) continue;
    for (const q of quotations(segment.text, aboutVerse ? BLOCK_QUOTE_WORDS : QUOTATION_WORDS)) blocks.push({ segment, ...q, kind: 'quotation' });
    if (aboutVerse) {
      const verse = verseLines(segment.text);
      if (verse && !blocks.some((b) => b.segment === segment && b.start <= verse.start && verse.end <= b.end + 1)) {
        blocks.push({ segment, ...verse, kind: 'poem' });
      }
    }
  }
  return blocks;
}

/** The first run of at least three short lines (2–12 words each): the shape of verse. */
function verseLines(text: string): { start: number; end: number; words: number } | undefined {
  let runStart = -1;
  let lines = 0;
  let words = 0;
  let offset = 0;
  let afterIntroduction = false;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    // An introduction ("A poem for Harbour Day:") is not a line of verse; a line after it that also
    // ends in a colon is the verse's first.
    const introduction: boolean = trimmed.endsWith(':') && !afterIntroduction;
    afterIntroduction = introduction;
    const n = trimmed === '' || introduction ? 0 : trimmed.split(/\s+/).length;
    if (n >= 2 && n <= 12) {
      if (runStart < 0) runStart = offset;
      lines++;
      words += n;
    } else if (lines >= POEM_LINES) {
      return { start: runStart, end: offset - 1, words };
    } else {
      runStart = -1;
      lines = 0;
      words = 0;
    }
    offset += line.length + 1;
  }
  return lines >= POEM_LINES ? { start: runStart, end: text.length, words } : undefined;
}

/** A long quotation or a poem with no named author or source. */
function blockHit(block: Block, ownForms: readonly string[]): Hit | undefined {
  const { segment, start, end, words } = block;
  const source = quotationSource(segment.text, block, ownForms);
  if (source === 'named' || source === 'own') return undefined;
  const poem = block.kind === 'poem' || POEM_NOUN.test(segment.text.slice(Math.max(0, start - 120), start));
  if (!poem && words < QUOTATION_WORDS) return undefined;
  const opening = segment.text.slice(start, end).split(/\s+/).slice(0, 8).join(' ');
  const why = source === 'vague' ? 'names no author or source' : 'does not say whose words they are';
  return {
    evidence: `“${opening}…” (${words} words)`,
    reason: poem
      ? `reproduces a poem or song of ${words} words and ${why}`
      : `reproduces ${words} words in quotation marks, more than a short quotation, and ${why}`,
    location: segment.locate(start, end),
  };
}
