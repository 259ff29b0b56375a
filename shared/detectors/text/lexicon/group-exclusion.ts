import { wordGate } from '../prose/word-gate';
import type { Segment } from '../segment';
import type { DerogatoryRemark } from './protected-groups';
import type { Characteristic } from './swear-words';

/**
 * Discrimination without a slur: a group that shares a protected characteristic said to be unwanted
 * ("trans women are not welcome", "we won't be taking pregnant volunteers", "gay couples might prefer
 * to look elsewhere") or unable ("pensioners just can't cope with apps", "they just aren't reliable"),
 * and remarks aimed at one person's sight, hearing or age ("with your eyesight, Mrs …").
 *
 * Found by structure, not by phrase lists: a group phrase (a characteristic's adjective before a word
 * for people, or a group noun), then what the clause around it does to the group: exclusion with the
 * group as subject or object, or incapability said of the group or of "they" after it. Reported speech
 * and condemnations ("we will not tolerate …", "a resident complained that …") are left alone.
 */

/** Adjectives that name a characteristic when they stand before a word for people. */
const ADJECTIVES: ReadonlyArray<readonly [Characteristic, string]> = [
  ['age', 'elderly|older|old|aged|retired|teenage|young|younger'],
  ['disability', "disabled|blind|deaf|autistic|partially[- ]sighted|visually[- ]impaired|hearing[- ]impaired|wheelchair|mentally[- ]ill|learning[- ]disabled|dyslexic|handicapped"],
  ['sex', 'female|male|women|lady'],
  ['pregnancy', 'pregnant|expectant|breastfeeding|nursing'],
  ['religion or belief', 'religious|muslim|jewish|christian|catholic|hindu|sikh|buddhist|atheist|faith|church|mosque'],
  ['race or nationality', 'foreign|immigrant|migrant|polish|romanian|bulgarian|lithuanian|latvian|albanian|eastern[- ]european|european|asian|black|african|chinese|indian|pakistani|somali|irish|gypsy|traveller|roma'],
  ['sexual orientation', 'gay|lesbian|bisexual|same[- ]sex|queer|homosexual|lgbtq?\\+?'],
  ['gender reassignment', 'trans|transgender|transsexual|non[- ]binary'],
  ['marriage or civil partnership', 'married'],
];
/** Words for people that an adjective above turns into a group. */
const PEOPLE =
  'people|ppl|persons|folks?|couples|families|women|men|mums|mothers|dads|fathers|parents|volunteers|residents|members|players|users|drivers|staff|applicants|tenants|groups|workers|customers|visitors|students|employees|candidates|ladies|girls|boys|guests|traders|stallholders|neighbours|communities|partners|kids|teams|organisations|organizations|lads|citizens|nationals|ones|types|bookers|hirers|speakers|swimmers|walkers|runners|cyclists|shoppers|readers|householders|owners';
/** Group nouns that stand alone. */
const NOUNS: ReadonlyArray<readonly [Characteristic, string]> = [
  ['age', 'pensioners|oaps|over[- ]?[5-9]0s|boomers|teenagers|youngsters|the\\s+elderly|geriatrics|oldies'],
  ['disability', "wheelchair\\s+users|the\\s+disabled|people\\s+with\\s+(?:disabilities|a\\s+disability|autism|dementia|learning\\s+(?:difficulties|disabilities)|mental\\s+health\\s+(?:problems|conditions|issues))|amputees|dyslexics|the\\s+blind|the\\s+deaf"],
  ['sex', 'women|ladies|girls|females|males|wives|husbands|housewives|mums'],
  ['pregnancy', 'mums[- ]to[- ]be|mothers[- ]to[- ]be|new\\s+mums|new\\s+mothers'],
  ['religion or belief', "muslims|jews|christians|catholics|hindus|sikhs|buddhists|atheists|pagans|believers|worshippers|jehovah['’]s\\s+witnesses"],
  ['race or nationality', 'foreigners|immigrants|migrants|refugees|asylum\\s+seekers|eastern\\s+europeans|europeans|romanians|bulgarians|lithuanians|poles|asians|africans|gypsies|travellers|roma'],
  ['sexual orientation', 'gays|lesbians|bisexuals|homosexuals|same[- ]sex\\s+couples'],
  ['gender reassignment', 'transgenders|transsexuals|trans\\s+folk'],
  ['marriage or civil partnership', 'civil\\s+partnerships?|civil\\s+partners|married\\s+couples'],
];

