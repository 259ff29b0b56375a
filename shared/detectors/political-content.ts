import type { Election } from '../domain/config';
import { wardKey } from '../domain/wards';
import { describePreElectionPeriod } from '../domain/calendar';
import type { Location } from '../domain/finding';
import { perContext, squash, type DetectionContext } from './context';
import type { Hit, PostDetector } from './detector';
import { RULE_META } from './meta';
import type { PostView } from './post-view';
import { normaliseHandle } from '../domain/account';
import { excerpt } from './text/mask';
import {
  ATTACK,
  ATTACK_AFTER_PARTY_HERE,
  BARE_PARTY_HERE,
  CAMPAIGN_ASK,
  DETERMINER_HERE,
  NAMES_PARTY,
  onlyBefore,
  PARTY,
  PARTY_CUE,
  PARTY_HERE,
  partyName,
  PRAISE,
  PRONOUN_TARGET_HERE,
  SLOGAN,
} from './text/politics/parties';
import { disguisedVoteCall, partyHashtag, VOTE_NOUN_CUE, voteForIs, voteForPerson, type CampaignMatch } from './text/politics/campaign';
import { isGivenName, personStartingAt } from './text/pii/people';
import { electioneering } from './text/politics/electioneering';
import { allMatches, NextMatch } from './text/prose/matches';
import type { Span } from './text/prose/sentence';
import type { Segment } from './text/segment';

/** A councillor by title: "Cllr Alice Moreton", "Councillor Bhatt". */
const TITLED_SOURCE = String.raw`(?:Cllr|CLLR|cllr|Councill?or|councill?or|COUNCILLOR)\.?\s+((?:[A-Z][\p{L}'’-]+)(?:\s+[A-Z][\p{L}'’-]+){0,2})`;
const TITLED = new RegExp(String.raw`\b${TITLED_SOURCE}`, 'gu');
const TITLED_HERE = new RegExp(TITLED_SOURCE, 'uy');
/** Capitalised words after "Councillor" that are not a name: "Councillor Surgery", "Councillor Vacancy". */
const NOT_A_SURNAME =
  /^(?:Surgery|Surgeries|Vacancy|Vacancies|Code|Conduct|Allowances?|Training|Induction|Co-?option|Elections?|Nominations?|Reports?|Updates?|Contacts?|Details|Profiles?|Declarations?|Members?|Questions?|Session|Forum|Pages?|Accounts?|Roles?|Pack|Guide|Handbook|Information|Meetings?|Grants?|Scheme|Funds?|Portal|Directory|Register|Interests|Attendance|Expenses|Email|Emails|Newsletter|Bulletin)\b/;

/**
 * An office held by a councillor. Possessive uses ("the Mayor's Parlour", "the Mayor's office") name
 * a place or a service, not a person, so the pattern does not match them, nor "Mayor-making".
 */
