/**
 * Campaigning written in other clothes than a plain "vote Labour": party hashtags, vote calls with
 * digits for letters, and "a vote for Sam is a vote for …". Each finder returns where it matched and
 * the words that make it campaigning, for the reason.
 */

export interface CampaignMatch {
  start: number;
  end: number;
  /** The words as written: `#VoteGreen`, `v0te L4b0ur`. */
  said: string;
  /** `a party hashtag`, `a vote call with digits for letters`… */
  signal: string;
  /** Whether it asks for votes (high severity) rather than only naming a party. */
  ask: boolean;
}

const HASHTAG = /#([A-Za-z][A-Za-z0-9_]{2,48})/g;
/** Parties as one word of a hashtag: a hashtag with one of these is a party's. */
const STRONG_PARTY = /^(?:labour|tory|tories|conservatives|libdems?|snp|plaid|plaidcymru|ukip|reformuk|greenparty|brexitparty|toriesout|labourout)$/;
/** Words that are a party only beside a campaign word in the same hashtag: `#GreensWinHere`, `#VoteReform`. */
const WEAK_PARTY = /^(?:greens?|reform|conservative|independents?|liberal|lib|dem|dems)$/;
const CAMPAIGN_WORD = /^(?:vote|votes|voting|win|wins|winning|won|out|elect|reelect|back|backing|gain|gains|campaign|team|2\d{3})$/;
/** `#LabourDay`, `#LabourWard`: "labour" in its everyday sense. */
const EVERYDAY_AFTER_LABOUR = /^(?:day|ward|market|costs?|of|force|shortage|pains)$/;
const PARTY_TAIL_IN_LOWER_TAG = /^(?:labour|tory|tories|conservatives?|libdems?|greens?|greenparty|reform|reformuk|snp|plaid|ukip|independents?)$/;

/** The words of a hashtag: `#GreensWinHere` → greens win here, `#ReformUK` → reformuk. */
function hashtagWords(tag: string): string[] {
  const spaced = tag
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2');
  const words = spaced.toLowerCase().split(/\s+/).filter(Boolean);
  // "Reform UK", "Plaid Cymru", "Lib Dems", "Green Party" are one party.
  const joined: string[] = [];
  for (const word of words) {
    const previous = joined.at(-1);
    if (previous !== undefined && /^(?:reform|plaid|lib|green|brexit)$/.test(previous) && /^(?:uk|cymru|dems?|party)$/.test(word)) {
      joined[joined.length - 1] = `${previous}${word}`;
    } else {
      joined.push(word);
    }
  }
  return joined;
}

/** Party hashtags: `#VoteGreen`, `#GreensWinHere`, `#ReformUK`, `#votelabour`. */
export function partyHashtag(text: string): CampaignMatch | undefined {
  if (!text.includes('#')) return undefined;
  HASHTAG.lastIndex = 0;
  for (let m = HASHTAG.exec(text); m; m = HASHTAG.exec(text)) {
    const tag = m[1]!;
    const words = hashtagWords(tag);
    const lower = tag.toLowerCase();
    const voteInLowerTag = /^vote(?:for)?/.test(lower) && PARTY_TAIL_IN_LOWER_TAG.test(lower.replace(/^vote(?:for)?/, ''));
    const campaign = words.some((w) => CAMPAIGN_WORD.test(w));
    const party = words.findIndex(
      (w, i) => (STRONG_PARTY.test(w) && !(w === 'labour' && EVERYDAY_AFTER_LABOUR.test(words[i + 1] ?? ''))) || (WEAK_PARTY.test(w) && campaign),
    );
    if (party < 0 && !voteInLowerTag) continue;
    const ask = voteInLowerTag || words.some((w) => /^(?:vote|voting|elect|reelect|back|backing)$/.test(w));
    return { start: m.index, end: m.index + m[0].length, said: m[0], signal: 'a party hashtag', ask };
  }
  return undefined;
}

/** A letter beside a digit or symbol that stands for a letter: where leetspeak may be. */
const LEET_CUE = /[A-Za-z][0-9@$]|[0-9@$][A-Za-z]/;
/** Cheap test first: the ask itself, in plain or disguised letters ("vote", "v0te", "el3ct", "b4ck"). */
const LEET_VOTE = /[vV][oO0@][tT7][eE3]/;
const LEET_CHAR = /(?<=[A-Za-z])[013457@$]|[013457@$](?=[A-Za-z])/g;
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const LEET_ASK =
  /\b(?:vote|voting)\s+(?:for\s+)?(?:the\s+)?(?:labour|tor(?:y|ies)|conservatives?|lib\s?dems?|liberal\s+democrats?|greens?|green\s+party|reform(?:\s+uk)?|snp|plaid(?:\s+cymru)?|ukip)(?![a-z])/g;

/** A vote call with digits or symbols for letters: `v0te L4b0ur`. Only a call so disguised is reported here. */
export function disguisedVoteCall(text: string): CampaignMatch | undefined {
  if (!LEET_VOTE.test(text) || !LEET_CUE.test(text)) return undefined;
  // One character for one, so offsets hold.
  const folded = text.replace(LEET_CHAR, (ch) => LEET[ch] ?? ch).toLowerCase();
  LEET_ASK.lastIndex = 0;
  for (let m = LEET_ASK.exec(folded); m; m = LEET_ASK.exec(folded)) {
    const said = text.slice(m.index, m.index + m[0].length);
    if (!/[0-9@$]/.test(said)) continue;
    return { start: m.index, end: m.index + m[0].length, said, signal: 'a vote call with digits for letters', ask: true };
  }
  return undefined;
}

