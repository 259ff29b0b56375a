import { maskKeeping, maskName } from '../mask';
import { STREET_SUFFIX } from './addresses';
import { wordGate } from '../prose/word-gate';
import { allMatches, sentenceAround, sentenceStart } from './clues';
import { maskedPerson, personEndingAt, type Person } from './people';
import type { PiiKind, PiiScan } from './types';

/**
 * How many candidate matches of one signal a text is read for: each is judged on its sentence, and a
 * long text of nothing but candidates ("part 2 part 2 …") must still be read in time linear in its length.
 */
const MAX_TRIED = 8;

// Personal data said in plain words, the way any council's voice says it, where the shaped
// recognisers (addresses.ts, children.ts, health.ts) need a fixed word order:
// - a home given as "Doreen Fawcett at number 14", or after a form's label with initials ("Mr B. Cairns, 22 Pit Row");
// - a child's age in an aside: "Little Jack Tully (he's 7, …)", "Ava — she's only 5 —";
// - an offence, illness or injury said of a person through a modifier the plain reader stops at:
//   "Kyle Tregenza from Chapel Hill, the lad who …, has been given a police caution", "Janet on the front desk is off sick";
// - an offence said to the person addressed: "Mr Fenwick … someone who was fined for fly-tipping";
// - a mobility aid or medicine said to a named person: "Mr Okafor, … your mobility scooter".
// Each runs after the shaped recognisers, so what they found is not reported twice.

/**
 * The words each finder needs, by finder. One read of the lower-case text through a trie of all of
 * them says which finders can match at all: most posts have none of the words, and the rest run only
 * the finders their words call for.
 */
const CUE_WORDS: Readonly<Record<Family, string>> = {
  home: 'number flat mr mrs ms miss mx dr. dr_',
  child: 'he_is he_was he_has he_turned he_turns she_is she_was she_has she_turned she_turns who_is who_was who_has who_turned age_ aged (age',
  crime: 'fined convict caution arrest prosecut charged jailed imprison prison in_court to_court banned asbo community_order sentenced community_service unpaid_work magistrates crown_court',
  illness: 'sick signed_off hospital unwell poorly recovering having_an off_with off_again out_with',
  aid: 'scooter wheelchair walking_stick walking_frame zimmer crutches hearing_aid blue_badge guide_dog inhaler insulin medication meds pills oxygen carer stairlift stair_lift commode catheter colostomy disability',
};
type Family = 'home' | 'child' | 'crime' | 'illness' | 'aid';
const FAMILY_OF = new Map<string, Family>();
for (const [family, words] of Object.entries(CUE_WORDS) as Array<[Family, string]>) {
  for (const word of words.split(/\s+/)) FAMILY_OF.set(word.replace(/_/g, ' '), family);
}
const CUE = new RegExp(String.raw`${wordGate([...FAMILY_OF.keys()])}|\b(?:no\.?\s*\d|(?:he|she|who)['’]s\s)`, 'g');

export function findPlainWordDetails(scan: PiiScan): void {
  let families: Set<Family> | undefined;
  for (const m of allMatches(CUE, scan.text.toLowerCase())) {
    const family = FAMILY_OF.get(m[0]) ?? (m[0].startsWith('no') ? 'home' : 'child');
    (families ??= new Set()).add(family);
  }
  if (families === undefined) return;
  if (families.has('home')) numberedHomes(scan);
  if (families.has('child')) childAges(scan);
  const crime = families.has('crime');
  if (crime || families.has('illness')) detailsThroughModifiers(scan);
  if (crime) offenceToAddressee(scan);
  if (families.has('aid')) aidsToAddressee(scan);
}

// ---- A home by its number ----------------------------------------------------------------------------

/** "at number 14", "of No. 3", "(no 7)", "in flat 2": a house number said without a street. */
const NUMBERED_HOME = /(?:,?\s+(?:at|of|from|in|who\s+lives\s+at|who\s+lives\s+in|lives\s+at)\s+|\s*\(\s*)(?:number|no\.?|flat|house)\s*(\d{1,4}[A-Za-z]?)\b\)?/gi;
/** A number after these is not a home: "bus number 14", "at number one in the charts", "item no. 4". */
const NOT_A_HOME_BEFORE = /\b(?:bus|route|item|agenda|page|table|line|platform|gate|pitch|plot|stall|unit|room|ref|reference|question|minute|track|hymn|ward|car|seat|shirt|squad|ranked|chart|charts?|at)\s*$/i;
/** A house number and street after a person, with initials allowed: "Mr B. Cairns, 22 Pit Row". */
const INITIALLED_ADDRESS = new RegExp(
  String.raw`\b((?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:[A-Z]\.?\s*){1,3}[A-Z][a-z'’-]+|[A-Z]\.\s*(?:[A-Z]\.\s*)?[A-Z][a-z'’-]+)\s*(?:,|\(|-|–|\bof\b|\bat\b)\s*(\d{1,4}[A-Za-z]?),?\s+((?:\p{Lu}[\p{L}'’.-]*\s+){1,3}${STREET_SUFFIX})\b`,
  'gu',
);

