import { squash } from '../../context';

/**
 * Who a credit or an origin phrase names, read from what follows it ("Photo: Amy Lau", "sent in by
 * a resident", "shared from the local history group"):
 * - `own`: the council itself or a source it lists in `attributionExempt`;
 * - `named`: a specific person, organisation or handle, so the work is credited;
 * - `vague`: someone else, not named ("a resident", "online", "Google", "the press");
 * - `none`: nothing that reads as a source (a caption, a place).
 */
export type SourceKind = 'own' | 'named' | 'vague' | 'none';

/**
 * How to read what follows the cue:
 * - `agent` after "by", "from", "courtesy of", "Credit:": anything unnamed is vague;
 * - `label` after "Photo:" or 📷, where a caption may follow: only a clear non-name is vague;
 * - `place` after "taken from", "copied off": only an online or printed source counts, so that
 *   "taken from the pier" stays a viewpoint.
 */
export type Reading = 'agent' | 'label' | 'place';

const WINDOW = 80;
const LEADING = /^[\s:：\-–—(["“'‘]+/;
// Where the object of a credit ends: the end of a sentence or clause.
const OBJECT_END = /[!?;\n]|\.(?=\s|$)|\s+[-–—|]\s+/;

const OWN = /^(?:us|our|ourselves|we|me|my|the\s+(?:town\s+|parish\s+|city\s+)?council\b|(?:the\s+)?council(?:'s|’s)?\s+(?:own|staff|officers?|team)|(?:the\s+|our\s+)?(?:town\s+|parish\s+)?clerk\b|(?:council\s+)?officers\b|staff\b)/;

const PLATFORM =
  /^(?:google(?!\s+(?:maps|street\s*view|earth))|facebook|fb|twitter|x(?=\s|$|[.,])|instagram|insta|pinterest|tiktok|reddit|whatsapp|nextdoor|youtube|bing|yahoo|social\s+media|the\s+(?:internet|web|net)|internet|online|the\s+web|web)\b/;

// After an agent cue, any unnamed person, group or publication is vague ("Photo by kind permission of …"
// is not "by a kind resident": the credit follows).
const VAGUE_AGENT =
  /^(?:an?|one|some|someone|somebody|anyone|anonymous|anon|unknown|various|several|many|local|kind(?!\s+permission)|lovely|residents?|people|locals|members?\s+of\s+the\s+public|followers?|readers?|friends?|neighbours?|the\s+(?:press|papers?|media|newspapers?|news))(?![\w'’])/;

// After a label cue, only an unnamed person or an online place is vague; anything else is a caption.
const VAGUE_LABEL =
  /^(?:(?:an?|one\s+of\s+our|some)\s+)?(?:(?:local|kind|lovely|keen|friendly|anonymous|talented)\s+)*(?:residents?|locals?|readers?|followers?|friends?|neighbours?|members?\s+of\s+the\s+public|photographers?|contributors?|villagers?|parishioners?|users?|fans?)(?![\w'’])|^(?:unknown|anonymous|anon|someone|somebody|the\s+press|a\s+newspaper)\b/;

const PLACE_WORDS =
  /\b(?:websites?|web\s*sites?|web\s*pages?|site|pages?|groups?|forum|paper|newspapers?|magazine|online|internet|web|google|facebook|twitter|instagram|pinterest|tiktok|social\s+media|article|blog|feed|account|archive|gazette|echo|herald|mercury|chronicle|advertiser|express|observer|journal|telegraph|argus|courier|news|times|mail|residents?|locals?|readers?|followers?|friends?|neighbours?|members?\s+of\s+the\s+public)(?![\w'’])/;
// A place named after "taken from" ends where the noun phrase does: "the day | on our page".
const PHRASE_END = /\s+(?:on|at|in|during|for|with|about|to|and|from|when|while|last|this|yesterday|today)\b/;

// Words after which a capital starts a place, not a name: "a resident of Harbourne".
const PLACE_PREPOSITION = /^(?:of|in|from|at|near|on|around|across|outside|by)$/i;

/** "a local Facebook group": a platform's name does not name the group. */
const PLATFORM_NAME = /^(?:Facebook|FB|Instagram|Insta|WhatsApp|Nextdoor|Twitter|X|Google|TikTok|YouTube|Flickr|Reddit|Bluesky|Mastodon|Threads)\b/;

/** Words between an unnamed source and a capital that show the capital is not the source's name. */
const NOT_BEFORE_NAME = /^(?:wrote|writes|sent|took|takes|shared|made|for|our|the|to|at|in|on|with|about|who|which|that|and|this|these|has|have|had|is|was)$/i;

const NAME_WORD = /^(?:@[\w.@-]+|[\p{Lu}\d][\p{L}\p{N}'’.&-]*)/u;
const NAME_JOINER = /^(?:of|and|&|de|da|van|von|der|le|la|du|the|for)$/;
const NOT_A_NAME = /^(?:This|These|That|Those|Their|His|Her|Its|It|They|He|She|I|A|An|Here|There|What|When|Where|Who|How|Please|Thanks|Thank)$/;

/** Council names and exempt sources, squashed: `squash()` of each `attributionExempt` entry. */
export function ownSourceForms(councilNames: readonly string[], exempt: readonly string[]): string[] {
  return [...councilNames, ...exempt.map(squash)].filter((form) => form.length >= 3);
}

/** Reads the source named at `from` in `text` (the offset just after a cue such as "Photo by"). */
export function classifySource(text: string, from: number, reading: Reading, ownForms: readonly string[]): SourceKind {
  let rest = text.slice(from, from + WINDOW).replace(LEADING, '');
  if (rest.startsWith('@')) return isOwn(rest.split(/\s/, 1)[0]!, ownForms) ? 'own' : 'named';
  const end = OBJECT_END.exec(rest);
  if (end) rest = rest.slice(0, end.index);
  if (rest === '') return 'none';
  const lower = rest.toLowerCase();

  if (OWN.test(lower) || isOwn(rest, ownForms)) return 'own';
  if (reading === 'place' && !PLACE_WORDS.test(lower.split(PHRASE_END, 1)[0]!)) return 'none';
  if (PLATFORM.test(lower)) return 'vague';
  if (reading === 'label') {
    if (VAGUE_LABEL.test(lower)) return namedAfterAll(rest) ? 'named' : 'vague';
    return looksLikeName(rest, true) ? 'named' : 'none';
  }
  if (VAGUE_AGENT.test(lower)) return namedAfterAll(rest) ? 'named' : 'vague';
  const withoutArticle = /^the\s+/i.exec(rest);
  const head = withoutArticle ? rest.slice(withoutArticle[0].length) : rest;
  if (looksLikeName(head, false)) return 'named';
  // "the local history group", "the school": a source, but not a named one.
  return withoutArticle || reading === 'place' ? 'vague' : 'none';
}

/**
 * An unnamed source followed by its name: "a resident, Jane Doe", "local writer Ann Treloar", "a
 * photographer called Sam", but not "a resident of Harbourne".
 */
function namedAfterAll(text: string): boolean {
  const words = text.trim().split(/\s+/, 7);
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (/^(?:@[\w.]|\p{Lu})/u.test(word)) return !PLACE_PREPOSITION.test(words[i - 1]!) && !NOT_A_NAME.test(word) && !PLATFORM_NAME.test(word);
    // "a neighbour wrote for our Remembrance service": past a verb or a preposition the name is not theirs.
    if (NOT_BEFORE_NAME.test(word)) return false;
  }
  return false;
}

/**
 * A name starts with a capital (or is a handle). Read strictly (after a label), the capitalised
 * words must also be all there is, so that "Photo: Volunteers at the beach" stays a caption.
 */
function looksLikeName(text: string, strict: boolean): boolean {
  const words = text.trim().split(/\s+/);
  const first = words[0] ?? '';
  if (!NAME_WORD.test(first) || NOT_A_NAME.test(first)) return false;
  if (!strict) return true;
  for (const word of words.slice(1)) {
    if (NAME_JOINER.test(word)) continue;
    if (!NAME_WORD.test(word)) return /^[(,/|]/.test(word);
    if (/[,)]$/.test(word)) return true;
  }
  return words.length <= 6;
}

function isOwn(text: string, ownForms: readonly string[]): boolean {
  const squashed = squash(text.replace(/^the\s+/i, '').slice(0, 60));
  return ownForms.some((form) => squashed.startsWith(form));
}
