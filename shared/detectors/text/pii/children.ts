import { STREET_SUFFIX } from './addresses';
import { allMatches, sentenceAround, sentenceStart } from './clues';
import { maskedPerson, personEndingAt, personStartingAt, type Person } from './people';
import type { PiiScan } from './types';

// A child identified: a child's name with their age, their school or their home street.

/** An age in digits or in words: "9", "nine", "Eleven". */
const N = String.raw`(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)`;
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen'];
/**
 * Ages and school years said of someone: "aged 9", "age nine", "a 9-year-old", "9yo", "Lily (9)",
 * "Lily (aged 9)", "Lily, 9,", "Lily, just 7", "Lily - 9 -", "Year 5", "Lily (Y4)", "who is 9",
 * "who turns 10". Each kind is its own group, in this order.
 */
const AGE_CUE = new RegExp(
  [
    String.raw`\baged?\s+${N}\b(?![.:]\d)`,
    String.raw`\b${N}[- ]?(?:years?|yrs?)[- ]?old\b|\b${N}\s?(?:yo|y\/o)\b`,
    // "Slack Bottom (1): Rosemary Quinn, elected": a ward's seats in declared results, not an age
    String.raw`\(\s*(?:aged?\s+)?${N}\s*(?:yrs?|years?(?:\s+old)?|yo|y\/o)?\s*\)(?!\s*:[^\n.;]{0,60}\b(?:elected|unopposed|votes?|seats?)\b)`,
    String.raw`,\s*(?:just|only)?\s*${N}\s*(?=[,)!]|\.(?:\s|$)|$)|,\s*(?:just|only)\s+${N}\b(?!\s*(?:%|years?\s+(?:ago|as|on|in|of|a|with|at|since)|weeks?|months?|days?|hours?|minutes?|miles?|[:.]\d))|\s[-–—]\s*${N}\s*[-–—]\s`,
    String.raw`\b[Yy](?:ea)?r\s*(\d{1,2})\b|\(\s*Y(\d{1,2})\s*\)`,
    String.raw`\bwho(?:\s+is|['’]s)\s+(?:only\s+|just\s+)?${N}\b(?!\s*(?:%|st|nd|rd|th|weeks?|months?|days?|hours?|minutes?|miles?|metres?|feet|ft|inches|[:.]\d|\d))`,
    String.raw`\bwho\s+(?:has\s+|had\s+)?(?:just\s+|only\s+)?turn(?:s|ed)\s+${N}\b`,
  ].join('|'),
  'gi',
);
/** "grandson Cai", "our daughter Ffion": a relation names a child even by a given name no list knows. */
const RELATION_END = /\b(?:son|daughter|grandson|granddaughter|grandchild|great-grandson|great-granddaughter|niece|nephew|little\s+one|stepson|stepdaughter|little|lil|young|wee)\s+(\p{Lu}\p{Ll}+)\s*,?\s*$/u;
/** The word that ends a school's name. */
const SCHOOL_TYPE = /\b(?:School|Academy|Primary|Juniors|Infants|Nursery|College)\b/g;
/** "… from St Mary's C of E ", just before the type word: who attends, then the rest of the school's name. */
const ATTENDS_SCHOOL_NAMED =
  /(?:\bfrom|\bof|\bat|\battends|\battending|\bgoes to|\bpupils? (?:at|of|from)|\bstudents? (?:at|of|from)|\bin [Yy]ear \d{1,2} at)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’.-]*\s+|of\s+(?=E\b)){1,6})$/u;
