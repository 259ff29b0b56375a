import type { Election } from '../../../domain/config';
import { normaliseHandle } from '../../../domain/account';
import { wardKey } from '../../../domain/wards';
import { perContext, type DetectionContext } from '../../context';
import type { Hit } from '../../detector';
import type { PostView } from '../../post-view';
import { excerpt } from '../mask';
import { allMatches } from '../prose/matches';
import type { Segment } from '../segment';
import { wordGate } from '../prose/word-gate';
import { NAMES_PARTY } from './parties';

/**
 * How many candidate matches of one signal a text is read for: each is judged on its sentence, and a
 * long text of nothing but candidates ("part 2 part 2 …") must still be read in time linear in its length.
 */
const MAX_TRIED = 8;

// Campaigning the way a council's own voice slips into it, whatever the wording: a vote call for a
// person or a local party (in leetspeak too), a candidate's name in a hashtag, a party's colours as a
// slogan, "remember who … when you vote", money raised for a campaign fund, "deserves your support"
// beside a candidacy, the Mayor's own candidacy in the first person, and a party mocked. Inside a
// pre-election period, also: luck wished to one councillor or candidate, their handle promoted, and a
// post signed off by one of them.

/** A councillor or candidate of the configuration, as this module reads them. */
interface Person {
  name: string;
  /** Lower-case given name and surname, and the full name squashed (`paulmatthews`). */
  given: string;
  surname: string;
  squashed: string;
  ward: string | undefined;
}

interface Roll {
  people: readonly Person[];
  /** Lower-case given names that belong to one person only. */
  uniqueGiven: ReadonlyMap<string, Person>;
  /** Parties given for candidates (`Eastwick Residents First`), lower case with single spaces. */
  localParties: readonly string[];
  handles: ReadonlyMap<string, Person>;
  /** Polling days as "6 may" (lower case, no leading zero), as one pattern. */
  pollingDays: RegExp | undefined;
  /** Unique given names as one pattern, lower case (global: use with `allMatches` only). */
  givenNames: RegExp | undefined;
  /**
   * Each pre-election period widened by a day either side, as UTC milliseconds: a post outside all
   * of them needs no time-zone arithmetic.
   */
  windows: ReadonlyArray<readonly [number, number]>;
  /** The same windows as ISO strings in UTC. */
  isoWindows: ReadonlyArray<readonly [string, string]>;
}

const DAY = 86_400_000;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const rollOf = perContext((context): Roll => {
  const config = context.config;
  const people: Person[] = [...config.councillors, ...config.candidates].map((p) => {
    const words = p.name.trim().toLowerCase().split(/\s+/);
    return { name: p.name.trim(), given: words[0]!, surname: words.at(-1)!, squashed: words.join('').replace(/[^a-z]/g, ''), ward: p.ward === undefined ? undefined : wardKey(p.ward) };
  });
  const count = new Map<string, number>();
  for (const p of people) count.set(p.given, (count.get(p.given) ?? 0) + 1);
  const uniqueGiven = new Map<string, Person>();
  for (const p of people) if (count.get(p.given) === 1 && p.given.length >= 3) uniqueGiven.set(p.given, p);
  const handles = new Map<string, Person>();
  [...config.councillors, ...config.candidates].forEach((p, i) => {
    for (const h of p.handles) handles.set(normaliseHandle(h), people[i]!);
  });
  const localParties = config.candidates
    .map((c) => c.party?.toLowerCase().replace(/\s+/g, ' ').trim())
    .filter((p): p is string => p !== undefined && p.length >= 4 && !/^independent$/.test(p));
  const windows = config.elections.map((e) => [Date.parse(e.preElectionStart) - DAY, Date.parse(e.pollingDay) + 2 * DAY] as const);
  const days = config.elections.map((e) => {
    const [, month, day] = e.pollingDay.split('-').map(Number);
    return `${day} ${MONTHS[month! - 1]}`;
  });
  return {
    people,
    uniqueGiven,
    localParties,
    handles,
    pollingDays: days.length ? new RegExp(String.raw`\b(?:${days.join('|')})\b`) : undefined,
    givenNames: uniqueGiven.size ? new RegExp(String.raw`\b(?:${[...uniqueGiven.keys()].map((g) => g.replace(/[^a-z]/g, '.')).join('|')})\b`, 'g') : undefined,
    windows,
    isoWindows: windows.map(([from, to]) => [new Date(from).toISOString(), new Date(to).toISOString()] as const),
  };
});

