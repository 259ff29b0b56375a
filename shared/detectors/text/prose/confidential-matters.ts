import type { Hit } from '../../detector';
import type { PostView } from '../../post-view';
import { maskName } from '../mask';
import { isGivenName } from '../pii/people';
import type { Segment } from '../segment';
import { allMatches } from './matches';
import { wordGate } from './word-gate';
import type { Span } from './sentence';

/**
 * How many candidate matches of one signal a text is read for: each is judged on its sentence, and a
 * long text of nothing but candidates ("part 2 part 2 …") must still be read in time linear in its length.
 */
const MAX_TRIED = 8;

// Confidential business in the plain words of any council's voice, where the detector's signals
// need a marker and a verb in one sentence or a post-holder's formal title:
// - a member of staff by given name, absent or ill, in a post about the service they run
//   ("Janet on the front desk is off sick with stress", "Sue's been signed off with her back again");
// - a post-holder suspended, let go or investigated ("the harbour assistant has been suspended while we look into …");
// - a post cut before it is announced ("Jay's youth worker post is one of those going in the restructure",
//   "the part-time library assistant post will go from January");
// - a closed or exempt item whose outcome the post gives, in the next sentence or after a label
//   ("Item 10 (exempt, staffing): members agreed …", "the Part 2 item was the lease. We're not renewing it").

/** Cheap test: a word every family below needs. */
const CUE = new RegExp(
  wordGate(
    `sick signed_off unwell poorly hospital off_with off_again off_after off_work suspend let_go stood_down dismiss sacked investigat
    look_into looking_into looks_into disciplin post job role position hours restructur exempt part_2 part_ii part_two part_b closed
    confidential camera excluded schedule_12a`
      .split(/\s+/)
      .map((w) => w.replace(/_/g, ' ')),
  ),
);

