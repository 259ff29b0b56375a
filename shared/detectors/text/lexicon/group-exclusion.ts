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
 * for people, a group noun, an adult age band, a generation named to sneer, or a describing clause:
 * "anyone who has changed gender", "if you're in a wheelchair", "Over 70?"), then what the clause
 * around it does to the group: exclusion with the group as subject or object or spoken to ("please
 * don't apply"), a welcome on a condition aimed at who they are, incapability or contempt said of the
 * group or of "they" after it. Reported speech, condemnations ("we will not tolerate …", "a resident
 * complained that …"), a practical reason ("during the fire test", "the route is steep"), another way
 * in ("don't apply online: ring the office") and a claim put as a question to refute it are left alone.
 */

/** Adjectives that name a characteristic when they stand before a word for people. */
const ADJECTIVES: ReadonlyArray<readonly [Characteristic, string]> = [
  ['age', 'elderly|older|old|aged|retired|teenage|young|younger'],
  ['disability', "disabled|blind|deaf|autistic|partially[- ]sighted|visually[- ]impaired|hearing[- ]impaired|wheelchair|mentally[- ]ill|learning[- ]disabled|dyslexic|handicapped"],
  ['sex', 'female|male|women|lady'],
  ['pregnancy', 'pregnant|expectant|breastfeeding|nursing'],
  ['religion or belief', 'religious|muslim|jewish|christian|catholic|hindu|sikh|buddhist|atheist|faith|church|mosque'],
  ['race or nationality', 'foreign|immigrant|migrant|polish|romanian|bulgarian|lithuanian|latvian|albanian|eastern[- ]european|european|asian|black|african|chinese|indian|pakistani|somali|irish|gypsy|traveller|roma'],
  ['sexual orientation', 'gay|lesbian|bisexual|bi|same[- ]sex|queer|homosexual|lgbtq?\\+?'],
  ['gender reassignment', 'trans|transgender|transsexual|non[- ]binary'],
  ['marriage or civil partnership', 'married'],
];
/** Words for people that an adjective above turns into a group. */
const PEOPLE =
  'people|ppl|persons|folks?|couples?|families|women|men|mums|mothers|dads|fathers|parents|volunteers|residents|members|players|users|drivers|staff|applicants|tenants|groups|workers|customers|visitors|students|employees|candidates|ladies|girls|boys|guests|traders|stallholders|neighbours|communities|partners|kids|teams|organisations|organizations|lads|citizens|nationals|ones|types|bookers|hirers|speakers|swimmers|walkers|runners|cyclists|shoppers|readers|householders|owners|councillors|officers|clerks|coaches|teachers|doctors|nurses|managers|colleagues|trustees|governors|lad|man|woman|girl|bloke|fella|chap|lady|guy|boy|person|gentleman';
/** Group nouns that stand alone. */
const NOUNS: ReadonlyArray<readonly [Characteristic, string]> = [
  ['age', 'pensioners|oaps|over[- ]?[5-9]0s|boomers|teenagers|youngsters|the\\s+elderly|geriatrics|oldies'],
  ['disability', "wheelchair\\s+users|the\\s+disabled|people\\s+with\\s+(?:disabilities|a\\s+disability|autism|dementia|learning\\s+(?:difficulties|disabilities)|mental\\s+health\\s+(?:problems|conditions|issues))|amputees|dyslexics|the\\s+blind|the\\s+deaf"],
  // Before `mums`, so that "mums-to-be" is read whole.
  ['pregnancy', 'mums[- ]to[- ]be|mothers[- ]to[- ]be|new\\s+mums|new\\s+mothers'],
  ['sex', 'women|men|ladies|girls|females|males|wives|husbands|housewives|mums'],
  ['religion or belief', "muslims|jews|christians|catholics|hindus|sikhs|buddhists|atheists|pagans|believers|worshippers|jehovah['’]s\\s+witnesses"],
  ['race or nationality', 'foreigners|immigrants|migrants|refugees|asylum\\s+seekers|eastern\\s+europeans|europeans|romanians|bulgarians|lithuanians|poles|asians|africans|gypsies|travellers|roma'],
  ['sexual orientation', 'gays|lesbians|bisexuals|homosexuals|same[- ]sex\\s+couples'],
  ['gender reassignment', 'transgenders|transsexuals|trans\\s+folk'],
  ['marriage or civil partnership', 'civil\\s+partnerships?|civil\\s+partners|married\\s+couples'],
];

/**
 * An age band: "over-60s", "under-25s", "anyone over 65", "applicants under 30". Only bands of adults
 * are a group here (over 40, under 19 and up): "under-16s", "over-18s only" are the ordinary limits of
 * licences and safeguarding.
 */
const AGE_BAND =
  "(?:the\\s+)?(?:over|under)[- ]?\\d{2}s|(?:anyone|anybody|people|those|applicants|residents|candidates|volunteers|nobody|no\\s+one|someone|members|staff|drivers|workers|folk|men|women)\\s+(?:aged\\s+)?(?:over|under|above|below|older\\s+than|younger\\s+than)\\s+\\d{2}(?:\\s*(?:years?\\s+old|years?\\s+of\\s+age|yrs?))?(?!\\s*(?:hours?|hrs|minutes?|mins|mph|miles?|km|metres?|meters?|kg|%|pence|pounds|days?|weeks?|months?|cm|feet|ft)\\b)";
/**
 * A generation named to sneer at it: "your generation", "kids these days", "millennials". Only
 * contempt makes it a remark (see GENERATION_CONTEMPT): "the younger generation" and "Gen Z survey" are
 * no finding.
 */
const GENERATION =
  "your\\s+generation|people\\s+your\\s+age|kids\\s+(?:these\\s+days|today|nowadays)|(?:the\\s+)?youth\\s+of\\s+today|today['’]s\\s+youth|millennials|gen[- ]?z(?:ers)?|zoomers";

type GroupKind = 'group' | 'band' | 'generation';
const GROUP_ALTERNATIVES: Array<readonly [Characteristic, string, GroupKind]> = [
  ...ADJECTIVES.map(([c, adjectives]) => [c, `(?:${adjectives})(?:\\s+[a-z]+)?\\s+(?:${PEOPLE})`, 'group'] as const),
  // "the deaf" is a group unless a word for people follows: then "deaf lad" is the group.
  ...NOUNS.map(([c, source]) => [c, source.replace(/the\\s\+(elderly|disabled|blind|deaf)/g, `the\\s+$1(?!\\s+(?:${PEOPLE})\\b)`), 'group'] as const),
  ['age', AGE_BAND, 'band'],
  ['age', GENERATION, 'generation'],
];
const GROUP = new RegExp(`\\b(?:${GROUP_ALTERNATIVES.map(([, source]) => `(${source})`).join('|')})\\b`, 'g');

const NOT = "(?:not|never|no\\s+longer|n['’]t)";
const APOS = "['’]?";
/** Taking part in something: what an excluded group is told not to do. */
const TAKE_PART =
  'apply(?:ing)?|come|coming|book(?:ing)?|attend(?:ing)?|enter(?:ing)?|join(?:ing)?|sign(?:ing)?\\s+up|turn(?:ing)?\\s+up|register(?:ing)?|tak(?:e|ing)\\s+part|participat\\w*|put(?:ting)?\\s+(?:your|their)\\s+names?\\s+(?:down|forward)|us(?:e|ing)\\s+the\\s+(?:changing|toilets?|facilities|pool|hall|gym)';
/** Ways of sending a group elsewhere. */
const GIVE_MISS = '(?:give\\s+(?:it|this(?:\\s+one)?|them)\\s+a\\s+miss|sit\\s+(?:it|this(?:\\s+one)?)\\s+out|look\\s+elsewhere|go\\s+elsewhere|stay\\s+(?:at\\s+)?home)';
/** Roles of trust or standing that a group may be said to be unfit for. */
const ROLE =
  'coach\\w*|teach\\w*|driv(?:e|ing)|run(?:ning)?|work(?:ing)?\\s+(?:with|near|around)|volunteer\\w*|serv(?:e|ing)\\s+(?:on|as)|lead(?:ing)?|referee\\w*|umpir\\w*|look(?:ing)?\\s+after|car(?:e|ing)\\s+for|mind(?:ing)|babysit\\w*|in\\s+charge|around\\s+(?:children|kids)|near\\s+(?:children|kids)|with\\s+(?:children|kids)|trusted|governors?|councillors?|trustees?|teachers?|stewards?|officers?|managers?|chair(?:ing)?|stand(?:ing)?\\s+for|hold(?:ing)?\\s+office|handl\\w+\\s+(?:money|cash|food|the\\s+float)|on\\s+(?:the\\s+)?(?:committee|council|board|rota)|vot(?:e|ing)\\s+on|have\\s+(?:a|their)\\s+say';

/** Unwanted, said of the group as subject: "trans women are not welcome", "need not apply". */
/**
 * What may stand between a group and what is said of it: up to two words ("… simply can't"), an age
 * ("women in their 50s are …"), or a describing clause ("the couple who applied for plot 9 will be …").
 */
const BETWEEN = `(?:\\s+in\\s+their\\s+[a-z0-9]+|\\s+(?:on|in|at|from|round|near)\\s+(?:the\\s+)?[a-z'’-]+(?:\\s+(?:lane|road|street|estate|site|shop|park))?|\\s+(?:who|that)\\b[^.;!?]{0,40}?(?=\\s+(?:will|would|are|is|should|shouldn|can|cannot|won|aren|isn|need|must|might|may|have|has|ought)\\b))?(?:\\s+[a-z]+){0,2}?`;
const EXCLUDED_SUBJECT = new RegExp(
  `^${BETWEEN}\\s+(?:` +
    [
      `(?:are|is|were|will\\s+be|would\\s+be|be)\\s+(?:\\w+\\s+)?${NOT}\\s+(?:\\w+\\s+)?(?:welcome|wanted|allowed|permitted|eligible|invited|accepted|admitted)`,
      `(?:aren|isn|weren)${APOS}t\\s+(?:\\w+\\s+)?(?:welcome|wanted|allowed|permitted|eligible|invited|accepted|admitted)`,
      `(?:won${APOS}t|will\\s+not|can${APOS}t|cannot|wouldn${APOS}t|would\\s+not|not)\\s+be\\s+(?:given|allowed|accepted|admitted|considered|served|offered|taken|booked|welcome|shortlisted|hired|employed|appointed|selected|chosen|picked|interviewed)`,
      // Sent to the back: "will be put at the bottom of the list".
      '(?:will\\s+be|are|is|be|get|gets)\\s+(?:put|moved|placed|pushed|kept)\\s+(?:to\\s+|at\\s+)?the\\s+(?:bottom|back|end)\\s+of\\s+the\\s+(?:\\w+\\s+)?(?:list|queue)',
      // Told not to take part: "are asked not to book the stall", "are requested not to use the changing rooms".
      `(?:are|is|were|have\\s+been|will\\s+be)\\s+(?:\\w+\\s+)?(?:asked|requested|told|urged)\\s+not\\s+to\\s+(?:${TAKE_PART})`,
      // Sent away politely: "may want to give it a miss", "should probably sit this one out".
      `(?:might|may|would|will)\\s+(?:\\w+\\s+)?(?:want|wish|prefer|like)\\s+to\\s+${GIVE_MISS}`,
      `(?:should|had\\s+better|ought\\s+to)\\s+(?:probably\\s+|really\\s+|just\\s+)?${GIVE_MISS}`,
      '(?:can|could|should|may|might)\\s+(?:\\w+\\s+)?(?:try|look|go|shop|book|set\\s+up\\s+shop|worship|pray)\\s+(?:elsewhere|somewhere\\s+else)',
      // "needn't think it's for them": the thing is not for the group.
      `(?:need\\s+not|needn${APOS}t|shouldn${APOS}t|should\\s+not)\\s+(?:think|expect|imagine|assume)\\s+(?:it${APOS}s|it\\s+is|this\\s+is|that${APOS}s)\\s+for\\s+(?:them|you)`,
      '(?:would|will|might|may)\\s+(?:probably\\s+)?be\\s+(?:happier|better\\s+off|more\\s+comfortable)\\s+(?:elsewhere|somewhere\\s+else|with\\s+their\\s+own)',
      // Unfit for a role of trust: "shouldn't be coaching the junior team", "have no business running a stall".
      `(?:shouldn${APOS}t|should\\s+not|ought\\s+not\\s+to|oughtn${APOS}t\\s+to|mustn${APOS}t|must\\s+not|ha(?:ve|s)\\s+no\\s+business)\\s+(?:really\\s+|ever\\s+|even\\s+)?(?:be\\s+)?(?:allowed\\s+(?:to\\s+)?|let\\s+)?(?:be\\s+)?(?:[a-z]+\\s+)?(?:${ROLE})`,
      // Not what is wanted: "aren't really what the society is looking for", "not the sort of people we want".
      `(?:aren${APOS}t|are\\s+not|isn${APOS}t|is\\s+not)\\s+(?:really\\s+|quite\\s+|exactly\\s+)?(?:what|who)\\s+(?:[\\w'’]+\\s+){0,4}?(?:is|are|was|were)\\s+(?:looking\\s+for|after|wanting)`,
      `(?:aren${APOS}t|are\\s+not|isn${APOS}t|is\\s+not)\\s+(?:really\\s+)?the\\s+(?:sort|kind|type)\\s+of\\s+(?:people|person|members|volunteers|folk|residents|tenants|customers)\\s+(?:we|the|this)`,
      '(?:are|is|will\\s+be)\\s+(?:\\w+\\s+)?(?:unwelcome|banned|barred|excluded)',
      `(?:need\\s+not|needn${APOS}t|should\\s+not|shouldn${APOS}t)\\s+(?:apply|bother|come)`,
      '(?:should|ought\\s+to|had\\s+better|need\\s+to|must)\\s+(?:\\w+\\s+)?(?:stay|keep|be\\s+kept)\\s+(?:away|out|at\\s+home|indoors)',
      '(?:should|ought\\s+to|belong)\\s+(?:be\\s+)?(?:at\\s+home|in\\s+the\\s+(?:home|kitchen))\\s+(?:with|looking|instead|rather|not)\\b',
      '(?:might|may|would|will)\\s+(?:\\w+\\s+)?(?:prefer|want|wish|like)\\s+to\\s+(?:look|go|try|book|celebrate)\\s+elsewhere',
      `(?:don${APOS}t|do\\s+not|doesn${APOS}t|does\\s+not)\\s+(?:really\\s+)?count`,
    ].join('|') +
    ')\\b',
);
/** Contempt said of the group as subject: "are nothing but trouble", "always moan", "steal", "are useless with …". */
const CONTEMPT_SUBJECT = new RegExp(
  `^${BETWEEN}\\s+(?:` +
    [
      '(?:are|is)\\s+(?:\\w+\\s+)?nothing\\s+but\\s+(?:trouble|a\\s+nuisance|a\\s+problem|bother|thieves|scroungers|a\\s+drain)',
      '(?:are|is)\\s+(?:all\\s+)?(?:thieves|liars|crooks|criminals|scroungers|spongers|parasites|vermin|animals)',
      '(?:all\\s+|always\\s+)?(?:steal|thieve|scrounge|sponge)\\b(?!\\s+(?:the\\s+show|the\\s+limelight|hearts?|our\\s+hearts|a\\s+march))',
      '(?:always|forever|constantly|all)\\s+(?:moan|whinge|whine|complain|kick\\s+off|cause\\s+trouble|make\\s+a\\s+fuss|grumble|play\\s+the\\s+victim)',
      '(?:are|is)\\s+(?:\\w+\\s+)?(?:no|of\\s+no)\\s+use\\b',
      '(?:are|is)\\s+(?:\\w+\\s+)?(?:hopeless|useless|clueless)\\b(?:\\s+(?:at|with)\\b)?',
      '(?:are|is)\\s+(?:\\w+\\s+)?(?:rubbish|terrible|awful|pathetic)\\s+(?:at|with)\\b',
      `(?:are|is|were|was)\\s+(?:\\w+\\s+)?more\\s+(?:trouble|hassle|bother|work)\\s+than\\s+(?:they${APOS}re|they\\s+are|it${APOS}s|they\\s+were)\\s+worth`,
      '(?:are|is)\\s+(?:all\\s+|just\\s+|so\\s+|really\\s+)?(?:greedy|selfish|confused|attention[- ]seekers|perverts|predators|going\\s+through\\s+a\\s+phase|just\\s+a\\s+phase)\\b',
      '(?:always\\s+|forever\\s+)?(?:moaning|whingeing|whinging|whining|kicking\\s+off)\\s+(?:about|again|on)\\b',
      // Not the real thing: "civil partnerships aren't proper marriages".
      `(?:aren${APOS}t|are\\s+not|isn${APOS}t|is\\s+not)\\s+(?:a\\s+)?(?:proper|real|true|natural)\\s+(?:marriages?|weddings?|couples?|families|parents|women|men|ladies)`,
      // A threat in how they look, or a nuisance in how much room they take.
      '(?:look|looks|are|is)\\s+(?:\\w+\\s+)?(?:intimidating|threatening|scary|frightening|suspicious|shifty)',
      'tak(?:e|ing)\\s+up\\s+too\\s+much\\s+(?:room|space|time)',
      '(?:only|just)\\s+(?:care|think)\\s+about\\s+(?:money|themselves|their\\s+own)',
      // "… need to go." at the end of a clause: moved on, not sent somewhere.
      '(?:and\\s+)?(?:need|needs|have|has|ought)\\s+to\\s+(?:go|leave|clear\\s+off|be\\s+(?:moved\\s+on|removed|kicked\\s+out|got\\s+rid\\s+of|sent\\s+back))(?=\\s*(?:[.,;!?—–]|$))',
    ].join('|') +
    ')',
);
/**
 * People as a flood: "immigrants are flooding into Harbourne". Said of a race or a faith only: women
 * "flooding into football" is good news.
 */
const HORDE = new RegExp(`^${BETWEEN}\\s+(?:are|is|keep|have\\s+been)\\s+(?:\\w+\\s+)?(?:flooding|pouring|swarming|streaming)\\s+(?:in|into)\\b`);
const HORDE_OF: ReadonlySet<Characteristic> = new Set(['race or nationality', 'religion or belief']);
/** Unable or untrustworthy, said of the group or of "they" after it. */
const INCAPABLE =
  '(?:' +
  [
    `(?:can${APOS}t|cannot|can\\s+not|could${APOS}t|could\\s+not|are\\s+unable\\s+to|aren${APOS}t\\s+able\\s+to|struggle\\s+to|don${APOS}t\\s+know\\s+how\\s+to)\\s+(?:\\w+\\s+)?(?:cope|manage|handle|keep\\s+up|be\\s+trusted|be\\s+relied|understand|follow|drive|park|do\\s+maths|learn|concentrate|commit|lift|multitask|raise\\s+(?:kids|children|a\\s+family)|bring\\s+up\\s+(?:kids|children))`,
    `(?:aren${APOS}t|are\\s+not|are\\s+never|isn${APOS}t|is\\s+not)\\s+(?:very\\s+|really\\s+|that\\s+|always\\s+)?(?:reliable|trustworthy|to\\s+be\\s+trusted|capable|up\\s+to\\s+(?:it|scratch|much|the\\s+(?:job|task|work|role|new\\s+\\w+))|fit\\s+to|competent|committed|dependable)`,
    '(?:are|is)\\s+(?:always\\s+|too\\s+|so\\s+|just\\s+)?(?:unreliable|untrustworthy|incapable|too\\s+slow|too\\s+frail|a\\s+liability|a\\s+burden|a\\s+nuisance|a\\s+drain)',
    '(?:only|just|always)\\s+(?:slow|hold|drag)\\s+(?:\\w+\\s+){0,4}?(?:down|back)',
    '(?:slow|hold|drag)\\s+(?:everything|everyone|everybody|things|us\\s+all|the\\s+\\w+)\\s+(?:down|back)',
    '(?:only|just|always)\\s+get\\s+in\\s+the\\s+way',
    `(?:never|don${APOS}t|do\\s+not|won${APOS}t)\\s+(?:\\w+\\s+)?(?:tidy|clean|pay|turn\\s+up|contribute|integrate|pull\\s+their\\s+weight|fit\\s+in|stick\\s+around)`,
    `(?:will|${APOS}ll)\\s+be\\s+gone\\s+(?:by|in|within|before)`,
    '(?:only|just|always)\\s+(?:end\\s+up\\s+)?(?:drop(?:ping)?\\s+out|quit(?:ting)?|giv(?:e|ing)\\s+up|caus(?:e|ing)\\s+(?:trouble|problems|a\\s+fuss)|go(?:ing)?\\s+off\\s+sick|mak(?:e|ing)\\s+a\\s+mess)',
    `wouldn${APOS}t\\s+(?:last|survive|cope|manage)`,
    `(?:aren${APOS}t|are\\s+not|isn${APOS}t|is\\s+not)\\s+(?:\\w+\\s+)?cut\\s+out\\s+for`,
    `(?:haven${APOS}t|have\\s+not|don${APOS}t\\s+have|do\\s+not\\s+have|lack)\\s+(?:got\\s+)?(?:the\\s+)?(?:stamina|brains|temperament|intelligence|nous|head\\s+for)`,
    `(?:can${APOS}t|cannot)\\s+go\\s+(?:\\w+\\s+){1,3}without`,
    `wouldn${APOS}t\\s+know\\s+(?:\\w+\\s+){1,3}if`,
    '(?:(?:are|is)\\s+)?(?:always\\s+|just\\s+|far\\s+)?(?:too|so)\\s+(?:flighty|unreliable|frail|emotional|fragile|forgetful|doddery|lazy|entitled|needy|hormonal|slow|weak|clumsy|dozy|dim|thick|slapdash)',
  ].join('|') +
  ')\\b';
/** Incapability said of the group itself: "pensioners just can't cope". */
const INCAPABLE_SUBJECT = new RegExp(`^(?:\\s+in\\s+their\\s+[a-z0-9]+)?(?:\\s+(?:just|simply|all|really|generally|always|never|only|usually|frankly|honestly|who${APOS}ll|who\\s+will|who))*\\s+${INCAPABLE}`);
/** Incapability said of "they" within the stretch after the group. */
const INCAPABLE_THEY = new RegExp(`\\b(?:they|they${APOS}re|they${APOS}ll)(?:\\s+(?:just|simply|all|really|generally|always|never|only|usually|frankly|honestly))*\\s+${INCAPABLE}`);
/** Unwanted, said of the group as object: "we won't be taking pregnant volunteers". */
const EXCLUDED_OBJECT = new RegExp(
  `\\b(?:(?:no|not\\s+the|not\\s+a)\\s+place\\s+for\\s+(?:any\\s+)?|(?:won${APOS}t|will\\s+not|don${APOS}t|do\\s+not|doesn${APOS}t|does\\s+not|no\\s+longer|can${APOS}t|cannot|refuse\\s+to|not)\\s+(?:be\\s+)?(?:taking\\s+on|take\\s+on|taking|take|accept|accepting|allow|allowing|admit|admitting|hire|hiring|employ|employing|serve|serving|welcome|welcoming|want|recruit|recruiting|rent\\s+to|let\\s+to|consider|considering|need|needs)\\s+(?:any\\s+(?:more\\s+)?|more\\s+)?|(?:rather\\s+not|prefer\\s+not\\s+to)\\s+(?:have|take|hire|employ|recruit|see|invite)\\s+(?:any\\s+(?:more\\s+)?|more\\s+)?)$`,
);
/** Not for the group, weaker: an accessibility note says the same ("not suitable for wheelchair users"), so incapability must follow. */
const NOT_FOR_OBJECT = new RegExp(`\\b(?:${NOT}|isn${APOS}t|aren${APOS}t)\\s+(?:really\\s+)?(?:suitable|appropriate|designed|meant|intended|made|built|aimed)\\s+(?:\\w+\\s+)?for\\s+(?:any\\s+)?$`);
/** A preference against the group: "preference to local families, not Eastern Europeans". */
const PREFERRED_OVER = /\b(?:preference|priority|prefer(?:red)?|first|only)\b[^.!?]*?(?:,\s*|\s+)(?:not|rather\s+than|instead\s+of|over|ahead\s+of|before)\s+(?:the\s+|any\s+)?$/;
/** "for proper married couples only": the real kind, as if the others were not. */
const PROPER_ONLY = /^(?:\s+[a-z]+)?\s+only\b/;
const PROPER_BEFORE = /\b(?:proper|real|normal)\s+$/;
/** "only takes proper Christians": the same with "only" before. */
const ONLY_BEFORE = /\bonly\s+(?:takes?|wants?|accepts?|admits?|welcomes?|for|lets?\s+in)\s+(?:proper|real|normal)\s+$/;

/** A group spoken to at the start of a sentence: "Wheelchair users: …", "Dear disabled residents, …". */
const ADDRESS_BEFORE = /^[\s"“(]*(?:(?:dear|to|calling|attention|hey|hi|hello|all|any|our|and)\s+)*$/;
/** The answer to a question that picks a group out: "Women on the grounds team? Not a chance." */
const REFUSAL = /^\s*(?:not\s+a\s+chance|no\s+chance|no\s+way|forget\s+it|absolutely\s+not|not\s+likely|not\s+on\s+your\s+life|hard\s+pass|nope|over\s+my\s+dead\s+body)\b/;
const ADDRESS_AFTER = /^(?:\s+(?:on|in|at|for)\s+(?:the\s+)?[a-z'’-]+(?:\s+[a-z'’-]+)?(?=\s*\?))?(?:\s+(?:and|or|&)\s+[a-z'’-]+(?:\s+[a-z'’-]+){0,2}?)?(?:\s+(?:reading(?:\s+this)?|out\s+there|here|listening))?\s*(?:[,:?]|[—–-]\s)/;
/** What a group spoken to is told: "please don't apply", "best not to sign up", "don't bother". */
const TOLD_NOT_TO = new RegExp(
  `^[^.!?;]*?\\b((?:please\\s+|kindly\\s+|just\\s+)?(?:don${APOS}t|do\\s+not|best\\s+not\\s+to|better\\s+not)\\s+(?:bother(?:ing)?(?:\\s+(?:with\\s+)?)?)?(?:${TAKE_PART}|bother))\\b(?!\\s+(?:\\w+\\s+)?(?:online|by\\s+(?:post|email|e-mail|phone)|in\\s+person|twice|again|yet|until|before|via|through|without|here|at\\s+the\\s+(?:door|desk|office)))`,
);
/** The exclusions a practical reason in the sentence excuses: asked not to use a door during a test, to stay home on medical advice. */
const EXCUSABLE = /\b(?:asked|requested|told|urged|miss|out|elsewhere|home|driv|work|handl)/;
/** After "we don't want" or "need", a group followed by its own verb is the subject of another clause: "we don't want older residents to feel …". */
const OWN_CLAUSE = /^\s+(?:to|feeling|being|left|having)\b/;
/** A describing clause that speaks to the group: "if you're in a wheelchair", "those of you who …", or a question: "Over 70?". */
const ADDRESSED_CLAUSE = /^(?:if\s+you|those\s+of\s+you|any\s+of\s+you)\b|^[^?]*\?$/;
/** Incapability said of "you" after a group spoken to: "you'll only drop out". */
const INCAPABLE_YOU = new RegExp(`\\byou(?:${APOS}ll|${APOS}d|${APOS}re|\\s+will|\\s+would|\\s+are)?(?:\\s+(?:just|simply|all|really|always|never|only|probably))*\\s+${INCAPABLE}`);
/** "No over-60s on the rota", "No under-30s will be considered": a determiner that shuts the group out. */
const NO_BEFORE = /\b(?:no|nobody|no\s+one|none\s+of\s+the)\s+$/;
/** "There were no disabled residents at the meeting": an absence reported, not a door shut. */
const NO_REPORTED = /\b(?:there\s+(?:were|are|was|is|will\s+be)|had|have|has|saw|see|with|found|received|got)\s+no\s+$/;
/** An age band before a noun names a club or a class, not people: "the over-60s tea dance". */
const BAND_ATTRIBUTE = /^\s+(?:club|team|section|session|dance|tea|lunch|group|class|swim|walk|football|league|category|discount|rate|ticket|pass|price|event|night|disco)\b/;
/** The answer that refutes a claim put as a question. */
const REBUTTAL = /^\s*(?:nonsense|rubbish|not\s+true|wrong|no[.!,]|never|of\s+course\s+not|tell\s+that\s+to|think\s+again|far\s+from\s+it|not\s+so|not\s+here|not\s+in)/;
/** Age bands are the ordinary classes of sport and the limits of a bar. */
const BAND_CLASS = /\b(?:trophy|cup|league|category|competition|division|tournament|race|fixture|juniors?|veterans?|seniors?|masters|bar|alcohol|drinks?|id|challenge\s+\d+|licen[cs]\w*)\b/;
const NO_PREDICATE = /^(?:\s+[a-z]+){0,2}?\s+(?:(?:will|shall|can|are|is|to)\s+be\s+(?:considered|accepted|shortlisted|taken\s+on|hired|employed|appointed|selected|interviewed|admitted|allowed|welcome|permitted|eligible|served|given)|(?:on|in|at)\s+(?:the|our|this)\s+[a-z-]+|\s*,?\s*(?:please|thanks|thank\s+you|ta)\b)/;
/** Said later in the sentence of the group: "… will find the choir isn't really the place for them". */
const NOT_FOR_THEM = new RegExp(
  `\\b(?:isn${APOS}t|is\\s+not|aren${APOS}t|are\\s+not|won${APOS}t\\s+be|will\\s+not\\s+be|not)\\s+(?:really\\s+|quite\\s+|exactly\\s+|always\\s+)?(?:(?:the|a)\\s+(?:right\\s+|best\\s+|ideal\\s+)?(?:place|club|group|team|event|job|role|thing|activity|hobby|one)\\s+for|(?:meant\\s+|designed\\s+|intended\\s+|suitable\\s+|made\\s+)?for)\\s+(?:them|you|u|people\\s+like\\s+(?:them|you|that))\\b`,
);
/** A welcome with a condition aimed at what marks the group out: "welcome, but not for prayers". */
const WELCOME = new RegExp(`^(?:\\s+[a-z]+){0,2}?\\s+(?:(?:are|is|r|will\\s+be)\\s+(?:\\w+\\s+)?welcome|(?:can|may)\\s+(?:come|use|join|attend|book))\\b`);
/** What marks a group out: worship and dress, affection, feeding a baby, aids, language, or "that sort of thing". */
const PRACTICE =
  "pray\\w*|worship\\w*|festivals?|religious\\s+\\w+|headscarf|headscarves|hijabs?|burkas?|burqas?|burkinis?|niqabs?|turbans?|kippahs?|veils?|holding\\s+hands|kiss\\w*|affection|cuddl\\w*|breastfe\\w*|cover\\s+up|(?:in|to)\\s+the\\s+toilets|out\\s+of\\s+sight|discreet\\w*|behind\\s+a\\s+screen|wheelchairs?|guide\\s+dogs?|sign\\s+language|their\\s+(?:own\\s+)?(?:language|music|food|flags?|costumes?|dress|clothes)|speak\\s+english|in\\s+english|pride\\s+flags?|rainbow\\s+flags?|that\\s+(?:sort|kind|type)\\s+of\\s+thing";
const CONDITION = new RegExp(
  `\\b(?:(?:as|so)\\s+long\\s+as|provided|providing|on\\s+condition)\\b[^.!?]{0,60}?\\b(?:${PRACTICE})\\b|\\b(?:but|just)\\b[^.!?]{0,30}?\\b(?:not|no|n['’]t|never|without|keep|off|away|hide|cover|elsewhere|outside)\\b[^.!?]{0,40}?\\b(?:${PRACTICE})\\b`,
);
/** "we don't want that sort of thing here", said in the sentence that names the group. */
const THAT_SORT = new RegExp(
  `\\b(?:don${APOS}t|do\\s+not|won${APOS}t|will\\s+not|wouldn${APOS}t)\\s+(?:want|need|have|tolerate|allow|stand\\s+for)\\s+(?:(?:that|this|any\\s+of\\s+(?:that|this)|those)\\s+(?:sort|kind|type)s?\\s+of\\s+(?:thing|things|stuff|carry[- ]on|nonsense|business|people)|(?:their|that|your)\\s+(?:sort|kind|type|lot)\\b|people\\s+like\\s+(?:that|them))`,
);
/** "keep it for normal families": the others, by implication, are not. */
const NORMAL_FOR = /\b(?:for|keep\s+it\s+for|reserved\s+for|only\s+for|just\s+for|meant\s+for|aimed\s+at)\s+(?:proper|normal|real|traditional|decent)\s+(?:families|couples|people|folk|folks|residents|marriages|men|women|members|kids|children)\b/;
/** Contempt that a generation named in a sneer is given: "your generation wouldn't last a day". */
const GENERATION_CONTEMPT = new RegExp(
  `^(?:\\s+(?:just|simply|all|really|these\\s+days|today|nowadays|always|never|only|frankly|honestly))*\\s+(?:${INCAPABLE}|don${APOS}t\\s+know\\s+(?:what|how|the\\s+meaning|they)|have\\s+no\\s+(?:idea|respect|manners|clue)|(?:think|expect)s?\\s+|(?:are|is|${APOS}re)\\s+(?:all\\s+|so\\s+|too\\s+)?(?:soft|lazy|entitled|spoilt|spoiled|glued|useless|clueless|precious|snowflakes)|have\\s+(?:it|had\\s+it)\\s+(?:too\\s+|so\\s+)?easy|never\\s+had\\s+it|can${APOS}t\\s+even\\s+[^.!?]{0,40}?let\\s+alone)`,
);
/** The same for the idioms of complaint ("kids these days", "your generation"): any "can't" or "wouldn't". */
const SNEER_CONTEMPT = new RegExp(`^(?:\\s+(?:just|simply|all|really|these\\s+days|today|nowadays|always|never|only))*\\s+(?:can${APOS}t|cannot|couldn${APOS}t|wouldn${APOS}t|won${APOS}t)\\s+(?:even\\s+)?[a-z]+`);
const SNEER_IDIOM = /^(?:your|people)/;
/** A reason that makes a limit a rule (a licence, a hazard, a timetable), not contempt. */
const PRACTICAL = /\b(?:because|due\s+to|safety|law|legal|licen[cs]\w*|curfew|insurance|rules?|regulations?|policy|until|during|while|whilst|instead|steps|stairs|lift|ramp|access|alternative\w*|midwife|doctor|gp|nhs|steep|uneven|hilly|strenuous|slippery|muddy|fumes|smoke|snow|ice|icy|weather|storm|flood\w*|heat\w*|try\s+(?:the|our|a|an)|why\s+not|but\s+(?:the|our|there['’]s|you\s+can))\b/;
/** Another way in, offered to a group spoken to: "don't apply online, ring the office". */
const CHANNEL = /\b(?:online|website|web|app|by\s+(?:post|e-?mail|phone)|in\s+person|ring|call|phone|drop\s+in|through|via|instead|reserve|we['’]ll|we\s+will)\b/;

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
/** A set phrase is the writer's own unless the sentence condemns it ("a complaint about …" does not). */
const CONDEMNED =
  /\b(?:tolerat\w*|unacceptable|removed|deleted|hidden|reported|abuse\w*|hate|hatred|racis\w*|discriminat\w*|harass\w*|bully\w*|prejudice|myths?|stereotypes?|untrue|not\s+true|wrong\s+to)\b/;
/** A disclaimer before prejudice: "I'm not racist, but …", "not being funny, but …". */
const DISCLAIMER = /\b(?:i['’]?m\s+|i\s+am\s+|we['’]re\s+|we\s+are\s+)?not\s+(?:being\s+)?(?:racist|sexist|homophobic|transphobic|ageist|funny|rude|horrible)\s*,?\s*but\b/g;
/** A group word after these is not what the clause is about: "abuse of Polish traders", "some pensioners". */
const NOT_THE_SUBJECT = /\b(?:of|against|towards|at|to|by|with|some|many|a\s+few|those|any|if|for|our|help|helping|support|supporting)\s+$/;

/** Words every group, stereotype or aimed remark needs one of. */
const GROUP_WORDS = [
  ...AIMED_WORDS, 'pensioner', 'oap', 'over-', 'over 5', 'over 6', 'over 7', 'over 8', 'over 9', 'over5', 'over6', 'over7', 'over8', 'over9', 'teen',
  'young', 'elder', 'older', 'old ', 'aged', 'retired', 'disab', 'autis', 'partially', 'visually', 'wheelchair', 'mental', 'dyslex', 'handicap',
  'amput', 'people with', 'female', 'male', 'woman', 'women', 'lady', 'ladies', 'girl', 'wives', 'husband', 'mum', 'mother', 'pregnan',
  'expectant', 'breastfeed', 'nursing', 'religio', 'muslim', 'jew', 'christian', 'catholic', 'hindu', 'sikh', 'buddhist', 'atheist', 'faith',
  'church', 'mosque', 'pagan', 'believer', 'worshipper', 'jehovah', 'foreign', 'immigra', 'migra', 'refugee', 'asylum', 'european', 'eastern',
  'polish', 'poles', 'roman', 'bulgar', 'lithuan', 'latvia', 'albania', 'asian', 'black', 'africa', 'chinese', 'indian', 'pakistan', 'somali',
  'irish', 'gyps', 'traveller', 'roma', 'gay', 'lesbian', 'bisex', 'bi ', 'same', 'queer', 'homosex', 'lgbt', 'trans', 'non', 'married', 'civil',
  "men's", 'men’s', "man's", 'man’s', 'for men', 'for a man', 'ppl', 'men ',
  // Set phrases: "only got the job because …", "playing the … card", "the gay agenda", "learn English or …".
  // ("agenda" alone is in one council post in eight: the group's word before it is the gate.)
  'only got', 'just got', 'race card', 'racism card', 'age card', 'sexism card', 'gender card', 'religion card', 'islamic', 'biological',
  'learn english', 'learn to speak', 'learn the language', 'whatever they', 'whatever he', 'whatever she', 'whatever it', "woman's", 'woman’s',
  // Age bands, generations, sneers and the words of describing clauses ("anyone who has changed gender").
  'over 4', 'over4', 'under-', 'under 1', 'under 2', 'under 3', 'under 4', 'under 5', 'under 6', 'under 7', 'under 8', 'under 9',
  'above', 'below', 'older than', 'younger than', 'generation', 'your age', 'kids', 'youth', 'millennial', 'gen z', 'gen-z', 'genz',
  'zoomer', 'snowflake', 'boomers', 'gender', 'born ', 'headscar', 'hijab', 'burk', 'burq', 'niqab', 'turban', 'kippah', 'yarmulke',
  'skullcap', 'pray', 'worship', 'accent', 'adhd', 'dementia', 'alzheimer', 'deaf', 'blind', 'hearing', 'epilep', 'stammer', 'stutter',
  'crutch', 'walking stick', 'mobility', 'breastfe', 'maternity', 'expecting', 'dyslex', 'not british', 'not english', 'not from',
  'first language', 'synagogue', 'temple', 'gurdwara', 'ramadan', 'sabbath', 'shabbat', 'getting on', 'past it', 'past retirement',
  'pension', 'learning', "down's", 'down’s', 'downs syndrome', 'cerebral', 'your gen',
];
const QUICK = new RegExp(wordGate(GROUP_WORDS));

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

/** A generation's label used as a put-down: "OK zoomer", "typical millennial", "snowflakes like you". */
const GENERATION_LABEL = "millennials?|zoomers?|snowflakes?|gen[- ]?z(?:ers?)?";
const SNEER = new RegExp(
  [
    `\\b(?:ok|okay|typical|classic|such\\s+a|you${APOS}re\\s+(?:such\\s+)?a|you\\s+are\\s+(?:such\\s+)?a|precious)\\s+(?:little\\s+)?(${GENERATION_LABEL})\\b`,
    '\\b(snowflakes?)\\s+like\\s+(?:you|them)\\b',
    '\\b(snowflake)\\s+generation\\b',
    // An old person's name for someone, as a put-down: "alright grandad", "calm down, granny".
    '\\b(?:ok|okay|alright|calm\\s+down|settle\\s+down|sit\\s+down|steady\\s+on|easy)\\s*,?\\s+(grandad|granddad|grandpa|gramps|granny|grandma|nana|old\\s+timer|old\\s+man|pops)\\b',
    `\\byou(?:${APOS}re|\\s+are)\\s+(?!never\\b|not\\b)(?:\\w+\\s+)?(past\\s+it|over\\s+the\\s+hill|too\\s+old\\s+(?:for|to))\\b`,
    // "… Gen Z, eh?", "Millennials for you.": the label as a sentence of its own, after a complaint.
    `(?:^|(?<=[.!?…]\\s+))(${GENERATION_LABEL}|boomers|kids\\s+these\\s+days|kids\\s+today|the\\s+youth\\s+of\\s+today)(?:,\\s*(?:eh|huh|honestly|innit|seriously|typical)|\\s+for\\s+you)\\s*[.!?…]`,
  ].join('|'),
  'g',
);
/** A remark aimed at one person's condition: "with your ADHD", "is it your dementia again?". */
const AIMED_CONDITION = new RegExp(
  [
    `\\b(?:with|given|for\\s+someone\\s+with|it${APOS}s|is\\s+it|must\\s+be|that${APOS}s|blame|forg[eo]t(?:ten)?|lost|left)\\s+your\\s+(adhd|autism|dyslexia|dementia|alzheimer${APOS}?s|depression|anxiety|ocd|stammer|stutter|limp|hearing\\s+aids?|mental\\s+health|learning\\s+difficult\\w*|memory\\s+problems?)\\b`,
    `\\b(?:you${APOS}re|you\\s+are|you\\s+must\\s+be|are\\s+you)\\s+(?:\\w+\\s+)?(dyslexic|autistic|demented|mental|psycho|bipolar|schizo\\w*|special\\s+needs|on\\s+the\\s+spectrum)\\b`,
  ].join('|'),
  'g',
);
/** What makes a mention of someone's condition a jibe, not help. */
const JIBE = /\b(?:no\s+wonder|can['’]?t\s+expect|what\s+do\s+you\s+expect|not\s+surprised|obviously|clearly|again|forg[eo]t\w*|hardly|of\s+course|must\s+be|typical)\b/;
/** Words every sneer needs one of. */
const SNEER_WORDS = [
  'grandad', 'granddad', 'grandpa', 'gramps', 'granny', 'grandma', 'nana', 'old timer', 'old man', 'pops', 'past it', 'over the hill',
  'too old', 'millennial', 'zoomer', 'snowflake', 'gen z', 'gen-z', 'genz', 'boomers', 'kids these', 'kids today', 'the youth', 'adhd', 'autis', 'dyslex',
  'dementia', 'alzheimer', 'depression', 'anxiety', 'ocd', 'stammer', 'stutter', 'limp', 'hearing aid', 'mental', 'learning difficult',
  'memory problem', 'demented', 'psycho', 'bipolar', 'schizo', 'special needs', 'on the spectrum',
];
const SNEER_HINT = new RegExp(wordGate(SNEER_WORDS));
/** Both gates in one read: most posts pass neither, and then cost one scan, not two. */
const ANY_HINT = new RegExp(wordGate([...GROUP_WORDS, ...SNEER_WORDS]));

/** Words that offer a person help with their condition: "with your mobility scooter you can use the ramp". */
const HELP =
  /\b(?:qualify|eligible|you\s+can\s+(?:use|get|book|ask|apply|claim|still)|we['’]ll|we\s+will|make\s+sure|could\s+you|would\s+you|free|help|seat|interpreter|loop|let\s+(?:us|the\s+clerk)\s+know|just\s+tell|pop\s+in|ramp|large\s+print)\b/;
/** Words that make a remark on someone's condition a jibe: "not surprised you missed", "people who can actually walk". */
const AIMED_JIBE = /\b(?:no\s+wonder|not\s+surprised|missed|actually|leave\s+(?:it|the\s+\w+)\s+to|obviously|clearly|again|forg[eo]t\w*|hardly|of\s+course|must\s+be|typical)\b/;

/**
 * Whether a remark on one person's sight, hearing, memory or age offers help instead ("at your age you
 * qualify for a bus pass", "if you're deaf, just tell the clerk"): the words alone are not contempt.
 */
function helpful(segment: Segment, remark: DerogatoryRemark): boolean {
  const lower = segment.lower;
  const sentence = windowAround(segment, remark.start);
  if (/\bif\s+$/.test(lower.slice(Math.max(0, remark.start - 4), remark.start))) return true;
  // "Are you blind?", "you must be deaf": said to the person, never an offer of help.
  if (/^(?:are\s+you|you\s+must|you['’]re|you\s+are)\b/.test(lower.slice(remark.start, remark.end))) return false;
  const words = lower.slice(sentence.start, sentence.end);
  return HELP.test(words) && !AIMED_JIBE.test(words);
}

/** Generation sneers and remarks aimed at one person's condition. */
function findSneers(segment: Segment): DerogatoryRemark[] {
  const lower = segment.lower;
  const found: DerogatoryRemark[] = [];
  if (!SNEER_HINT.test(lower)) return found;
  SNEER.lastIndex = 0;
  for (let m = SNEER.exec(lower); m; m = SNEER.exec(lower)) {
    if (reported(segment, m.index)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, characteristics: ['age'], signal: `a generation sneered at ('${m[0].trim()}')` });
  }
  AIMED_CONDITION.lastIndex = 0;
  for (let m = AIMED_CONDITION.exec(lower); m; m = AIMED_CONDITION.exec(lower)) {
    const sentence = windowAround(segment, m.index);
    if (!JIBE.test(lower.slice(sentence.start, sentence.end)) || reported(segment, m.index)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, characteristics: ['disability'], signal: `a remark aimed at a person's disability ('${m[0]}')` });
  }
  return found;
}

export function findExclusionRemarks(segment: Segment): DerogatoryRemark[] {
  const lower = segment.lower;
  // One read of the post for both kinds: a group's or an aimed remark's words.
  if (!ANY_HINT.test(lower)) return [];
  // Sneers have a gate of their own.
  const sneers = findSneers(segment);
  if (!QUICK.test(lower)) return sneers;
  const found: DerogatoryRemark[] = [...findAimedRemarks(segment).filter((r) => !helpful(segment, r)), ...sneers];

  STEREOTYPE.lastIndex = 0;
  for (let m = STEREOTYPE.exec(lower); m; m = STEREOTYPE.exec(lower)) {
    if (reported(segment, m.index)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, characteristics: ['sex'], signal: `a stereotype of work by sex ('${m[0]}')` });
  }

  found.push(...findPhrases(segment));

  const groups: GroupMention[] = [];
  GROUP.lastIndex = 0;
  for (let m = GROUP.exec(lower); m; m = GROUP.exec(lower)) {
    const start = m.index;
    const end = start + m[0].length;
    const [characteristic, , kind] = GROUP_ALTERNATIVES[m.slice(1).findIndex((g) => g !== undefined)]!;
    // A possessive describes something else: "women's football", "the elderly's lunch club".
    if (/^['’](?:s\b|(?=\s))/.test(lower.slice(end, end + 2))) continue;
    if (kind === 'band' && !adultBand(m[0])) continue;
    groups.push({ start, end, characteristic, kind });
  }
  if (RELATIVE_HINT.test(lower)) groups.push(...relativeGroups(segment));

  for (const { start, end, characteristic, kind } of groups) {
    const remark = exclusion(segment, start, end, kind, characteristic);
    if (!remark || reported(segment, start)) continue;
    const group = segment.text.slice(start, end);
    found.push({ start: Math.min(start, remark.start), end: Math.max(end, remark.end), characteristics: [characteristic], signal: `${remark.signal} '${group}'` });
  }
  return found;
}

interface GroupMention {
  start: number;
  end: number;
  characteristic: Characteristic;
  kind: GroupKind | 'relative';
}

/** Whether an age band is one of adults ("over-60s", "under-25s"), not a child's or a licence's limit. */
function adultBand(band: string): boolean {
  const age = Number(/\d+/.exec(band)?.[0]);
  return /\b(?:under|below|younger)/.test(band) ? age >= 19 : age >= 40;
}

/**
 * People described by what they are, have or do, as a clause: "anyone who has changed gender", "people
 * who use wheelchairs", "if you're in a wheelchair", "residents with dementia". Found from the
 * characteristic's words, then the head of the clause before them.
 */
const CUES: ReadonlyArray<readonly [Characteristic, string]> = [
  ['age', 'over\\s+\\d{2}|retired|elderly|getting\\s+on|past\\s+(?:it|retirement\\s+age)|drawing\\s+(?:a|their|your)\\s+pension'],
  ['disability', "wheelchairs?|disabled|disabilit(?:y|ies)|blind|deaf|hearing\\s+aids?|guide\\s+dogs?|sight\\s+loss|autis\\w+|adhd|dyslexi\\w+|dementia|mental\\s+(?:health|illness)|learning\\s+(?:difficult|disabilit)\\w*|epilepsy|down['’]?s\\s+syndrome|cerebral\\s+palsy|a\\s+stammer|walking\\s+sticks?|crutches|mobility\\s+(?:problems?|issues?|scooters?)"],
  ['pregnancy', 'pregnant|expecting\\s+(?:a\\s+baby|twins)|having\\s+a\\s+baby|on\\s+maternity\\s+leave|breastfeed\\w*'],
  ['gender reassignment', 'changed\\s+(?:their\\s+|your\\s+|his\\s+|her\\s+)?(?:gender|sex)|transition(?:ed|ing)|trans(?:gender)?|non[- ]binary|gender[- ]fluid|gender\\s+reassignment'],
  ['sexual orientation', 'gay|lesbian|bisexual|queer|same[- ]sex'],
  ['religion or belief', 'muslim|jewish|christian|hindu|sikh|buddhist|religious|pray(?:s|ing)?|worship(?:s|ping)?|(?:a\\s+)?(?:headscarf|headscarves|hijabs?|burkas?|burqas?|niqabs?|turbans?|kippahs?|yarmulkes?|skullcaps?)|(?:church|mosque|synagogue|temple|gurdwara)|ramadan|the\\s+sabbath|shabbat'],
  ['race or nationality', "born\\s+(?:abroad|overseas|outside\\s+(?:the\\s+uk|england|britain|wales|scotland))|not\\s+(?:british|english|from\\s+(?:here|round\\s+here|this\\s+country|england|britain))|foreign|an?\\s+(?:foreign\\s+|strong\\s+|thick\\s+)?accent|immigrants?|refugees?|asylum|english\\s+(?:isn['’]t|is\\s+not)\\s+(?:their|your|his|her)\\s+first\\s+language|black|asian|polish|eastern\\s+european|travellers?|gypsy|gypsies|roma"],
  ['marriage or civil partnership', 'married|a\\s+civil\\s+partner(?:ship)?|civil\\s+partners'],
  ['sex', 'a\\s+woman|a\\s+girl|female|women'],
];
const CUE = new RegExp(`\\b(?:${CUES.map(([, source]) => `(${source})`).join('|')})\\b`, 'g');
const CUE_AT = new RegExp(`^(?:${CUES.map(([, source]) => `(${source})`).join('|')})\\b`);

/** The characteristic a word or phrase names ("a woman", "disabled", "Muslim"), if any. */
function characteristicOf(words: string): Characteristic | undefined {
  const m = CUE_AT.exec(words);
  return m ? CUES[m.slice(1).findIndex((g) => g !== undefined)]![0] : undefined;
}

/**
 * Prejudice in a set phrase, whoever it is about: a job said to be won only by being a woman or Black,
 * a woman who will "only get pregnant", "playing the disability card", "the gay agenda", "real women
 * only", "learn English or go home".
 */
const PHRASES: ReadonlyArray<readonly [RegExp, Characteristic | undefined, string]> = [
  [/\b(?:only|just)\s+got\s+(?:the|that|this|her|his|their|a)\s+(?:[a-z'’]+\s+)?(?:job|role|post|seat|place|grant|house|position|award)\s+because\s+(?:she|he|they)(?:['’]s|\s+is|['’]re|\s+are)\s+((?:a\s+|an\s+)?[a-z-]+)/g, undefined, 'said to have got something only for who they are'],
  [/\b(?:she|they|women|you)(?:['’]ll|\s+will|['’]d|\s+would)\s+(?:only|just|probably|inevitably)\s+(?:go\s+and\s+)?(?:get|end\s+up|fall)\s+pregnant\b|\bgo\s+off\s+on\s+maternity(?:\s+leave)?\s+(?:before|as\s+soon|straight\s+away)/g, 'pregnancy', 'a woman written off as about to be pregnant'],
  [/\bplay(?:s|ing|ed)?\s+the\s+(race|racism|disability|disabled|gay|trans|religion|religious|age|pregnancy|woman|women['’]?s|sexism|gender)\s+card\b/g, undefined, 'a protected characteristic called a card played'],
  [/\b(gay|lgbt\w*|trans|transgender|muslim|islamic|jewish)\s+(?:agenda|propaganda|nonsense|brigade|mafia)\b/g, undefined, 'a group’s existence called an agenda or nonsense'],
  [/\b(?:only|just)\s+(?:real|proper|biological|actual)\s+(?:women|men|ladies|girls|females|males)\b|\b(?:real|biological|actual)\s+(?:women|men|ladies|girls|females|males)\s+only\b/g, 'gender reassignment', 'only "real" women or men, as if trans people were not'],
  [/\blearn\s+(?:to\s+speak\s+)?(?:english|the\s+language)\s+or\s+(?:go|get|leave|clear|bugger|piss|sod)\b/g, 'race or nationality', 'told to learn English or leave'],
  [/\btrans\s+(?:women|woman)\s+(?:are|is)\s+(?:just\s+|still\s+|really\s+|biologically\s+)?(?:men|a\s+man|blokes)\b|\btrans\s+(?:men|man)\s+(?:are|is)\s+(?:just\s+|still\s+|really\s+|biologically\s+)?(?:women|a\s+woman)\b/g, 'gender reassignment', 'trans people denied who they are'],
  [/\bwhatever\s+(?:they|he|she|it)\s+(?:call|calls|identify|identifies)\s+(?:themselves|himself|herself|itself|as)\b/g, 'gender reassignment', 'someone’s gender mocked'],
  [/\b(?:that['’]?s|that\s+is|it['’]?s|it\s+is|how)\s+(?:so\s+)?gay\b(?=\s*[.!?]|\s+(?:and|but|lol|mate)\b)/g, 'sexual orientation', '"gay" used as an insult'],
  [/\b(?:a\s+)?wom[ae]n['’]s\s+place\s+is\s+in\s+the\s+(?:home|kitchen)\b/g, 'sex', 'a woman’s place said to be the home'],
  [/\b(?:wheelchair|zimmer(?:\s+frame)?|mobility\s+scooter|walking\s+stick)\s+(?:brigade|mob|gang|lot)\b/g, 'disability', 'disabled people named by their mobility aid, as a put-down'],
];
const CARD_WORDS: Readonly<Record<string, Characteristic>> = {
  race: 'race or nationality', racism: 'race or nationality', disability: 'disability', disabled: 'disability', gay: 'sexual orientation',
  trans: 'gender reassignment', religion: 'religion or belief', religious: 'religion or belief', age: 'age', pregnancy: 'pregnancy',
  woman: 'sex', "women's": 'sex', 'women’s': 'sex', womens: 'sex', sexism: 'sex', gender: 'sex', lgbt: 'sexual orientation',
  transgender: 'gender reassignment', muslim: 'religion or belief', islamic: 'religion or belief', jewish: 'religion or belief',
};

function findPhrases(segment: Segment): DerogatoryRemark[] {
  const lower = segment.lower;
  const found: DerogatoryRemark[] = [];
  for (const [pattern, fixed, signal] of PHRASES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(lower); m; m = pattern.exec(lower)) {
      const word = m[1]?.replace(/^an?\s+/, '');
      const characteristic = fixed ?? (word === undefined ? undefined : (CARD_WORDS[word.replace(/^lgbt\w*/, 'lgbt')] ?? characteristicOf(m[1]!)));
      // "The gay agenda? Our agenda for Tuesday …": a phrase held up as a question, to answer it.
      if (!characteristic || lower.charCodeAt(m.index + m[0].length) === 0x3f || reported(segment, m.index, CONDEMNED)) continue;
      found.push({ start: m.index, end: m.index + m[0].length, characteristics: [characteristic], signal: `${signal} ('${m[0]}')` });
    }
  }
  return found;
}
/** Words for people that head a describing clause. */
const HEAD =
  'anyone|anybody|someone|somebody|people|ppl|persons|those|residents|applicants|members|volunteers|parents|families|couples|staff|customers|visitors|tenants|players|nobody|no\\s+one|women|men|folk|children|kids|candidates|workers|employees|guests|drivers|traders|hirers';
/** The clause before a characteristic's word: "anyone who has …", "if you're in a …", "residents with …". */
const CLAUSE_BEFORE = new RegExp(
  `\\b(?:(?:${HEAD})\\s+(?:who|that)|if\\s+you|those\\s+of\\s+you|any\\s+of\\s+you)(?:${APOS}(?:s|re|ve)|\\s+(?:is|are|was|were|has|have|had|uses?|wears?|needs?|follows?|practi[sc]es?|observes?|prays?|speaks?|identif(?:y|ies)\\s+as|lives?|came|comes?|goes|go|gets?|got))?(?:\\s+[a-z'’-]+){0,3}?\\s+$|\\b(?:${HEAD})\\s+with\\s+(?:a\\s+|an\\s+|any\\s+|some\\s+)?$`,
);
/** Words every describing clause needs one of, or a question mark. */
const RELATIVE_HINT = /\b(?:who|with|if\s+you|of\s+you)\b|\?/;
/** What may open a question that picks a group out. */
const QUESTION_OPENING = /^[\s"“(]*(?:(?:are\s+you|in)\s+(?:a\s+|an\s+)?)?$/;

function relativeGroups(segment: Segment): GroupMention[] {
  const lower = segment.lower;
  const found: GroupMention[] = [];
  CUE.lastIndex = 0;
  for (let m = CUE.exec(lower); m; m = CUE.exec(lower)) {
    const cueEnd = m.index + m[0].length;
    const before = lower.slice(Math.max(0, m.index - 60), m.index);
    const clause = CLAUSE_BEFORE.exec(before);
    let start = clause ? m.index - before.length + clause.index : -1;
    // A question that picks the group out: "Over 70?", "In a wheelchair?", "Pregnant?".
    if (!clause && /^\s*\?/.test(lower.slice(cueEnd, cueEnd + 3))) {
      const sentence = segment.sentenceAround(m.index);
      const opening = m.index - sentence.start <= 40 ? QUESTION_OPENING.exec(lower.slice(sentence.start, m.index)) : null;
      if (opening) start = sentence.start + opening[0].length - opening[0].trimStart().length;
    }
    if (start < 0) continue;
    const characteristic = CUES[m.slice(1).findIndex((g) => g !== undefined)]![0];
    if (characteristic === 'age' && /^over/.test(m[0]) && !adultBand(m[0])) continue;
    found.push({ start, end: cueEnd, characteristic, kind: 'relative' });
  }
  return found;
}

/** How the clause around a group at [start, end) excludes or belittles it, if it does. */
function exclusion(
  segment: Segment,
  start: number,
  end: number,
  kind: GroupKind | 'relative',
  characteristic: Characteristic,
): { start: number; end: number; signal: string } | undefined {
  const lower = segment.lower;
  const sentence = segment.sentenceAround(start);
  const before = lower.slice(Math.max(sentence.start, start - 80), start);
  const after = lower.slice(end, Math.min(sentence.end, end + 100));
  // Windows of bounded length, so that a post of one endless sentence is read in linear time.
  let rest = lower.slice(end, Math.min(sentence.end, end + WINDOW));
  const clause = lower.slice(Math.max(sentence.start, start - WINDOW), Math.min(sentence.end, end + WINDOW));
  const subject = !NOT_THE_SUBJECT.test(before);
  const practical = (): boolean => PRACTICAL.test(clause);
  const another = (): boolean => CHANNEL.test(clause);
  if (kind === 'band' && (BAND_CLASS.test(clause) || BAND_ATTRIBUTE.test(lower.slice(end, end + 16)))) return undefined;
  // "Older volunteers are no use to us? Nonsense.": a claim put as a question in order to refute it.
  if (lower.charCodeAt(sentence.end - 1) === 0x3f && REBUTTAL.test(lower.slice(sentence.end, sentence.end + 24))) return undefined;

  let m: RegExpExecArray | null;
  if (kind === 'generation') {
    if (subject && ((m = GENERATION_CONTEMPT.exec(after)) || (SNEER_IDIOM.test(lower.slice(start, end)) && (m = SNEER_CONTEMPT.exec(after))))) {
      return { start, end: end + m[0].length, signal: `a generation sneered at ('${m[0].trim()}'):` };
    }
    return undefined;
  }
  if (subject && (m = EXCLUDED_SUBJECT.exec(after)) && !((PERMISSION.test(m[0]) && RULE_REASON.test(clause)) || (EXCUSABLE.test(m[0]) && (practical() || another())))) return { start, end: end + m[0].length, signal: `said to be unwanted or not to count ('${m[0].trim()}') of` };
  if (subject && (m = INCAPABLE_SUBJECT.exec(after)) && !practical()) return { start, end: end + m[0].length, signal: `said to be incapable ('${m[0].trim()}') of` };
  if (subject && HORDE_OF.has(characteristic) && (m = HORDE.exec(after))) return { start, end: end + m[0].length, signal: `spoken of as a flood ('${m[0].trim()}'):` };
  if (subject && (m = CONTEMPT_SUBJECT.exec(after))) return { start, end: end + m[0].length, signal: `treated with contempt ('${m[0].trim()}'):` };
  if ((m = EXCLUDED_OBJECT.exec(before)) && !(/\b(?:want|need|needs)\s+(?:any\s+)?(?:more\s+)?$/.test(m[0]) && OWN_CLAUSE.test(after))) return { start: start - before.length + m.index, end, signal: `turned away ('${m[0].trim()}')` };
  if ((m = PREFERRED_OVER.exec(before))) return { start: start - before.length + m.index, end, signal: 'ranked below others' };
  if (PROPER_BEFORE.test(before) && (m = ONLY_BEFORE.exec(before))) return { start: start - before.length + m.index, end, signal: 'the only proper kind, as if others were not:' };
  if (PROPER_BEFORE.test(before) && (m = PROPER_ONLY.exec(after))) return { start: start - before.length + before.search(PROPER_BEFORE), end: end + m[0].length, signal: 'the only proper kind, as if others were not:' };
 const no = NO_REPORTED.test(before) ? null : (NO_BEFORE.exec(before) ?? (/^(?:nobody|no\s+one)\b/.test(lower.slice(start, end)) ? /$/.exec(before) : null));
  if (no && (m = NO_PREDICATE.exec(after)) && !practical()) return { start: start - before.length + no.index, end: end + m[0].length, signal: `shut out ('no … ${m[0].trim()}'):` };
  const address = kind === 'relative' ? (ADDRESSED_CLAUSE.test(lower.slice(start, end + 1)) ? /^\s*\??/.exec(after) : null) : start - sentence.start <= 40 && ADDRESS_BEFORE.test(lower.slice(sentence.start, start)) ? ADDRESS_AFTER.exec(after) : null;
  const addressed = address !== null;
  // Spoken to with a question ("Over 70? Then …", "Women on the grounds team? Not a chance."), the answer is the next sentence.
  const asked = address?.[0].trimEnd().endsWith('?') === true;
  if (asked) rest = lower.slice(end, Math.min(end + WINDOW, sentence.end < lower.length ? segment.sentenceAround(sentence.end + 1).end : sentence.end));
  if (asked && (m = REFUSAL.exec(lower.slice(end + address[0].length, end + address[0].length + 40))) && !practical()) return { start, end: end + address[0].length + m.index + m[0].length, signal: `asked about and refused ('${m[0].trim()}'):` };
  if (addressed && (m = TOLD_NOT_TO.exec(rest)) && !practical() && !another()) return { start, end: end + m[0].length, signal: `told not to take part ('${m[1]}'):` };
  if ((m = NOT_FOR_THEM.exec(rest)) && (subject || addressed) && !practical()) return { start, end: end + m.index + m[0].length, signal: `said not to belong ('${m[0].trim()}'):` };
  if (subject && WELCOME.test(after) && (m = CONDITION.exec(rest)) && !practical()) return { start, end: end + m.index + m[0].length, signal: `welcome only on a condition aimed at who they are ('${m[0].trim()}'):` };
  if (subject && characteristic !== 'age' && (m = THAT_SORT.exec(rest))) return { start, end: end + m.index + m[0].length, signal: `'${m[0].trim()}' said of` };
  const around = lower.slice(Math.max(0, start - WINDOW), Math.min(lower.length, end + WINDOW));
  if (characteristic !== 'age' && (m = NORMAL_FOR.exec(around))) return { start, end, signal: `set against '${m[0].trim()}', as if not normal:` };
  // "they" after the group, in its sentence or the next: "…for pensioners — they just can't cope".
  const following = sentence.end < lower.length ? segment.sentenceAround(sentence.end + 1).end : sentence.end;
  const next = lower.slice(end, Math.min(following, end + 200));
  const they = INCAPABLE_THEY.exec(next) ?? (addressed ? INCAPABLE_YOU.exec(next) : null);
  const notFor = NOT_FOR_OBJECT.exec(before);
  if (they && (subject || notFor || addressed)) {
    return { start: notFor ? start - before.length + notFor.index : start, end: end + they.index + they[0].length, signal: `${notFor ? `'${notFor[0].trim()}' and ` : ''}said to be incapable ('${they[0].trim()}') of` };
  }
  return undefined;
}

/** How far around a group its clause is read: a sentence, but never more than this either side. */
const WINDOW = 200;

/** The sentence around an offset, cut to WINDOW characters either side: an endless sentence is read in linear time. */
function windowAround(segment: Segment, at: number): { start: number; end: number } {
  const sentence = segment.sentenceAround(at);
  return { start: Math.max(sentence.start, at - WINDOW), end: Math.min(sentence.end, at + WINDOW) };
}

/** Whether the sentence around an offset reports or condemns the words, or quotes them. */
function reported(segment: Segment, at: number, condemnation = REPORTED): boolean {
  const sentence = windowAround(segment, at);
  const words = segment.lower.slice(sentence.start, sentence.end);
  // "Not being racist, but …" announces prejudice; it does not report or condemn it.
  if (condemnation.test(words.includes('not ') ? words.replace(DISCLAIMER, ' ') : words)) return true;
  // Inside quotation marks: someone else's words.
  const opened = segment.text.slice(sentence.start, at);
  return (opened.match(/[“"]/g)?.length ?? 0) % 2 === 1 && !/[”]/.test(opened.slice(opened.lastIndexOf('“') + 1));
}
