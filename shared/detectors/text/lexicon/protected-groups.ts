import type { Segment } from '../segment';
import { SpanSet } from '../spans';
import type { Characteristic } from './swear-words';

/** A derogatory remark about people who share a protected characteristic. */
export interface DerogatoryRemark {
  /** Offsets in the segment's `text`. */
  start: number;
  end: number;
  characteristics: readonly Characteristic[];
  /** What made it derogatory, for the reason: "a derogatory word before a group". */
  signal: string;
}

/** Of overlapping remarks, a derogatory word or phrase (0) says more than what a group is said to do (1) or that it is unwanted (2). */
type Weighed = DerogatoryRemark & { weight: number };

interface Group {
  characteristics: readonly Characteristic[];
  /** One person (`woman`): only a stereotype ("typical woman driver") makes it a remark about the group. */
  singular?: boolean;
  /** Young people: being loud or noisy is behaviour, not a remark about age. */
  youth?: boolean;
  /** Also an adjective (`Chinese takeaway`, `the disabled bays`): a group only when no noun follows. */
  adjectival?: boolean;
  /** Also an ordinary lower-case word (`poles`): a group only when capitalised. */
  capitalised?: boolean;
}

const AGE: readonly Characteristic[] = ['age'];
const AGE_SEX: readonly Characteristic[] = ['age', 'sex'];
const SEX: readonly Characteristic[] = ['sex'];
const RACE: readonly Characteristic[] = ['race or nationality'];
const RELIGION: readonly Characteristic[] = ['religion or belief'];
const ORIENTATION: readonly Characteristic[] = ['sexual orientation'];
const TRANS: readonly Characteristic[] = ['gender reassignment'];
const DISABILITY: readonly Characteristic[] = ['disability'];
const MARRIAGE: readonly Characteristic[] = ['marriage or civil partnership'];
const PREGNANCY: readonly Characteristic[] = ['pregnancy', 'sex'];

/** Words for people by a protected characteristic. A mention alone is never a finding. */
const GROUPS = new Map<string, Group>();
function groups(characteristics: readonly Characteristic[], words: string, extra: Omit<Group, 'characteristics'> = {}): void {
  for (const word of words.split(',')) GROUPS.set(groupKey(word.trim()), { characteristics, ...extra });
}
groups(AGE, 'pensioners, oaps, oldies, old people, older people, old folk, old folks, old timers, old-timers, elderly people, elderly folk, boomers, geriatrics, over-60s, over-70s, over-80s, over 60s, over 70s, over 80s');
groups(AGE, 'the elderly', { adjectival: true });
groups(AGE, 'pensioner, oap, boomer, old person', { singular: true });
groups(AGE_SEX, 'grannies, grannys, grans, grandmas, nans, nanas, grandads, granddads, grandpas, old men, old women, old ladies, old dears, old girls, old boys');
groups(AGE_SEX, 'granny, grandad, old man, old woman, old lady, old dear', { singular: true });
groups(AGE, 'teenagers, teens, youths, youngsters, young people, millennials', { youth: true });
groups(SEX, 'women, females, girls, ladies, wives, housewives, mums, mothers, men, blokes, males, husbands');
groups(SEX, 'woman, female, girl, lady, wife, housewife, man, bloke, male, woman driver, women drivers, female driver, female drivers', { singular: true });
groups(TRANS, 'trans people, trans women, trans men, trans folk, transgender people, transgenders, transsexuals');
groups(MARRIAGE, 'married couples, married people, civil partners');
groups(PREGNANCY, 'pregnant women, pregnant mums, mums-to-be, mums to be, expectant mothers, expectant mums, new mums, new mothers, breastfeeding mothers, breastfeeding mums, breastfeeding women, nursing mothers');
groups(RACE, 'foreigners, immigrants, migrants, asylum seekers, refugees, romanians, bulgarians, albanians, lithuanians, latvians, eastern europeans, europeans, asians, africans, arabs, indians, pakistanis, bangladeshis, somalis, nigerians, jamaicans, germans, italians, spaniards, americans, yanks, gypsies, gipsies, travellers, travelers, blacks, black people, whites, white people, brown people, ethnics, ethnic minorities, people of colour, coloureds, coloured people');
groups(RACE, 'foreigner, immigrant, migrant, asylum seeker, refugee, gypsy, traveller', { singular: true });
groups(RACE, 'chinese, irish, scots, welsh, english, french', { adjectival: true });
groups(RACE, 'poles, turks, roma', { capitalised: true });
groups(RELIGION, "muslims, moslems, jews, jewish people, christians, catholics, protestants, hindus, sikhs, buddhists, atheists, mormons, jehovah's witnesses, pagans");
groups(RELIGION, 'muslim, jew, christian, catholic, hindu, sikh', { singular: true });
groups(ORIENTATION, 'gays, gay people, gay men, gay couples, lesbians, homosexuals, bisexuals, queers, same-sex couples');
groups(DISABILITY, 'disabled people, disableds, cripples, wheelchair users, handicapped people, the mentally ill, mentally ill people, mental patients, autistic people, autistics, deaf people, blind people, dyslexics');
groups(DISABILITY, 'the disabled, the handicapped', { adjectival: true });