/** Staff work: what a post about a member of staff's absence is about. */
const SERVICE = /\b(?:desk|front\s+desk|office|counter|reception|phones?|library|hub|staff|cover|agency|rota|shift|opening\s+hours|close|closing|closed|shut|slow|delays?|queue|bear\s+with|patience|short[- ]staffed|on\s+her\s+own|on\s+his\s+own|on\s+the\s+desk|sessions?|team)\b/i;
/** Absent or ill, in plain words. */
const ABSENT =
  /\b(?:(?:is|was|has\s+been|['’]s\s+been|are|were)\s+(?:still\s+|now\s+|again\s+)?(?:off\s+sick|signed\s+off|off\s+(?:again\s+)?(?:with|after)\s+(?:her|his|their|a|an|the)\s+(?:bad\s+)?\w+|on\s+sick\s+leave|in\s+hospital|unwell|poorly|off\s+work)|off\s+sick|signed\s+off\s+(?:with|for|sick))\b/gi;
/** What may stand between a given name and its verb: "on the front desk", "from the office". */
const NAME_BEFORE = /(?:^|[\s(,])(\p{Lu}\p{Ll}+)(?:['’]s)?(?:\s+(?:on|in|at|from)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:desk|office|counter|reception|phones|library|hub|depot|team|till|gate|grounds|harbour\s+office))?\s*$/u;

/** A job title in a small council: one holder, so identifiable. */
const ROLE = String.raw`(?:(?:part-time|full-time|deputy|assistant|senior|junior|new|youth|library|harbour|office|grounds|outdoor|events|community|cemetery|parks?|play|estates?|finance|admin(?:istration)?|facilities|market|beach|town|parish|centre|hub|cafe|café|bar|hall|maintenance|site|project)\s+){0,3}(?:clerk|assistant|worker|officer|manager|warden|ranger|caretaker|cleaner|groundsman|groundskeeper|gardener|receptionist|administrator|librarian|harbourmaster|harbour\s+master|attendant|steward|supervisor|co-?ordinator|apprentice|handyman|operative|lengthsman|technician|keeper|driver|porter|lifeguard|bookkeeper|accountant|secretary|rfo)`;
const ROLE_MATTER = new RegExp(
  String.raw`\b(?:the|our|their|its)\s+${ROLE}\s+(?:has\s+been|have\s+been|was|were|is|is\s+being|['’]s\s+been|had\s+been|will\s+be|got)\s+(?:(?:now|temporarily|formally|since)\s+)?(suspended|let\s+go|stood\s+down|dismissed|sacked|relieved\s+of\s+(?:his|her|their)\s+duties|placed\s+on\s+(?:special\s+)?leave|under\s+investigation|investigated|spoken\s+to\s+formally)\b`,
  'gi',
);
/** A post-holder's conduct being looked into: "while we look into what happened", "pending an investigation". */
const INQUIRY = /\b(?:while|whilst|until|as)\s+(?:we|the\s+council|the\s+clerk|officers)\s+(?:look|looks|are\s+looking)\s+into\b|\bpending\s+(?:an?\s+)?(?:investigation|inquiry|enquiry|hearing|review)\b|\bunder\s+investigation\b/i;

/** A post cut: "Jay's youth worker post is going in the restructure", "the library assistant post will go". */
const POST_CUT = new RegExp(
  String.raw`\b(?:(\p{Lu}\p{Ll}+)['’]s|the|our|their)\s+(${ROLE})\s+(?:post|job|role|position|hours|contract)\s+(?:is|are|will|['’]ll|to|has|have)?\s*(?:be\s+|being\s+|been\s+|one\s+of\s+(?:those|the\s+ones?)\s+)?(?:going(?!\s+(?:live|ahead|out|up|well|to\s+(?:advert|interview)))|go(?!\s+(?:live|ahead|out|up|to\s+(?:advert|interview|committee)))|cut|deleted|axed|lost|scrapped|disestablished|made\s+redundant|at\s+risk|not\s+(?:be\s+)?renewed|ending|reduced|in\s+the\s+restructure)\b`,
  'giu',
);

/** A closed or exempt item: its marker, with a category or a label allowed. */
const CLOSED_ITEM =
  /\((?:exempt|confidential|closed|part\s+(?:2|ii|two|b))\b[^)]{0,40}\)|\[(?:exempt|confidential)[^\]]{0,30}\]|\b(?:exempt|confidential|closed|part\s+(?:2|ii|two|b))\s+(?:item|items|business|session|bit|part)\b|\bin\s+camera\b|\b(?:press\s+and\s+public|public\s+and\s+press|public)\s+(?:were\s+|was\s+)?excluded\b|\bschedule\s+12a\b/gi;
/** What was decided: an outcome, not an agenda. */
const OUTCOME =
  /\b(?:agreed|decided|resolved|voted|approved|rejected|refused|chose|went\s+with|settled\s+on|(?:not|n['’]t)\s+(?:be\s+)?renew(?:ing|ed)?|won['’]t\s+(?:be\s+)?renew\w*|(?:are|['’]re|is|will\s+be)\s+(?:not\s+)?(?:selling|buying|closing|ending|letting|terminating|cutting)|will\s+go\s+from|will\s+be\s+(?:cut|deleted|axed|sold|closed|ended|terminated)|gets\s+the\s+(?:contract|lease))/i;
/** Words that tell of an outcome without giving it: the minutes' approval, a decision kept back. */
const NOT_AN_OUTCOME =
  /\b(?:once|when|after|until|before)\s+(?:they|the\s+minutes|minutes|it|(?:the\s+)?terms|(?:the\s+|a\s+)?deal|(?:the\s+)?details|they['’]ve|they\s+have)\s*(?:are|['’]re|is|['’]s|have\s+been|has\s+been|been|are\s+formally)?\s*(?:approved|agreed|finalised|finalized|signed)\b|\b(?:not\s+(?:able|allowed|permitted|at\s+liberty)\s+to|unable\s+to|can['’]?t|cannot)\s+(?:share|say|discuss|report|tell\s+(?:you|anyone))\s+(?:what|how|who|anything|more)(?:\s+(?:was|were|members|councillors|we|the\s+council))?\s+(?:decided|agreed|resolved|voted|approved)\b/gi;
/** Words of a leak beside the item: the people concerned have not been told. */
const LEAK = /\bmum['’]s\s+the\s+word\b|🤐|🤫|\b(?:do(?:n['’]t|\s+not)|does(?:n['’]t|\s+not))\s+know\s+yet\b|\b(?:have(?:n['’]t|\s+not)|has(?:n['’]t|\s+not))\s+been\s+told\b|\bkeep\s+(?:it|this)\s+(?:quiet|under\s+your\s+hats?)\b/i;

export function confidentialInPlainWords(view: PostView): Hit[] {
  for (const segment of view.ownSegments) {
    if (!CUE.test(segment.lower)) continue;
    const found = closedOutcome(segment) ?? postCut(segment) ?? roleMatter(segment) ?? namedAbsence(segment);
    if (found) return [found];
  }
  return [];
}

function hit(segment: Segment, span: Span, reason: string): Hit {
  let end = span.end;
  while (end > span.start && /\s/.test(segment.text[end - 1]!)) end--;
  const said = segment.text.slice(span.start, end).replace(/\b(\p{Lu}\p{Ll}+)(?=['’]s\b|\s+(?:on|in|at|from)\s+the\b)/gu, (name) => (isGivenName(name) ? maskName(name) : name));
  return { evidence: said.length > 160 ? `${said.slice(0, said.lastIndexOf(' ', 160))}…` : said, reason, severity: 'high', location: segment.locate(span.start, end) };
}

/** A sentence and the one after it. */
function withNext(segment: Segment, sentence: Span): Span {
  if (sentence.end >= segment.text.length) return sentence;
  const next = segment.sentenceAround(Math.min(segment.text.length - 1, sentence.end + 1));
  return { start: sentence.start, end: Math.max(sentence.end, next.end) };
}

function closedOutcome(segment: Segment): Hit | undefined {
  const text = segment.text;
  for (const m of allMatches(CLOSED_ITEM, text).slice(0, MAX_TRIED)) {
    const sentence = segment.sentenceAround(m.index);
    // After a label ("Item 10 (exempt, staffing): members agreed …") the outcome is on the same line.
    const window = withNext(segment, sentence);
    // "… reported in the minutes once they're approved", "we can't say what was decided": nothing decided is told.
    const said = text.slice(m.index + m[0].length, window.end).replace(NOT_AN_OUTCOME, ' ');
    const outcome = OUTCOME.exec(said);
    const leak = LEAK.exec(text.slice(sentence.start, withNext(segment, window).end));
    if (!outcome && !leak) continue;
    const marker = m[0].replace(/\s+/g, ' ');
    return hit(segment, window, `discloses the outcome of a closed or exempt item ('${marker}' … '${(outcome ?? leak)![0].trim()}')`);
  }
  return undefined;
}

function postCut(segment: Segment): Hit | undefined {
  const text = segment.text;
  if (!/post|job|role|position|hours|contract/i.test(text)) return undefined;
  for (const m of allMatches(POST_CUT, text).slice(0, MAX_TRIED)) {
    const owner = m[1];
    if (owner !== undefined && !isGivenName(owner)) continue;
    // "The new youth worker post will go to advert": recruitment, not a cut.
    if (/\b(?:recruit\w*|vacanc\w*|apply|applications?|advert\w*|closing\s+date|new\s+post)\b/i.test(text.slice(segment.sentenceAround(m.index).start, segment.sentenceAround(m.index).end))) continue;
    return hit(segment, segment.sentenceAround(m.index), `discloses a staffing change before it is announced: ${owner ? `${maskName(owner)}'s` : 'the'} ${m[2]!.toLowerCase()} post`);
  }
  return undefined;
}

function roleMatter(segment: Segment): Hit | undefined {
  const text = segment.text;
  if (!/suspend|let\s+go|stood\s+down|dismiss|sacked|relieved|leave|investigat|spoken/i.test(text)) return undefined;
  for (const m of allMatches(ROLE_MATTER, text).slice(0, MAX_TRIED)) {
    const sentence = segment.sentenceAround(m.index);
    const matter = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    // "Suspended" alone may be a service; said of a post-holder with an inquiry, or any other matter, it is staff business.
    if (matter === 'suspended' && !INQUIRY.test(text.slice(sentence.start, withNext(segment, sentence).end)) && !/\b(?:from\s+(?:duty|work)|on\s+full\s+pay|pending)\b/i.test(text)) continue;
    return hit(segment, sentence, `discloses a staff matter ('${matter}') about an identifiable post-holder`);
  }
  return undefined;
}

function namedAbsence(segment: Segment): Hit | undefined {
  const text = segment.text;
  if (!SERVICE.test(text)) return undefined;
  for (const m of allMatches(ABSENT, text).slice(0, MAX_TRIED)) {
    const sentence = segment.sentenceAround(m.index);
    const named = NAME_BEFORE.exec(text.slice(Math.max(sentence.start, m.index - 60), m.index));
    if (!named || !isGivenName(named[1]!)) continue;
    return hit(segment, sentence, `discloses a staff matter ('${m[0].trim().toLowerCase()}') about a member of staff named ${maskName(named[1]!)}`);
  }
  return undefined;
}