const GROUP_ALTERNATIVES: Array<readonly [Characteristic, string]> = [
  ...ADJECTIVES.map(([c, adjectives]) => [c, `(?:${adjectives})(?:\\s+[a-z]+)?\\s+(?:${PEOPLE})`] as const),
  ...NOUNS,
];
const GROUP = new RegExp(`\\b(?:${GROUP_ALTERNATIVES.map(([, source]) => `(${source})`).join('|')})\\b`, 'g');

const NOT = "(?:not|never|no\\s+longer|n['’]t)";
const APOS = "['’]?";
/** Unwanted, said of the group as subject: "trans women are not welcome", "need not apply". */
const EXCLUDED_SUBJECT = new RegExp(
  '^(?:\\s+[a-z]+){0,2}?\\s+(?:' +
    [
      `(?:are|is|were|will\\s+be|would\\s+be|be)\\s+(?:\\w+\\s+)?${NOT}\\s+(?:\\w+\\s+)?(?:welcome|wanted|allowed|permitted|eligible|invited|accepted|admitted)`,
      `(?:aren|isn|weren)${APOS}t\\s+(?:\\w+\\s+)?(?:welcome|wanted|allowed|permitted|eligible|invited|accepted|admitted)`,
      `(?:won${APOS}t|will\\s+not|can${APOS}t|cannot)\\s+be\\s+(?:given|allowed|accepted|admitted|considered|served|offered|taken|booked|welcome)`,
      '(?:are|is|will\\s+be)\\s+(?:\\w+\\s+)?(?:unwelcome|banned|barred|excluded)',
      `(?:need\\s+not|needn${APOS}t|should\\s+not|shouldn${APOS}t)\\s+(?:apply|bother|come)`,
      '(?:should|ought\\s+to|had\\s+better|need\\s+to|must)\\s+(?:\\w+\\s+)?(?:stay|keep|be\\s+kept)\\s+(?:away|out|at\\s+home|indoors)',
      '(?:might|may|would|will)\\s+(?:\\w+\\s+)?(?:prefer|want|wish|like)\\s+to\\s+(?:look|go|try|book|celebrate)\\s+elsewhere',
      `(?:don${APOS}t|do\\s+not|doesn${APOS}t|does\\s+not)\\s+(?:really\\s+)?count`,
    ].join('|') +
    ')\\b',
);
/** Unable or untrustworthy, said of the group or of "they" after it. */
const INCAPABLE =
  '(?:' +
  [
    `(?:can${APOS}t|cannot|can\\s+not|could${APOS}t|could\\s+not|are\\s+unable\\s+to|aren${APOS}t\\s+able\\s+to|struggle\\s+to|don${APOS}t\\s+know\\s+how\\s+to)\\s+(?:\\w+\\s+)?(?:cope|manage|handle|keep\\s+up|be\\s+trusted|be\\s+relied|understand|follow|drive|park|do\\s+maths|learn|concentrate|commit|lift)`,
    `(?:aren${APOS}t|are\\s+not|are\\s+never|isn${APOS}t|is\\s+not)\\s+(?:very\\s+|really\\s+|that\\s+|always\\s+)?(?:reliable|trustworthy|to\\s+be\\s+trusted|capable|up\\s+to\\s+(?:it|the\\s+job)|fit\\s+to|competent|committed|dependable)`,
    '(?:are|is)\\s+(?:always\\s+|too\\s+|so\\s+|just\\s+)?(?:unreliable|untrustworthy|incapable|too\\s+slow|too\\s+frail|a\\s+liability|a\\s+burden|a\\s+nuisance|a\\s+drain)',
    '(?:only|just|always)\\s+(?:slow|hold|drag)\\s+(?:\\w+\\s+){0,4}?(?:down|back)',
    '(?:only|just|always)\\s+get\\s+in\\s+the\\s+way',
    `(?:never|don${APOS}t|do\\s+not|won${APOS}t)\\s+(?:\\w+\\s+)?(?:tidy|clean|pay|turn\\s+up|contribute|integrate|pull\\s+their\\s+weight|fit\\s+in|stick\\s+around)`,
    `(?:will|${APOS}ll)\\s+be\\s+gone\\s+(?:by|in|within|before)`,
  ].join('|') +
  ')\\b';