/**
 * The words each signal that needs no pre-election period looks for, by signal. One read of the
 * lower-case text through a trie of all of them says which signals can match at all.
 */
const CUE_WORDS: Readonly<Record<Exclude<Signal, 'hashtag'>, string>> = {
  vote: 'vot v0t v@t',
  reminder: 'remember forget in_mind',
  fund: 'campaign election fighting_fund war_chest',
  endorse: 'your_support your_vote your_backing your_cross every_vote my_vote my_support my_backing our_vote our_support our_backing',
  own: 'standing running elect_me back_me my_election my_re-election',
  sneer: `nothing zilch diddly sod_all bugger_all finally_catch finally_caught better_late about_time about_bloody_time only_took took_them
    took_their welcome_to_the_party nowhere_to_be_seen all_talk nice_of_them`,
};
type Signal = 'vote' | 'reminder' | 'fund' | 'endorse' | 'own' | 'sneer' | 'hashtag';
const SIGNAL_OF = new Map<string, Signal>();
for (const [signal, words] of Object.entries(CUE_WORDS) as Array<[Signal, string]>) {
  for (const word of words.split(/\s+/)) SIGNAL_OF.set(word.replace(/_/g, ' '), signal);
}
const CUE = new RegExp(`${wordGate([...SIGNAL_OF.keys()])}|#`, 'g');

/**
 * The strongest electioneering signal of a post, or undefined. Called only when the party rules found
 * nothing; the caller adds the pre-election period to the reason and raises the severity inside one.
 */
export function electioneering(view: PostView, context: DetectionContext): Hit | undefined {
  const roll = rollOf(context);
  for (const segment of view.ownSegments) {
    // On the shared lower-case text: a case-insensitive expression with many alternatives is slow to scan.
    let signals: Set<Signal> | undefined;
    for (const m of allMatches(CUE, segment.lower)) (signals ??= new Set()).add(SIGNAL_OF.get(m[0]) ?? 'hashtag');
    if (signals === undefined) continue;
    const found =
      (signals.has('vote') ? voteForSomeone(segment, roll) : undefined) ??
      (signals.has('hashtag') ? (namedHashtag(segment, roll) ?? colourSlogan(segment)) : undefined) ??
      (signals.has('reminder') ? voteReminder(segment, roll) : undefined) ??
      (signals.has('fund') ? campaignFund(segment, roll) : undefined) ??
      (signals.has('endorse') ? endorsement(segment, roll) : undefined) ??
      (signals.has('own') ? ownCandidacy(segment) : undefined) ??
      (signals.has('sneer') ? partySneer(segment) : undefined);
    if (found) return found;
  }
  const period = periodFor(view, context, roll);
  if (!period) return undefined;
  for (const segment of view.ownSegments) {
    const found = luckWished(segment, roll, period) ?? handlePromoted(segment, roll, period) ?? signedOff(segment, roll, period);
    if (found) return found;
  }
  return undefined;
}

function hit(segment: Segment, start: number, end: number, reason: string, ask = false): Hit {
  return { evidence: excerpt(segment.text, start, end), reason, location: segment.locate(start, end), ...(ask ? { severity: 'high' as const } : {}) };
}

// ---- A vote asked for a person or a local party, in plain or disguised letters ----------------------