/** Schools whose pupils are all children, so a named pupil is a child without an age. */
const YOUNG_SCHOOL = /\b(?:Primary|Junior|Juniors|Infants?|Nursery|First|Pre-?school|Prep(?:aratory)?)\b/;
/** An age or school year between the name and the school: "Lily Carver, aged 9, from …". */
const AGE_BETWEEN = /(?:,?\s*(?:aged\s+\d{1,2}|\(\d{1,2}\)|\d{1,2}|\(?(?:a\s+|in\s+)?[Yy](?:ea)?r\s*\d{1,2}(?:\s+pupil)?\)?))?\s*,?\s*(?:who\s+|and\s+)?$/;
const STREET_AFTER = new RegExp(String.raw`^,?\s*(?:of|from|who lives (?:on|in)|on|in)\s+((?:\p{Lu}[\p{L}'’-]*\s+){1,3}${STREET_SUFFIX})\b`, 'u');
const SCHOOL_WORDS = /\b(?:pupils?|students?|class|school|primary|academy|juniors?|infants?)\b/i;
/** Adults who are named beside a school: its teachers, governors and parents. */
const ADULT_BEFORE =
  /\b(?:teachers?|head|headteacher|head teacher|headmaster|headmistress|principal|governors?|staff|assistant|caretaker|chair|secretary|parents?|mum|dad|mother|father|grandparents?|cook|manager|lollipop|councillor|cllr)\b[^.!?]{0,30}$/i;
/** Words that make a school other than a primary one a child's: "pupil", "student", "aged 14". */
const CHILD_WORDS = /\b(?:pupils?|students?|schoolboy|schoolgirl|[Yy]ear\s+\d{1,2}|aged\s+\d|child|children|son|daughter|young|youngster|boy|girl)\b/i;