// Longest first, so that `old men` wins over `men`.
const GROUP_SOURCE = [...GROUPS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ -]').replace(/'/g, "['’]"))
  .join('|');

/** Derogatory words that turn a mention of a group into a remark about it: `loud foreigners`. */
const MODIFIERS =
  'wrinkly|wrinkled|doddery|doddering|senile|decrepit|crusty|smelly|stinking|stinky|dirty|filthy|lazy|thieving|scrounging|sponging|useless|stupid|silly|thick|dumb|ignorant|backward|uncivilised|uncivilized|savage|greedy|loud|noisy|loudmouthed|annoying|ugly|fat|hysterical|shrill|nagging|bossy|whining|whinging|whingeing|moaning|bloody|damn|damned|bleeding|feral|vile|disgusting|horrible|pathetic|dodgy|bogus|mad|batty|barmy|crazy|gormless|sneaky|shifty|scummy|manky|grubby|uppity|mouthy|gobby|inbred|subhuman|sub-human|parasitic';
const WEAK_MODIFIERS = new Set(['loud', 'noisy', 'annoying', 'moaning', 'whining', 'whinging', 'whingeing']);
/** Words that may stand between a modifier and the group: `wrinkly old grannies`. */
const FILLERS = `(?:${MODIFIERS}|old|young|little|drunken|drunk|so-called|middle-aged|foreign|bunch of|load of|lot of|pack of|gang of|and|all|any|the|these|those)`;

/** Phrases that say a group is unwanted: `nobody wants … grannies`. */
const EXCLUDERS =
  'nobody (?:wants|needs|likes)|no[- ]one (?:wants|needs|likes)|(?:we|i) (?:don[\'’]t|dont|do not) want|get rid of|(?:sick|tired) (?:and tired )?of|fed up (?:of|with)|overrun (?:by|with)|invaded by|invasion of|swarms? of|hordes? of|plague of|infested (?:by|with)|the last thing [a-z]+(?: [a-z]+)? needs?';
/** Phrases that say a group is unwanted only when the group follows at once: `no more immigrants`. */
const NEAR_EXCLUDERS = 'no more|keep out';

/** Words that are derogatory on their own. */
const EPITHETS: ReadonlyArray<readonly [string, readonly Characteristic[]]> = [
  ['coffin[- ]dodgers?|wrinklies|crumblies|old fogeys?|old fogies', AGE],
  ['old biddy|old biddies|old codgers?|old hags?|old crones?', AGE_SEX],
  ['window[- ]lickers?', DISABILITY],
  ['batty[- ]boys?|bum[- ]boys?', ORIENTATION],
  ['ladyboys?', TRANS],
  ['ching[- ]chong|half[- ]castes?|half[- ]breeds?|nig[- ]nogs?|jungle[- ]bunn(?:y|ies)|camel[- ]jockeys?|bog[- ]trotters?|slitty[- ]eyed?|sheep[- ]shaggers?', RACE],
  // Irish Travellers: "tinkers" for people, not the verb ("tinkers with the engine") nor Tinker Bell.
  // The word before is looked behind for only once "tinkers" is there: asked first, at every place in
  // every post, it doubled the time this whole expression takes.
  ['tinkers(?<=\\b(?:the|these|those|some|bloody|more|no|of|thieving|dirty|filthy|lazy|local|with)\\s+tinkers)(?![’\'-]|\\s+(?:with|about|around|away|arms|inn|tavern|bell|lane|yard|green|hill|close|row|way|bridge|wood|cottages?|field|pool|brook)\\b)', RACE],
  ['shirt[- ]lifters?|fudge[- ]packers?|carpet[- ]munchers?', ORIENTATION],
  ['bible[- ]bashers?|god[- ]botherers?', RELIGION],
  // Stereotypes that need no group word.
  ['(?:throws?|threw|screams?|screamed|cries|cried|cry|whinges?|moans?) like a (?:little )?girl|(?:belongs?|place is) in the kitchen|(?:not bad|quite good|pretty good) for a (?:girl|woman|lass)', SEX],
  ['(?:wom[ae]n|girls|ladies|females) (?:can[\'’]?t|cannot|shouldn[\'’]t|should not) (?:drive|park|reverse|read (?:a )?maps?|do maths)', SEX],
  ['go(?:ing)? back (?:to (?:your|their|his|her) own country|(?:to )?where (?:you|they|he|she) came from)', RACE],
];