/** Incapability said of the group itself: "pensioners just can't cope". */
const INCAPABLE_SUBJECT = new RegExp(`^(?:\\s+(?:just|simply|all|really|generally|always|never|only|usually|frankly|honestly|who${APOS}ll|who\\s+will|who))*\\s+${INCAPABLE}`);
/** Incapability said of "they" within the stretch after the group. */
const INCAPABLE_THEY = new RegExp(`\\b(?:they|they${APOS}re|they${APOS}ll)(?:\\s+(?:just|simply|all|really|generally|always|never|only|usually|frankly|honestly))*\\s+${INCAPABLE}`);
/** Unwanted, said of the group as object: "we won't be taking pregnant volunteers". */
const EXCLUDED_OBJECT = new RegExp(
  `\\b(?:(?:no|not\\s+the|not\\s+a)\\s+place\\s+for\\s+(?:any\\s+)?|(?:won${APOS}t|will\\s+not|don${APOS}t|do\\s+not|no\\s+longer|can${APOS}t|cannot|refuse\\s+to|not)\\s+(?:be\\s+)?(?:taking|take|accept|accepting|allow|allowing|admit|admitting|hire|hiring|employ|employing|serve|serving|welcome|welcoming|want|recruit|recruiting|rent\\s+to|let\\s+to|consider|considering)\\s+(?:any\\s+(?:more\\s+)?|more\\s+)?)$`,
);
/** Not for the group, weaker: an accessibility note says the same ("not suitable for wheelchair users"), so incapability must follow. */
const NOT_FOR_OBJECT = new RegExp(`\\b(?:${NOT}|isn${APOS}t|aren${APOS}t)\\s+(?:really\\s+)?(?:suitable|appropriate|designed|meant|intended|made|built|aimed)\\s+(?:\\w+\\s+)?for\\s+(?:any\\s+)?$`);
/** A preference against the group: "preference to local families, not Eastern Europeans". */
const PREFERRED_OVER = /\b(?:preference|priority|prefer(?:red)?|first|only)\b[^.!?]*?(?:,\s*|\s+)(?:not|rather\s+than|instead\s+of|over|ahead\s+of|before)\s+(?:the\s+|any\s+)?$/;
/** "for proper married couples only": the real kind, as if the others were not. */
const PROPER_ONLY = /^(?:\s+[a-z]+)?\s+only\b/;
const PROPER_BEFORE = /\b(?:proper|real|normal)\s+$/;

/** Sex stereotypes about work: "it's not women's work". */
const STEREOTYPE = new RegExp(
  `\\b(?:not|isn${APOS}t|no)\\s+(?:a\\s+)?(?:(?:women|men|ladies|girls|a\\s+woman|a\\s+man|a\\s+lady|a\\s+girl)${APOS}s\\s+(?:work|job|place|business|sport|game|role)|(?:job|work|place|role|sport|game)\\s+for\\s+(?:women|men|ladies|girls|a\\s+woman|a\\s+lady|a\\s+girl))\\b`,
  'g',
);
/** A remark aimed at one person's sight, hearing, memory or age. */
const AIMED = new RegExp(
  [
    `\\b(?:with|given|at|for\\s+someone\\s+with|for\\s+someone\\s+of)\\s+your\\s+(eyesight|eyes|hearing|ears|memory|mobility|legs|hips|knees|walking\\s+stick|zimmer(?:\\s+frame)?|wheelchair|condition|disability|age)\\b`,
    `\\bfor\\s+someone\\s+(your\\s+age)\\b`,
    `\\b(?:are\\s+you|you\\s+must\\s+be|you${APOS}re|you\\s+are)\\s+(?:\\w+\\s+)?(blind|deaf|senile|going\\s+senile|losing\\s+your\\s+marbles)\\b(?!\\s+(?:to|spot))`,
    `\\b(?:ok|okay|typical|classic|such\\s+a)\\s+(boomers?)\\b|\\b(boomer)\\s+(?:reply|replies|comment|logic|attitude|take|mentality|nonsense|rant|thinking)\\b`,
  ].join('|'),
  'g',
);
const AIMED_CHARACTERISTIC: Readonly<Record<string, Characteristic>> = { age: 'age', 'your age': 'age', boomer: 'age', boomers: 'age', senile: 'age', 'going senile': 'age' };

