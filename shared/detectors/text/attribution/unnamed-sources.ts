import { squash } from '../../context';
import type { Hit } from '../../detector';
import { excerpt } from '../mask';
import { allMatches } from '../prose/matches';
import { wordGate } from '../prose/word-gate';
import type { Segment } from '../segment';

// Someone else's work, half-credited in the plain words of any council's voice, where the detector's
// cues read a capital after the cue as a name ("Shared from a local walking group: Hatch Farm woods")
// or need the work's noun right after them:
// - thanks to someone unnamed who sent, took or shared it ("Thank you to the resident who sent this in!");
// - the work said to come from someone unnamed ("Video from a lovely mum in the crowd");
// - found online ("Found this brilliant old photo of the High Street on the internet!", "Found this one online");
// - shared from a group or page, which is not the work's author ("shared from the Porthaven Memories group").

/** Someone not named: a resident, a mum in the crowd, whoever took it. */
const SOMEONE = String.raw`(?:(?:an?|the|one\s+of\s+(?:our|the)|some|that|this|our)\s+(?:[a-z][a-z'’-]+\s+){0,2}(?:residents?|neighbours?|person|people|lady|ladies|gentleman|gent|man|woman|mum|mam|dad|lad|lass|chap|bloke|readers?|followers?|(?:dog\s+)?walkers?|visitors?|members?\s+of\s+(?:the\s+)?public|locals?|villagers?|parishioners?|photographers?|passers?-by|cyclists?|fans?|friends?|contributors?|kids?|child|youngsters?|fisherm[ae]n|sailors?|spectators?|parents?|grandparents?|grand(?:ad|dad|ma|pa|son|daughter)s?|nan|nana|aunt(?:ie)?|uncle|sons?|daughters?|volunteers?)|someone|somebody|whoever|anonymous)`;
const WORK = String.raw`(?:photo(?:graph)?|pic(?:ture)?|image|video|footage|clip|film|shot|snap|drone\s+shot|picture)s?`;

const THANKED = new RegExp(
  String.raw`\b(?:thanks?(?:\s+you)?|cheers|ta|shout[\s-]?out|hats\s+off|big\s+thanks)\s+(?:(?:so|very)\s+much\s+)?(?:to\s+)?(?:${SOMEONE}\s+(?:(?:in|at|on|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3})?(?:who|that)|whoever)\s+(?:(?:kindly|has|have|just)\s+)*(?:sent|shared|took|taken|snapped|captured|filmed|passed|emailed|messaged|gave)\s+(?:(?:us|in|this|these|it|them|on|over)\b\s*){1,2}`,
  'gi',
);
const FROM_SOMEONE = new RegExp(
  String.raw`\b${WORK}\s+(?:(?:was|were|is|came)\s+)?(?:(?:kindly\s+)?(?:sent\s+(?:in\s+)?|taken\s+|shared\s+|supplied\s+|captured\s+|filmed\s+|snapped\s+)?(?:from|by|courtesy\s+of|thanks\s+to|via))\s+${SOMEONE}\b`,
  'gi',
);
const FOUND_ONLINE = new RegExp(
  String.raw`\b(?:found(?!\s+out)|spotted|came\s+across|discovered|dug\s+out|unearthed|stumbled\s+(?:on|across|upon)|pinched|nicked|grabbed|borrowed)\s+(?=(?:[\w'’-]+\s+){0,4}?(?:this|these|that|it|them|one|gem|photos?|pics?|pictures?|images?|videos?|shots?|postcards?|maps?|posters?|footage)\b)(?:[\w'’-]+\s+){0,10}?(?:online|on\s+(?:the\s+)?(?:internet|web|net|interweb|google|facebook|instagram|twitter|pinterest|tiktok|social\s+media))\b`,
  'gi',
);
/** Lower-case "group": "the Porthaven Memories group" is a social media group; "the Harbourne Walking Group" is a body that is credited. */
const FROM_GROUP = new RegExp(
  String.raw`\b(?:${capitalisable('shared|reposted|reshared|re-shared|taken|copied|borrowed|pinched|nicked|grabbed|lifted')})\s+(?:(?:it|this|these|them)\s+)?(?:from|off|via)\s+((?:an?|the|one\s+of\s+the)\s+(?:[\p{L}'’&-]+\s+){0,5}?(?:group|page|forum|feed|account|chat|site|website|blog))s?\b`,
  'gu',
);
/** What follows an unnamed source and names it after all: "a local resident, Sam Okoro", or a group or paper it belongs to. */
const NAMED_AFTER = /^\s*(?:,|\(|-|–)?\s*(?:called\s+|named\s+)?\p{Lu}\p{Ll}+\s+\p{Lu}|^[^.!?]{0,30}\b(?:group|page|forum|site|website|paper|newspaper|magazine|society|club)\b/u;

/** A credit that names someone: then the post is credited, whatever else it says. Its cue may open a sentence. */
const NAMED_CREDIT = new RegExp(
  String.raw`(?:\b(?:${capitalisable('photo|pic|picture|image|video|footage|shot|film|drone')})s?\s*(?:by|:|credit)|\b${capitalisable('credit')}s?\s*(?:to|:)|\b${capitalisable('courtesy')}\s+of|©|📷|📸|\b${capitalisable('thank')}s?\s+(?:you\s+)?to|\b${capitalisable('taken')}\s+by|\b${capitalisable('with')}\s+(?:kind\s+)?permission\s+(?:of|from))\s*:?\s*(?:@[\w.]|\p{Lu}\p{Ll}+(?:\s+\p{Lu}|['’]s\s+\w))`,
  'u',
);

/** Alternatives whose first letter may be a capital: `photo|pic` → `[Pp]hoto|[Pp]ic`. */
function capitalisable(words: string): string {
  return words
    .split('|')
    .map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`)
    .join('|');
}
/** The council's own work, or a source the council names as its own. */
const OWN = /\b(?:our\s+own|we\s+took|taken\s+by\s+(?:our|the\s+(?:clerk|council))|our\s+(?:clerk|staff|drone|team|photographer))\b/i;
const CUE = new RegExp(
  wordGate(
    `thank cheers ta shout hats photo pic image video footage clip film shot snap drone online internet web net google facebook
    instagram twitter pinterest tiktok social group page forum feed account chat site blog`.split(/\s+/),
  ),
);

/** The first statement that a work came from someone unnamed, in a post carrying media. */
export function unnamedSource(segments: readonly Segment[], ownForms: readonly string[]): Hit | undefined {
  if (!segments.some((s) => CUE.test(s.lower)) || segments.some((s) => NAMED_CREDIT.test(s.text) || OWN.test(s.text))) return undefined;
  for (const segment of segments) {
    if (segment.field !== 'text') continue;
    const text = segment.text;
    const found =
      allMatches(THANKED, text)[0] ??
      allMatches(FROM_SOMEONE, text).find((m) => !NAMED_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) ??
      allMatches(FOUND_ONLINE, text)[0] ??
      allMatches(FROM_GROUP, text)[0];
    // The council's own sources and those it lists as exempt ("a local photographer") need no credit.
    if (!found || ownForms.some((form) => squash(found[0]).includes(form))) continue;
    // "Seen this online?" asks the reader; it says nothing about where the post's work came from.
    if (/^\s*\?/.test(text.slice(found.index + found[0].length, found.index + found[0].length + 3))) continue;
    const said = found[0].trim();
    return {
      evidence: excerpt(text, found.index, found.index + said.length),
      reason: `the post says the work is someone else's ("${said}") but does not credit its author or source`,
      location: segment.locate(found.index, found.index + said.length),
    };
  }
  return undefined;
}
