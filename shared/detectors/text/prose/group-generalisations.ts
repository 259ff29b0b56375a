import type { DerogatoryRemark } from '../lexicon/protected-groups';
import type { Characteristic } from '../lexicon/swear-words';
import type { Segment } from '../segment';
import { wordGate } from './word-gate';

/**
 * Discrimination without a slur, in any council's voice: a group that shares a protected
 * characteristic, and a construction that generalises about it. Each construction is a small family
 * with many wordings, not a phrase from one post:
 *
 * - incapability: "can't be trusted with", "as baffling as a QR code", "haven't a clue", "X and money don't mix";
 * - a stereotype: theft ("count the spoons", "keep your sheds locked"), rules that "never apply" to them,
 *   disability doubted ("so-called disabled", "who somehow manage"), a takeover ("will want the whole
 *   building", "rammed down our throats"), not fitting in ("not used to the way things are done round here");
 * - exclusion: "sorry, no mums-to-be", "please don't apply", "not the place for them", not hiring someone
 *   "who'll be off on maternity leave";
 * - preference by sex or age in a call for volunteers or staff: "lads ideally", "would suit a young man";
 * - blame or tokenism aimed through one person: "what you get when you put a woman in the chair", "I'm sure
 *   being our first Asian Mayor had nothing to do with it";
 * - one person's disability doubted: "if your mobility scooter can get you to the pub…".
 *
 * A construction is read first (a cheap gate, then one expression), and only then is a group looked for
 * where the construction needs it: just before it, just after it, or in its sentence or the one before.
 * Reported words, quotations and condemnations are left alone, as are practical notes ("some older
 * people can't manage the stairs, so the meeting is downstairs").
 */

const A = "['’]?";
const CANT = `(?:can${A}t|cannot|can\\s+not|couldn${A}t|could\\s+not)`;

/** Words for people that a characteristic's adjective turns into a group: "gay lads", "the older lot". */
const PEOPLE = 'people|persons|folk|folks|men|women|lads|lasses|blokes|girls|boys|couples|families|kids|children|lot|crew|crowd|ones|community|communities|residents|neighbours|members|staff|applicants|volunteers|drivers|workers|users|visitors';

/** How a group is named: as a group, as one person, or by a euphemism that only a stereotype makes pointed. */
type Kind = 'group' | 'person' | 'euphemism';