/** Not allowed for a stated reason is a rule (a curfew, a licence, insurance), not contempt. */
const PERMISSION = /\b(?:allowed|permitted|eligible|admitted)\b/;
const RULE_REASON = /\b(?:because|due\s+to|safety|law|legal|licen[cs]\w*|curfew|insurance|rules?|regulations?|policy|after\s+\d|before\s+\d|until|unless|under[- ]?\d+s?|without)\b/;

/** Words every aimed remark needs one of. */
export const AIMED_WORDS = ['eyesight', 'eyes', 'hearing', 'ears', 'memory', 'mobility', 'legs', 'hips', 'knees', 'walking', 'zimmer', 'wheelchair', 'condition', 'disability', 'your age', 'blind', 'deaf', 'senile', 'marbles', 'boomer'];
const AIMED_HINT = new RegExp(wordGate(AIMED_WORDS));

/** What the sentence is doing with the words: condemning or reporting them, not saying them. */
const REPORTED =
  /\b(?:tolerat\w*|unacceptable|removed|deleted|hidden|complain\w*|reported|alleg\w*|claim\w*|myths?|stereotypes?|untrue|not\s+true|wrong\s+to|abuse\w*|hate|hatred|racis\w*|discriminat\w*|harass\w*|bully\w*|prejudice|challenge|equality|inclusive|accessible|accessibility)\b/;
/** A group word after these is not what the clause is about: "abuse of Polish traders", "some pensioners". */
const NOT_THE_SUBJECT = /\b(?:of|against|towards|at|to|by|with|some|many|a\s+few|those|any|if|for|our|help|helping|support|supporting)\s+$/;

const QUICK = new RegExp(
  wordGate([
    ...AIMED_WORDS, 'pensioner', 'oap', 'over-', 'over 5', 'over 6', 'over 7', 'over 8', 'over 9', 'over5', 'over6', 'over7', 'over8', 'over9', 'teen',
    'young', 'elder', 'older', 'old ', 'aged', 'retired', 'disab', 'autis', 'partially', 'visually', 'wheelchair', 'mental', 'dyslex', 'handicap',
    'amput', 'people with', 'female', 'male', 'woman', 'women', 'lady', 'ladies', 'girl', 'wives', 'husband', 'mum', 'mother', 'pregnan',
    'expectant', 'breastfeed', 'nursing', 'religio', 'muslim', 'jew', 'christian', 'catholic', 'hindu', 'sikh', 'buddhist', 'atheist', 'faith',
    'church', 'mosque', 'pagan', 'believer', 'worshipper', 'jehovah', 'foreign', 'immigra', 'migra', 'refugee', 'asylum', 'european', 'eastern',
    'polish', 'poles', 'roman', 'bulgar', 'lithuan', 'latvia', 'albania', 'asian', 'black', 'africa', 'chinese', 'indian', 'pakistan', 'somali',
    'irish', 'gyps', 'traveller', 'roma', 'gay', 'lesbian', 'bisex', 'same', 'queer', 'homosex', 'lgbt', 'trans', 'non', 'married', 'civil',
    "men's", 'men’s', "man's", 'man’s', 'for men', 'for a man', 'ppl',
  ]),
);

/** Exclusion and incapability remarks about protected groups, and remarks aimed at one person's disability or age. */
/** Remarks aimed at one person's sight, hearing, memory or age, and generation sneers ("typical boomer"). */
export function findAimedRemarks(segment: Segment, gated = false): DerogatoryRemark[] {
  const lower = segment.lower;
  const found: DerogatoryRemark[] = [];
  if (!gated && !AIMED_HINT.test(lower)) return found;
  AIMED.lastIndex = 0;
  for (let m = AIMED.exec(lower); m; m = AIMED.exec(lower)) {
    const what = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5])!.replace(/\s+/g, ' ');
    if (reported(segment, m.index)) continue;
    const characteristic = AIMED_CHARACTERISTIC[what] ?? 'disability';
    found.push({ start: m.index, end: m.index + m[0].length, characteristics: [characteristic], signal: `a remark aimed at a person's ${characteristic === 'age' ? 'age' : 'disability'} ('${m[0]}')` });
  }
  return found;
}