function numberedHomes(scan: PiiScan): void {
  const { text } = scan;
  if (/number|no\.?\s*\d|flat|house/i.test(text)) {
    for (const m of allMatches(NUMBERED_HOME, text).slice(0, MAX_TRIED)) {
      const before = text.slice(Math.max(sentenceStart(text, m.index), m.index - 80), m.index);
      const person = personEndingAt(before, scan.context);
      if (person === undefined || person.evidence === 'role') continue;
      if (NOT_A_HOME_BEFORE.test(before.slice(0, person.start))) continue;
      const start = m.index - before.length + person.start;
      add(scan, 'home-address', start, m.index + m[0].length, `home:${person.name.toLowerCase()}`, `${maskedPerson(person)}, number ${maskKeeping(m[1]!, 0)}`, `home address (house number) of a private person, ${maskedPerson(person)}`);
    }
  }
  if (/[A-Z]\.\s*[A-Z]|(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z]\b/.test(text)) {
    for (const m of allMatches(INITIALLED_ADDRESS, text).slice(0, MAX_TRIED)) {
      const who = maskName(m[1]!.replace(/^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+/, ''));
      const title = /^(?:Mrs|Mr|Ms|Miss|Mx|Dr)/.exec(m[1]!)?.[0];
      const named = title ? `${title} ${who}` : who;
      add(scan, 'home-address', m.index, m.index + m[0].length, `address:${(m[2]! + m[3]!).toLowerCase().replace(/[^a-z0-9]/g, '')}`, `${named}, ${maskKeeping(m[2]!, 0)} ${maskName(m[3]!)}`, `home address (house number and street) of a private person, ${named}`);
    }
  }
}

// ---- A child's age in an aside -----------------------------------------------------------------------