/** Words for people who share a characteristic (lower case, non-capturing). */
const GROUPS: ReadonlyArray<readonly [Characteristic, Kind, string]> = [
  ['age', 'group', `pensioners|oaps|retirees|geriatrics|the\\s+elderly|(?:elderly|older|old)\\s+(?:${PEOPLE}|generation|dears|timers)|(?:the\\s+)?over[- ]?[4-9]\\d${A}s|(?:the\\s+)?over[- ](?:fifties|sixties|seventies|eighties)|(?:the\\s+)?under[- ]?[1-4]\\d${A}s|(?:young|younger)\\s+(?:people|ones|lads|lasses|folk|generation|${A}uns|residents|drivers|men|women|mums|lot|crowd)|youngsters|teenagers|teens|kids\\s+(?:these\\s+days|today|nowadays)|boomers|millennials|zoomers|gen\\s+z|snowflakes|the\\s+snowflake\\s+generation|(?:anyone|people|those)\\s+(?:over|under|past)\\s+(?:\\d\\d|forty|fifty|sixty|seventy|eighty)|(?:people|folk)\\s+of\\s+a\\s+certain\\s+age|the\\s+(?:young|old)(?:er)?\\s+(?:generation|ones|lot)`],
  ['age', 'person', `(?:a|an|some)\\s+(?:pensioner|oap|old\\s+(?:man|woman|lady|dear|timer)|young\\s+(?:man|woman|lad|lass|girl|person|thing)|teenager|school[- ]leaver)`],
  ['disability', 'group', `(?:the\\s+)?(?:so[- ]called\\s+)?disabled(?:\\s+(?:people|residents|folk|ones|drivers|users|visitors|staff|applicants|kids|children|lot|neighbours))?(?!\\s+(?:bays?|toilets?|loos?|parking|access|spaces?|facilities|ramps?|entrances?|badges?|blue|changing|seating|seats|route|doors?|lifts?|friendly|persons?|bay))|wheelchair\\s+users|blue\\s+badge\\s+holders|(?:mobility\\s+)?scooter\\s+(?:users|riders)|the\\s+(?:blind|deaf)|(?:blind|deaf|autistic|dyslexic)\\s+(?:people|residents|folk|kids|children|ones|staff|applicants)|people\\s+with\\s+(?:disabilities|a\\s+disability|autism|adhd|dementia|learning\\s+(?:difficulties|disabilities)|mental\\s+health\\s+(?:problems|issues|conditions))|the\\s+mentally\\s+ill|['‘’"]?bad\\s+backs?['‘’"]?\\s+brigade`],
  ['sex', 'group', `women|ladies|girls|lasses|females|wives|housewives|men|lads|blokes|males|chaps|fellas|husbands|gentlemen|the\\s+(?:fairer|weaker)\\s+sex`],
  ['sex', 'person', `(?:a|an|the)\\s+(?:(?:strong|fit|young|younger|energetic|able-bodied|burly|strapping|big|nice|older|retired)\\s+){0,2}(?:woman|lady|girl|lass|lad|bloke|man|chap|fella|gentleman)|(?:a|the)\\s+(?:female|male)`],
  ['pregnancy', 'group', `pregnant\\s+(?:women|ladies|mums|mothers|staff|volunteers|employees|applicants|workers|people)|(?:mums|mothers)[- ]to[- ]be|expectant\\s+(?:mothers|mums)|new\\s+(?:mums|mothers)|breastfeeding\\s+(?:mums|mothers|women)|nursing\\s+mothers|baby\\s+brain`],
  ['pregnancy', 'person', `(?:a|the)\\s+(?:pregnant\\s+(?:woman|lady|mum|girl)|mum[- ]to[- ]be|new\\s+mum)`],
  ['religion or belief', 'group', `muslims|moslems|jews|christians|catholics|protestants|sikhs|hindus|buddhists|atheists|pagans|mormons|jehovah${A}s\\s+witnesses|(?:friday|saturday|sunday)\\s+worshippers|worshippers|churchgoers|the\\s+(?:church|chapel|mosque|synagogue|temple|gurdwara)\\s+(?:lot|crowd|brigade|people)|(?:muslim|islamic|jewish|sikh|hindu|christian|catholic|religious)\\s+(?:people|families|folk|residents|kids|children|men|women|lot|community|communities|groups|society|association)`],
  ['religion or belief', 'person', `(?:a|an|our\\s+first|the\\s+first)\\s+(?:muslim|jewish|sikh|hindu|catholic)`],
  ['race or nationality', 'group', `foreigners|immigrants|migrants|refugees|asylum\\s+seekers|asylum\\s+(?:housing|hotel|families)|(?:eastern\\s+)?europeans|romanians|bulgarians|albanians|lithuanians|latvians|asians|africans|arabs|indians|pakistanis|bangladeshis|somalis|nigerians|travell?ers|gypsies|gipsies|the\\s+(?:irish|scots|welsh|french|chinese)|(?:black|white|brown)\\s+(?:people|families|lads|kids|men|women|residents|folk)|ethnic\\s+minorit(?:y|ies)|people\\s+of\\s+colou?r|(?:polish|romanian|foreign|african|asian|indian|pakistani|somali|eastern\\s+european|immigrant|migrant|traveller|gypsy|chinese|irish)\\s+(?:people|families|folk|lads|men|women|kids|children|workers|drivers|residents|neighbours|traders|community|communities|lot)`],
  ['race or nationality', 'person', `(?:a|an|our\\s+first|the\\s+first)\\s+(?:asian|black|polish|indian|african|pakistani|foreign|immigrant|gypsy|traveller|romanian)`],
  ['race or nationality', 'euphemism', `(?:our\\s+)?newer\\s+neighbours|new\\s+faces|newcomers|new\\s+arrivals|incomers|(?:the\\s+)?(?:hotel|camp)\\s+lot|they${A}(?:ve)?\\s+moved\\s+on|they\\s+pitch(?:ed)?\\s+up`],
  // A characteristic given as a condition in the second person: "not the job for you if you're expecting".
  ['pregnancy', 'group', `(?:you${A}re|you\\s+are)\\s+(?:\\w+\\s+)?(?:expecting|pregnant)|(?:planning|trying\\s+for|thinking\\s+of\\s+starting)\\s+(?:a\\s+family|a\\s+baby)`],
  ['disability', 'group', `(?:if|when|as\\s+long\\s+as)\\s+you${A}re\\s+(?:in\\s+a\\s+wheelchair|disabled|deaf|blind|autistic|on\\s+crutches|partially\\s+sighted)`],
  ['age', 'group', `(?:if|when)\\s+you${A}re\\s+(?:over|under|past)\\s+(?:\\d\\d|sixty|seventy|eighty)|(?:if|when)\\s+you${A}re\\s+(?:a\\s+)?(?:pensioner|oap)`],
  ['sex', 'group', `menopausal\\s+(?:${PEOPLE})`],
  ['race or nationality', 'euphemism', `(?:only\\s+)?been\\s+here\\s+(?:five|5|ten|two|a\\s+few)\\s+(?:minutes|mins|weeks|months|years|seconds)|(?:folk|people)\\s+who\\s+(?:really\\s+)?belong\\s+here|not\\s+from\\s+(?:round|around)\\s+here`],
  ['sexual orientation', 'group', `gays|(?:gay|lesbian|bisexual|queer|lgbt\\w*\\+?)\\s+(?:${PEOPLE}|lobby)|lesbians|bisexuals|homosexuals|queers|same[- ]sex\\s+couples|lgbt\\w*\\+?(?:\\s+(?:people|folk|community|lot|lobby|brigade))?|(?:the\\s+)?pride\\s+(?:flag|march|parade|event|lot|crowd|brigade|stall)|rainbow\\s+flags?`],
  ['gender reassignment', 'group', `(?:trans|transgender|non[- ]binary)\\s+(?:${PEOPLE}|activists)|(?:people|anyone|those|someone)\\s+who\\s+(?:has|have|${A}ve)\\s+(?:changed\\s+(?:gender|sex)|transitioned)|transgenders|transsexuals|non[- ]binary\\s+(?:people|folk)|men\\s+in\\s+dresses|blokes\\s+in\\s+(?:frocks|dresses)|biological\\s+(?:men|males)`],
  ['marriage or civil partnership', 'group', `civil\\s+partner(?:s|ships?)?|married\\s+(?:${PEOPLE})`],
];
/** Groups for which the written word must be capitalised ("Travellers", not rail travellers). */
const CAPITALISED = /^travell?ers$/;

const GROUP_SOURCE = GROUPS.map(([, , source]) => `(${source})`).join('|');
const GROUP = new RegExp(`\\b(?:${GROUP_SOURCE})\\b`, 'g');
const GROUP_NEXT = new RegExp(`[\\s,:;—–-]*\\b(?:${GROUP_SOURCE})\\b`, 'y');
const GROUP_LAST = new RegExp(`\\b(?:${GROUP_SOURCE})[\\s,:;—–-]*$`);

type Scope =
  /** The group just before: "lads ideally", "women and money don't mix". */
  | 'before'
  /** The group just after: "sorry, no mums-to-be", "would suit a young man". */
  | 'after'
  /** The group in the sentence or the one before (then linked by "they"), e.g. "they can't be trusted". */
  | 'near'
  /** Needs no group word: the construction names the characteristic itself. */
  | 'self';

interface Family {
  /** What the clerk would call it, for the reason. */
  name: string;
  scope: Scope;
  source: string;
  /** Kinds of group mention it accepts (default: only groups). */
  kinds?: readonly Kind[];
  /** For `self`: the characteristic the construction names. */
  characteristic?: Characteristic;
  /** Incapability: a hedge ("some …") or a practical reason ("…, so we …") makes it a service note. */
  practical?: boolean;
  /** Needs a call for volunteers or staff in the post. */
  recruiting?: boolean;
  /** The group just before must follow "no": "no under-25s will be considered". */
  negatedGroup?: boolean;
  /** Only groups of these characteristics: a "proper wedding" ranks a civil partnership, not a pensioner. */
  only?: readonly Characteristic[];
  /** A rule with its reason ("no under-16s unless with an adult", "must be under 25 for the apprenticeship grant") is not contempt. */
  ruled?: boolean;
}