export function findExclusionRemarks(segment: Segment): DerogatoryRemark[] {
  const lower = segment.lower;
  // One read of the post for both kinds: a group's or an aimed remark's words.
  if (!QUICK.test(lower)) return [];
  const found: DerogatoryRemark[] = findAimedRemarks(segment);

  STEREOTYPE.lastIndex = 0;
  for (let m = STEREOTYPE.exec(lower); m; m = STEREOTYPE.exec(lower)) {
    if (reported(segment, m.index)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, characteristics: ['sex'], signal: `a stereotype of work by sex ('${m[0]}')` });
  }

  GROUP.lastIndex = 0;
  for (let m = GROUP.exec(lower); m; m = GROUP.exec(lower)) {
    const start = m.index;
    const end = start + m[0].length;
    const characteristic = GROUP_ALTERNATIVES[m.slice(1).findIndex((g) => g !== undefined)]![0];
    // A possessive describes something else: "women's football", "the elderly's lunch club".
    if (/^['’]s?\b/.test(lower.slice(end, end + 2))) continue;
    const remark = exclusion(segment, start, end);
    if (!remark || reported(segment, start)) continue;
    const group = segment.text.slice(start, end);
    found.push({ start: Math.min(start, remark.start), end: Math.max(end, remark.end), characteristics: [characteristic], signal: `${remark.signal} '${group}'` });
  }
  return found;
}

/** How the clause around a group at [start, end) excludes or belittles it, if it does. */
function exclusion(segment: Segment, start: number, end: number): { start: number; end: number; signal: string } | undefined {
  const lower = segment.lower;
  const sentence = segment.sentenceAround(start);
  const before = lower.slice(Math.max(sentence.start, start - 80), start);
  const after = lower.slice(end, Math.min(sentence.end, end + 100));
  const subject = !NOT_THE_SUBJECT.test(before);

  let m: RegExpExecArray | null;
  if (subject && (m = EXCLUDED_SUBJECT.exec(after)) && !(PERMISSION.test(m[0]) && RULE_REASON.test(lower.slice(sentence.start, sentence.end)))) return { start, end: end + m[0].length, signal: `said to be unwanted or not to count ('${m[0].trim()}') of` };
  if (subject && (m = INCAPABLE_SUBJECT.exec(after))) return { start, end: end + m[0].length, signal: `said to be incapable ('${m[0].trim()}') of` };
  if ((m = EXCLUDED_OBJECT.exec(before))) return { start: start - before.length + m.index, end, signal: `turned away ('${m[0].trim()}')` };
  if ((m = PREFERRED_OVER.exec(before))) return { start: start - before.length + m.index, end, signal: 'ranked below others' };
  if (PROPER_BEFORE.test(before) && (m = PROPER_ONLY.exec(after))) return { start: start - before.length + before.search(PROPER_BEFORE), end: end + m[0].length, signal: 'the only proper kind, as if others were not:' };
  // "they" after the group, in its sentence or the next: "…for pensioners — they just can't cope".
  const following = sentence.end < lower.length ? segment.sentenceAround(sentence.end + 1).end : sentence.end;
  const next = lower.slice(end, Math.min(following, end + 200));
  const they = INCAPABLE_THEY.exec(next);
  const notFor = NOT_FOR_OBJECT.exec(before);
  if (they && (subject || notFor)) {
    return { start: notFor ? start - before.length + notFor.index : start, end: end + they.index + they[0].length, signal: `${notFor ? `'${notFor[0].trim()}' and ` : ''}said to be incapable ('${they[0].trim()}') of` };
  }
  return undefined;
}

/** Whether the sentence around an offset reports or condemns the words, or quotes them. */
function reported(segment: Segment, at: number): boolean {
  const sentence = segment.sentenceAround(at);
  const words = segment.lower.slice(sentence.start, sentence.end);
  if (REPORTED.test(words)) return true;
  // Inside quotation marks: someone else's words.
  const opened = segment.text.slice(sentence.start, at);
  return (opened.match(/[“"]/g)?.length ?? 0) % 2 === 1 && !/[”]/.test(opened.slice(opened.lastIndexOf('“') + 1));
}