/** "(he's 7", ", she is only 9", "— who's 6 —", "(age 8)", "(aged 4)", "he turned 8", straight after a name. */
const AGE_ASIDE =
  /^\s*(?:[,(–—-]\s*)?(?:(?:he|she)(?:['’]s|\s+is|\s+was|\s+turned|\s+turns|\s+has\s+just\s+turned)|who(?:['’]s|\s+is|\s+turned|\s+has\s+just\s+turned)|age|aged)\s+(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+)?(\d{1,2})\b(?!\s*(?:am|pm|%|minutes?|mins?|hours?|miles?|km|metres?|feet|ft|points?|goals?|runs?|laps?|years?\b(?![\s-]*old)|months?|weeks?|days?|o['’]clock|:\d))/i;
/** Where a child's age may follow: a name and the aside's opening. */
const AGE_OPENING = /(?:\(\s*|[,–—-]\s*|\s)(?:he|she|who|age|aged)\b/gi;
/** Words before a child's name that a capital does not make part of it. */
const ENDEARMENT = /\b(?:Little|Young|Wee|Baby|Our)\s+(?=\p{Lu})/gu;
/** A name standing for a child: "Little Jack Tully", "our Jack". */
const ADULT_WORDS = /\b(?:councillor|cllr|mayor|clerk|staff|volunteer|resident|neighbour|mr|mrs|ms|dr|pensioner|grandad|grandma|nan|widow|veteran)\b/i;

function childAges(scan: PiiScan): void {
  const { text } = scan;
  for (const opening of allMatches(AGE_OPENING, text).slice(0, MAX_TRIED)) {
    const at = opening.index;
    const aside = AGE_ASIDE.exec(text.slice(at, at + 60));
    if (!aside) continue;
    const age = Number(aside[1]);
    if (age < 1 || age > 15) continue;
    const before = text.slice(Math.max(sentenceStart(text, at), at - 80), at);
    // "Little Jack Tully": the endearment is not part of the name.
    const person = personEndingAt(before.replace(/\s+$/, '').replace(ENDEARMENT, (word) => word.toLowerCase()), scan.context);
    if (person === undefined || person.evidence !== 'known') continue;
    if (ADULT_WORDS.test(before.slice(Math.max(0, person.start - 30), person.start))) continue;
    const start = at - before.length + person.start;
    const end = at + aside[0].length;
    scan.add({
      kind: 'child',
      start,
      end,
      key: `child:${person.name.toLowerCase()}`,
      evidence: `${maskedPerson(person)} (age ${age})`,
      signal: `a child identified by name (${maskedPerson(person)}) with their age`,
    });
  }
}

// ---- A detail said of a person through a modifier ----------------------------------------------------

const OFFENCE = String.raw`fined|convicted|prosecuted|cautioned|arrested|charged\s+with|jailed|imprisoned|sentenced|banned\s+from\s+driving|given\s+(?:a\s+)?(?:police\s+)?caution|(?:a\s+)?police\s+caution|(?:a\s+)?criminal\s+record|an?\s+asbo|a\s+community\s+order|a\s+suspended\s+sentence|taken\s+to\s+court|in\s+court|given\s+(?:\d{1,3}|[a-z]+)\s+hours(?:\s+of)?\s+(?:community\s+service|unpaid\s+work)|due\s+(?:at|in|before)\s+(?:[a-z'’-]+\s+)?(?:magistrates|crown\s+court)`;
const ILLNESS = String.raw`off\s+sick|signed\s+off(?:\s+(?:sick|work))?(?:\s+(?:with|for)\b[^.!?,]{0,30})?|on\s+sick\s+leave|in\s+hospital|unwell|poorly|(?:off|out)\s+(?:again\s+)?(?:with|after)\s+(?:her|his|their|a|an|the)\s+(?:bad\s+)?(?:back|knee|hip|leg|arm|shoulder|nerves|op|operation|fall|stress|anxiety|depression)|recovering\s+(?:from|after)|having\s+(?:an?\s+)?(?:operation|op|surgery|chemo\w*)`;
/** Linking words between the subject and the detail. */
const LINK = String.raw`(?:is|was|has\s+been|had\s+been|have\s+been|got|received|accepted|admitted|pleaded|['’]s\s+been|['’]s)\s+(?:(?:still|now|again|just|recently|finally|also|been|being|off)\s+)*`;
const DETAIL_AFTER_LINK = new RegExp(String.raw`${LINK}(?:(${OFFENCE})|(${ILLNESS}))\b`, 'gi');
/** What may stand between a name and its verb, stripped from the end. */
const TRAILING_APPOSITIVE = /,[^,]{2,140},\s*$/;
const TRAILING_PLACE = /\s+(?:from|of|in|at|on)\s+(?:the\s+)?(?:(?:\p{Lu}[\p{L}'’-]*|[a-z]+)\s+){0,3}?(?:\p{Lu}[\p{L}'’-]*|desk|office|counter|reception|till|phones|depot|bar|kitchen|library|team|door|gate|grounds|yard|number\s+\d{1,4})\s*$/u;
const POSSESSIVE_END = /['’]s?\s*$/;
const TRAILING_AGE = /,\s*(?:aged\s+)?\d{1,2},?\s*$/;

function detailsThroughModifiers(scan: PiiScan): void {
  const { text } = scan;
  for (const m of allMatches(DETAIL_AFTER_LINK, text).slice(0, MAX_TRIED)) {
    const sentence = sentenceStart(text, m.index);
    const from = Math.max(sentence, m.index - 200);
    const before = text.slice(from, m.index).replace(/\s+$/, '').replace(POSSESSIVE_END, '');
    // "Janet on the front desk", "Kyle Tregenza from Chapel Hill, the lad who …,": the plain reader stops at the modifier.
    let stripped = before.replace(TRAILING_APPOSITIVE, '');
    stripped = stripped.replace(TRAILING_PLACE, '');
    // "Ryan Trezise, 19, of Bay View has been …": an age between the name and the place.
    stripped = stripped.replace(TRAILING_AGE, '');
    if (stripped === before) continue;
    const person = personEndingAt(stripped, scan.context);
    if (person === undefined || person.evidence === 'role' || person.evidence === 'unfamiliar') continue;
    const crime = m[1] !== undefined;
    const detail = (m[1] ?? m[2]!).replace(/\s+/g, ' ').toLowerCase();
    const start = from + person.start;
    addDetail(scan, crime ? 'criminal-record' : 'health', person, start, m.index + m[0].length, detail);
  }
}

// ---- An offence said to the person addressed ---------------------------------------------------------

const OFFENCE_TO_YOU = new RegExp(
  String.raw`\b(?:you(?:\s+(?:were|was|got|have\s+been)|['’]ve\s+been)|(?:someone|somebody|a\s+(?:man|woman|person|chap|bloke|lady|gentleman)|the\s+(?:man|woman|person|same\s+person|chap|bloke))\s+who\s+(?:was|got|has\s+been|['’]s\s+been)|(?:given|after|since|despite)\s+your)\s+(?:\w+\s+){0,2}?(${OFFENCE}|conviction|arrest|caution|prosecution)\b`,
  'gi',
);
/** The person spoken to: a titled surname anywhere, or a given name set off by commas. */
const ADDRESSED = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+\p{Lu}[\p{L}'’-]+|(?:^|[,.!?]\s*)(\p{Lu}\p{Ll}+)(?=\s*,)/gu;

function offenceToAddressee(scan: PiiScan): void {
  const { text } = scan;
  for (const m of allMatches(OFFENCE_TO_YOU, text).slice(0, MAX_TRIED)) {
    const person = addressee(scan, text);
    if (person === undefined) continue;
    addDetail(scan, 'criminal-record', person, m.index, m.index + m[0].length, m[1]!.replace(/\s+/g, ' ').toLowerCase());
  }
}

function addressee(scan: PiiScan, text: string): Person | undefined {
  for (const m of allMatches(ADDRESSED, text)) {
    const words = m[1] ?? m[0];
    const person = personEndingAt(words, scan.context);
    if (person !== undefined && person.evidence !== 'unfamiliar' && person.evidence !== 'role') return person;
  }
  return undefined;
}

// ---- A mobility aid or medicine said to a named person -----------------------------------------------

const AID =
  /\b(your|his|her)\s+(?:(?:new|old|electric|trusty|motorised|own)\s+)?(mobility\s+scooter|scooter|wheelchair|walking\s+(?:stick|frame)|zimmer(?:\s+frame)?|crutches|hearing\s+aids?|blue\s+badge|guide\s+dog|inhaler|insulin|medication|meds|pills|oxygen(?:\s+tank)?|carer|stair\s*lift|commode|catheter|colostomy\s+bag|disability\s+(?:benefits?|allowance)|pip)\b/gi;

function aidsToAddressee(scan: PiiScan): void {
  const { text } = scan;
  for (const m of allMatches(AID, text).slice(0, MAX_TRIED)) {
    const whose = m[1]!.toLowerCase();
    let person: Person | undefined;
    if (whose === 'your') {
      person = addressee(scan, text);
    } else {
      const sentence = sentenceAround(text, m.index, m.index + m[0].length);
      const offset = text.indexOf(sentence);
      person = personEndingAt(text.slice(offset, m.index).replace(/\s+(?:\S+\s+){0,6}$/, ''), scan.context);
      person ??= namedInSentence(scan, text.slice(Math.max(offset, m.index - 100), m.index));
    }
    if (person === undefined || person.evidence === 'role') continue;
    addDetail(scan, 'health', person, m.index, m.index + m[0].length, `${whose} ${m[2]!.toLowerCase()}`);
  }
}

/** The last titled or familiar name in a stretch of text ("Pat Kent says his scooter …"). */
function namedInSentence(scan: PiiScan, text: string): Person | undefined {
  for (let cut = text.length; cut > 0; cut = text.lastIndexOf(' ', cut - 1)) {
    const person = personEndingAt(text.slice(0, cut).replace(/[\s,]+$/, ''), scan.context);
    if (person !== undefined && person.evidence !== 'unfamiliar' && person.evidence !== 'role') return person;
    if (cut <= 0) break;
  }
  return undefined;
}

// ---- Recording ---------------------------------------------------------------------------------------

function addDetail(scan: PiiScan, kind: 'health' | 'criminal-record', person: Person, start: number, end: number, detail: string): void {
  const who = maskedPerson(person);
  const crime = kind === 'criminal-record';
  add(
    scan,
    kind,
    Math.min(start, end),
    end,
    `${crime ? 'crime' : 'health'}:${person.name.toLowerCase()}`,
    `${who}: ${detail}`,
    `${crime ? 'criminal-record' : 'health or disability'} detail ("${detail}") about a named person, ${who}`,
  );
}

function add(scan: PiiScan, kind: PiiKind, start: number, end: number, key: string, evidence: string, signal: string): void {
  if (scan.found.some((f) => f.key === key || (f.kind === kind && f.start < end && start < f.end))) return;
  scan.add({ kind, start, end, key, evidence, signal });
}