const OFFICE =
  /\b(?:(?:Deputy|Town|Lord|Civic|Deputy\s+Town)\s+)?(?:[Mm]ayor(?:ess)?|Chair(?:man|woman|person)?\s+of\s+(?:the\s+)?(?:Town\s+|Parish\s+|City\s+)?Council|Leader\s+of\s+the\s+Council)(?![\p{L}'’-])(?![\s-]*[Mm]aking)/gu;
/** Doing something in public: what makes an office-holder featured rather than merely named. */
const FEATURE =
  /\b(?:open(?:s|ed|ing)?|visit(?:s|ed|ing)?|welcom(?:e|es|ed|ing)|thank(?:s|ed|ing)?|said|says|prais(?:e|es|ed|ing)|present(?:s|ed|ing)?|attend(?:s|ed|ing)?|unveil(?:s|ed|ing)?|launch(?:es|ed|ing)?|met|meet(?:s|ing)?|congratulat\w*|join(?:s|ed|ing)?|led|lead(?:s|ing)?|host(?:s|ed|ing)?|cut\s+the\s+ribbon|plant(?:s|ed|ing)?|pictured|took\s+part|tak(?:e|es|ing)\s+part|speech|message|judg(?:e|es|ed|ing)|award(?:s|ed|ing)?|greet(?:s|ed|ing)?|celebrat\w*|honour(?:s|ed|ing)?|spoke|speak(?:s|ing)?|tour(?:s|ed|ing)?|officially|switch(?:es|ed)?\s+on|crown(?:s|ed)?|instagram|facebook|twitter|tiktok|youtube|social\s+media|blog|vlog)\b/i;
const CANDIDATE_NAME = /\bcandidates?,?\s+((?:[A-Z][\p{L}'’-]+)(?:\s+[A-Z][\p{L}'’-]+){1,2})/gu;
const PERSON_NAME_HERE = /(?:[A-Z][\p{L}'’-]+)(?:\s+[A-Z][\p{L}'’-]+){1,2}/uy;
/** "independent candidate Sam Lowe", "candidate, Lucy Marsh": a named candidate right after an ask. */
const NAMED_CANDIDATE_HERE = /(?:[\p{L}'’-]+\s+){0,2}?[Cc]andidates?,?\s+((?:[A-Z][\p{L}'’-]+)(?:\s+[A-Z][\p{L}'’-]+){1,2})/uy;
/** Words that show a vote is for a person: a pronoun after the name ("vote for Tom Hart, he has …"). */
const PERSON_PRONOUN = /\b(?:he|she|him|his|her|hers)\b/i;
/** The same, searched for through a text, and at the very end of a stretch of it. */
const PERSON_PRONOUN_NEXT = new RegExp(PERSON_PRONOUN.source, 'gi');
const PERSON_PRONOUN_AT_END = new RegExp(`${PERSON_PRONOUN.source.replace(/\\b$/, '')}$`, 'i');
/** Election words anywhere in a post that make "vote for Tom Hart" a vote in an election. */
const ELECTION_POST = /\b(?:candidates?|elections?|by-elections?|polling\s+(?:day|stations?)|ward|re-?elect\w*|councillors?|Cllr)\b/i;
/** A vote in a contest, not an election: "vote for Daisy May in the talent show final, she was brilliant". */
const COMPETITION = /\b(?:competitions?|contests?|awards?|finals?|finalists?|talent|prizes?|favourites?|entr(?:y|ies)|categor(?:y|ies)|shortlist\w*|nominees?|trophy|champion\w*|scarecrows?|baking|bake\s+off|of\s+the\s+year)\b/i;
/** Last words of names that are places, buildings or teams, not people: "vote for Harbourne Pier". */
const NOT_A_PERSON_TAIL =
  /\s(?:Pier|Park|Gardens?|Hall|Library|Beach|Bay|Station|Square|Green|Museum|Centre|Center|Church|Chapel|School|Academy|College|Club|FC|Trust|Awards?|Prize|Lane|Road|Street|Way|Quay|Harbour|Market|Festival|Show|Carnival|Brewery|Bakery|Caf[eé]|Arms|Inn|Bridge|Castle|Abbey|Woods?|Common|Allotments?|Hospital|Theatre|Cinema|Choir|Band|Society|Group|Association|Rovers|United|Town|City|Village|Parish|Ltd|Project|Appeal|Fund|Foundation|Charity)$/;
/** "Conservative-led", "Reform-run": the party named as the one running an authority. */
const AUTHORITY_AFTER = /^[\s-]+(?:led|run|controlled)\b/;
const ELECTION_WORDS = /\b(?:candidates?|elections?|by-elections?|polling\s+day|ballot)\b|\bfor\s+(?!the\s)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+ward\b(?!['’])/i;
const HANDLE = /(?<![\w@])@[\w.-]+(?:@[\w-]+(?:\.[\w-]+)+)?/g;
const COUNCILLOR_HANDLE = /^(?:cllr|councill?or)/;
/** A profile link whose handle says it is a councillor's: `mastodon.social/@cllrjones`, `bsky.app/profile/cllrjones…`. */
const COUNCILLOR_PROFILE = /\/(?:@|profile\/)(?:cllr|councill?or)/i;

/** Cheap test: could the post name a councillor, a candidate or an office-holder? */
const INDIVIDUAL_CUE = /\b(?:[Cc]llr|CLLR|[Cc]ouncill?or|COUNCILLOR|[Mm]ayor|MAYOR|Chair|Leader|[Cc]andidate)|@|profile\/|\((?:Green|Labour|Lab|Conservative|Con|Lib|LD|Liberal|Reform|Independent|Ind|Plaid|SNP|Tory)\b/;
/** A person labelled with a party: "Sam Whitaker (Green)". */
const PARTY_LABELLED =
  /((?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+){1,2})\s*\((?:Green(?:\s+Party)?|Labour|Lab|Conservative|Con|Lib\s?Dems?|LD|Liberal\s+Democrats?|Reform(?:\s+UK)?|Independent|Ind|Plaid(?:\s+Cymru)?|SNP|Tory)\)/gu;
/** "Meet your candidates": every full name after it is a candidate introduced. */
const MEET_CANDIDATES = /\b(?:[Mm]eet|[Ii]ntroducing)\s+(?:your|the|our)\s+(?:\w+\s+){0,2}candidates?\b/;
const FULL_NAME = /\b(\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})/gu;
/** Neutral election notices published by the Returning Officer name candidates by law. */
const RETURNING_OFFICER = /\b(?:returning\s+officer|statement\s+of\s+persons\s+nominated|persons\s+nominated|notice\s+of\s+(?:poll|election)|declaration\s+of\s+(?:the\s+)?results?)\b/i;
const QUOTES = /\b(?:said|says|told|added)\b|[:,]\s*["“‘]/;
const PRAISES_PERSON =
  /\b(?:thank(?:s|\s+you)?|prais\w*|tireless(?:ly)?|hard\s*work(?:ing)?|brilliant|fantastic|amazing|wonderful|congratulations|well\s+done|proud|incredible|champion|dedicat\w*|superb|outstanding|great\s+work)\b/i;

/** A councillor or candidate of the configuration. */
interface Member {
  name: string;
  kind: 'councillor' | 'candidate';
  /** The ward, compared by `wardKey`; undefined when the configuration gives none. */
  ward: string | undefined;
}

/** Words that make a councillor's given name alone a feature: praise, thanks, backing. */
const FIRST_NAME_FEATURE =
  /\b(?:thank(?:s|\s+you)?|prais\w*|tireless(?:ly)?|hard\s*work(?:ing)?|brilliant|fantastic|amazing|wonderful|congratulations|well\s+done|proud|incredible|champion|dedicat\w*|superb|outstanding|great\s+work|star|hero|legend|shout[\s-]?out|cheers|kudos|massive\s+thanks|vote|get\s+behind|back\s+(?:her|him|them)|support\s+(?:her|him|them)|standing|candidate|what\s+would\s+\w+\s+do\s+without|where\s+would\s+\w+\s+be\s+without|without\s+(?:him|her|them)|who\s+else\s+but|done\s+it\s+again|never\s+(?:stops|gives\s+up|lets\s+us\s+down)|above\s+and\s+beyond|extra\s+mile|unsung|couldn['’]t\s+have\s+(?:happened|done\s+it)|all\s+(?:him|her)|all\s+thanks\s+to|credit\s+to|(?:facebook|fb|instagram|insta|tiktok|youtube)\s+(?:page|account|channel|group)|(?:her|his|their|['’]s)\s+(?:new\s+)?(?:page|account|blog|newsletter|channel|vlog)|follow\s+(?:her|him|them))\b|👏|🙌|💪|⭐|🌟|🏆|🥇/i;
const NEXT_CAPITALISED = /^\s+(\p{Lu}[\p{L}'’-]+)/u;
/** Cheap test: could the post introduce a candidate? */
const CANDIDATE_CUE = /\b(?:[Mm]eet|[Ii]ntroducing|[Ss]ay\s+(?:hello|hi)|standing\s+(?:for|in)|(?:hoping|hopes|wants|aiming|bidding|seeking|running|campaigning)\s+to\s+(?:represent|be\s+(?:your|our|the)\s+(?:next\s+)?(?:councill?or|cllr|member|mayor)))\b/;
/** "Meet Sam Whitaker", "Introducing Nadia Begum": a person introduced to readers. */
const INTRODUCED = /\b(?:[Mm]eet|[Ii]ntroducing|[Ss]ay\s+(?:hello|hi)\s+to)\s+((?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+){0,2})/gu;
/** "Sam Whitaker, standing for Quay ward": a person standing for election. */
const STANDING = /((?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+){1,2}),?\s+(?:who\s+is\s+|who['’]s\s+|is\s+|now\s+)?(?:standing\s+(?:for|in)|(?:hoping|hopes|wants|aiming|bidding|seeking|running|campaigning)\s+to\s+(?:represent|be\s+(?:your|our|the)\s+(?:next\s+)?(?:councill?or|cllr|member|mayor)))\b/gu;
/** Words after an introduced person that make them staff, a volunteer or an animal, not a candidate. */
const NOT_A_CANDIDATE =
  /^[^.!?]{0,40}\b(?:our\s+new|the\s+new|clerk|officer|warden|ranger|volunteer|apprentice|caretaker|groundsman|lengthsman|staff|team|dog|cat|puppy|pony|horse|owl|mascot|artist|author|speaker|chef|band|choir|santa|elf)\b/i;
/** Words that say an introduction is of a candidate when the name alone does not. */
const CANDIDATE_WORDS = /\b(?:standing|candidates?|elections?|by-elections?|ward|polling|ballot|vote)\b|\bcand/i;

interface Compiled {
  /** Councillors and candidates by full name and by surname, lower case. */
  members: ReadonlyMap<string, Member>;
  /** Full names of councillors and candidates, lower case. */
  fullNames: ReadonlySet<string>;
  /** Given names that belong to one configured councillor or candidate only, as written: `Sunita` → Sunita Rao. */
  firstNames: ReadonlyMap<string, Member>;
  /** The same given names as one case-sensitive pattern (global: use with `allMatches` only). */
  firstNamePattern: RegExp | undefined;
  /** The council's place, squashed: "a vote for Harbourne" is for the town. */
  place: string | undefined;
  /** Configured councillors' and candidates' full names, for finding them in prose (global: use with `allMatches` only). */
  names: RegExp | undefined;
  /** The same names, at one offset (sticky). */
  namesHere: RegExp | undefined;
  /** How those handles appear inside profile links (`/@cllralicemoreton`, `rajbhatt.bsky.social`), with the councillor's name. */
  linkForms: ReadonlyArray<readonly [string, string]>;
  /** Configured councillors' handles, normalised, with each councillor's name. */
  handleOwner: ReadonlyMap<string, string>;
  /**
   * Each election's pre-election period widened by a day either side, as UTC milliseconds: an
   * instant outside all of them needs no time-zone arithmetic to be judged outside every period.
   */
  windows: ReadonlyArray<readonly [number, number]>;
}

const DAY = 86_400_000;
const compile = perContext((context): Compiled => {
  const people = [
    ...context.config.councillors.map((p) => ({ ...p, kind: 'councillor' as const })),
    ...context.config.candidates.map((p) => ({ ...p, kind: 'candidate' as const })),
  ];
  const names = people.map((person) => person.name.trim()).filter((n) => n.length >= 4);
  const handleOwner = new Map<string, string>();
  const members = new Map<string, Member>();
  const givenNameCount = new Map<string, number>();
  const firstNames = new Map<string, Member>();
  for (const person of people) {
    for (const handle of person.handles) handleOwner.set(normaliseHandle(handle), person.name);
    const member: Member = { name: person.name.trim(), kind: person.kind, ward: person.ward === undefined ? undefined : wardKey(person.ward) };
    const words = member.name.split(/\s+/);
    members.set(member.name.toLowerCase(), member);
    if (words.length > 1 && !members.has(words.at(-1)!.toLowerCase())) members.set(words.at(-1)!.toLowerCase(), member);
    givenNameCount.set(words[0]!, (givenNameCount.get(words[0]!) ?? 0) + 1);
    if (words.length > 1 && /^\p{Lu}\p{Ll}{2,}$/u.test(words[0]!)) firstNames.set(words[0]!, member);
  }
  for (const [given, count] of givenNameCount) if (count > 1) firstNames.delete(given);
  const alternatives = names.map((n) => escapeRegExp(n).replace(/\s+/g, String.raw`\s+`)).join('|');
  return {
    members,
    fullNames: new Set(names.map((n) => n.toLowerCase())),
    firstNames,
    firstNamePattern: firstNames.size ? new RegExp(String.raw`\b(?:${[...firstNames.keys()].map(escapeRegExp).join('|')})\b`, 'gu') : undefined,
    place: context.councilPlace,
    names: names.length ? new RegExp(String.raw`\b(?:${alternatives})\b`, 'gi') : undefined,
    namesHere: names.length ? new RegExp(String.raw`(?:${alternatives})\b`, 'iy') : undefined,
    linkForms: [...handleOwner].map(([h, name]) => [h.includes('@') ? `/@${h.split('@')[0]}` : h, name] as const),
    handleOwner,
    windows: context.config.elections.map((e) => [Date.parse(e.preElectionStart) - DAY, Date.parse(e.pollingDay) + 2 * DAY] as const),
  };
});

export const politicalContent: PostDetector = {
  meta: RULE_META['political-content'],

  /**
   * The wording model may speak of campaigning only where campaigning can be: inside a pre-election period, or
   * in a post with a party's cue (a party's name, a vote, a candidate). Elsewhere "a brilliant turnout" is a
   * litter-pick's, not a vote's.
   */
  wordingApplies(view: PostView, context: DetectionContext): boolean {
    return periodOf(view, compile(context), context) !== undefined || view.segments.some((s) => PARTY_CUE.test(s.text));
  },

  detect(view: PostView, context: DetectionContext): Hit[] {
    const c = compile(context);
    const period = periodOf(view, c, context);
    const election = period?.election;

    const hits: Hit[] = [];
    // Campaigning in a council's own words when no party rule fired (text/politics/electioneering.ts).
    const party = partyPolitics(view, c) ?? electioneering(view, context);
    if (party) {
      hits.push(
        election
          ? { ...party, severity: 'high', reason: `${party.reason}, during the pre-election period ${describePreElectionPeriod(election, context.config.timezone)}` }
          : party,
      );
    }
    // Whether the post was made in a pre-election period is quicker to answer than whether it features
    // anyone, and most posts are not: asked first.
    if (period && mightFeatureIndividual(view, c)) {
      // One by one: a spread of a long post's thousands of councillors into push would overflow the stack
      for (const hit of preElectionFeatures(view, c, period, context.config.timezone)) hits.push(hit);
    }
    return hits;
  },
};

/**
 * The pre-election period a post was made in. Most posts are far from any, which the UTC windows
 * tell without time-zone arithmetic.
 */
function periodOf(view: PostView, c: Compiled, context: DetectionContext): Period | undefined {
  const instant = Date.parse(view.post.createdAt);
  for (const window of c.windows) {
    if (instant >= window[0] && instant < window[1]) {
      const elections = context.preElectionPeriods(view.post.createdAt);
      if (elections.length === 0) return undefined;
      // An election of every ward covers everyone; by-elections alone cover their own wards.
      const whole = elections.find((e) => e.wards === undefined);
      if (whole) return { election: whole };
      const wards = elections.flatMap((e) => e.wards!);
      return { election: elections[0]!, wards: new Set(wards.map(wardKey)), wardNames: [...new Set(wards)] };
    }
  }
  return undefined;
}

/** The pre-election period a post was made in, and the wards it covers when only a by-election's. */
interface Period {
  election: Election;
  /** Keys (`wardKey`) of the wards covered; undefined when every ward is. */
  wards?: ReadonlySet<string>;
  wardNames?: readonly string[];
}

/** The strongest party-political signal in the post: a campaign ask, then praise or attack, then a slogan. */
function partyPolitics(view: PostView, c: Compiled): Hit | undefined {
  const segments = view.segments.filter((s) => PARTY_CUE.test(s.text));
  if (segments.length === 0) return disguisedCampaign(view, c);
  const partyNamed = firstParty(segments);

  for (const segment of segments) {
    const ask = campaignAsk(segment, c, partyNamed);
    if (ask) return ask;
  }
  const personal = personalVoteRequest(view, c);
  if (personal) return personal;
  for (const segment of segments) {
    if (segment.field === 'quoteOf.text') continue;
    const stance = partyStance(segment);
    if (stance) return stance;
  }
  for (const segment of segments) {
    const slogan = SLOGAN.exec(segment.text);
    if (slogan) {
      return {
        evidence: excerpt(segment.text, slogan.index, slogan.index + slogan[0].length),
        reason: `carries the party campaign slogan "${slogan[0]}"`,
        location: segment.locate(slogan.index, slogan.index + slogan[0].length),
      };
    }
  }
  return disguisedCampaign(view, c);
}

/** Campaigning in other clothes: a party hashtag, a vote call in leetspeak, "a vote for Sam is a vote for …". */
function disguisedCampaign(view: PostView, c: Compiled): Hit | undefined {
  for (const segment of view.segments) {
    const text = segment.text;
    // Cheap tests first: a hashtag, a vote word (any vote call has one, however disguised its party).
    if (segment.field === 'quoteOf.text' || (!text.includes('#') && !CAMPAIGN_CLUE.test(text))) continue;
    const found: CampaignMatch | undefined = voteForIs(text, (name) => isCandidateName(name, c)) ?? disguisedVoteCall(text) ?? partyHashtag(text);
    if (found) return campaignHit(segment, found);
  }
  return undefined;
}

/** A vote asked for a person in a post about an election: "Give Sam your vote", "make sure he gets your X". */
function personalVoteRequest(view: PostView, c: Compiled): Hit | undefined {
  for (const segment of view.segments) {
    const text = segment.text;
    if (segment.field === 'quoteOf.text' || !VOTE_NOUN_CUE.test(text)) continue;
    const found = voteForPerson(text, (name) => isCandidateName(name, c) || fullNameInPost(view, name), () => namesSomeone(view, c));
    // Whether the post is about an election is asked only of the rare post that asks a vote for someone.
    if (found) return electionInView(view) ? campaignHit(segment, found) : undefined;
  }
  return undefined;
}

function campaignHit(segment: Segment, found: CampaignMatch): Hit {
  return {
    evidence: excerpt(segment.text, found.start, found.end),
    reason: `${found.ask ? 'asks for votes with' : 'carries'} ${found.signal} (${found.said}): party campaigning`,
    ...(found.ask ? { severity: 'high' as const } : {}),
    location: segment.locate(found.start, found.end),
  };
}

/** Words that put an election in view: a vote asked for a person is then a vote in it, not in a dog show. */
const ELECTION_IN_VIEW =
  /\b(?:candidates?|standing|stands|elections?|by-elections?|polling|ballot|ward|hustings|re-?elect\w*|councill?ors?|cllr|manifesto|campaign\w*|party|parties)\b|\((?:Green|Labour|Conservative|Con|Lab|Lib\s?Dems?|LD|Liberal\s+Democrats?|Reform(?:\s+UK)?|Independent|Ind|Plaid(?:\s+Cymru)?|SNP|Tory)\)/i;

/** Whether the post speaks of an election or names a party, and not of a competition. */
function electionInView(view: PostView): boolean {
  const own = view.ownSegments;
  if (own.some((s) => NAMES_PARTY.test(s.text))) return true;
  return own.some((s) => ELECTION_IN_VIEW.test(s.text)) && !own.some((s) => COMPETITION.test(s.text));
}

const CAPITALISED_WORD = /\b\p{Lu}\p{Ll}+\b/gu;

/** Whether a given name is, elsewhere in the post, the start of a person's full name ("Give Lena your vote" after "Lena Marsh"). */
function fullNameInPost(view: PostView, name: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(name)) return false;
  const followed = new RegExp(String.raw`\b${escapeRegExp(name)}\s+\p{Lu}`, 'gu');
  return view.ownSegments.some((s) =>
    allMatches(followed, s.text).some((m) => {
      const person = personStartingAt(s.text.slice(m.index, m.index + 60));
      return person !== undefined && person.start === 0;
    }),
  );
}

/** Whether the post names a person a pronoun can stand for: a councillor, a candidate, or a common given name. */
function namesSomeone(view: PostView, c: Compiled): boolean {
  return view.ownSegments.some((s) => allMatches(CAPITALISED_WORD, s.text).some((w) => isGivenName(w[0]) || c.firstNames.has(w[0])));
}

/** Cheap test before the disguised forms: a hashtag, or a vote word in plain or disguised letters. */
const CAMPAIGN_CLUE = /[vV][oO0@][tT7][eE3]/;

/** Whether the name after "a vote for" is a party, a councillor or candidate, or a person, not a place or a thing. */
function isCandidateName(name: string, c: Compiled): boolean {
  if (NAMES_PARTY.test(name)) return true;
  const bare = name.replace(/^the\s+/, '');
  if (bare !== name || NOT_A_PERSON_TAIL.test(` ${bare}`) || c.place === squash(bare)) return false;
  const first = bare.split(/\s+/)[0]!;
  return c.firstNames.has(first) || c.fullNames.has(bare.toLowerCase()) || isGivenName(first);
}

/** "Vote Labour", "donate to their campaign", "re-elect Cllr Moreton". */
function campaignAsk(segment: Segment, c: Compiled, partyNamed: string | undefined): Hit | undefined {
  const text = segment.text;
  const reading = new AskReading(segment);
  for (const match of allMatches(CAMPAIGN_ASK, text)) {
    const groups = match.groups!;
    const verbEnd = match.index + match[0].length;
    DETERMINER_HERE.lastIndex = verbEnd;
    const afterDeterminer = DETERMINER_HERE.test(text) ? DETERMINER_HERE.lastIndex : verbEnd;

    let target = stickyAt(PARTY_HERE, text, verbEnd) ?? stickyAt(PARTY_HERE, text, afterDeterminer);
    let what = target ? partyName(target.text) : '';
    if (!target && groups.vote) {
      target = stickyAt(BARE_PARTY_HERE, text, verbEnd);
      if (target) what = target.text;
    }
    if (!target) {
      target = candidacyAt(reading, match, afterDeterminer, c, groups.party !== undefined);
      if (target) what = `${target.text} (a candidate)`;
    }
    if (!target && partyNamed) {
      target = stickyAt(PRONOUN_TARGET_HERE, text, afterDeterminer) ?? stickyAt(PRONOUN_TARGET_HERE, text, verbEnd);
      if (target) what = `${target.text} (${partyNamed})`;
    }
    if (!target) continue;
    const verb = match[0].trim().toLowerCase().replace(/\s+/g, ' ');
    return {
      evidence: excerpt(text, match.index, target.end),
      reason: `asks people to ${verb} ${what}: party campaigning`,
      severity: 'high',
      location: segment.locate(match.index, target.end),
    };
  }
  return undefined;
}

/** Praise or attack in a sentence that names a party. */
function partyStance(segment: Segment): Hit | undefined {
  const text = segment.text;
  // What a sentence says is read once, however many parties it names.
  let said: SentenceSays | undefined;
  for (const match of allMatches(PARTY, text)) {
    const start = match.index;
    const end = start + match[0].length;
    const sentence = segment.sentenceAround(start);
    if (said?.start !== sentence.start || said.end !== sentence.end) said = new SentenceSays(sentence);
    const words = text.slice(sentence.start, sentence.end);
    const name = partyName(match[0]);
    let signal: string | undefined;
    let stance = 'promotes';
    const stock = stickyAt(ATTACK_AFTER_PARTY_HERE, text, end);
    if (onlyBefore(text, sentence.start, start)) {
      signal = `only ${name}`;
    } else if (stock) {
      signal = `${name}${stock.text}`;
      stance = 'attacks';
    } else {
      signal = said.attack(words);
      if (signal) {
        stance = 'attacks';
      } else if (!AUTHORITY_AFTER.test(text.slice(end, end + 16))) {
        // Praise of a party-run authority ("the Reform-led county council will fix …") is news, and
        // thanking every party's candidates alike is even-handed: neither promotes a party.
        const praise = said.praise(words);
        if (praise && !said.evenHanded(words)) signal = praise;
      }
    }
    if (!signal) continue;
    return {
      evidence: excerpt(text, sentence.start, sentence.end, 0),
      reason: `${stance} a political party (${name}: "${signal.trim()}")`,
      location: segment.locate(start, end),
    };
  }
  return undefined;
}

/** What one sentence says about parties, each read at most once. */
class SentenceSays {
  readonly start: number;
  readonly end: number;
  /** The words, or false for none. */
  #attack: string | false | undefined;
  #praise: string | false | undefined;
  #evenHanded: boolean | undefined;

  constructor(sentence: Span) {
    this.start = sentence.start;
    this.end = sentence.end;
  }

  attack(words: string): string | undefined {
    this.#attack ??= ATTACK.exec(words)?.[0] ?? false;
    return this.#attack || undefined;
  }

  praise(words: string): string | undefined {
    this.#praise ??= PRAISE.exec(words)?.[0] ?? false;
    return this.#praise || undefined;
  }

  evenHanded(words: string): boolean {
    this.#evenHanded ??= evenHanded(words);
    return this.#evenHanded;
  }
}


/** The first party the post names, for asks that refer back to it ("donate to their campaign"). */
function firstParty(segments: readonly Segment[]): string | undefined {
  for (const segment of segments) {
    const match = NAMES_PARTY.exec(segment.text);
    if (match) return partyName(match[0]);
  }
  return undefined;
}

function evenHanded(sentence: string): boolean {
  const parties = new Set<string>();
  for (const match of allMatches(PARTY, sentence)) parties.add(partyName(match[0]));
  return parties.size >= 2;
}

function mightFeatureIndividual(view: PostView, c: Compiled): boolean {
  const { post } = view;
  if (post.repostOf || post.quoteOf) return true;
  for (const segment of view.segments) {
    if (INDIVIDUAL_CUE.test(segment.text) || CANDIDATE_CUE.test(segment.text)) return true;
    if (c.firstNamePattern) {
      c.firstNamePattern.lastIndex = 0;
      const named = c.firstNamePattern.test(segment.text);
      c.firstNamePattern.lastIndex = 0;
      if (named) return true;
    }
    if (c.names) {
      c.names.lastIndex = 0;
      const named = c.names.test(segment.text);
      c.names.lastIndex = 0;
      if (named) return true;
    }
  }
  return (post.links ?? []).some((l) => COUNCILLOR_PROFILE.test(l) || c.linkForms.some(([form]) => l.toLowerCase().includes(form)));
}

interface Individual {
  who: string;
  /** How the post promotes them, when it is not plain featuring. */
  how?: 'account' | 'link' | 'repost' | 'quote';
  segment?: Segment;
  start: number;
  end: number;
  evidence?: string;
  location?: Location;
}

/** Every individual councillor or candidate the post features, each once. */
function preElectionFeatures(view: PostView, c: Compiled, within: Period, timezone: string): Hit[] {
  const { post } = view;
  const found: Individual[] = [];
  const seen = new Set<string>();
  const period = `${describePreElectionPeriod(within.election, timezone)}${within.wardNames ? ` (by-election: ${within.wardNames.join(', ')})` : ''}`;
  // "Cllr Alice Moreton", "Alice Moreton" and her handle are one person: key on the surname.
  const add = (individual: Individual) => {
    const key = individual.who.toLowerCase().replace(/^(?:cllr|councill?or)\.?\s+/, '').split(/\s+/).at(-1)!;
    if (seen.has(key)) return;
    seen.add(key);
    // In a by-election's period only its wards' councillors and candidates are covered; someone the
    // configuration places in another ward is not, and an office-holder's ward is not known.
    if (within.wards) {
      if (individual.who.startsWith('the ')) return;
      const member = c.members.get(key) ?? c.members.get(individual.who.toLowerCase());
      if (member?.ward !== undefined && !within.wards.has(member.ward)) return;
    }
    found.push(individual);
  };

  for (const [how, ref] of [['repost', post.repostOf], ['quote', post.quoteOf]] as const) {
    if (!ref) continue;
    const handle = normaliseHandle(ref.account);
    if (c.handleOwner.has(handle) || COUNCILLOR_HANDLE.test(handle)) {
      add({ who: c.handleOwner.get(handle) ?? ref.account, how, start: 0, end: 0, evidence: ref.account });
    }
  }

  for (const segment of view.segments) {
    const text = segment.text;
    if (RETURNING_OFFICER.test(text)) continue;
    for (const match of allMatches(HANDLE, text)) {
      const handle = normaliseHandle(match[0]);
      if (!c.handleOwner.has(handle) && !COUNCILLOR_HANDLE.test(handle)) continue;
      add({ who: c.handleOwner.get(handle) ?? match[0], how: 'account', segment, start: match.index, end: match.index + match[0].length });
    }
    for (const match of allMatches(TITLED, text)) {
      if (NOT_A_SURNAME.test(match[1]!)) continue;
      const who = withoutPossessive(match[0]);
      add({ who: who.replace(/\s+/g, ' '), segment, start: match.index, end: match.index + who.length });
    }
    if (c.names) {
      for (const match of allMatches(c.names, text)) add({ who: match[0], segment, start: match.index, end: match.index + match[0].length });
    }
    for (const match of allMatches(CANDIDATE_NAME, text)) {
      add({ who: match[1]!, segment, start: match.index, end: match.index + match[0].length });
    }
    for (const intro of candidateIntroductions(segment, c)) add(intro);
    // A person labelled with a party is a candidate or a party's councillor; a list of three or more
    // (every candidate, even-handedly) is election information.
    const labelled = text.includes('(') ? allMatches(PARTY_LABELLED, text) : [];
    if (labelled.length > 0 && labelled.length < 3) {
      for (const match of labelled) add({ who: match[1]!, segment, start: match.index, end: match.index + match[0].length });
    }
    const meet = MEET_CANDIDATES.exec(text);
    if (meet) {
      for (const match of allMatches(FULL_NAME, text.slice(meet.index + meet[0].length))) {
        if (!isGivenName(match[1]!.split(/\s+/)[0]!)) continue;
        const start = meet.index + meet[0].length + match.index;
        add({ who: match[1]!, segment, start, end: start + match[0].length });
      }
    }
    if (c.firstNamePattern) {
      for (const match of allMatches(c.firstNamePattern, text)) {
        const member = c.firstNames.get(match[0])!;
        const end = match.index + match[0].length;
        // "Sunita Patel" is someone else; a given name alone is the councillor only when praised or backed.
        const next = NEXT_CAPITALISED.exec(text.slice(end, end + 30));
        if (next && !member.name.endsWith(next[1]!)) continue;
        // Praise often comes in the sentences after the name: "What would we do without Sunita? Another brilliant week…"
        const sentence = segment.sentenceAround(match.index);
        if (!FIRST_NAME_FEATURE.test(text.slice(sentence.start, followingSentencesEnd(segment, sentence, 2)))) continue;
        add({ who: member.name, segment, start: match.index, end, evidence: excerpt(text, match.index, end) });
      }
    }
    if (found.length === 0) {
      // Each sentence is read for a feature once, however many offices it names.
      let featureless: Span | undefined;
      for (const match of allMatches(OFFICE, text)) {
        const end = match.index + match[0].length;
        const sentence = segment.sentenceAround(match.index);
        if (sentence.start === featureless?.start && sentence.end === featureless.end) continue;
        if (!FEATURE.test(text.slice(sentence.start, sentence.end))) {
          featureless = sentence;
          continue;
        }
        add({ who: `the ${match[0].replace(/\s+/g, ' ')}`, segment, start: match.index, end });
        break;
      }
    }
  }

  for (const link of post.links?.length || view.text.text.includes('/') ? view.links : []) {
    const url = link.url.toLowerCase();
    const owner = c.linkForms.find(([form]) => url.includes(form))?.[1];
    if (owner || COUNCILLOR_PROFILE.test(url)) add({ who: owner ?? link.url, how: 'link', start: 0, end: 0, evidence: link.url, location: link.location });
  }

  // Whether a text quotes or praises is read once, however many individuals it features.
  const quotes = new Map<string, boolean>();
  const praises = new Map<string, boolean>();
  const once = (said: Map<string, boolean>, pattern: RegExp, text: string): boolean => {
    let answer = said.get(text);
    if (answer === undefined) said.set(text, (answer = pattern.test(text)));
    return answer;
  };
  return found.map((individual) => {
    const text = individual.segment?.text ?? post.text;
    const action =
      individual.how === 'account'
        ? `promotes the social media account of councillor ${individual.who}`
        : individual.how === 'link'
          ? `links to councillor ${individual.who}'s page`
          : individual.how === 'repost'
            ? `reposts councillor ${individual.who}`
            : individual.how === 'quote'
              ? `quotes the post of councillor ${individual.who}`
              : `${once(quotes, QUOTES, text) ? 'quotes' : once(praises, PRAISES_PERSON, text) ? 'praises' : 'features'} ${/^(?:the\s|cllr|councill?or)/i.test(individual.who) ? '' : 'councillor or candidate '}${individual.who}`;
    return {
      evidence: individual.evidence ?? (individual.segment ? excerpt(text, individual.start, individual.end) : individual.who),
      reason: `${action} during the pre-election period ${period}`,
      severity: 'high',
      remediation:
        'During the pre-election period, do not feature, quote, praise or link to individual councillors or candidates. Remove the post, or for essential service information name only the office (for example "the Mayor\'s office").',
      ...(individual.segment
        ? { location: individual.segment.locate(individual.start, individual.end) }
        : individual.location
          ? { location: individual.location }
          : {}),
    } satisfies Hit;
  });
}

/**
 * Candidates introduced to readers in a pre-election period: "Meet Sam Whitaker, standing for every
 * ward", "Meet Nadia Begum ➡️ <link>". A person introduced is a candidate when a configured one,
 * when the post speaks of standing or of the election, or when the name is a person's full name
 * and nothing says they are staff, a volunteer or a performer.
 */
function candidateIntroductions(segment: Segment, c: Compiled): Individual[] {
  const text = segment.text;
  if (!CANDIDATE_CUE.test(text)) return [];
  const found: Individual[] = [];
  for (const match of allMatches(STANDING, text)) {
    if (NOT_A_PERSON_TAIL.test(` ${match[1]!}`)) continue;
    found.push({ who: match[1]!, segment, start: match.index, end: match.index + match[0].length });
  }
  for (const match of allMatches(INTRODUCED, text)) {
    const name = match[1]!;
    const words = name.split(/\s+/);
    const end = match.index + match[0].length;
    if (NOT_A_PERSON_TAIL.test(` ${name}`) || NOT_A_CANDIDATE.test(text.slice(end, end + 60))) continue;
    const known = c.fullNames.has(name.toLowerCase()) || c.firstNames.has(words[0]!);
    const person = isGivenName(words[0]!) && words.length >= 2;
    if (!known && !(person || (words.length >= 2 && CANDIDATE_WORDS.test(text)))) continue;
    found.push({ who: name, segment, start: match.index, end });
  }
  return found;
}

/** How far the praise of a name may be looked for after its sentence. */
const PRAISE_REACH = 240;

/** Where the `count` sentences after `sentence` end, within PRAISE_REACH characters of its start. */
function followingSentencesEnd(segment: Segment, sentence: Span, count: number): number {
  const text = segment.text;
  const limit = Math.min(text.length, sentence.start + PRAISE_REACH);
  let end = sentence.end;
  for (let i = 0; i < count; i++) {
    let next = end;
    while (next < limit && /\s/.test(text[next]!)) next++;
    if (next >= limit) break;
    end = segment.sentenceAround(next).end;
  }
  return Math.min(end, limit);
}

function stickyAt(pattern: RegExp, text: string, at: number): { text: string; end: number } | undefined {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match ? { text: match[0], end: at + match[0].length } : undefined;
}

/** A councillor or candidate at an offset: "Cllr Moreton", a configured name, "candidate Jo Bloggs". */
function candidateAt(text: string, at: number, c: Compiled): { text: string; end: number } | undefined {
  TITLED_HERE.lastIndex = at;
  const titled = TITLED_HERE.exec(text);
  if (titled && !NOT_A_SURNAME.test(titled[1]!)) return { text: withoutPossessive(titled[0]), end: at + withoutPossessive(titled[0]).length };
  return c.namesHere ? stickyAt(c.namesHere, text, at) : undefined;
}

/**
 * The candidate an ask is for: a councillor by title or configured name (not for "support" or
 * "join", which are everyday asks: "support Cllr Bhatt's litter pick"), or any person's name when
 * the ask is "re-elect" or its sentence is about an election ("support Jo Bloggs, the candidate for
 * Quay ward").
 */
function candidacyAt(reading: AskReading, ask: RegExpExecArray | RegExpMatchArray, at: number, c: Compiled, everydayVerb: boolean): { text: string; end: number } | undefined {
  const { text } = reading.segment;
  const councillor = everydayVerb ? undefined : candidateAt(text, at, c);
  if (councillor) return /^['’]s\b/.test(text.slice(councillor.end, councillor.end + 3)) ? undefined : councillor;
  // "support our independent candidate Sam Lowe": the ask names a candidate, whatever the verb.
  NAMED_CANDIDATE_HERE.lastIndex = at;
  const candidate = NAMED_CANDIDATE_HERE.exec(text);
  if (candidate && !NOT_A_PERSON_TAIL.test(candidate[1]!) && !/^['’]s\b/.test(text.slice(at + candidate[0].length, at + candidate[0].length + 3))) {
    return { text: candidate[1]!, end: at + candidate[0].length };
  }
  const name = stickyAt(PERSON_NAME_HERE, text, at);
  if (!name || /^['’]s\b/.test(text.slice(name.end, name.end + 3))) return undefined;
  if (/re-?elect/i.test(ask[0])) return name;
  const sentence = reading.segment.sentenceAround(ask.index!);
  if (reading.electionWords(sentence)) return name;
  // "Vote for Tom Hart on Thursday, he has done so much": a vote for a person, not a pier or a team.
  if (/^vot/i.test(ask[0]) && !NOT_A_PERSON_TAIL.test(name.text)) {
    const after = Math.min(text.length, Math.max(sentence.end, name.end + 80));
    if (reading.electionPost() || (reading.personPronounBetween(name.end, after) && !reading.competition())) return name;
  }
  return undefined;
}

/**
 * What the asks of one segment are judged by, each read once however many asks there are: whether
 * the whole text speaks of an election or a competition, whether a sentence speaks of an election,
 * and where the next pronoun for a person is.
 */
export class AskReading {
  readonly segment: Segment;
  #electionPost: boolean | undefined;
  #competition: boolean | undefined;
  #sentence: { start: number; end: number; electionWords: boolean } | undefined;
  readonly #pronouns: NextMatch;

  constructor(segment: Segment) {
    this.segment = segment;
    this.#pronouns = new NextMatch(PERSON_PRONOUN_NEXT, segment.text);
  }

  electionPost(): boolean {
    this.#electionPost ??= ELECTION_POST.test(this.segment.text);
    return this.#electionPost;
  }

  competition(): boolean {
    this.#competition ??= COMPETITION.test(this.segment.text);
    return this.#competition;
  }

  electionWords(sentence: Span): boolean {
    if (this.#sentence?.start !== sentence.start || this.#sentence.end !== sentence.end) {
      this.#sentence = { ...sentence, electionWords: ELECTION_WORDS.test(this.segment.text.slice(sentence.start, sentence.end)) };
    }
    return this.#sentence.electionWords;
  }

  /**
   * Whether PERSON_PRONOUN matches `text[from, to)`, where `from` is not inside a word (the end of a
   * name). Rather than test each stretch after each name, the text is searched once from the first
   * name for the next pronoun, and again only past it; a pronoun cut off by `to` ("he" of "hello")
   * is the one word the stretch can hold that the text does not, and is looked for at its end.
   */
  personPronounBetween(from: number, to: number): boolean {
    const next = this.#pronouns.at(from);
    if (next !== null && next.index + next[0].length <= to) return true;
    return PERSON_PRONOUN_AT_END.test(this.segment.text.slice(Math.max(from, to - 6), to));
  }
}

function withoutPossessive(name: string): string {
  return name.replace(/['’]s$/, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