const FAMILIES: readonly Family[] = [
  {
    name: 'said to be incapable',
    scope: 'near',
    practical: true,
    source: [
      `${CANT}\\s+(?:\\w+\\s+)?(?:be\\s+trusted|be\\s+relied\\s+(?:on|upon)|organi[sz]e|run\\s+(?:a|an|the)|manage\\s+(?:money|anything|a\\s+budget)|handle\\s+(?:money|anything|a\\s+budget|responsibility)|follow\\s+(?:simple|basic|a\\s+simple)|work\\s+(?:a|an)\\s+(?:computer|phone|app|laptop|smartphone)|tell\\s+the\\s+difference|add\\s+up|count\\s+(?:to|money|change)|lead|chair|make\\s+(?:a\\s+)?decisions?)`,
      `(?:about\\s+|roughly\\s+|nearly\\s+|almost\\s+|just\\s+)?as\\s+(?:baffling|confusing|mysterious|alien|impenetrable|incomprehensible|terrifying|daunting|bewildering|mystifying|foreign|frightening)\\s+as`,
      `(?:might\\s+as\\s+well\\s+be|is\\s+like|may\\s+as\\s+well\\s+be)\\s+(?:reading\\s+)?(?:hieroglyphics|double\\s+dutch|ancient\\s+greek|rocket\\s+science|a\\s+foreign\\s+language|sanskrit)`,
      `(?:haven${A}t|hasn${A}t|don${A}t\\s+have|do\\s+not\\s+have|hadn${A}t)\\s+(?:got\\s+)?(?:a|the\\s+(?:first|faintest|foggiest|slightest))\\s+(?:clue|idea)`,
      `out\\s+of\\s+(?:their|her|his)\\s+depth`,
      `(?:is|are|was|were|it${A}s)\\s+(?:all\\s+|simply\\s+|just\\s+)?beyond\\s+(?:them|her|him|most\\s+of\\s+them)`,
      `(?:hopeless|clueless|incompetent|useless|rubbish|no\\s+good)\\s+(?:at|with|when\\s+it\\s+comes\\s+to)`,
      `(?:never|don${A}t|doesn${A}t)\\s+(?:ever\\s+)?seem\\s+to\\s+(?:grasp|understand|learn|get\\s+it|follow|remember|manage)`,
      `${CANT}\\s+(?:\\w+\\s+)?(?:judge|grasp|learn|remember|concentrate|focus|reverse|park\\s+(?:a|the|properly|straight))`,
      `(?:a\\s+bit\\s+|far\\s+|way\\s+|rather\\s+|much\\s+)?too\\s+(?:physical|heavy|demanding|technical|complicated|strenuous|much)\\s+for\\s+(?:you|them|her|him)`,
      `can\\s+(?:they|she|he)\\s+(?:really|actually|honestly|seriously)\\s+(?:handle|manage|cope|lift|row|drive|run|do)\\b`,
    ].join('|'),
  },
  {
    name: 'said not to mix',
    scope: 'before',
    kinds: ['group', 'person'],
    source: `and\\s+(?:[\\w'’-]+\\s+){1,3}(?:just\\s+|simply\\s+|really\\s+)?(?:don${A}t|do\\s+not|never)\\s+mix`,
  },
  {
    name: 'stereotyped as thieves',
    scope: 'near',
    kinds: ['group', 'euphemism'],
    source: [
      `count\\s+(?:the|your|our)\\s+(?:spoons|silver|cutlery|teaspoons)`,
      `(?:keep|lock)\\s+(?:up\\s+)?(?:your|the|our)\\s+(?:sheds?|bikes?|doors?|cars?|gates?|valuables|garages?|windows|purses|wallets|handbags)(?:\\s+(?:locked|shut|safe))?`,
      `(?:anything|everything)\\s+(?:that\\s+)?(?:isn${A}t|is\\s+not|not|that${A}s\\s+not)\\s+(?:bolted|nailed|screwed|chained)\\s+down`,
      `(?:hide|watch|mind|guard)\\s+your\\s+(?:purses?|wallets?|handbags?|valuables|bikes?|sheds?|tools|belongings)`,
      `light[- ]fingered|sticky\\s+fingers`,
      `(?:always|never\\s+fail\\s+to)\\s+(?:leave|leaves)\\s+(?:it|the\\s+\\w+|the\\s+place)\\s+(?:in\\s+a\\s+(?:state|mess|tip)|filthy|like\\s+a\\s+tip)`,
      `(?:things|stuff|tools|bikes)\\s+(?:will\\s+|tend\\s+to\\s+|start\\s+)?(?:go|going|goes|went|to\\s+go)\\s+missing`,
    ].join('|'),
  },
  {
    name: 'said to be above the rules',
    scope: 'near',
    source: [
      `rules?\\s+(?:\\w+\\s+){0,2}?(?:never|don${A}t|do\\s+not|doesn${A}t|does\\s+not|seem\\s+not\\s+to|won${A}t|somehow\\s+don${A}t)\\s+(?:\\w+\\s+){0,2}?apply`,
      `above\\s+the\\s+law|a\\s+law\\s+unto\\s+themselves|(?:one|a)\\s+rule\\s+for\\s+them`,
      `think\\s+(?:they${A}re|they\\s+are)\\s+(?:exempt|special|entitled)`,
    ].join('|'),
  },
  {
    name: 'doubted or called idle',
    scope: 'near',
    source: [
      `(?:who|they)\\s+(?:\\w+\\s+)?somehow\\s+(?:manage|managed|manages|find|found|seem)`,
      `miraculous(?:ly)?\\s+(?:recover\\w*|cured|healed)`,
      `could\\s+(?:easily\\s+|all\\s+)?(?:be\\s+)?(?:out\\s+)?(?:working|work|get\\s+(?:a\\s+)?jobs?)\\s+if\\s+they`,
      `if\\s+they\\s+could\\s+(?:be\\s+)?(?:bothered|be\\s+arsed)`,
      `swinging\\s+the\\s+lead|work[- ]?shy|scroung\\w+|sponging\\s+off`,
      `should\\s+(?:just\\s+)?be\\s+(?:grateful|thankful)\\s+(?:for\\s+what|they|to\\s+be|for\\s+anything)`,
      `how\\s+many\\s+more\\s+(?:[\\w'‘’-]+\\s+){1,4}?(?:can|will|do|does)\\s+(?:the|they|those|these)\\b`,
      `(?:about\\s+)?as\\s+disabled\\s+as\\s+(?:i\\s+am|me|my\\s+\\w+)`,
    ].join('|'),
  },
  {
    name: 'doubted as disabled',
    scope: 'after',
    source: `so[- ]called|(?:not\\s+(?:really|actually|genuinely)|supposedly|allegedly)\\s+`,
  },
  {
    name: 'said to take over',
    scope: 'near',
    source: [
      `(?:will|${A}ll|would|${A}d)\\s+(?:\\w+\\s+)?want\\s+the\\s+whole\\s+\\w+`,
      `(?:take|taking|took|taken)\\s+over\\s+(?:the|our|this)\\s+(?:whole\\s+)?(?:town|area|estate|street|high\\s+street|village|building|place|country|park)`,
      `(?:won${A}t|will\\s+not|wouldn${A}t)\\s+recogni[sz]e\\s+(?:itself|the\\s+place|the\\s+town)`,
      `give\\s+(?:them|one\\s+lot|that\\s+lot|this\\s+lot)\\s+(?:a|an|one)\\s+(?:inch|room|hall|mile)`,
      `(?:rammed|shoved|forced|pushed)\\s+down\\s+(?:\\w+\\s+){0,2}throats`,
      `(?:shoved|pushed|thrust)\\s+in\\s+(?:our|your|people${A}s|everyone${A}s)\\s+faces`,
      `(?:children|kids|bairns|youngsters)\\s+(?:certainly\\s+|really\\s+|definitely\\s+)?(?:don${A}t|do\\s+not|shouldn${A}t|should\\s+not)\\s+need\\s+(?:to\\s+see\\s+|to\\s+be\\s+exposed\\s+to\\s+)?(?:it|that|this|them)`,
      `(?:protect|shield|keep)\\s+(?:our\\s+|the\\s+)?(?:children|kids|bairns)\\s+(?:away\\s+)?from\\s+(?:it|that|this|them)`,
      `(?:keep|keeps)\\s+it\\s+(?:to\\s+themselves|behind\\s+closed\\s+doors|private|low[- ]key)|(?:don${A}t|do\\s+not)\\s+flaunt\\s+it`,
    ].join('|'),
  },
  {
    name: 'said not to fit in',
    scope: 'near',
    kinds: ['group', 'euphemism'],
    source: [
      `used\\s+to\\s+the\\s+way\\s+(?:things\\s+are\\s+done|we\\s+do\\s+things|things\\s+work)`,
      `the\\s+way\\s+(?:things\\s+are\\s+done|we\\s+do\\s+things)\\s+(?:round|around|over|up|down)\\s+here`,
      `(?:won${A}t|don${A}t|never|can${A}t|refuse\\s+to)\\s+(?:even\\s+|bother\\s+to\\s+|be\\s+bothered\\s+to\\s+)?(?:integrate|fit\\s+in|speak\\s+(?:a\\s+word\\s+of\\s+)?english|learn\\s+(?:the\\s+)?(?:language|english))`,
      `start\\s+with\\s+the\\s+english`,
      `judging\\s+by\\s+the\\s+(?:bins|state\\s+of|rubbish|litter|front\\s+gardens|gardens|smell)`,
      `not\\s+from\\s+(?:round|around)\\s+here`,
    ].join('|'),
  },
  {
    name: 'said to be unsuitable',
    // A reason makes it advice: "isn't the place for you until the steps are ramped", "in this snow".
    ruled: true,
    scope: 'near',
    kinds: ['group', 'euphemism'],
    source: [
      `(?:probably\\s+|really\\s+|perhaps\\s+|maybe\\s+)?(?:not|isn${A}t|is\\s+not)\\s+(?:really\\s+)?(?:the|a)\\s+(?:job|role|post|place|event|thing|club|team|sport|position)\\s+for\\s+(?:you|them)`,
      `(?:isn${A}t|is\\s+not|not)\\s+(?:really\\s+)?(?:your|their)\\s+(?:sort|kind|type)\\s+of\\s+(?:thing|event|place|job|do)`,
      `(?:shouldn${A}t|should\\s+not|ought\\s+not\\s+to)\\s+(?:really\\s+)?(?:be\\s+)?(?:driving|allowed\\s+to\\s+drive|on\\s+the\\s+roads?|behind\\s+the\\s+wheel|in\\s+charge\\s+of\\s+(?:anything|money|the\\s+\\w+))`,
      `(?:shouldn${A}t|should\\s+not|mustn${A}t|must\\s+not)\\s+be\\s+(?:allowed\\s+)?(?:near|around|working\\s+with|volunteering\\s+with|left\\s+alone\\s+with|in\\s+charge\\s+of)\\s+(?:children|kids|young\\s+people|the\\s+youth|vulnerable)`,
    ].join('|'),
  },
  {
    name: 'said to be for the other sex',
    scope: 'near',
    only: ['sex'],
    source: `(?:it|she|he|that|this)${A}s\\s+(?:a|an|really\\s+a|always\\s+been\\s+a)\\s+(?:men|man|lads|blokes|gents|women|ladies|girls)${A}s\\s+(?:boat|job|sport|game|role|work|club|thing|team|crew|event)`,
  },
  {
    name: 'said not to be real',
    scope: 'near',
    only: ['sex'],
    characteristic: 'gender reassignment',
    source: `(?:real|proper|actual|biological|genuine)\\s+ones\\b|born\\s+(?:that\\s+way|female|male|a\\s+(?:woman|man|girl|boy)|(?:gents|ladies|men|women|males|females|boys|girls)\\b)|(?:biological|real|actual)\\s+(?:women|ladies|females)\\s+only`,
  },
  {
    name: 'ranked below a proper one',
    scope: 'near',
    only: ['marriage or civil partnership', 'sexual orientation', 'gender reassignment'],
    // "a proper wedding", and "Saturdays are kept for proper weddings, so civil partnerships …"
    source: `(?:a|the)\\s+(?:proper|real)\\s+(?:wedding|marriage|couple|family|ceremony)|(?:for|only|just)\\s+(?:proper|real)\\s+(?:weddings|marriages|couples|families|ceremonies)`,
  },
  {
    name: 'ranked below a proper one',
    scope: 'near',
    source: `(?:hardly|not\\s+exactly|not\\s+really)\\s+(?:a\\s+)?(?:proper|real|legitimate)\\s+(?:business|job|shop|work|trade|jobs|businesses)`,
  },
  {
    name: 'blamed for what they are',
    scope: 'near',
    kinds: ['group', 'person'],
    source: [
      `(?:that${A}s|this\\s+is|which\\s+is|it${A}s)\\s+what\\s+(?:you|we)\\s+get\\s+(?:when|for|if)`,
      `what\\s+happens\\s+when\\s+(?:you|they|we)\\s+(?:put|let|have|elect|appoint)`,
      `never\\s+(?:put|let)\\s+(?:a|an)\\s+\\w+\\s+(?:in\\s+charge|in\\s+the\\s+chair|run|chair|organi[sz]e)`,
    ].join('|'),
  },
  {
    name: 'said to owe a post to it',
    scope: 'near',
    kinds: ['group', 'person'],
    source: [
      `(?:had|has|have)\\s+(?:absolutely\\s+)?nothing\\s+(?:whatsoever\\s+|at\\s+all\\s+)?to\\s+do\\s+with\\s+it`,
      `box[- ]ticking|tick(?:s|ed|ing)?\\s+(?:a|the|those|some|all\\s+the)\\s+(?:right\\s+)?(?:diversity\\s+)?box(?:es)?`,
      `(?:diversity|token)\\s+(?:hire|appointment|candidate|pick|gesture)`,
      `only\\s+(?:got|gets|get|won|was\\s+chosen|was\\s+picked|was\\s+elected)\\s+(?:the\\s+\\w+\\s+|it\\s+|in\\s+)?because\\s+(?:she|he|they)`,
    ].join('|'),
  },
  {
    name: 'preferred by sex or age',
    scope: 'before',
    kinds: ['group', 'person'],
    recruiting: true,
    // "Lads please." ends the clause: "mums and dads please sign up" is an invitation.
    source: `(?:ideally|preferably|preferred|please(?=\\s*(?:[.!,;:)—–-]|$)))\\b`,
  },
  {
    name: 'preferred by sex or age',
    scope: 'after',
    kinds: ['group', 'person'],
    recruiting: true,
    source: `(?:ideally|preferably|would\\s+(?:best\\s+|really\\s+|ideally\\s+|probably\\s+)?suit|suited\\s+to|perfect\\s+for|looking\\s+for)\\s+`,
  },
  {
    name: 'preferred by age',
    ruled: true,
    scope: 'self',
    characteristic: 'age',
    recruiting: true,
    source: `(?:ideally|preferably|must\\s+be|should\\s+be|applicants\\s+(?:must|should)\\s+be)\\s+(?:aged\\s+)?(?:under|below|no\\s+older\\s+than|younger\\s+than)\\s+\\d\\d|no\\s+one\\s+over\\s+\\d\\d\\s+(?:need|should|will)`,
  },
  {
    name: 'turned away',
    ruled: true,
    scope: 'after',
    kinds: ['group'],
    source: `(?:sorry|afraid|unfortunately|regret)\\s*,?\\s+(?:but\\s+)?(?:we${A}re\\s+)?(?:no\\s+(?:more\\s+)?|not\\s+(?:taking|accepting)\\s+(?:any\\s+)?)`,
  },
  {
    name: 'turned away',
    ruled: true,
    scope: 'before',
    kinds: ['group'],
    source: `(?:please\\s+)?(?:(?:don${A}t|do\\s+not)\\s+(?:bother\\s+)?(?:apply|applying)|(?:won${A}t|will\\s+not|wouldn${A}t)\\s+be\\s+(?:considered|shortlisted|a\\s+good\\s+fit)|(?:aren${A}t|are\\s+not)\\s+(?:really\\s+)?(?:the\\s+right\\s+fit|a\\s+good\\s+fit|what\\s+we${A}re\\s+looking\\s+for))`,
  },
  {
    name: 'turned away',
    ruled: true,
    scope: 'after',
    source: `(?:(?:won${A}t|will\\s+not|${A}ll\\s+not|shan${A}t|not)\\s+be\\s+(?:booking|hiring\\s+(?:the\\s+hall\\s+)?(?:out\\s+)?to|letting\\s+to|renting\\s+to|having|inviting)|(?:so\\s+)?(?:probably|definitely|certainly|ideally|preferably)\\s+not(?:\\s+one\\s+of)?)\\s+(?:(?:the|those|any\\s+of\\s+the|any|more)\\s+)?`,
  },
  {
    name: 'turned away',
    ruled: true,
    scope: 'before',
    negatedGroup: true,
    source: `(?:will|can|shall|would)\\s+be\\s+(?:considered|accepted|shortlisted|taken\\s+on|allowed|admitted|interviewed)`,
  },
  {
    name: 'turned away',
    ruled: true,
    scope: 'near',
    source: `(?:don${A}t|do\\s+not|needn${A}t|not\\s+to)\\s+bother(?:\\s+(?:with|coming|applying|turning\\s+up|booking))?(?![^.!?]{0,40}\\b(?:ring|call|phone|email|e-mail|contact|instead|we${A}ll|we\\s+will|just\\s+(?:ring|call|ask)))|(?:keep|put|sit|seat)\\s+them\\s+(?:at\\s+the\\s+back|out\\s+of\\s+sight|separate(?:ly)?|apart|hidden|in\\s+the\\s+back\\s+room)|(?:isn${A}t|is\\s+not|not)\\s+(?:really\\s+)?(?:the|a)\\s+(?:right\\s+)?place\\s+for\\s+them|(?:keep|kept)\\s+them\\s+(?:out|away)|(?:we${A}d|we\\s+would|i${A}d)\\s+rather\\s+(?:not\\s+have|they\\s+didn${A}t)\\s+(?:them|any)`,
  },
  {
    name: 'not hired for pregnancy',
    scope: 'self',
    characteristic: 'pregnancy',
    source: [
      `(?:don${A}t|do\\s+not|didn${A}t|won${A}t|not|never|rather\\s+not|avoid)\\s+(?:\\w+\\s+){0,2}(?:appoint|hire|employ|take\\s+on|recruit|pick|shortlist)(?:ing)?\\s+(?:someone|somebody|anyone|a\\s+(?:young\\s+)?(?:woman|girl|lady)|women)\\s+(?:who${A}(?:ll|s|d)?\\s+|who\\s+(?:will|might|may|could|is\\s+likely\\s+to)\\s+|likely\\s+to\\s+)?(?:\\w+\\s+){0,3}?(?:off\\s+on\\s+maternity|on\\s+maternity|maternity\\s+leave|pregnant|start(?:ing)?\\s+a\\s+family|hav(?:e|ing)\\s+(?:a\\s+baby|babies|kids))`,
      `${CANT}\\s+(?:afford|carry|cover|cope\\s+with)\\s+(?:(?:another|a|the|any)\\s+)?(?:maternity|pregnan\\w*)`,
      // "would suit someone without young children or plans to start a family", "not someone who's going to be off having a baby"
      `(?:someone|somebody|a\\s+person|an?\\s+applicant|applicants|candidates)\\s+(?:without|with\\s+no|not\\s+planning)\\s+(?:[\\w-]+\\s+){0,4}?(?:plans?\\s+to\\s+(?:start|have)\\s+a\\s+family|to\\s+start\\s+a\\s+family|a\\s+baby)`,
      `not\\s+someone\\s+who(?:${A}s|${A}ll|\\s+is|\\s+will)?\\s+(?:going\\s+to\\s+|likely\\s+to\\s+|about\\s+to\\s+)?(?:be\\s+)?(?:off\\s+)?(?:having\\s+a\\s+baby|on\\s+maternity|start(?:ing)?\\s+a\\s+family|pregnant)`,
    ].join('|'),
  },
  {
    name: "mocks one person's sight, hearing or memory",
    scope: 'self',
    characteristic: 'disability',
    source: [
      `(?:leave|let)\\s+(?:\\w+\\s+){0,5}?to\\s+(?:someone|somebody|people|those)\\s+(?:who|that)\\s+(?:can|could)\\s+(?:actually\\s+|still\\s+|properly\\s+)?(?:see|hear|read|remember|walk)`,
      `if\\s+your\\s+(?:eyesight|hearing|memory|eyes|ears)\\s+(?:is|are)\\s+(?:really\\s+)?(?:that|so)\\s+(?:poor|bad|weak|far\\s+gone)`,
      `(?:maybe|perhaps)\\s+(?:invest\\s+in|try|get|buy)\\s+(?:some|a\\s+pair\\s+of)\\s+(?:glasses|specs|reading\\s+glasses)|(?:turn|switch)\\s+(?:up\\s+|on\\s+)?your\\s+hearing\\s+aid`,
    ].join('|'),
  },
  {
    name: 'sneers at a generation',
    scope: 'self',
    characteristic: 'age',
    source: `(?:typical|classic|such\\s+a|bunch\\s+of|load\\s+of|pack\\s+of)\\s+(?:snowflakes?|millennials?|gen\\s+z(?:ers)?|zoomers?)\\b|snowflake\\s+generation`,
  },
  {
    name: "doubts one person's disability",
    scope: 'self',
    characteristic: 'disability',
    source: [
      `(?:if|since|when)\\s+your\\s+(?:mobility\\s+scooter|wheelchair|walking\\s+stick|zimmer(?:\\s+frame)?|crutches|bad\\s+(?:back|knees?|hips?|legs?)|blue\\s+badge|legs|knees|hips|back)\\s+(?:can|could|gets?|got|manages?\\s+to|is\\s+(?:good|well)\\s+enough\\s+to)\\s+(?:get\\s+|take\\s+|carry\\s+)?you\\s+(?:to|round|around|down|into|as\\s+far|up)`,
      `(?:funny|strange|amazing|odd|remarkable|interesting|curious)\\s+how\\s+(?:your|his|her|their)\\s+(?:bad\\s+(?:back|knees?|hips?|legs?)|disability|condition|mobility\\s+scooter|wheelchair|walking\\s+stick|anxiety|blue\\s+badge)`,
      `your\\s+(?:bad\\s+(?:back|knees?|hips?|legs?)|disability|condition|anxiety|depression)\\s+(?:\\w+\\s+){0,3}?(?:never|doesn${A}t|didn${A}t|don${A}t|does\\s+not|did\\s+not)\\s+(?:seem\\s+to\\s+)?(?:stop|get\\s+in\\s+the\\s+way|bother|trouble|affect|slow)`,
      `for\\s+(?:a\\s+man|a\\s+woman|someone|somebody)\\s+(?:with|on)\\s+(?:a\\s+)?(?:walking\\s+stick|crutches|bad\\s+back|mobility\\s+scooter|disability|blue\\s+badge)\\s*,?\\s+(?:you|he|she)\\s+(?:\\w+\\s+){0,6}?(?:remarkably|awfully|very|pretty|surprisingly|amazingly|quite)\\s+(?:quick|fast|nimble|spry|mobile|well|sprightly)`,
    ].join('|'),
  },
];