const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}`;
/** "A vote for Sam is a vote for …", "a vote for the Greens means …". */
const VOTE_FOR_IS = new RegExp(String.raw`\b[Aa]\s+vote\s+(?:for|4)\s+((?:the\s+)?${NAME})\s*(?:is|means|=)\s+`, 'gu');

/** "A vote for <someone> is a vote for …": the words of a campaign leaflet. `isSomeone` judges the name. */
export function voteForIs(text: string, isSomeone: (name: string) => boolean): CampaignMatch | undefined {
  if (!/vote (?:for|4) /i.test(text)) return undefined;
  VOTE_FOR_IS.lastIndex = 0;
  for (let m = VOTE_FOR_IS.exec(text); m; m = VOTE_FOR_IS.exec(text)) {
    if (!isSomeone(m[1]!)) continue;
    return { start: m.index, end: m.index + m[0].trimEnd().length, said: m[0].trim(), signal: `"a vote for ${m[1]} is …"`, ask: true };
  }
  return undefined;
}

const PERSON_WORD = String.raw`\p{Lu}\p{L}*(?:['’-]\p{L}+)*`;
const PERSON = String.raw`${PERSON_WORD}(?:\s+${PERSON_WORD}){0,2}`;
const TARGET = String.raw`(${PERSON}|him|her|them)`;
const YOUR = String.raw`(?:[Yy]our|YOUR|ur|UR|yr)`;
const VOTE_NOUN = String.raw`(?:vote|votes|VOTE|VOTES|x|X|cross|ballot|backing|support|number\s+one|no\.?\s*1|first\s+preference)`;
/**
 * Asking readers to give a person their vote, in the words of a leaflet rather than "vote for": "Give Sam
 * your vote", "lend your vote to Tom Hart", "Jo needs your vote", "make sure he gets your X", "Vote Lucy!".
 * The person is the first capture of whichever form matched.
 */
const VOTE_FOR_PERSON = new RegExp(
  [
    String.raw`\b(?:[Gg]ive|[Ll]end|[Gg]ives|[Gg]iving)\s+${TARGET}\s+(?:${YOUR}|a|all\s+${YOUR})\s+${VOTE_NOUN}\b`,
    String.raw`\b(?:[Ll]end|[Gg]ive)\s+${YOUR}\s+${VOTE_NOUN}\s+to\s+${TARGET}`,
    String.raw`\b(?:[Cc]ast|[Uu]se|[Pp]ut|[Mm]ake)\s+${YOUR}\s+(?:vote|VOTE|x|X|cross|ballot)\s+(?:count\s+)?(?:for|next\s+to|by|beside|against\s+the\s+name\s+of)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?${TARGET}`,
    String.raw`(?:^|[^\p{L}])(${PERSON}|[Hh]e|[Ss]he|[Tt]hey)\s+(?:really\s+|truly\s+|so\s+)?(?:needs|deserves|wants|would\s+(?:love|like|appreciate|value)|is\s+asking\s+for|asks\s+for|has\s+earned)\s+(?:${YOUR}|every)\s+${VOTE_NOUN}\b`,
    String.raw`\b[Mm]ake\s+sure\s+(${PERSON}|he|she|they)\s+(?:gets?|has|have|wins?)\s+(?:${YOUR}|every)\s+${VOTE_NOUN}\b`,
    String.raw`\b[Vv]ote\s+(\p{Lu}\p{Ll}+)(?=\s*(?:[!.,]|$|on\s|this\s|for\s|in\s|#|\p{Extended_Pictographic}))`,
  ].join('|'),
  'gu',
);
/** Cheap test first: every form above asks for "your vote" (X, cross, backing…), or is "Vote" and a name. */
export const VOTE_NOUN_CUE = /\b(?:[Yy]our|YOUR|ur|UR|yr|every|a)\s+(?:votes?|VOTES?|[Xx]|cross|ballot|backing|support|number\s+one|no\.?\s*1|first\s+preference)\b|\b[Vv]ote\s+[A-Z]/;
const PRONOUN = /^(?:him|her|them|he|she|they)$/i;
const LETTER = /\p{L}/u;

/**
 * A vote asked for a person. `isCandidate` judges a name ("Sam", "Tom Hart"); a pronoun counts when
 * `someoneNamed` says the post names a person it can stand for. The caller decides whether the post
 * is about an election (a party, a ward, polling day) rather than a dog show.
 */
export function voteForPerson(text: string, isCandidate: (name: string) => boolean, someoneNamed: () => boolean): CampaignMatch | undefined {
  if (!VOTE_NOUN_CUE.test(text)) return undefined;
  VOTE_FOR_PERSON.lastIndex = 0;
  for (let m = VOTE_FOR_PERSON.exec(text); m; m = VOTE_FOR_PERSON.exec(text)) {
    const who = m.slice(1).find((g) => g !== undefined);
    if (who === undefined) continue;
    if (PRONOUN.test(who) ? !someoneNamed() : !isCandidate(who)) continue;
    const end = m.index + m[0].length;
    let start = m.index;
    while (start < end && !LETTER.test(text[start]!)) start++;
    VOTE_FOR_PERSON.lastIndex = 0;
    return { start, end, said: text.slice(start, end).trim(), signal: 'a request for votes for a person', ask: true };
  }
  VOTE_FOR_PERSON.lastIndex = 0;
  return undefined;
}