/** "vote Paul Matthews", "v0te f0r the Porthaven Independents", "vote 4 Kirsty", "vote for me", at the start of a folded window. */
const VOTE_FOR_HERE = /^vot(?:e|ing)\s+(?:for\s+|4\s+|a\s+(?=\S+\s))?(?:the\s+)?([a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*){0,3})/;
/** A vote word in plain or disguised letters, on the lower-case text. */
const LEET_VOTE_WORD = /\bv[o0@][t7](?:[e3]|[i1]ng)/g;
/** A local party's shape: "Porthaven Independents", "Residents First", "Harbourne Alliance". */
const LOCAL_PARTY = /^(?:[a-z'’-]+\s+){0,2}(?:independents|first|alliance|residents(?:'|’)?\s+(?:association|group|party)|party)\b/;
/** A contest, not an election. */
const CONTEST = /\b(?:competitions?|contests?|awards?|finals?|finalists?|talent|prizes?|favourites?|entr(?:y|ies)|categor(?:y|ies)|shortlist\w*|nominees?|trophy|scarecrows?|bake\s*off|of\s+the\s+year|best\s+(?:dressed|float|garden|window)|poll\s+on\s+(?:our|this)\s+page)\b/i;
const ELECTORAL = /\b(?:elections?|by-elections?|polling|polls?|ballot|standing|stand(?:s)?\s+(?:for|in)|candidates?|ward|re-?elect\w*|manifesto|canvass\w*|(?:on|this)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b|in\s+may|on\s+thursday)\b|🗳/i;

const LEET_CUE = /[A-Za-z][0-9@$]|[0-9@$][A-Za-z]|[A-Za-z][!|][A-Za-z]/;
/** A digit or symbol beside a letter; "!" and "|" only inside a word ("Pr!ya"), as at a word's end they are punctuation. */
const LEET_CHAR = /(?<=[a-z])[013457@$]|[013457@$](?=[a-z])|(?<=[a-z])[!|](?=[a-z])/g;
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'i' };

function voteForSomeone(segment: Segment, roll: Roll): Hit | undefined {
  const lower = segment.lower;
  for (const vote of allMatches(LEET_VOTE_WORD, lower).slice(0, MAX_TRIED)) {
    // Digits for letters folded one for one (offsets hold), only in the words after this vote word: "v0te P4ul M4tthews".
    const window = lower.slice(vote.index, vote.index + 60);
    const said = LEET_CUE.test(window) ? window.replace(LEET_CHAR, (ch) => LEET[ch] ?? ch) : window;
    const m = VOTE_FOR_HERE.exec(said);
    if (!m) continue;
    const words = m[1]!;
    const person = personAt(words, roll);
    const party = person ? undefined : roll.localParties.find((p) => words.startsWith(p)) ?? (LOCAL_PARTY.test(words) ? LOCAL_PARTY.exec(words)![0] : undefined);
    const me = /^(?:me|us)\b/.test(words);
    if (!person && !party && !me) continue;
    const sentence = segment.sentenceAround(vote.index);
    if (CONTEST.test(segment.text.slice(sentence.start, sentence.end)) || (me && !ELECTORAL.test(segment.text))) continue;
    const start = vote.index;
    const end = start + m[0].length;
    const written = segment.text.slice(start, end);
    if (me) return hit(segment, start, end, `asks votes for the poster's own candidacy ("${written}"): party campaigning`, true);
    const disguised = LEET_CUE.test(written);
    const whom = person ? `candidate ${person.name}` : `a local party ("${written.replace(/^\S+\s+(?:(?:for|f0r|4)\s+)?/i, '')}")`;
    return hit(segment, start, end, `asks for votes for ${whom}${disguised ? ', with digits or symbols for letters' : ''}: party campaigning`, true);
  }
  return undefined;
}