const FAMILY = new RegExp(FAMILIES.map(({ source }) => `\\b(${source})`).join('|'), 'g');

/** A word one of the constructions needs (its rarest), so that most posts cost one quick read. */
export const CONSTRUCTION_KEYSTONES: readonly string[] = [
    "can't", 'can’t', 'cant ', 'cannot', 'can not', "couldn't", 'couldn’t', 'could not', 'as baffl', 'as confus', 'as myster', 'as alien',
    'as impenet', 'as incompr', 'as terrif', 'as daunt', 'as bewild', 'as mystif', 'as foreign', 'as frighten', 'hieroglyph', 'double dutch',
    'ancient greek', 'rocket science', 'foreign language', 'sanskrit', 'clue', 'faintest', 'foggiest', 'slightest', 'first idea', 'depth',
    'beyond them', 'beyond her', 'beyond him', 'beyond most', 'hopeless', 'clueless', 'incompetent', 'mix', 'count the', 'count your',
    'count our', 'keep your', 'lock', 'bolted', 'nailed', 'screwed down', 'chained down', 'hide your', 'watch your', 'mind your', 'guard your',
    'light-fingered', 'light fingered', 'sticky fingers', 'missing', 'rule', 'above the law', 'a law unto', 'think they', 'somehow', 'miracul',
    'working if', 'work if', 'job if', 'jobs if', 'if they', 'swinging', 'work-shy', 'workshy', 'work shy', 'scroung', 'sponging', 'as disabled',
    'so-called', 'so called', 'not really', 'not actually', 'not genuinely', 'supposedly', 'allegedly', 'whole', 'take over', 'taking over',
    'took over', 'taken over', 'recogni', 'give them', 'give one', 'give that', 'give this', 'rammed', 'shoved', 'forced down', 'pushed down',
    'pushed in', 'thrust in', 'need it', 'need that', 'need this', 'need them', 'need to see', 'need to be', 'from it', 'from that', 'from this',
    'from them', 'used to the way', 'the way things', 'the way we', 'integrate', 'fit in', 'speak', 'learn the', 'learn english', 'start with the',
    'judging by', 'not from', 'what you get', 'what we get', 'what happens', 'never put', 'never let', 'nothing whatsoever', 'nothing at all',
    'nothing to do', 'box', 'tick', 'diversity', 'token', 'only got', 'only gets', 'only get', 'only won', 'only was', 'ideally', 'preferabl',
    'preferred', 'please', 'suit', 'perfect for', 'looking for', 'be under', 'be aged', 'be below', 'be no older', 'be younger', 'no one over',
    'sorry', 'afraid', 'unfortunately', 'regret', 'apply', 'applying', 'considered', 'shortlisted', 'good fit', 'right fit', 'what we', 'place for',
    'keep them', 'kept them', 'rather', 'maternity', 'pregnan', 'start a family', 'starting a family', 'a baby', 'babies', 'kids', 'if your',
    'since your', 'when your', 'funny how', 'strange how', 'amazing how', 'odd how', 'remarkable how', 'interesting how', 'curious how',
    'your bad', 'your disab', 'your condition', 'your anxiety', 'your depression', 'for a man with', 'for a woman with', 'for someone with',
    'for somebody with', 'for someone on', 'for a man on', 'for a woman on', 'job for', 'role for', 'post for', 'place for', 'thing for', 'event for',
    'club for', 'team for', 'sport for', 'position for', 'sort of', 'kind of', 'type of', 'be allowed', 'be near', 'be around', 'be working',
    'be volunteering', 'be left', 'be in charge', 's a men', 's a man', 's a women', 's a lad', 's a ladies', 's a girl', 's a bloke', 's a gent',
    's really a', 's always been a', 'real ones', 'proper ones', 'actual ones', 'genuine ones', 'biological', 'born that', 'born female',
    'born male', 'born a', 'born gents', 'born ladies', 'born men', 'born women', 'born males', 'born females', 'born boys', 'born girls',
    'for proper', 'only proper', 'just proper', 'for real', 'only real', 'just real', 'real women', 'actual women', 'real ladies', 'actual ladies', 'a proper', 'the proper', 'a real', 'the real',
    'to someone', 'to somebody', 'to people who', 'to people that', 'to those who', 'to those that', 'maybe invest', 'perhaps invest', 'maybe try',
    'maybe get', 'maybe buy', 'perhaps try', 'perhaps get', 'perhaps buy', 'hearing aid', 'snowflake', 'millennial', 'gen z', 'zoomer',
    'can they', 'can she', 'can he', 'be considered', 'be accepted', 'be shortlisted',
    'be taken on', 'be admitted', 'be interviewed', 'useless', 'rubbish', 'no good', 'seem to', 'too physical', 'too heavy', 'too demanding',
    'too technical', 'too complicated', 'too strenuous', 'too much', 'driving', 'allowed to drive', 'on the road', 'behind the wheel',
    'in charge', 'always leave', 'never fail', 'grateful', 'thankful', 'how many more', 'keep it', 'keeps it', 'flaunt', 'hardly',
    'not exactly', 'bother', 'keep them', 'put them', 'sit them', 'seat them', 'be booking', 'be hiring', 'be letting', 'be renting',
    'be having', 'be inviting', 'probably not', 'definitely not', 'certainly not', 'ideally not', 'preferably not', 'so probably',
];
const GATE = new RegExp(wordGate(CONSTRUCTION_KEYSTONES));

