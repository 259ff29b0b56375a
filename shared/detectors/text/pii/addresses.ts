import { UK_POSTCODE } from '../../context';
import { maskKeeping, maskName } from '../mask';
import { allMatches, sentenceAround, sentenceStart } from './clues';
import { maskedPerson, personEndingAt, personStartingAt, type Person } from './people';
import type { PiiScan } from './types';

/** The last word of an English street name. */
export const STREET_SUFFIX = String.raw`(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Way|Crescent|Terrace|Place|Gardens|Court|Grove|Mews|Row|Hill|Walk|Square|Parade|View|Rise|Green|Park|Cottages|Villas|Wharf|Yard|End|Meadows?|Fields|Gate|Croft|Chase|Hollow|Quay|Vale|Esplanade|Promenade|Wynd|Lea|Orchard|Paddock)`;
const POSTCODE = String.raw`[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}`;

/** House number and street, with the town and postcode that may follow: `3 Quay Terrace, Harbourne HB4 7QT`. */
const HOUSE_ADDRESS = new RegExp(
  String.raw`(\d{1,4}[A-Za-z]?),?\s+((?:\p{Lu}[\p{L}'’.-]*\s+){1,3}${STREET_SUFFIX}|(?:Heol|Stryd|Ffordd|Lôn|Lon|Maes|Llys|Rhodfa|Teras|Cilgant)\s+(?:y\s+|yr\s+)?\p{Lu}[\p{L}'’-]+)\b\.?(?:,?\s+(?:\p{Lu}\p{Ll}+\s+){0,2}(${POSTCODE})\b)?`,
  'uy',
);
/** House number and postcode without a street: `14, HB4 7XY`. */
const HOUSE_POSTCODE = new RegExp(String.raw`(\d{1,4}[A-Za-z]?),?\s+(?:\p{Lu}\p{Ll}+,?\s+){0,2}(${POSTCODE})\b`, 'uy');
/**
 * House number and a street named without a suffix (`53 Cheapside`, `34 Scar Top`): taken for an
 * address only when it follows a named person and "of" ("Keith Royle of 53 Cheapside").
 */
const HOUSE_PLACE = /(\d{1,4}[A-Za-z]?),?\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\b(?![\s,]*\d)/uy;
/** Capitalised words after a number that are not a street: dates, counts, names of groups. */
const NOT_A_STREET =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Years?|Counties|Villages?|Towns?|Parishes|Members?|Volunteers?|People|Pupils?|Children|Teams?|Clubs?|Days?|Weeks?|Months?|Hours?|Minutes?|Miles?|Acres?|Metres?|Tonnes?|Bags?|Trees?|Homes?|Houses?|Flats?|New|Old|Great|Little)\b/;

const OF_BEFORE = /\bof\s*$/;
/** A name of a body or a building, not a street: "3 Rivers Trust", "7 Bells Inn". */
const ORGANISATION =
  /^[^.,;!?]*?\b(?:Trust|Choir|Club|Society|Group|Band|Association|Centre|Council|Ltd|Limited|Inn|Arms|Hotel|School|Academy|Church|Chapel|Hall|FC|United|Rovers|Partnership|Project|Company|Foundation|Charity|Services?|Rivers|Valleys|Singers|Players|Theatre|Studio|Studios|Gallery|Cafe|Café|Shop|Stores?|Bakery|Garage|Motors|Surgery|Practice)\b/u;

/** Where either may start: a number before a capital letter. Found first because it is quick to scan for. */
const HOUSE_NUMBER = /\d{1,4}[A-Za-z]?,?[ \t]+[A-Z]/g;