const SPACE_END = /\s+$/;
const CLOSING_BRACKET_END = /\)\s*$/;
/** "Lily Carver, aged 9", "Lily, a 9-year-old", "Lily, in Year 5", "Lily (Year 5)". */
const LINK_TO_AGE_END = /,?\s*(?:\b(?:a|an|in|is|was|who is)\b)?\s*\(?\s*$/i;
/** "Year 5 pupil Lily Carver". */
const PUPIL_START = /^\s+(?:(?:pupils?|students?|girl|boy)\s+)?/;

/** Posts without one of these cannot state an age: most skip the age expression. */
const AGE_WORDS =
  /\b[Aa]ge[ds]?\b|[Yy](?:ea)?rs?\s*\d|old\b|\(\s*Y?\d|,\s*(?:(?:just|only)\s+\w|\d{1,2}\s*(?:[,)!]|\.(?:\s|$)|$)|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen)\s*[,)])|\s[-–—]\s*\d{1,2}\s*[-–—]|who(?:\s+is|['’]s|\s+(?:has\s+|had\s+)?(?:just\s+|only\s+)?turn)|\d\s?(?:yo|y\/o|yrs)\b/;

interface Child {
  person: Person;
  start: number;
  end: number;
  details: string[];
}

/** Children named with their age, school or home street. */
export function findIdentifiedChildren(scan: PiiScan): void {
  let children = AGE_WORDS.test(scan.text) ? byAge(scan, undefined) : undefined;
  children = bySchool(scan, children);
  for (const child of children ?? []) {
    const name = maskedPerson(child.person);
    const { details } = child;
    const listed = details.length > 1 ? `${details.slice(0, -1).join(', ')} and ${details.at(-1)}` : details[0]!;
    scan.add({
      kind: 'child',
      start: child.start,
      end: child.end,
      key: `child:${child.person.name.toLowerCase()}`,
      evidence: `${name} (${details.join(', ')})`,
      signal: `a child identified by name (${name}) with their ${listed}`,
    });
  }
}

/** An age as a number, whether written in digits or in words. */
function ageOf(written: string | undefined): number {
  const word = NUMBER_WORDS.indexOf(written?.toLowerCase() ?? '');
  return word >= 0 ? word + 1 : Number(written);
}

/** Adds what was found about a child to the list, one entry per child. */
function note(children: Child[] | undefined, person: Person, start: number, end: number, detail: string): Child[] | undefined {
  if (person.evidence === 'titled' || person.evidence === 'role') return children;
  const list = children ?? [];
  const key = person.name.toLowerCase();
  let child = list.find((c) => c.person.name.toLowerCase() === key);
  if (child === undefined) {
    child = { person, start, end, details: [] };
    list.push(child);
  }
  child.start = Math.min(child.start, start);
  child.end = Math.max(child.end, end);
  if (!child.details.includes(detail)) child.details.push(detail);
  return list;
}

function byAge(scan: PiiScan, found: Child[] | undefined): Child[] | undefined {
  let children = found;
  const { text, context } = scan;
  for (const m of allMatches(AGE_CUE, text)) {
    const [cue] = m;
    const aged = m[1];
    const yearsOld = m[2] ?? m[3];
    const bracketed = m[4];
    const commas = m[5] ?? m[6] ?? m[7];
    const schoolYear = m[8] ?? m[9];
    const whoIs = m[10] ?? m[11];
    const start = m.index;
    const end = start + cue.length;
    const age = ageOf(aged ?? yearsOld ?? bracketed ?? commas ?? schoolYear ?? whoIs);
    const detail = schoolYear !== undefined ? `school year ${age}` : `age ${age}`;
    if (schoolYear !== undefined ? age < 1 || age > 13 : age > 17) continue;
    // "in year 2 of his term" is not a school year.
    if (schoolYear !== undefined && m[9] === undefined && !SCHOOL_WORDS.test(sentenceAround(text, start, end))) continue;
    const lineStart = sentenceStart(text, start);
    let before = text.slice(lineStart, start);
    // The name must sit right against "(9)" and ", 9,"; "aged 9" and "9-year-old" allow a comma or "a".
    before = before.replace(bracketed !== undefined || commas !== undefined || m[9] !== undefined ? SPACE_END : LINK_TO_AGE_END, '');
    // "Zara (Zara Qureshi), 11": the full name in brackets after the given name.
    if (commas !== undefined) before = before.replace(CLOSING_BRACKET_END, '');
    const relation = RELATION_END.exec(before);
    let person: Person | undefined = relation ? { name: relation[1]!, evidence: 'known', start: relation.index + relation[0].indexOf(relation[1]!) } : personEndingAt(before, scan.context);
    if (whoIs !== undefined && !relation && person?.evidence !== 'known') person = undefined;
    let from = person ? lineStart + person.start : start;
    if (person === undefined && (yearsOld !== undefined || schoolYear !== undefined)) {
      // "9-year-old Lily Carver", "Year 5 pupil Lily Carver"
      person = personStartingAt(text.slice(end).replace(PUPIL_START, ''), context);
      from = start;
    }
    if (person === undefined) continue;
    children = note(children, person, from, end, detail);
    const street = STREET_AFTER.exec(text.slice(end, end + 80));
    if (street) children = note(children, person, from, end + street[0].length, 'home street');
  }
  return children;
}

function bySchool(scan: PiiScan, found: Child[] | undefined): Child[] | undefined {
  let children = found;
  const { text } = scan;
  for (const type of allMatches(SCHOOL_TYPE, text)) {
    const lineStart = sentenceStart(text, type.index);
    const before = text.slice(lineStart, type.index);
    const school = ATTENDS_SCHOOL_NAMED.exec(before);
    if (!school) continue;
    const end = type.index + type[0].length;
    const beforeAge = before.slice(0, school.index);
    const named = beforeAge.slice(0, AGE_BETWEEN.exec(beforeAge)?.index ?? beforeAge.length);
    const person = personEndingAt(named, scan.context);
    if (person === undefined || person.evidence === 'unfamiliar') continue;
    if (ADULT_BEFORE.test(named.slice(0, person.start))) continue;
    const name = `${school[1]}${type[0]}`;
    if (!YOUNG_SCHOOL.test(name) && !CHILD_WORDS.test(sentenceAround(text, type.index, end))) continue;
    children = note(children, person, lineStart + person.start, end, 'school');
  }
  return children;
}