/** A configured person at the start of lower-case words: full name, surname or unique given name. */
function personAt(words: string, roll: Roll): Person | undefined {
  const first = /^[a-z'’-]+/.exec(words)?.[0];
  if (first === undefined) return undefined;
  for (const p of roll.people) if (words.startsWith(`${p.given} ${p.surname}`)) return p;
  return roll.uniqueGiven.get(first) ?? roll.people.find((p) => p.surname === first && p.surname.length >= 4);
}

// ---- A candidate's name, or a party's colours, in a hashtag -----------------------------------------

const HASHTAG = /#([\p{L}\p{N}_]{3,60})/gu;
/** Words beside a name in a hashtag that make it a campaign's: `#Kirsty4ChapelHill`, `#ReElectMoreton`, `#TeamSpeke`. */
const TAG_BEFORE = String.raw`(?:^|vote|voting|elect|back|backing|team|go)`;
const TAG_AFTER = String.raw`(?:$|4|for|2\d{3}|ward|again)`;

function campaignTag(tag: string, person: Person, roll: Roll): boolean {
  const forms = [person.squashed, person.surname.length >= 4 ? person.surname : '', roll.uniqueGiven.get(person.given) === person ? person.given : ''];
  for (const form of forms) {
    if (form === '' || !tag.includes(form)) continue;
    const m = new RegExp(`${TAG_BEFORE}${form}${TAG_AFTER}`).exec(tag);
    // The name alone is not a campaign: `#Moreton` may be a place.
    if (m && m[0] !== form) return true;
  }
  return false;
}

function namedHashtag(segment: Segment, roll: Roll): Hit | undefined {
  if (!segment.text.includes('#') || roll.people.length === 0) return undefined;
  for (const m of allMatches(HASHTAG, segment.text).slice(0, MAX_TRIED)) {
    // Digits for letters only between letters, so that "4" keeps its sense of "for".
    const tag = m[1]!.toLowerCase().replace(/(?<=[a-z])[013](?=[a-z])/g, (d) => ({ '0': 'o', '1': 'i', '3': 'e' })[d]!);
    const person = roll.people.find((p) => campaignTag(tag, p, roll));
    if (!person) continue;
    return hit(segment, m.index, m.index + m[0].length, `carries a campaign hashtag for ${person.name} (${m[0]}): party campaigning`, true);
  }
  return undefined;
}

/** "#KeepRedbrookRed", "#TurnHarbourneBlue": a party's colour as a campaign slogan, in a hashtag. */
const COLOUR_SLOGAN = /#?\b(?:[Kk]eep|[Tt]urn|[Pp]aint|KEEP|TURN)\s*(?:[A-Z][a-z]+\s*){1,2}(?:[Rr]ed|[Bb]lue|[Yy]ellow|[Oo]range|[Pp]urple|[Tt]urquoise|RED|BLUE)\b(?!\s+(?:and|for|lights?|ribbons?|badges?|week|day|balloons?|bunting))/g;

function colourSlogan(segment: Segment): Hit | undefined {
  const text = segment.text;
  for (const m of allMatches(COLOUR_SLOGAN, text).slice(0, MAX_TRIED)) {
    if (!ELECTORAL.test(text) || !/\bvot|🗳|🌹|election|polling/i.test(text)) return undefined;
    return hit(segment, m.index, m.index + m[0].length, `carries a party's colours as a campaign slogan ("${m[0]}") beside a vote: party campaigning`);
  }
  return undefined;
}

// ---- "Remember who … when you vote" -------------------------------------------------------------------

const REMINDER =
  /\b(?:remember(?:ing)?\s+(?:who|which|what|how|them|this|that(?!\s+(?:polling|you|the\s+polls?))|it\b|the\s+(?:lot|party|people|ones)|when)|worth\s+remembering|bear\s+(?:this|that|it)\s+in\s+mind|keep\s+(?:this|that|it)\s+in\s+mind|(?:don['’]?t|do\s+not|never)\s+forget\s+(?:who|which|what|how|this|that|them)|think\s+(?:about|of|on)\s+(?:who|which|what|that|this)|ask\s+yourself\s+who|something\s+to\s+think\s+about|food\s+for\s+thought)\b/gi;
const AT_THE_POLLS =
  /\b(?:when\s+you\s+(?:vote|go\s+to\s+(?:vote|the\s+polls)|get\s+your\s+ballot|fill\s+in\s+your\s+ballot)|at\s+the\s+(?:ballot|polling)\s+(?:box|booth|station)|in\s+the\s+(?:polling\s+)?booth|on\s+polling\s+day|on\s+election\s+day|before\s+you\s+vote|come\s+(?:may|polling\s+day|election\s+(?:day|time))|at\s+election\s+time)\b|🗳/gi;
/** Practical notices about voting, not a steer. */
const PRACTICAL = /\b(?:photo\s+id|id\b|polling\s+(?:stations?|cards?)|postal\s+votes?|proxy|register(?:ed)?|registration|deadline|open\s+(?:from|until)|\d{1,2}(?:am|pm)|bring)\b/i;

function voteReminder(segment: Segment, roll: Roll): Hit | undefined {
  const text = segment.text;
  if (!/remember|forget|mind|think|ask\s+yourself|thought/i.test(text)) return undefined;
  for (const m of allMatches(REMINDER, text).slice(0, MAX_TRIED)) {
    const sentence = segment.sentenceAround(m.index);
    const next = sentence.end < text.length ? segment.sentenceAround(Math.min(text.length - 1, sentence.end + 1)) : sentence;
    const window = text.slice(sentence.start, Math.max(sentence.end, next.end));
    const polls = pollCue(window, roll);
    // "… when you vote in our survey": a consultation or a contest, not an election.
    if (!polls || PRACTICAL.test(text.slice(sentence.start, sentence.end)) || CONTEST.test(window) || /\b(?:consultation|survey|questionnaire)\b/i.test(window)) continue;
    return hit(segment, m.index, m.index + m[0].length, `steers readers' votes ("${m[0]}" … "${polls}"): party campaigning`);
  }
  return undefined;
}

function pollCue(window: string, roll: Roll): string | undefined {
  const cue = allMatches(AT_THE_POLLS, window)[0];
  if (cue) return cue[0];
  if (roll.pollingDays === undefined || !/\d/.test(window)) return undefined;
  return roll.pollingDays.exec(window.toLowerCase().replace(/(\d)(?:st|nd|rd|th)\b/g, '$1'))?.[0];
}

// ---- Money for a campaign -----------------------------------------------------------------------------

const CAMPAIGN_FUND =
  /\b(?:proceeds|profits?|money|funds|donations?|all\s+(?:money|takings)|takings|collection|raffle|everything)\b[^.!?\n]{0,40}?\b(?:to|for|towards|into)\s+(?:the\s+)?((?:[\p{Lu}][\p{L}'’-]*\s+){0,4}?)(?:(?:re-?)?election\s+(?:campaign\s+)?(?:fund|chest|kitty|pot)|campaign\s+(?:fund|chest|kitty|pot|coffers)|fighting\s+fund|war\s+chest)\b/giu;

function campaignFund(segment: Segment, roll: Roll): Hit | undefined {
  const text = segment.text;
  if (!/fund|chest|kitty|coffers/i.test(text) || !/campaign|election|fighting|war\s+chest/i.test(text)) return undefined;
  for (const m of allMatches(CAMPAIGN_FUND, text).slice(0, MAX_TRIED)) {
    const owner = m[1]!.trim().replace(/['’]s$/, '');
    const lower = owner.toLowerCase();
    const election = /election/i.test(m[0]);
    const partisan =
      election ||
      NAMES_PARTY.test(owner) ||
      roll.localParties.some((p) => lower.includes(p)) ||
      (owner !== '' && personAt(lower, roll) !== undefined) ||
      LOCAL_PARTY.test(lower);
    if (!partisan) continue;
    return hit(segment, m.index, m.index + m[0].length, `raises money for ${owner ? `${owner}'s` : 'an'} election campaign ("${m[0].slice(m[0].search(/\b(?:to|for|towards|into)\s/i)).trim()}"): party campaigning`, true);
  }
  return undefined;
}

// ---- Backing a named candidate ------------------------------------------------------------------------

const ENDORSE =
  /\b(?:deserves?|needs?|has\s+earned|earned|is\s+worth|merits?|would\s+(?:love|appreciate|value))\s+(?:your|every|our|all\s+your)\s+(?:support|vote|votes|backing|cross|x)\b|\b(?:gets?|has|have)\s+(?:my|our)\s+(?:vote|support|backing)\b|\b(?:give|lend)\s+(?:him|her|them|[\p{Lu}][\p{L}'’-]+)\s+your\s+(?:vote|support|backing|cross)\b/giu;
const CANDIDACY = /\b(?:standing\s+(?:again\s+)?(?:for|in)|stand(?:s|ing)?\s+again|re-?elect\w*|candidates?|election|by-election|polling\s+day|in\s+may|ballot|seat)\b/i;

function endorsement(segment: Segment, roll: Roll): Hit | undefined {
  const text = segment.text;
  if (!/(?:your|our|my)\s+(?:support|votes?|backing|cross|x)\b/i.test(text) || !CANDIDACY.test(text)) return undefined;
  for (const m of allMatches(ENDORSE, text).slice(0, MAX_TRIED)) {
    const sentence = segment.sentenceAround(m.index);
    const from = sentence.start > 0 ? segment.sentenceAround(sentence.start - 1).start : 0;
    const around = text.slice(from, sentence.end);
    const person = namedIn(around, roll);
    const party = NAMES_PARTY.exec(around)?.[0];
    if (!person && !party) continue;
    if (CONTEST.test(around)) continue;
    return hit(segment, m.index, m.index + m[0].length, `backs ${person ? person.name : party} for election ("${m[0]}"): party campaigning`, true);
  }
  return undefined;
}

/** A configured person named anywhere in the text, by full name, surname with a title, or unique given name. */
function namedIn(text: string, roll: Roll): Person | undefined {
  const lower = text.toLowerCase();
  for (const p of roll.people) {
    if (lower.includes(`${p.given} ${p.surname}`)) return p;
  }
  const given = roll.givenNames ? allMatches(roll.givenNames, lower)[0] : undefined;
  return given ? roll.uniqueGiven.get(given[0]) : undefined;
}

// ---- The poster's own candidacy -----------------------------------------------------------------------

const OWN_CANDIDACY =
  /\b(?:i['’]?m|i\s+am|i['’]ll\s+be|i\s+will\s+be|we['’]re|we\s+are)\s+(?:officially\s+)?(?:standing|running)\s+(?:again\s+)?(?:for|in|as)\b(?!\s+(?:a\s+)?(?:minute|moment|while|bit|the\s+(?:queue|bus|rain)))|\b(?:re-?elect|vote\s+for|back)\s+me\b|\bmy\s+(?:re-?election|election)\s+campaign\b|\bi['’]?m\s+standing\s+again\b/gi;

function ownCandidacy(segment: Segment): Hit | undefined {
  const text = segment.text;
  if (!/\b(?:i['’]?m|i\s+am|i['’]ll|i\s+will|we['’]re|we\s+are)\s+(?:\w+\s+){0,2}(?:standing|running)|\bme\b|\bmy\s+(?:re-?)?election/i.test(text) || !ELECTORAL.test(text)) return undefined;
  for (const m of allMatches(OWN_CANDIDACY, text).slice(0, MAX_TRIED)) {
    const sentence = segment.sentenceAround(m.index);
    if (CONTEST.test(text.slice(sentence.start, sentence.end)) || /standing\s+down/i.test(m[0])) continue;
    return hit(segment, m.index, m.index + m[0].length, `announces or asks votes for the poster's own candidacy ("${m[0]}"): party campaigning`, true);
  }
  return undefined;
}

// ---- A party mocked -----------------------------------------------------------------------------------

const SNEER =
  /\b(?:finally\s+(?:catching|caught)\s+up|better\s+late\s+than\s+never|about\s+(?:bloody\s+)?time(?:\s+too)?|(?:done|did|achieved|delivered)\s+(?:precisely|absolutely|exactly|sod\s+all|diddly|zilch|bugger\s+all|next\s+to)?\s*nothing|(?:had|have\s+had)\s+(?:\w+\s+){0,2}(?:years|months)\s+to\b(?=[^.!?]{0,60}\b(?:nothing|not|never|failed)\b|[^.!?]{0,80}\bdone\s+(?:precisely\s+|absolutely\s+)?nothing)|only\s+took\s+them|took\s+(?:them|their)\s+(?:\w+\s+)?(?:time|years|long\s+enough)|welcome\s+to\s+the\s+party|nowhere\s+to\s+be\s+seen|all\s+talk(?:\s+and\s+no\s+(?:action|trousers))?|nice\s+of\s+them\s+to)\b/gi;

/** Cheap test before the party expression: a capitalised word every party name has. */
const PARTY_WORD = new RegExp(
  wordGate(
    `Labour LABOUR Conservativ CONSERVATIV Tory Tories TOR Lib LIB Green GREEN Reform REFORM SNP Plaid UKIP DUP SDLP UUP Sinn Alba
    Alliance Party PARTY Independents Workers Brexit SDP Democrats Socialist Communist Heritage Yorkshire Loony BNP Britain TUSC
    Co-operative English`.split(/\s+/),
  ),
);

function partySneer(segment: Segment): Hit | undefined {
  const text = segment.text;
  if (!PARTY_WORD.test(text) || !NAMES_PARTY.test(text)) return undefined;
  for (const m of allMatches(SNEER, text).slice(0, MAX_TRIED)) {
    const sentence = segment.sentenceAround(m.index);
    const from = sentence.start > 0 ? segment.sentenceAround(sentence.start - 1).start : 0;
    const party = NAMES_PARTY.exec(text.slice(from, sentence.end));
    if (!party) continue;
    return { ...hit(segment, from, sentence.end, `attacks a political party (${party[0].replace(/^the\s+/, '')}: "${m[0]}")`) };
  }
  return undefined;
}

// ---- Inside a pre-election period ---------------------------------------------------------------------

interface Period {
  election: Election;
  /** Ward keys when only by-elections cover the day. */
  wards?: ReadonlySet<string>;
}

function periodFor(view: PostView, context: DetectionContext, roll: Roll): Period | undefined {
  const at = view.post.createdAt;
  // ISO instants in UTC compare as strings: most posts are told outside every window without parsing a date.
  if (at.endsWith('Z') ? !roll.isoWindows.some(([from, to]) => at >= from && at < to) : !roll.windows.some(([from, to]) => Date.parse(at) >= from && Date.parse(at) < to)) return undefined;
  const elections = context.preElectionPeriods(view.post.createdAt);
  if (elections.length === 0) return undefined;
  const whole = elections.find((e) => e.wards === undefined);
  if (whole) return { election: whole };
  return { election: elections[0]!, wards: new Set(elections.flatMap((e) => e.wards!).map(wardKey)) };
}

function covered(person: Person, period: Period): boolean {
  return period.wards === undefined || person.ward === undefined || period.wards.has(person.ward);
}

const LUCK = /(?:\b(?:[Ff]ingers\s+crossed|[Gg]ood\s+luck|[Bb]est\s+of\s+luck|[Aa]ll\s+the\s+best|[Rr]ooting|[Cc]heering|[Rr]outing)\s+(?:for|to)\s+|🤞\s*(?:for\s+)?)(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/gu;

function luckWished(segment: Segment, roll: Roll, period: Period): Hit | undefined {
  const text = segment.text;
  if (!/luck|crossed|rooting|cheering|routing|best|🤞/i.test(text)) return undefined;
  for (const m of allMatches(LUCK, text).slice(0, MAX_TRIED)) {
    const person = personAt(m[1]!.toLowerCase(), roll);
    if (!person || !covered(person, period)) continue;
    const sentence = segment.sentenceAround(m.index);
    if (CONTEST.test(text.slice(sentence.start, sentence.end))) continue;
    return hit(segment, m.index, m.index + m[0].length, `wishes councillor or candidate ${person.name} luck`);
  }
  return undefined;
}

const HANDLE = /(?<![\w@])@[\w.-]*\w(?:@[\w-]+(?:\.[\w-]+)+)?/g;

function handlePromoted(segment: Segment, roll: Roll, period: Period): Hit | undefined {
  if (!segment.text.includes('@')) return undefined;
  for (const m of allMatches(HANDLE, segment.text).slice(0, MAX_TRIED)) {
    const person = roll.handles.get(normaliseHandle(m[0]));
    if (!person || !covered(person, period)) continue;
    return hit(segment, m.index, m.index + m[0].length, `promotes the social media account of councillor ${person.name}`);
  }
  return undefined;
}

/** A post that ends with a given name, after its last sentence: "… I do love this town. Morwenna". */
const SIGN_OFF = /(?:[.!?)]|\p{Extended_Pictographic}|\n)\s*[-–—~]?\s*(?:Cllr\s+)?(\p{Lu}\p{Ll}{2,})(?:\s+x+)?\s*(?:\p{Extended_Pictographic}\s*)*$/u;

function signedOff(segment: Segment, roll: Roll, period: Period): Hit | undefined {
  if (segment.field !== 'text') return undefined;
  // Only the end can sign a post off: the expression is not run over the whole text.
  const from = Math.max(0, segment.text.length - 40);
  const m = SIGN_OFF.exec(segment.text.slice(from));
  if (!m) return undefined;
  m.index += from;
  const person = roll.uniqueGiven.get(m[1]!.toLowerCase());
  if (!person || !covered(person, period)) return undefined;
  const start = m.index + m[0].indexOf(m[1]!);
  return hit(segment, start, start + m[1]!.length, `is signed by councillor or candidate ${person.name}, promoting them`);
}