/** A house number is not the tail of a price, a reference, a time or a longer number. */
const NOT_BEFORE_HOUSE_NUMBER = /[\w£$€#/.,:-]/;

/** Words that say whose home an address is: "lives at", "the residents of", "her home in". */
const RESIDENCE_BEFORE =
  /\b(?:(?:lives?|living|lived|resides?|residing|staying)\s+(?:at|in|on)|(?:resident|residents|occupants?|occupiers?|householders?|neighbours?)\s+(?:at|of|in)|(?:his|her|their|whose)\s+(?:home|house|flat|address)(?:\s+is)?(?:\s+(?:at|in|on))?|home address(?:\s+is)?|address\s+is|(?:the\s+)?(?:house|home|flat|bungalow|household)\s+at|(?:the\s+)?(?:owners?|tenants?|occupiers?)\s+(?:of|at)|(?:she|he|they)(?:['’]s|['’]re|\s+is|\s+are|\s+lives?)\s+(?:at|on)|(?:(?:noise|nuisance|neighbour|antisocial\s+behaviour|asb)\s+)?(?:complaints?|reports?|concerns?)\s+(?:about|against|regarding|concerning)|(?:noise|nuisance|bonfires?|barking|music|smoke)\s+(?:from|coming\s+from)|(?:behind|arrears)\s+(?:on|with)\s+(?:the|her|his|their)\s+(?:rent|mortgage)\s+(?:at|on|for))\s*(?:number\s+|no\.?\s*)?$/i;
/** A person's name followed by "of", "at", "from" or a comma before the address. */
const PERSON_BEFORE = /(?:,|\s+(?:of|at|from|who lives at))\s*(?:number\s+|no\.?\s*)?$/i;
/** Planning notices name the applicant's address as part of a public process. */
const PLANNING_NOTICE = /\b(?:planning|application|change of use|listed building consent|erection of|demolition of)\b/i;
/** Premises in a public notice: "the café at 12 High Street is open again". */
// Bounded by letters, not by \b, which an accented last letter ("café") never meets.
const PREMISES_NOTICE =
  /(?<![\p{L}\p{N}])(?:café|cafe|shop|pub|restaurant|bakery|butchers?|salon|premises|business|ltd|limited|plc|stores?|hotel|inn|bar|takeaway|garage|motors|office|opens?|opening|reopen\w*|closed|closing)(?![\p{L}\p{N}])/iu;
const NEXT_WORD = /^\s*([\p{L}'’-]+)/u;
const INVITATION = /\b(?:meet|join|see|visit|find|with)\b/i;
const POSTCODE_ANYWHERE = new RegExp(String.raw`\b${POSTCODE}\b`, 'g');

/** Home addresses of private people: a house number and street, or a house number and postcode. */
export function findHomeAddresses(scan: PiiScan): void {
  const { text } = scan;
  HOUSE_NUMBER.lastIndex = 0;
  for (let candidate = HOUSE_NUMBER.exec(text); candidate !== null; candidate = HOUSE_NUMBER.exec(text)) {
    const start = candidate.index;
    // Checked here rather than by a look-behind, which would make the expression slow to scan.
    if (start > 0 && NOT_BEFORE_HOUSE_NUMBER.test(text[start - 1]!)) continue;
    let matched = false;
    for (const shape of [HOUSE_ADDRESS, HOUSE_POSTCODE]) {
      shape.lastIndex = start;
      const m = shape.exec(text);
      if (m === null) continue;
      reportAddress(scan, m, shape === HOUSE_ADDRESS);
      matched = true;
      break;
    }
    if (!matched && OF_BEFORE.test(text.slice(Math.max(0, start - 4), start))) {
      HOUSE_PLACE.lastIndex = start;
      const m = HOUSE_PLACE.exec(text);
      if (m !== null && !NOT_A_STREET.test(m[2]!) && !ORGANISATION.test(text.slice(start, start + m[0].length + 20))) {
        reportAddress(scan, m, true, true);
      }
    }
  }
}

function reportAddress(scan: PiiScan, m: RegExpExecArray, withStreet: boolean, bareStreet = false): void {
  const { text, context } = scan;
  const start = m.index;
  const end = start + m[0].length;
  if (scan.taken(start, end)) return;
  // Whose home it is comes first: most addresses in council posts are nobody's in particular.
  const before = ownerOf(text.slice(Math.max(sentenceStart(text, start), start - 80), start), scan);
  // "… at 12 Wharf Road (the Mrs Akhtar property)", "…, home of Mr Fenn": the owner named after it.
  const after = before === undefined && !bareStreet ? ownerAfter(text.slice(end, end + 60), scan) : undefined;
  const whose = before ?? after;
  if (whose === undefined || (bareStreet && whose.person === undefined)) return;
  const postcode = withStreet ? m[3] : m[2];
  if (postcode && context.publishedPostcodes.has(postcode.toUpperCase().replace(/\s+/g, ''))) return;
  // "Sue from 5 Fore Street Bakery": a business, named after its address.
  if (PREMISES_NOTICE.test(NEXT_WORD.exec(text.slice(end, end + 30))?.[1] ?? '')) return;
  const sentence = sentenceAround(text, start, end);
  if (PLANNING_NOTICE.test(sentence) || ((whose.person === undefined || after !== undefined) && PREMISES_NOTICE.test(sentence))) return;
  if (publishesCouncilPostcode(sentence, context.publishedPostcodes)) return;
  const place = withStreet ? `${maskKeeping(m[1]!, 0)} ${maskName(m[2]!)}` : `${maskKeeping(m[1]!, 0)}, ${maskKeeping(m[2]!, 2)}`;
  const who = whose.person ? maskedPerson(whose.person) : undefined;
  scan.add({
    kind: 'home-address',
    start,
    end,
    key: `address:${m[0].toLowerCase().replace(/[^a-z0-9]/g, '')}`,
    evidence: who ? `${who}, ${place}` : place,
    signal: `home address (${withStreet ? 'house number and street' : 'house number and postcode'}) of a private person${who ? `, ${who}` : ''}`,
  });
}

/** Who lives at the address that follows `before`: a named person, or words that make it someone's home. */
function ownerOf(before: string, scan: PiiScan): { person?: Person } | undefined {
  // The linking words are short: test only the end, so the expressions need not scan the whole sentence.
  if (RESIDENCE_BEFORE.test(before.slice(-40))) return {};
  const tail = before.slice(-24);
  const link = PERSON_BEFORE.exec(tail);
  if (!link) return undefined;
  const named = before.slice(0, before.length - tail.length + link.index);
  const person = personEndingAt(named, scan.context);
  // An unfamiliar name is a person's only in "Agnieszka Nowak of 69 Tenter Street": "of" an address.
  if (person === undefined || (person.evidence === 'unfamiliar' && !/^\s*of\b/i.test(link[0]))) return undefined;
  // "Join Jane at 12 High Street": a meeting place, not where Jane lives.
  // "Back home with Mrs Hebditch at 14 Abbey Close" is where she lives.
  if (/\bat\b/i.test(link[0]) && INVITATION.test(named) && !/\bhome\s+with\b/i.test(named)) return undefined;
  return { person };
}

/**
 * Words after an address that say whose home it is: "(the Mrs Akhtar property)", "(Mr Fenn's house)",
 * ", home of Mr Fenn", ", where Ken Abbott lives", ", owned by Mr Patel", "— the Hendersons' house —".
 * The name is the first capture, or the second when the words come first.
 */
const OWNER_AFTER = new RegExp(
  String.raw`^\s*(?:[(,]|[-–—])?\s*(?:(?:the|a)\s+)?(?:` +
    String.raw`((?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:(?:&|and)\s+(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)(?:['’]s?)?\s+(?:family\s+)?(?:property|house|home|flat|bungalow|cottage|residence|place|household|farmhouse)\b` +
    String.raw`|(?:home|house|residence|property|flat)\s+of\s+((?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)` +
    String.raw`|(?:where|in\s+which)\s+((?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+(?:lives|live|lived|resides|stays)\b` +
    String.raw`|(?:owned|occupied|rented|lived\s+in|let)\s+by\s+((?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:\p{Lu}\.?\s+)?)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)` +
    String.raw`|belonging\s+to\s+((?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)` +
    String.raw`|((?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:(?:&|and)\s+(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s*\)` +
    ')',
  'u',
);
const OWNER_AFTER_CUE = /^\s*(?:[(,\-–—]|belonging\b|owned\b|occupied\b|rented\b|let\b|where\b|in\s+which\b|(?:the\s+)?(?:home|house)\s+of\b)/;
/** "Mr & Mrs Penrose": the first title stands for both. */
const PAIR_OF_TITLES = /^(Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:&|and)\s+(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+/;
const TITLED_INITIAL = /^(Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(\p{Lu}\.?\s+\p{Lu}[\p{L}'’-]+)$/u;
/** "the Hendersons' house": a family by its surname. */
const FAMILY = /^\p{Lu}\p{Ll}+s['’]?$/u;

/** The owner named just after an address, if the words there say it is their home. */
function ownerAfter(after: string, scan: PiiScan): { person?: Person } | undefined {
  if (!OWNER_AFTER_CUE.test(after)) return undefined;
  const m = OWNER_AFTER.exec(after);
  if (m === null) return undefined;
  const name = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6]!).replace(PAIR_OF_TITLES, '$1 ');
  const person = personStartingAt(name, scan.context);
  if (person !== undefined && person.evidence !== 'role') return { person };
  // "Mr D Fenn": a title and an initial name a person the name patterns do not read.
  const titled = TITLED_INITIAL.exec(name);
  if (titled) return { person: { name: titled[2]!, title: titled[1]!, evidence: 'titled', start: 0 } };
  // "the Hendersons' house": a family, named only as one.
  if (m[1] !== undefined && FAMILY.test(name)) return { person: { name, evidence: 'unfamiliar', start: 0 } };
  return undefined;
}

function publishesCouncilPostcode(sentence: string, published: ReadonlySet<string>): boolean {
  if (published.size === 0) return false;
  for (const m of allMatches(POSTCODE_ANYWHERE, sentence)) {
    if (UK_POSTCODE.test(m[0]) && published.has(m[0].toUpperCase().replace(/\s+/g, ''))) return true;
  }
  return false;
}