/** A stated reason or condition that makes a limit a rule. */
const RULE_REASON = /\b(?:unless|without|accompanied|because|due\s+to|safety|licen[cs]\w*|insurance|law|legal|legally|curfew|policy|rules?|regulations?|age\s+limit|funding|grant|apprenticeships?|eligib\w*|under\s+(?:the|its)\s+terms|online|in\s+person|by\s+(?:post|phone|e-?mail)|drop\s+in|instead|until|during|while|snow|ice|icy|weather|storm|steep|uneven)\b/;
/** A word after a group word that makes it a name for a thing: "the new mums group", "the over-60s lunch". */
const THING_AFTER = /^\s+(?:groups?|clubs?|sessions?|class(?:es)?|meetings?|lunch(?:es)?|swims?|events?|teams?|sections?|toilets?|changing|football|cricket|netball|darts|choirs?|walks?|coffee|mornings?|afternoons?|evenings?|nights?|forums?|networks?|support|services?|bus(?:es)?|parking|bays?|rooms?|centres?|hubs?|rota|tickets?|discounts?|passes?|concessions?)\b/;
/** The post calls for volunteers or staff: only then is a preference by sex or age about who may do it. */
const RECRUITING = /\b(?:volunteers?|drivers?|stewards?|marshals?|helpers?|wanted|needed|recruit\w*|apply|applicants?|vacanc\w+|jobs?|posts?|roles?|positions?|hiring|hire|staff|caretaker|cleaner|litter[- ]pickers?|rota|shifts?)\b/;
/** What the sentence does with the words: reports, quotes or condemns them. */
const REPORTED =
  /\b(?:tolerat\w*|told\s+us|tell\s+us|telling\s+us|unacceptable|complain(?:ed|s|ts?)?\s+(?:that|about)|reported|alleg\w*|claim\w*|myths?|stereotyp\w*|untrue|not\s+true|wrong\s+to|abus\w*|hate|hatred|racis\w*|sexis\w*|homophob\w*|transphob\w*|ableis\w*|ageis\w*|discriminat\w*|harass\w*|prejudic\w*|someone\s+(?:actually\s+)?(?:said|told|wrote|asked)|(?:was|were)\s+told|apologi[sz]\w*)\b/;
