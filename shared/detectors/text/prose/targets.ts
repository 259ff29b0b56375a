import type { Segment } from '../segment';

/**
 * Who a remark can be aimed at, as a careful clerk reads it: the person answered (a reply, "you", a
 * name used to address someone), or someone named (a titled person, a councillor, a group or body
 * with a capitalised name, a member of staff by job title, a campaign or a committee). Only asked
 * once a put-down has been found, so it may read the whole segment.
 */
export interface Target {
  /** Said in the reason: "the person answered", "Mr Fenwick", "Keep Eastwick Green". */
  name: string;
  /** The person answered, rather than someone named. */
  answered: boolean;
  /** A person: the one answered, or someone titled or a councillor by name (not a body, a role or a generic "you"). */
  person: boolean;
}

/** "you", "your", "yourself", text-speak "u", "ur". */
const SECOND_PERSON = /\b(?:you|u|ur|ya|yer)\b|\byou(?:r|rs|rself|['’]re|['’]ll|['’]ve|['’]d)\b/;
/** A name opening a sentence to address someone: "Richard, with the greatest respect", "Howay Brian man,". */
const VOCATIVE_START =
  /(?:^|[.!?…]\s+)(?:(?:[Hh]i|[Hh]ello|[Hh]onestly|[Ww]ell|[Oo]h|[Ll]ook|[Hh]oway|[Rr]ight|[Ll]isten|[Nn]oted|[Tt]hanks|[Tt]a|[Ss]orry|[Dd]ear)\s+)?((?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr)\.?\s+)?[A-Z][a-z'’-]+)(?:\s+man)?,/g;
/** A name closing a sentence to address someone: "…, Keith.", "…, Mrs Ellison." */
const VOCATIVE_END = /,\s+((?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr)\.?\s+)?[A-Z][a-z'’-]+)\s*[.!?]/g;
/** Capitalised words that open or close a clause with a comma without naming anyone. */
const NOT_A_NAME = new Set([
  'today', 'tonight', 'yesterday', 'tomorrow', 'however', 'meanwhile', 'unfortunately', 'sadly', 'also', 'please', 'yes', 'no', 'again',
  'remember', 'reminder', 'residents', 'everyone', 'folks', 'friends', 'neighbours', 'all', 'well', 'so', 'now', 'then', 'first', 'finally',
  'next', 'instead', 'otherwise', 'still', 'honestly', 'seriously', 'thanks', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'as', 'once', 'here', 'there', 'in', 'on', 'at', 'for', 'after', 'before', 'if', 'when', 'while', 'but', 'and', 'or', 'yet',
  'of', 'this', 'that', 'these', 'those', 'our', 'we', 'you', 'it', 'ok', 'okay', 'right', 'sorry', 'hi', 'hello', 'noted', 'morning',
  'afternoon', 'evening', 'update', 'note', 'plus', 'sadly', 'again', 'overall', 'apparently', 'luckily', 'happily', 'together',
]);
/** A titled person: "Mr Fenwick", "Cllr Whitlock", "Councillor Mistry". */
const TITLED = /\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?/;
/** Two or more capitalised words: "Keep Eastwick Green", "Northmoor County Council", "Kestrel Buses". */
const CAPITALISED_NAME = /(?<=^|[a-z,;:–—.!?-]\s+|\bthe\s+|\bThe\s+)[A-Z][\w'’&-]*(?:\s+(?:of\s+|on\s+|and\s+)?[A-Z][\w'’&-]*)+/;
/** A body, group or colleague by what it is: "the Save Our Library campaign", "our grounds maintenance operative", "some of our newer colleagues". */
const BY_ROLE =
  /\b(?:our|the|your|their|this|that)\s+(?:[\w'’-]+\s+){0,3}?(?:operative|officer|clerk|contractors?|caretaker|groundsman|groundskeeper|warden|manager|colleagues?|councillors?|members|campaign(?:ers)?|group|association|committee|page|society|club|team|crew|lot|owners|landlords|holidaymakers|incomers|newcomers|objectors|complainants|protesters)\b/i;

/** The target a put-down in this segment is aimed at, if any: the person answered first, then someone named. */
export function findTarget(segment: Segment, addressed: boolean, councillors: readonly { name: string }[]): Target | undefined {
  if (addressed) return { name: 'the person answered', answered: true, person: true };
  const text = segment.text;
  const vocative = vocativeName(text);
  if (vocative) return { name: vocative, answered: true, person: true };
  const councillor = councillors.find(({ name }) => text.includes(name))?.name;
  const person = TITLED.exec(text)?.[0] ?? councillor;
  if (person !== undefined) return { name: person.replace(/['’]s$/, ''), answered: false, person: true };
  const named = CAPITALISED_NAME.exec(text)?.[0] ?? BY_ROLE.exec(text)?.[0];
  if (named !== undefined) return { name: named.replace(/['’]s$/, ''), answered: false, person: false };
  return SECOND_PERSON.test(segment.lower) ? { name: 'the person addressed', answered: true, person: false } : undefined;
}

/** A name used to address someone, at the start or the end of a sentence. */
export function vocativeName(text: string): string | undefined {
  for (const pattern of [VOCATIVE_START, VOCATIVE_END]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const name = m[1]!;
      const first = name.split(/[\s.]+/)[0]!.toLowerCase();
      if (!NOT_A_NAME.has(first)) {
        pattern.lastIndex = 0;
        return name;
      }
    }
  }
  return undefined;
}