/** What a group is said to do, when it treats them as a nuisance or a horde: `pensioners hogging the benches`. */
const CONTEMPT_VERBS =
  'ruin(?:ing|s)?|cluttering|clogging|hogging|sponging|scrounging|swarming|invading|infesting|overrunning|taking\\s+our\\s+(?:jobs|houses|homes)|breeding\\s+like\\s+rabbits';

const TRIGGER = new RegExp(
  `\\b(?:(${MODIFIERS})|(${EXCLUDERS})|(typical)|(${CONTEMPT_VERBS})|(${NEAR_EXCLUDERS})|${EPITHETS.map(([source]) => `(${source})`).join('|')})\\b`,
  'g',
);
const EPITHET_GROUP_OFFSET = 6;

const AFTER_MODIFIER = new RegExp(`(?:,?\\s+${FILLERS}){0,3}?,?\\s+(${GROUP_SOURCE})\\b`, 'y');
const AFTER_EXCLUDER = new RegExp(`(?:\\s+[a-z'’-]+){0,4}?\\s+(${GROUP_SOURCE})\\b`, 'y');
const AFTER_TYPICAL = new RegExp(`\\s+(?:old\\s+)?(${GROUP_SOURCE})\\b`, 'y');
/** `immigrants are ruining the town`: the group just before what it is said to do. */
const BEFORE_VERB = new RegExp(`\\b(${GROUP_SOURCE})\\s+(?:(?:are|were|is|keep|kept|always|just|all|still|forever|constantly)\\s+){0,2}$`);
/** `foreigners are so loud`: the group before a modifier used as a predicate. */
const BEFORE_PREDICATE = new RegExp(
  `\\b(${GROUP_SOURCE})\\s+(?:are|were|get|getting)\\s+(?:(?:all|so|too|just|really|always|such|bloody|very|incredibly|a bunch of)\\s+){0,2}$`,
);
const ARTICLE_BEFORE = /\b(?:a|an|the|most|more|less)\s+$/;
/** After an excluder, a group followed by these is the subject of another clause: `nobody wants older people to feel lonely`. */
const CLAUSE_AFTER = /^\s+(?:to|will|can|should|would|could|must|need|needs|who|are|is|have|has|get|feel|being|be|struggling|left|missing|waiting|isolated|lonely|priced|going|living|stuck|suffering)\b/;
/** After an adjectival group word, these show it is used as a noun: `the French are …`. */
const NOUN_AFTER = /^(?:\s*[^\sa-z]|\s*$|\s+(?:are|is|were|was|have|has|had|will|would|can|could|should|must|do|did|don['’]t|always|never|just|all|and|or|who|everywhere|again|in|on|at|with|from|coming|taking|here|there)\b)/;

/** The look-up form of a group word: single spaces for spaces and hyphens, straight apostrophes. */
function groupKey(word: string): string {
  return word.replace(/[\s-]+/g, ' ').replace(/’/g, "'");
}

/** Every derogatory remark about a protected group in a segment. */
export function findDerogatoryRemarks(segment: Segment): DerogatoryRemark[] {
  const lower = segment.lower;
  const found: Weighed[] = [];
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(lower); m; m = TRIGGER.exec(lower)) {
    const start = m.index;
    const end = start + m[0].length;
    const [, modifier, excluder, typical, verb, nearExcluder] = m;
    let remark: DerogatoryRemark | undefined;
    let weight = 0;
    if (modifier) {
      remark = groupAfter(segment, AFTER_MODIFIER, end, start, `derogatory word '${modifier}' before`, modifier);
      if (!remark) [remark, weight] = [predicate(segment, start, end, modifier), 1];
    } else if (excluder) {
      [remark, weight] = [groupAfter(segment, AFTER_EXCLUDER, end, start, `'${excluder}' said of`), 2];
    } else if (nearExcluder) {
      [remark, weight] = [groupAfter(segment, AFTER_MODIFIER, end, start, `'${nearExcluder}' said of`), 2];
    } else if (verb) {
      [remark, weight] = [groupBeforeVerb(segment, start, end, verb), 1];
    } else if (typical) {
      if (!ARTICLE_BEFORE.test(lower.slice(Math.max(0, start - 8), start))) {
        remark = groupAfter(segment, AFTER_TYPICAL, end, start, 'stereotype', undefined, true);
      }
    } else {
      const index = m.slice(EPITHET_GROUP_OFFSET).findIndex((g) => g !== undefined);
      const characteristics = EPITHETS[index]?.[1];
      if (characteristics) remark = { start, end, characteristics, signal: `derogatory phrase '${m[0]}'` };
    }
    if (remark) found.push({ ...remark, weight });
  }
  return mostSpecific(found, lower.length);
}

/** One remark per stretch of text: the weightiest, then the shortest (`loud foreigners`, not the whole sentence). */
function mostSpecific(remarks: Weighed[], length: number): DerogatoryRemark[] {
  const kept: Weighed[] = [];
  const keptSpans = new SpanSet(length);
  const ranked = [...remarks].sort((a, b) => a.weight - b.weight || a.end - a.start - (b.end - b.start));
  for (const r of ranked) {
    if (keptSpans.overlaps(r.start, r.end)) continue;
    kept.push(r);
    keptSpans.add(r.start, r.end);
  }
  return kept.sort((a, b) => a.start - b.start).map(({ weight: _weight, ...remark }) => remark);
}

function groupAfter(
  segment: Segment,
  pattern: RegExp,
  from: number,
  start: number,
  signal: string,
  modifier?: string,
  singularAllowed = false,
): DerogatoryRemark | undefined {
  pattern.lastIndex = from;
  const m = pattern.exec(segment.lower);
  if (!m) return undefined;
  const word = m[1]!;
  const end = m.index + m[0].length;
  const group = groupOf(segment, word, end - word.length, end);
  if (!group) return undefined;
  if (group.singular && !singularAllowed) return undefined;
  if (group.youth && modifier !== undefined && WEAK_MODIFIERS.has(modifier)) return undefined;
  if (pattern === AFTER_EXCLUDER && CLAUSE_AFTER.test(segment.lower.slice(end, end + 16))) return undefined;
  return { start, end, characteristics: group.characteristics, signal: `${signal} '${segment.text.slice(end - word.length, end)}'` };
}

function predicate(segment: Segment, start: number, end: number, modifier: string): DerogatoryRemark | undefined {
  const before = segment.lower.slice(Math.max(0, start - 60), start);
  const m = BEFORE_PREDICATE.exec(before);
  if (!m) return undefined;
  const groupStart = start - before.length + m.index;
  const word = m[1]!;
  const group = groupOf(segment, word, groupStart, groupStart + word.length);
  if (!group || group.singular || (group.youth && WEAK_MODIFIERS.has(modifier))) return undefined;
  return {
    start: groupStart,
    end,
    characteristics: group.characteristics,
    signal: `'${segment.text.slice(groupStart, groupStart + word.length)}' called '${modifier}'`,
  };
}

function groupBeforeVerb(segment: Segment, start: number, end: number, verb: string): DerogatoryRemark | undefined {
  const before = segment.lower.slice(Math.max(0, start - 50), start);
  const m = BEFORE_VERB.exec(before);
  if (!m) return undefined;
  const groupStart = start - before.length + m.index;
  const word = m[1]!;
  const group = groupOf(segment, word, groupStart, groupStart + word.length);
  // Young people ruining a park is behaviour; a remark about age needs more than that.
  if (!group || group.singular || group.youth) return undefined;
  return {
    start: groupStart,
    end,
    characteristics: group.characteristics,
    signal: `'${segment.text.slice(groupStart, groupStart + word.length)}' said to be '${verb}'`,
  };
}

function groupOf(segment: Segment, word: string, start: number, end: number): Group | undefined {
  const group = GROUPS.get(groupKey(word));
  if (!group) return undefined;
  // A possessive describes something else: `women's football`, `men's toilets`.
  if (/^['’]s\b/.test(segment.lower.slice(end, end + 3))) return undefined;
  if (group.capitalised && !/^[A-Z]/.test(segment.text.slice(start, end))) return undefined;
  if (group.adjectival && !NOUN_AFTER.test(segment.lower.slice(end, end + 16))) return undefined;
  return group;
}