/** Before a group: a hedge that makes an incapability a practical note ("some older people can't manage the stairs"). */
const HEDGE = /\b(?:some|a\s+few|several|those|anyone|if|help|helping|support|supporting)\s+(?:of\s+(?:our|the)\s+)?$/;
/** After an incapability: the council doing something about it. */
const PRACTICAL = /^[^.!?]{0,60}?(?:\bso\s+(?:we|we['’](?:ve|ll|re)|there|our|please|you|the\s+(?:meeting|surgery|council|office|bus|session|hall|event))\b|\bwhich\s+is\s+why\b|\bthat['’]s\s+why\b)/;
/** How far from a construction a group is looked for, in characters. */
const NEAR = 300;
/** A sentence this short goes on from the one before: "Real ones, born that way." */
const SHORT_SENTENCE = 50;
/** "they" and the like: a sentence that goes on about the group named before. */
const PRONOUN = /\b(?:they|them|their|these|those|theirs|they${A}(?:re|ll|ve|d))\b/;

/** Each derogatory generalisation about a protected group in a segment (`gated`: a keystone is known to be there). */
export function findGeneralisations(segment: Segment, gated = false): DerogatoryRemark[] {
  const lower = segment.lower;
  if (!gated && !GATE.test(lower)) return [];
  const found: DerogatoryRemark[] = [];
  let recruiting: boolean | undefined;
  FAMILY.lastIndex = 0;
  for (let m = FAMILY.exec(lower); m; m = FAMILY.exec(lower)) {
    const index = m.slice(1).findIndex((g) => g !== undefined);
    const family = FAMILIES[index]!;
    const start = m.index;
    const end = start + m[0].length;
    if (family.recruiting && !(recruiting ??= RECRUITING.test(lower))) continue;
    if (reported(segment, start)) continue;
    if (family.ruled && ruleWithReason(segment, start)) continue;
    const remark = remarkFor(segment, family, start, end);
    if (remark) found.push(remark);
  }
  return found;
}

interface Mention {
  start: number;
  end: number;
  characteristic: Characteristic;
  kind: Kind;
}

function remarkFor(segment: Segment, family: Family, start: number, end: number): DerogatoryRemark | undefined {
  const said = segment.text.slice(start, end).trim();
  if (family.scope === 'self') {
    return { start, end, characteristics: [family.characteristic!], signal: `${family.name} ('${said}')` };
  }
  const mention = mentionFor(segment, family, start, end);
  if (!mention) return undefined;
  const group = segment.text.slice(mention.start, mention.end);
  return {
    start: Math.min(start, mention.start),
    end: Math.max(end, mention.end),
    characteristics: [family.characteristic ?? mention.characteristic],
    signal: `${family.name} ('${said}'), said of '${group}'`,
  };
}

function mentionFor(segment: Segment, family: Family, start: number, end: number): Mention | undefined {
  const lower = segment.lower;
  const kinds = family.kinds ?? ['group'];
  const accept = (mention: Mention | undefined): Mention | undefined =>
    mention && kinds.includes(mention.kind) && (!family.only || family.only.includes(mention.characteristic)) ? mention : undefined;
  if (family.scope === 'after') {
    GROUP_NEXT.lastIndex = end;
    const m = GROUP_NEXT.exec(lower);
    return m ? accept(mention(segment, m, m.index)) : undefined;
  }
  const sentence = segment.sentenceAround(start);
  if (family.scope === 'before') {
    const before = lower.slice(Math.max(sentence.start, start - 60), start);
    const m = GROUP_LAST.exec(before);
    if (!m) return undefined;
    const at = start - before.length + m.index;
    if (family.negatedGroup && !/\bno\s+$/.test(lower.slice(Math.max(0, at - 4), at + m[0].search(/\S/)))) return undefined;
    return accept(mention(segment, m, at));
  }
  // Near: in the sentence, or in the one before when this one goes on about "them".
  const previous = sentence.start > 0 ? segment.sentenceAround(Math.max(0, sentence.start - 2)).start : sentence.start;
  const said = lower.slice(Math.max(sentence.start, start - NEAR), Math.min(sentence.end, end + NEAR));
  const goesOn = PRONOUN.test(said) || kinds.includes('euphemism') || family.only !== undefined || said.length < SHORT_SENTENCE;
  // Bounded, so that a post with no full stops and many constructions is not read whole for each one.
  const from = Math.max(goesOn ? previous : sentence.start, start - NEAR);
  const window = lower.slice(from, Math.min(sentence.end, end + NEAR));
  let best: Mention | undefined;
  GROUP.lastIndex = 0;
  for (let m = GROUP.exec(window); m; m = GROUP.exec(window)) {
    const found = accept(mention(segment, m, from + m.index));
    if (!found || (found.start < end && start < found.end)) continue;
    if (family.practical && !capableSubject(segment, found, start, end)) continue;
    if (!best || Math.abs(found.start - start) < Math.abs(best.start - start)) best = found;
  }
  GROUP.lastIndex = 0;
  return best;
}

function mention(segment: Segment, m: RegExpExecArray, offset: number): Mention | undefined {
  const index = m.slice(1).findIndex((g) => g !== undefined);
  const [characteristic, kind] = GROUPS[index] ?? [];
  if (!characteristic || !kind) return undefined;
  const words = m[index + 1]!;
  const start = offset + m[0].indexOf(words);
  const end = start + words.length;
  // A possessive describes something else: "women's football", "the over-60s' lunch club".
  const next = segment.lower.slice(end, end + 10);
  if (/^['’](?:s\b|\s)/.test(next) && !/^['’]s\s+(?:going|not|no|never|a|the)\b/.test(next)) return undefined;
  if (CAPITALISED.test(words) && !/^[A-Z]/.test(segment.text.slice(start, end))) return undefined;
  if (THING_AFTER.test(segment.lower.slice(end, end + 16))) return undefined;
  return { start, end, characteristic, kind };
}

/** An incapability is said of the group before it, not hedged, and not followed by what the council does about it. */
function capableSubject(segment: Segment, mention: Mention, start: number, end: number): boolean {
  const lower = segment.lower;
  if (mention.start > start) return false;
  if (HEDGE.test(lower.slice(Math.max(0, mention.start - 20), mention.start))) return false;
  // "anyone who can't manage the walk" is a need; "the older lot who can't work a phone" is the group's.
  if (/\bwho\s+(?:\w+\s+)?$/.test(lower.slice(Math.max(0, start - 16), start)) && !/^\s+who\b/.test(lower.slice(mention.end, mention.end + 8))) return false;
  return !PRACTICAL.test(lower.slice(end, end + 80));
}

/** Whether the sentence around an offset gives a reason or a condition for a limit. */
function ruleWithReason(segment: Segment, at: number): boolean {
  const sentence = segment.sentenceAround(at);
  return RULE_REASON.test(segment.lower.slice(Math.max(sentence.start, at - NEAR), Math.min(sentence.end, at + NEAR)));
}

/** Whether the sentence around an offset reports, condemns or quotes the words. */
function reported(segment: Segment, at: number): boolean {
  const sentence = segment.sentenceAround(at);
  const from = Math.max(sentence.start, at - NEAR);
  if (REPORTED.test(segment.lower.slice(from, Math.min(sentence.end, at + NEAR)))) return true;
  const opened = segment.text.slice(from, at);
  const straight = (opened.match(/"/g)?.length ?? 0) % 2 === 1;
  return straight || opened.lastIndexOf('“') > opened.lastIndexOf('”');
}

