import type { Segment } from '../segment';
import { wordGate } from './word-gate';

/**
 * Arguing without swearing: sarcasm, put-downs and mock thanks aimed at someone. Each signal is a
 * construction, not a word: telling someone their opinion is unwanted, slowing down "so you can keep
 * up", thanking someone for their fourth email, a curt "Genius." after a colleague's mishap, "at
 * least ours get cut" beside another body's name. Most need a target: the person answered (a reply,
 * "you", a name used as a vocative) or someone named (a councillor, a titled person, an organisation,
 * a member of staff by job title). A signal that is sarcastic only in company ("for once", "next
 * time") needs a second one.
 */
export interface Belittling {
  start: number;
  end: number;
  reason: string;
  /** Sarcastic only beside another signal. */
  weak?: boolean;
  /** Needs a named target (a person, a body, a member of staff), not only "you". */
  named?: boolean;
  /**
   * Needs someone identified: the person answered, a name used to address them, a titled or
   * configured person, a named body or a member of staff by job title; two capitalised words
   * (which may be a street) are not enough.
   */
  identified?: boolean;
  /** Needs the person answered: a reply, or a name used to address them. */
  answered?: boolean;
}

interface Signal {
  pattern: RegExp;
  reason: string;
  weak?: boolean;
  named?: boolean;
  identified?: boolean;
  answered?: boolean;
}

interface KeyedSignal extends Signal {
  /** Words (at a word start) one of which every match holds. */
  keys: readonly string[];
  /** Also asked of a post with a number written as an ordinal ("5th"). */
  ordinal?: boolean;
}

const ORDINAL = '(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|umpteenth|nth|hundredth|millionth|\\d+(?:st|nd|rd|th)?)';
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
/** Praise that, given to a nuisance, is sarcasm; and the nuisances. */
const NUISANCE_PRAISE = ['lovely', 'wonderful', 'beautiful', 'delightful', 'fabulous', 'brilliant', 'marvellous', 'fantastic', 'gorgeous', 'exciting'];
const NUISANCES = ['pothole', 'gridlock', 'delay', 'chaos', 'queue', 'tailback', 'diversion', 'cancellation', 'mess', 'flooding', 'puddle', 'traffic jam', 'roadworks', 'closure', 'detour', 'disruption', 'inconvenience'];

/** Finding out what everyone knew. */
const DISCOVERED = '(?:discovered|realised|realized|worked\\s+out|noticed|found\\s+out|figured\\s+out|cottoned\\s+on|woken\\s+up|twigged|learned|learnt)';
/** Who a sarcastic remark is about, as a pronoun or a title and name. */
const SUBJECT = "(?:you|u|he|she|they|(?:cllr|councillor|mr|mrs|ms|miss|dr)\\.?\\s+[\\w'’-]+)";

const A = "['’]?";
// Text-speak for the words the signals turn on: "u", "ur", "4", "thx", "noone".
const YOU = '(?:you|u|ya|yer)';
const YOUR = '(?:your|ur|yr|yer)';
const FOR = '(?:for|4)';

const SIGNALS: readonly Signal[] = [
  {
    reason: 'tells someone their opinion is unwanted',
    pattern: new RegExp(
      [
        `\\b(?:nobody|no[- ]?one|no\\s+one|no1)\\s+(?:here\\s+|actually\\s+|ever\\s+)?asked\\s+(?:${FOR}\\s+)?(?:${YOU}|${YOUR}|what\\s+${YOU}|how\\s+${YOU})\\b`,
        `\\bwho\\s+asked\\s+(?:you|for\\s+your)\\b`,
        `\\b(?:we\\s+)?(?:didn${A}t|did\\s+not|don${A}t|do\\s+not)\\s+(?:ask|need|want)\\s+(?:for\\s+)?your\\s+(?:opinion|views?|input|thoughts|two\\s+(?:pence|penn(?:y|orth))|2p)`,
        `\\b${YOUR}\\s+(?:opinion|views?|input|thoughts|two\\s+pence|2p)(?:\\s+[\\w'’-]+){0,4}?\\s+(?:is|are|was|were)\\s+(?:\\w+\\s+)?(?:not|n${A}t)\\s+(?:\\w+\\s+)?(?:needed|wanted|required|welcome|relevant|necessary|helpful)`,
        `\\bkeep\\s+your\\s+(?:opinions?|views|thoughts|comments|two\\s+pence)\\s+to\\s+yourself`,
        `\\bnot\\s+interested\\s+in\\s+your\\s+(?:opinion|views?|thoughts)`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'says someone cannot keep up',
    pattern: new RegExp(
      [
        `\\bso\\s+(?:that\\s+)?${YOU}\\s+(?:can|could|might|will|${A}ll)\\s+(?:\\w+\\s+)?(?:keep\\s+up|follow|understand|manage|get\\s+it|take\\s+it\\s+in)`,
        `\\b(?:type|say|write|explain|put|spell)\\s+(?:this|it|that)\\s+(?:out\\s+)?(?:very\\s+|really\\s+|nice\\s+and\\s+)?(?:slowly|simply)`,
        `\\btry\\s+(?:to|and)\\s+keep\\s+up\\b`,
        `\\b(?:words\\s+of\\s+one\\s+syllable|(?:small|short|simple)\\s+words\\s+for\\s+you)`,
        `\\bfor\\s+the\\s+hard\\s+of\\s+(?:thinking|reading|understanding)`,
        `\\bspell\\s+it\\s+out\\s+for\\s+you`,
        `\\b(?:join|welcome\\s+to)\\s+(?:us\\s+in\\s+)?the\\s+(?:21st|twenty-first)\\s+century`,
        `\\b(?:still|stuck|living)\\s+in\\s+the\\s+(?:19\\d0s|dark\\s+ages|stone\\s+age|last\\s+century)`,
        `\\bsome\\s+of\\s+us\\s+have\\s+(?:moved\\s+on|joined\\s+the)`,
        `\\b(?:ok|okay)\\s+boomer\\b|\\btypical\\s+boomer\\b|\\bboomer\\s+(?:reply|comment|logic|attitude|take|mentality|nonsense|rant)\\b`,
        `\\byour\\s+generation\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'thanks someone sarcastically',
    pattern: new RegExp(
      [
        `\\b${FOR}\\s+${YOUR}\\s+(?:\\w+\\s+)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|umpteenth|nth|hundredth|millionth|\\d+(?:st|nd|rd|th)?)\\s+(?:\\w+\\s+)?(?:email|e-mail|message|complaint|comment|call|post|letter|essay|rant|question|moan)s?\\b`,
        `\\b(?:what|whatever|where)\\s+would\\s+(?:we|the\\s+\\w+)\\s+(?:ever\\s+)?(?:do|be)\\s+without\\s+(?:${YOU}|him|her)\\b`,
        `\\b(?:thanks?|thx|ta)\\s+${FOR}\\s+nothing\\b`,
        `\\bthanks\\s+a\\s+bunch\\b`,
        `\\b(?:thanks|thank\\s+you)\\s+for\\s+(?:the|your|that|another)\\s+(?:\\w+\\s+)?(?:essay|novel|lecture|sermon|epistle|thesis|tirade|masterclass)\\b`,
        `\\b(?:cheers|thanks)\\s+for\\s+(?:that|the)\\s+(?:insight|wisdom|pearl)`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'mocks how much someone writes or complains',
    pattern: new RegExp(
      [
        `\\b(?:another|yet\\s+another|your\\s+(?:latest|daily|weekly|usual))\\s+(?:\\w+\\s+)?(?:essay|novel|epistle|thesis|lecture|sermon|tirade|missive|manifesto)\\b`,
        `\\bwar\\s+and\\s+peace\\b`,
        `\\b(?:didn${A}t|did\\s+not|won${A}t|not\\s+going\\s+to)\\s+read\\s+all\\s+(?:that|of\\s+that|of\\s+it)\\b`,
        `\\btl;?dr\\b`,
        `\\b(?:complain|moan|whinge)s?\\s+about\\s+(?:absolutely\\s+)?everything\\b`,
        `\\b(?:do|does)\\s+(?:you|he|she)\\s+ever\\s+(?:stop|do\\s+anything\\s+(?:but|except))\\s+(?:complain|moan|whing|writ|email)`,
        `\\b(?:regular|serial|professional|chief|resident|usual)\\s+(?:complainer|complainant|moaner|whinger|letter[- ]writer)s?\\b`,
        `\\b(?:must\\s+have|did\\s+it)\\s+take\\w*\\s+(?:you\\s+)?(?:all\\s+day|hours|ages|all\\s+night)\\s+to\\s+write`,
        `\\bon\\s+first[- ]name\\s+terms\\s+with\\s+(?:the\\s+)?(?:complaints|inbox)`,
        `\\bhow\\s+(?:do\\s+you|you)\\s+find\\s+the\\s+time\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: "mocks someone's reading or attention",
    pattern: new RegExp(
      [
        `\\bnot\\s+surprised\\s+you\\s+(?:\\w+\\s+)?(?:missed|didn${A}t|couldn${A}t|got\\s+(?:it|that)\\s+wrong|failed)`,
        `\\b(?:missed|miss|overlooked)\\s+(?:the|a|our)\\s+(?:giant|huge|massive|enormous|big|great\\s+big|bright\\s+\\w+|six-foot)\\s+(?:\\w+\\s+)?(?:sign|notice|poster|banner|board)`,
        `\\b(?:reading|comprehension)\\s+(?:glasses|skills|lessons)\\s+(?:might|would|could)\\s+help`,
        `\\b(?:did|do)\\s+you\\s+(?:actually|even)\\s+(?:open|look\\s+at|read)\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: "mocks someone's attendance",
    weak: true,
    named: true,
    pattern: new RegExp(
      [
        `\\bfor\\s+once\\b`,
        `\\b(?:only|just)\\s+took\\s+(?:you\\s+|him\\s+|her\\s+|them\\s+)?(?:\\w+\\s+){0,2}(?:years?|months?|weeks?|decades?|ages|seasons?|terms?)\\b|\\b(?:only|just)\\s+took\\s+(?:you|him|her|them)\\s+(?:until|till|til)\\s+\\w+`,
        `\\bnice\\s+of\\s+(?:\\S+\\s+){1,4}?to\\s+(?:finally\\s+)?(?:turn|show|join|grace|drop|come|bother)`,
        `\\bgrac(?:e|ed|ing)\\s+us\\s+with\\s+(?:your|his|her|their)\\s+presence`,
        `\\b(?:maybe|perhaps)\\s+(?:[\\w'’]+\\s+){1,5}?next\\s+time\\b`,
        `\\b(?:finally|at\\s+(?:long\\s+)?last)\\s+(?:turned|showed|bothered)\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'sneers at someone',
    weak: true,
    named: true,
    pattern: new RegExp(
      [
        `\\bsome\\s+(?:people|folk|councillors|members)\\s+(?:just\\s+|really\\s+|simply\\s+)?(?:enjoy|love|like|live\\s+for|can${A}t\\s+help|never\\s+learn|will\\s+never)\\b`,
        `\\b(?:thanks?|thx|ty)\\s+(?:you\\s+|u\\s+)?(?:so|ever\\s+so|soo+)\\s+much\\b`,
        `🙄|😒|🤦|🙃|🐌|\\/s\\b`,
        `\\bwho\\s+(?:would\\s+have|could\\s+have|${A}d\\s+have)\\s+(?:guessed|thought|known)\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'belittles another organisation',
    named: true,
    pattern: new RegExp(
      [
        `\\bat\\s+least\\s+(?:our|we|ours|here|in\\s+(?:our|this)\\s+\\w+)\\b`,
        `\\b(?:maybe|perhaps)\\s+they\\s+(?:could|should|can|might)\\s+(?:\\w+\\s+)?(?:borrow|learn|take|ask|copy|try|come|pop|get)`,
        `\\b(?:could|should|might)\\s+learn\\s+a\\s+thing\\s+or\\s+two`,
        `\\btake\\s+a\\s+leaf\\s+out\\s+of\\s+our\\s+book`,
        `\\bnot\\s+sure\\s+what\\s+(?:\\S+\\s+){1,6}?(?:are|is)\\s+doing\\b`,
        `\\b(?:small|minor)\\s+miracle\\b`,
        `\\bwe${A}?d\\s+(?:do|fix|sort)\\s+it\\s+ourselves\\b`,
        `\\bprove\\s+it\\s+every\\s+(?:single\\s+)?(?:day|week|time)\\b`,
        `\\b(?:need|needs|needed)\\s+(?:a|another)\\s+(?:committee|survey|consultation|study|working\\s+group)(?:,|\\s+and|\\s+to)`,
        `\\bhow\\s+hard\\s+can\\s+it\\s+(?:be|really\\s+be)\\b`,
        `\\b(?:asleep\\s+at\\s+the\\s+wheel|couldn${A}t\\s+organise)\\b`,
      ].join('|'),
      'g',
    ),
  },
];

/**
 * Signals added for councils in other styles (#12): each a construction, with its target rule. Each
 * is asked only of a post that holds one of its `keys` (a word at a word start), so that the many
 * constructions cost a post only the few it may hold.
 */
const MORE_SIGNALS: readonly KeyedSignal[] = [
  {
    reason: 'mocks how often someone complains',
    keys: ['anything else', 'is there anything'],
    identified: true,
    pattern: new RegExp(
      [
        `\\b(?:do|does)\\s+${SUBJECT}\\s+ever\\s+do\\s+anything\\s+else\\b(?!\\s+(?:on|at|in|this|for|with|at)\\b)`,
        `\\bis\\s+there\\s+anything\\s+${SUBJECT}\\s+(?:don${A}t|doesn${A}t|do\\s+not|does\\s+not|won${A}t|wouldn${A}t)\\s+(?:complain|moan|whinge|object|grumble|have\\s+an\\s+opinion)`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'says someone has nothing better to do',
    keys: ['better to do'],
    identified: true,
    pattern: new RegExp(
      [
        `\\b(?:have|has|haven${A}t|hasn${A}t)\\s+${SUBJECT}\\s+(?:not\\s+)?got\\s+(?:anything|nothing)\\s+better\\s+to\\s+do(?!\\s+(?:on|this|tonight|today|tomorrow|at|than|over)\\b)`,
        `\\b(?:do|does|don${A}t|doesn${A}t)\\s+${SUBJECT}\\s+(?:not\\s+)?have\\s+(?:anything|nothing)\\s+better\\s+to\\s+do(?!\\s+(?:on|this|tonight|today|tomorrow|at|than|over)\\b)`,
        `\\b(?:${SUBJECT}|some\\s+(?:people|folk))\\s+(?:(?:really|clearly|obviously|just|must|do|does)\\s+)*(?:have|has|ha[sv]e\\s+got|got)\\s+nothing\\s+better\\s+to\\s+do(?!\\s+(?:on|this|tonight|today|tomorrow|at|than|over)\\b)`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'mocks someone for coming back again',
    ordinal: true,
    keys: [
      'oh look', 'look who', 'well well', 'well, well', 'guess who', 'here come', 'ah ', 'ah,', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh',
      'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'umpteenth', 'nth', 'hundredth', 'millionth', 'again ask', 'again compl', 'again rais',
      'again email', 'again object', 'again moan', 'again wr', 'again call', 'again rang', 'again demand', 'again quer', 'again quest', 'u again',
      'you again', 'sighed', 'groaned', 'rolled their',
    ],
    weak: true,
    identified: true,
    pattern: new RegExp(
      [
        `\\b(?:oh\\s+look|look\\s+who|well,?\\s+well|guess\\s+who|here\\s+comes?|ah)\\b[^.!?\\n]{0,40}?\\bagain\\b`,
        // A count of someone's complaints in a span of time: "third complaint this week".
        `\\b${ORDINAL}\\s+(?:\\w+\\s+)?(?:email|e-mail|message|msg|text|complaint|comment|call|post|letter|moan|objection|grievance|question|query|enquiry)s?\\s+(?:[\\w'’]+\\s+){0,4}?(?:this\\s+(?:week|wk|month|morning|year)|today|2day|since\\s+${WEEKDAY}|in\\s+(?:a|one)\\s+(?:week|day|month))\\b`,
        `\\bfor\\s+the\\s+${ORDINAL}\\s+time\\b(?=\\s*[,;:—–]|\\s+(?:this|today|since|that|now|running|in\\s+(?:a|one)))`,
        // "Cllr Okafor again asked", "u again??".
        `\\b(?:(?:cllr|councillor|mr|mrs|ms|miss|dr)\\.?\\s+[\\w'’-]+|he|she)\\s+(?:has\\s+)?(?:once\\s+|yet\\s+)?again\\s+(?:asked|complained|raised|emailed|objected|moaned|wrote|written|called|rang|demanded|queried|questioned)\\b`,
        `\\b(?:you|u)\\s+again\\s*\\?`,
        // Minutes that record the room's exasperation: "Members sighed."
        `\\b(?:members|everyone|the\\s+room|officers|councillors)\\s+(?:sighed|groaned|rolled\\s+their\\s+eyes)\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'mocks how much someone writes',
    keys: [
      'essay', 'novel', 'saga', 'thesis', 'dissertation', 'epistle', 'manifesto', 'tome', 'opus', 'riveting', 'gripping', 'thrilling', 'compelling',
      'enthralling', 'paragraphs of', 'pages of', 'words of', 'sides of',
    ],
    weak: true,
    identified: true,
    pattern: new RegExp(
      [
        `\\b(?:wonderful|lovely|great|fascinating|riveting|gripping|thrilling|compelling|charming|delightful|cracking|epic|interesting|enthralling)\\s+(?:essay|novel|saga|thesis|dissertation|epistle|manifesto|tome|opus)\\b`,
        `\\b(?:riveting|gripping|thrilling|compelling|enthralling)\\s+read\\b`,
        `\\ball\\s+(?:[\\d,]+|\\w+)\\s+(?:paragraphs|pages|words|sides)\\s+of\\s+it\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'mocks how much someone writes',
    keys: ['was there a', 'audience', 'publisher', 'soapbox', 'medal', 'book deal', 'applause', 'pat on', 'fan club', 'biographer'],
    identified: true,
    pattern: new RegExp(
      [
        `\\bwas\\s+there\\s+a\\s+(?:question|point)\\s+(?:in\\s+there|somewhere|buried|hidden)`,
        `\\b(?:did|do)\\s+${YOU}\\s+(?:want|need|expect)\\s+(?:an?\\s+)?(?:actual\\s+|proper\\s+|real\\s+)?(?:answer|reply|response)\\s+or\\s+(?:just\\s+)?(?:an?\\s+)?(?:audience|publisher|soapbox|medal|book\\s+deal|round\\s+of\\s+applause|pat\\s+on\\s+the\\s+back|fan\\s+club|biographer)\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'mocks someone as loving the sound of their own voice',
    keys: ['own voice'],
    identified: true,
    pattern: new RegExp(`\\b(?:love|loves|loving|like|likes|enjoy|enjoys|fond\\s+of)\\s+the\\s+sound\\s+of\\s+(?:his|her|your|their|ur)\\s+own\\s+voice`, 'g'),
  },
  {
    reason: "mocks someone's attendance",
    keys: ['a single', 'one single', 'even one', 'just one', 'the odd', 'so much as'],
    identified: true,
    pattern: new RegExp(
      [
        // "If Cllr Dyer turned up to the odd meeting", "maybe if you'd attended even one event".
        `\\bif\\s+(?:[\\w'’.-]+\\s+){1,4}?(?:came|come|went|turned\\s+up|showed\\s+up|attended|bothered\\s+to\\s+(?:come|attend|turn\\s+up|read)|read)\\s+(?:to\\s+|at\\s+)?(?:a\\s+single|one\\s+single|even\\s+one|just\\s+one|the\\s+odd|so\\s+much\\s+as\\s+one)\\s+(?:\\w+\\s+)?(?:meeting|session|event|surgery|consultation|page|paragraph|email|update)s?\\b`,
        // "who has not been to a single meeting in two years".
        `\\b(?:not|never|n${A}t)\\s+(?:once\\s+|even\\s+)?(?:having\\s+)?(?:been|come|gone|turned\\s+up|shown\\s+up|attended)\\s+(?:to\\s+|at\\s+)?(?:a\\s+single|one\\s+single|even\\s+one)\\s+(?:\\w+\\s+)?(?:meeting|session|event|surgery|consultation)s?\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'talks down to someone',
    keys: [
      'crayons', 'diagram', 'flowchart', 'flow chart', 'draw them', 'draw him', 'draw her', 'draw you', 'draw u ', 'picture book', 'picture-book', 'colouring', 'coloring', 'idiot', 'dummies', 'work out how', 'figure out how', 'understand how', 'grasp how',
      'master how', 'explain how', 'show them how', 'show him how', 'show her how', 'show you how', 'could try', 'might try', 'should try',
      'could consider', 'might consider', 'should consider',
    ],
    identified: true,
    pattern: new RegExp(
      [
        // Infantilising: crayons, a diagram, the picture-book version.
        `\\b(?:send|lend|give|get|buy|bring|post)\\s+(?:(?:you|u|them|him|her)\\s+)?(?:some\\s+|a\\s+(?:box|pack|set)\\s+of\\s+)?crayons(?=\\s*(?:[.!?…,;)]|$|[\\uD83C-\\uD83E\\u2600-\\u27BF]))`,
        `\\bdraw\\s+(?!us\\b|me\\b)(?:[\\w'’-]+\\s+){1,3}?an?\\s+(?:picture|diagram|map|flowchart|flow\\s+chart)\\b`,
        `\\b(?:picture|colouring|coloring)[- ]book\\s+version\\b|\\b(?:idiot|dummies)${A}s?\\s+guide\\b`,
        // Incompetence at something simple: "still trying to work out how a booking form works".
        `\\b(?:still\\s+)?(?:trying|struggling|learning)\\s+to\\s+(?:work\\s+out|figure\\s+out|understand|grasp|master)\\s+how\\s+(?:a|an|to)\\b`,
        // An offer to teach someone their own job: "perhaps they'd like us to explain how a timetable works?"
        `\\b(?:perhaps|maybe)\\b[^.!?\\n]{0,60}?\\b(?:like|want|need)s?\\s+(?:us|someone|somebody)\\s+to\\s+(?:[\\w'’]+\\s+){0,4}?(?:explain|show\\s+(?:them|him|her|you))\\s+how\\s+(?:a|an)\\s+\\w+(?:\\s+\\w+)?\\s+works?\\b`,
        // A patronising suggestion: "Perhaps Cllr Webb could try reading the papers".
        `\\b(?:perhaps|maybe)\\s+(?:(?:cllr|councillor|mr|mrs|ms|miss|dr)\\.?\\s+[\\w'’-]+(?:\\s+[\\w'’-]+)?|he|she|they|the\\s+(?:\\w+\\s+)?(?:council|authority|highways|company|club|clerk|contractors?))\\s+(?:could|might|should)\\s+(?:try|consider)\\s+(?:actually\\s+)?(?:reading|attending|turning\\s+up|showing\\s+up|listening|opening)\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'talks down to someone',
    keys: ['bless', 'still think', 'still believ', 'still reckon', 'wisdom'],
    weak: true,
    identified: true,
    pattern: new RegExp(
      [
        `(?<=^|[.!?…]\\s+)bless(?=\\s+(?!you\\b|u\\b|us\\b|all\\b|every|our\\b|them\\s+all))`,
        `\\b(?:he|she|they|you|u)\\s+still\\s+(?:thinks?|believes?|reckons?)\\b`,
        `\\bin\\s+(?:his|her|their|its|your|ur)\\s+wisdom\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: "sarcasm about someone's wisdom",
    keys: ['wisdom'],
    identified: true,
    pattern: new RegExp(`\\bin\\s+(?:his|her|their|its|your|ur)\\s+(?:infinite|great|boundless|collective|usual)\\s+wisdom\\b`, 'g'),
  },
  {
    reason: 'sarcasm that someone is slow to see the obvious',
    keys: ['discovered', 'realised', 'realized', 'worked out', 'noticed', 'found out', 'figured out', 'cottoned', 'woken up', 'twigged', 'learned', 'learnt'],
    identified: true,
    pattern: new RegExp(
      // A discovery told of someone, then the verdict that mocks it: "have discovered that grass grows in
      // summer. Better late than never"; not "Who knew? The club have discovered that their founder…".
      `\\b(?:have|has|had)\\s+(?:finally\\s+|only\\s+just\\s+|just\\s+|at\\s+(?:long\\s+)?last\\s+|now\\s+)?${DISCOVERED}\\s+(?:that|to|where|what|how|when|why|which)\\b[^\\n]{0,160}?\\b(?:who\\s+knew|better\\s+late\\s+than\\s+never|(?:only\\s+)?took\\s+(?:them|him|her)\\s+\\w+|about\\s+time)\\b(?![^\\n]{0,40}\\b(?:thank|thanks|well\\s+done|congrat))`,
      'g',
    ),
  },
  {
    reason: 'sarcasm that someone is slow to see the obvious',
    keys: [
      'discovered', 'realised', 'realized', 'worked out', 'noticed', 'found out', 'figured out', 'cottoned', 'woken up', 'twigged', 'learned', 'learnt', 'breaking news',
      'news flash', 'newsflash', 'stop press', 'hold the front', 'who knew', 'better late',
    ],
    weak: true,
    identified: true,
    pattern: new RegExp(
      [
        `\\b(?:have|has|had)\\s+(?:finally|only\\s+just|at\\s+(?:long\\s+)?last)\\s+${DISCOVERED}\\s+(?:that|to|where|what|how|when|why|which)\\b`,
        `(?<=^|[.!?…]\\s+)(?:breaking\\s+news|news\\s*flash|stop\\s+press|hold\\s+the\\s+front\\s+page)\\b`,
        `\\bwho\\s+knew\\b`,
        `\\bbetter\\s+late\\s+than\\s+never\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'says someone ignores the facts',
    keys: ['facts get', 'facts spoil', 'facts ruin'],
    identified: true,
    pattern: new RegExp(`\\b(?:let|lets|letting)\\s+(?:the\\s+|any\\s+)?facts\\s+(?:get\\s+in\\s+the\\s+way|spoil|ruin)`, 'g'),
  },
  {
    reason: 'sneers at someone',
    keys: [
      'never one', 'good moan', 'good whinge', 'good grumble', 'good rant', 'good grievance', 'nice little', 'proper moan', 'proper whinge',
      'proper grumble', 'proper rant', 'proper grievance',
    ],
    weak: true,
    identified: true,
    pattern: new RegExp(
      [
        `\\bnever\\s+one\\s+to\\s+(?:miss|let|pass\\s+up|resist)\\b`,
        `\\ba\\s+(?:good|nice\\s+little|proper)\\s+(?:moan|whinge|grumble|rant|grievance)\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'sarcasm that someone need not do their job',
    keys: ['optional', 'suggestion', 'beneath', 'too much to ask', 'alien concept', 'foreign concept'],
    identified: true,
    pattern: new RegExp(
      [
        // "optional for some", "just a suggestion for some councillors", "optional over there".
        `\\b(?:optional|(?:just\\s+|merely\\s+)?a\\s+suggestion|beneath\\s+them)\\s+(?:for|to)\\s+(?:some|certain)\\b(?:\\s+(?:people|folk|members|councillors|officers|staff|of\\s+(?:us|them|our\\s+\\w+)))?(?=\\s*(?:[.!?,;:…)]|$|[\\uD83C-\\uD83E\\u2600-\\u27BF]))`,
        `\\boptional\\s+(?:over\\s+there|at\\s+(?:their|his|her)\\s+(?:end|office|depot))`,
        `\\b(?:is|are|was|were)\\s+(?:apparently\\s+|evidently\\s+|clearly\\s+|obviously\\s+|seemingly\\s+|now\\s+)*beneath\\s+(?:him|her|them|you|his\\s+dignity|her\\s+dignity|their\\s+dignity)(?=\\s*(?:[.!?,;:…)]|$))`,
        `\\b(?:apparently|evidently|seemingly|it\\s+seems|clearly|obviously)\\s+(?:\\w+ing|deadlines|manners|punctuality|attendance|the\\s+rules|rules)\\b[^.!?\\n]{0,40}?\\b(?:is|are)\\s+(?:(?:now|just|merely|an?)\\s+)*(?:optional|(?:a\\s+)?suggestion|too\\s+much\\s+to\\s+ask|(?:alien|foreign)\\s+concept)(?!\\s+(?:for|to)\\s+(?:all|everyone|children|under|over|the))`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: "sneers at someone's habit",
    keys: ['ending in', 'ending with', 'ends in', 'ends with', 'must be mon', 'must be tue', 'must be wed', 'must be thu', 'must be fri', 'must be sat',
      'must be sun', 'must be a mon', 'must be a tue', 'must be a wed', 'must be a thu', 'must be a fri', 'must be a sat', 'must be a sun',
    ],
    identified: true,
    pattern: new RegExp(
      [
        `\\bmust\\s+be\\s+(?:an?\\s+)?(?:day|month|week|year)\\s+(?:ending|that\\s+ends)\\s+(?:in|with)\\b`,
        `\\?\\s+must\\s+be\\s+(?:a\\s+)?${WEEKDAY}\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: "sneers at someone's habit",
    keys: ['clockwork', 'on cue', 'set your watch', 'set our watch', 'set a watch', 'night follows', 'here we go', 'so it begins', 'another day',
      'another week', 'another month', 'another year', 'another meeting', 'another mon', 'another tue', 'another wed', 'another thu',
      'another fri', 'another sat', 'another sun',
    ],
    weak: true,
    identified: true,
    pattern: new RegExp(
      [
        `\\b(?:regular\\s+as|like)\\s+clockwork\\b`,
        `\\bright\\s+on\\s+cue\\b`,
        `\\bset\\s+(?:your|our|a)\\s+watch\\s+by\\b`,
        `\\bas\\s+(?:sure\\s+as\\s+)?night\\s+follows\\s+day\\b`,
        `\\bhere\\s+we\\s+go\\s+again\\b`,
        `\\band\\s+so\\s+it\\s+begins\\b`,
        `\\banother\\s+(?:day|week|month|year|meeting|${WEEKDAY}),?\\s+another\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: "dismisses someone's views as a lecture",
    keys: ['spare us', 'spare me', 'lectur', 'lesson', 'telling', 'to be lectur', 'to be told', 'to be taught'],
    identified: true,
    pattern: new RegExp(
      [
        `\\bspare\\s+(?:us|me)\\s+(?:the|your|another)\\s+(?:lecture|sermon|lesson|speech|sob\\s+story|drama|rant)`,
        `\\b(?:don${A}t|do\\s+not|won${A}t|will\\s+not)\\s+(?:really\\s+)?(?:need|want|take|accept)\\s+(?:any\\s+)?(?:lectures?|lessons?|lecturing|telling|to\\s+be\\s+(?:lectured|told|taught))\\s+(?:[\\w'’]+\\s+){0,6}?(?:from|by)\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: "dismisses someone's views as a newcomer's",
    keys: ['take advice', 'take lesson', 'take lectur', 'take instruction', 'lived here', 'been here', 'moved here'],
    weak: true,
    identified: true,
    pattern: new RegExp(
      [
        `\\bwe${A}?ll\\s+take\\s+(?:advice|lessons|lectures|instruction)\\s+(?:[\\w'’]+\\s+){0,6}?from\\s+(?:people|someone|anyone|those)\\s+who`,
        `\\b(?:lived|been)\\s+here\\s+(?:for\\s+)?(?:(?:longer|more)\\s+than\\s+)?(?:five|5|two|2|ten|a\\s+few|a\\s+couple\\s+of|a)\\s+(?:minutes|mins|seconds|weeks|days|fortnight|week|month)\\b`,
        `\\bmoved\\s+here\\s+(?:last\\s+(?:week|month|spring|summer|year|autumn|winter|${WEEKDAY})|five\\s+minutes\\s+ago|yesterday)\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'mocks someone with a sarcastic name',
    keys: ['einstein', 'sherlock', 'columbo', 'poirot', 'captain obvious', 'mastermind', 'genius', 'smart a', 'smart-a', 'smartarse', 'smartass', 'smart p', 'smartpants', 'smart alec', 'smarty', 'clever clogs', 'bright spark'],
    identified: true,
    pattern: new RegExp(
      [
        `\\b(?:well\\s+spotted|well\\s+done|nice\\s+one|nice\\s+try|good\\s+one|thanks|thank\\s+you|cheers|ok|okay|sure|yes|no\\s+kidding|bravo|top\\s+work|great\\s+work|brilliant)\\s*,?\\s*(?:einstein|sherlock|columbo|poirot|captain\\s+obvious|mastermind|genius|smart\\s*-?\\s*(?:arse|ass|pants|alec)|smarty\\s*-?\\s*pants|clever\\s+clogs|bright\\s+spark)(?=\\s*(?:[.!?,;:…—–-]|$))`,
        `,\\s*(?:einstein|sherlock|captain\\s+obvious|smart\\s*-?\\s*(?:arse|ass|pants|alec)|smarty\\s*-?\\s*pants|clever\\s+clogs|bright\\s+spark)(?=\\s*(?:[.!?…]|$))`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'tells someone their opinion is unwanted',
    keys: ['not that any', 'not that we', 'when we want', 'when we need', 'ignored', 'binned', 'filed'],
    answered: true,
    pattern: new RegExp(
      [
        `\\bnot\\s+that\\s+(?:any(?:one|body)|we)\\s+asked\\b`,
        `\\bwhen\\s+we\\s+(?:want|need)\\s+(?:your|ur)\\s+(?:opinion|views?|advice|input|thoughts)`,
        `\\b(?:noted|received|read)[.,!]*\\s+(?:and\\s+)?(?:ignored|binned|(?:filed|put)\\s+(?:straight\\s+)?(?:in|under|into)\\s+(?:the\\s+)?(?:bin|shredder|b\\s+for\\s+bin))\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'says someone cannot keep up (something is too hard for them)',
    keys: [
      'too complicated', 'too difficult', 'too hard', 'too confusing', 'too taxing', 'too challenging', 'too complex', 'too much for',
      'too long for',
    ],
    identified: true,
    pattern: new RegExp(
      `(?<!\\b(?:if|when|whether|unless|in\\s+case|may|might|could|know|understand|appreciate|realise|realize|recognise|recognize|heard|feel|think)\\b[^.!?\\n]{0,60})\\btoo\\s+(?:complicated|difficult|hard|confusing|taxing|challenging|complex|much|long)\\s+for\\s+(?:you|u|him|her|them|(?:cllr|councillor|mr|mrs|ms|miss|dr)\\.?\\s+[\\w'’-]+)(?:\\s+to\\s+(?:read|follow|understand|grasp|manage|cope\\s+with))?\\b(?![^.!\\n]*\\?)`,
      'g',
    ),
  },
  {
    reason: 'implies someone falls short of "some of us"',
    keys: ['some of us'],
    identified: true,
    pattern: new RegExp(
      `\\bsome\\s+of\\s+us\\s+(?:(?:actually|still|also)\\s+)?(?:have\\s+(?:actual\\s+|real\\s+|proper\\s+)?(?:jobs|lives|work\\s+to\\s+do|better\\s+things\\s+to\\s+do)|(?:actually|do|did)\\s+(?:read|work|turn\\s+up|bother|listen|check|pay\\s+attention)|read\\s+(?:the|our|their)\\s+(?:agenda|papers|minutes|post|notice|report|emails?|letter|small\\s+print)|turn\\s+up|bother|pay\\s+attention)\\b`,
      'g',
    ),
  },
  // ---- Idioms of sarcasm and put-downs in replies and posts: each names what it mocks. ----
  {
    reason: 'mocks someone with a sarcastic idiom',
    keys: [
      'pound for', 'penny for', 'quid for', 'fiver for', 'rattled', 'wrong side of', 'bit rich', 'a bit rich', 'rather rich', 'pretty rich', 'pigs',
      'moon is', 'yeah right', 'yeah, right', 'whatever you say', 'whatever u say', 'fun at parties', 'own hands', 'much time on', 'much free time',
      'much spare time', 'revolve', 'tin foil', 'tinfoil', 'conspiracy', 'slowly this time', 'as good as your', 'as bad as your', 'always this',
      'list of things', 'list of stuff', 'spent as much', 'spent half as', 'your mum', 'your mummy', 'your mom', 'your mother', 'your dad',
      'your daddy', 'masterclass in', 'think it', 'thinks it', 'reckon it', 'reckons it', 'where else', 'leading expert', 'resident expert', 'foremost expert',
      'self-appointed', 'self appointed', 'realise you', 'realise he', 'realise she', 'bless your', 'bless his', 'bless her', 'bless their', 'calm down', 'strong point',
      'strong suit', 'forte', 'wrong again', 'degree in', 'phd in', 'doctorate in',
    ],
    identified: true,
    pattern: new RegExp(
      [
        `\\bif\\s+(?:i|we)\\s+had\\s+a\\s+(?:pound|penny|quid|fiver|pound\\s+coin)\\s+for\\s+every\\b(?![^.!?\\n]{0,40}\\b(?:lovely|kind|thank|nice|wonderful|great|compliment|smile|volunteer))`,
        `\\bwho\\s+rattled\\s+(?:your|his|her|their)\\s+cage\\b|\\bgot\\s+out\\s+of\\s+(?:bed\\s+on\\s+)?the\\s+wrong\\s+side\\s+of\\s+(?:the\\s+)?bed\\b`,
        `\\b(?:a\\s+)?(?:bit|rather|pretty)\\s+rich\\s+(?:coming\\s+)?from\\b`,
        `\\bpigs\\s+(?:might|will|can|may)\\s+fly\\b|\\bmoon\\s+is\\s+made\\s+of\\s+(?:green\\s+)?cheese\\b|\\byeah,?\\s+right\\b|\\bwhatever\\s+${YOU}\\s+say\\b`,
        `\\b(?:must\\s+be|are|is|you${A}re)\\s+(?:great|such|so\\s+much|a\\s+lot\\s+of|real)\\s+fun\\s+at\\s+parties\\b`,
        `\\b(?:this|that|so|too)\\s+much\\s+(?:free\\s+|spare\\s+)?time\\s+on\\s+(?:your|his|her|their|ur)\\s+hands\\b`,
        `\\b(?:world|universe|town|village|council)\\s+(?:does\\s*n${A}t|does\\s+not|doesn${A}t)\\s+revolve\\s+around\\s+(?:you|your|him|her|them)\\b`,
        `\\btin\\s*-?\\s*foil\\s+hats?\\b|\\b(?:not\\s+everything\\s+is|been\\s+at\\s+the)\\s+(?:a\\s+)?conspiracy\\b`,
        `\\bslowly\\s+this\\s+time\\b`,
        `\\b(?:your|his|her)\\s+\\w+\\s+(?:is|are)\\s+(?:about\\s+)?as\\s+(?:good|bad|reliable|accurate)\\s+as\\s+(?:your|his|her)\\s+\\w+`,
        `\\b(?:are|is)\\s+(?:you|u|he|she)\\s+always\\s+this\\s+(?:rude|grumpy|negative|angry|pleasant|charming|delightful|cheerful|unpleasant|aggressive|helpful)\\b`,
        `\\blist\\s+of\\s+(?:things|stuff)\\s+(?:you|he|she|they)${A}(?:re|s|\\s+are|\\s+is)?\\s+(?:upset|angry|cross|unhappy|complaining|moaning|whingeing|whinging|annoyed)\\s+about\\b`,
        `\\bif\\s+(?:you|u|he|she|they)\\s+spent\\s+(?:half\\s+)?as\\s+much\\s+time\\b`,
        `\\b(?:did|does|do)\\s+(?:your|ur)\\s+(?:mum|mummy|mom|mother|dad|daddy)\\s+(?:write|help|know|let|type)\\b`,
        `\\bmasterclass\\s+in\\s+(?:how\\s+not\\s+to|saying\\s+nothing|waffle|waffling|incompetence|missing\\s+the\\s+point|hot\\s+air|\\w+ing\\s+nothing)\\b`,
        `\\bif\\s+(?:you|u|he|she|they)\\s+(?:think|thinks|reckon|reckons)\\s+(?:it${A}?s|it\\s+is|it${A}d\\s+be)\\s+(?:so\\s+|that\\s+)?(?:easy|simple)\\b`,
        `\\bnot\\s+sure\\s+where\\s+else\\s+(?:we|you)\\s+(?:could|should|can)\\s+(?:have\\s+)?(?:put|post|posted|advertise|advertised|display|displayed|publish|published)\\b`,
        `\\b(?:didn${A}t|did\\s+not)\\s+realise\\s+(?:you|he|she)\\s+(?:were|was)\\s+(?:the|our)\\s+(?:[\\w'’]+\\s+)?(?:leading|foremost|resident|greatest|biggest|top|premier|chief|only)\\s+(?:expert|authority|engineer|lawyer|planner|specialist)`,
        `\\blet\\s+us\\s+know\\s+when\\s+(?:you${A}ve|you\\s+have|he${A}s|she${A}s|they${A}ve)\\s+(?:finished|got|completed|passed|earned)\\s+(?:your|his|her|their)\\s+(?:degree|phd|doctorate)\\s+in\\b`,
        `\\bself-?\\s*appointed\\s+(?:expert|guardian|spokes(?:man|woman|person)|champion|inspector|judge)\\b`,
        `\\bbless\\s+(?:your|his|her|their)\\s+(?:heart|cotton\\s+socks|little\\s+\\w+)\\b`,
        `\\b(?:is|are|isn${A}t|aren${A}t|is\\s+not|are\\s+not|was\\s+never|were\\s+never|never\\s+been)\\s+(?:exactly\\s+|clearly\\s+|obviously\\s+|really\\s+)?(?:your|his|her|their|ur)\\s+(?:strong\\s+(?:point|suit)|forte)\\b`,
        `(?<=^|[.!?…]\\s+)wrong\\s+again,?\\s+(?!sorry|apolog|we\\b|us\\b|our\\b|i\\b)(?=\\S)`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'mocks someone with a sarcastic idiom',
    keys: [
      'karen', 'zoomer', 'millennial', 'grandad', 'granddad', 'grandpa', 'grandma', 'granny', 'hun', 'sweetie', 'typical', 'old timer', 'keep up', 'sonny',
      'kiddo', 'because you', 'because u', 'because he', 'because she', 'better job', "someone's", 'someone’s', "somebody's", 'somebody’s',
    ],
    answered: true,
    pattern: new RegExp(
      [
        `(?<=^|[.!?…]\\s+)(?:do\\s+)?keep\\s+up(?=\\s*(?:,|[.!?…]|$))`,
        `\\b(?:ok|okay)\\s+karen(?=\\s*(?:[.!?…]|$))`,
        `\\b(?:ok|okay|alright|sure|calm\\s+down),?\\s+(?:zoomer|millennial|grandad|granddad|grandpa|grandma|granny|hun|sweetie)\\b`,
        `\\btypical\\s+(?:millennial|gen\\s*z|zoomer|snowflake|pensioner|oap|teenager|karen|nimby)\\b`,
        `,\\s*(?:old\\s+timer|sonny(?:\\s+jim)?|kiddo)(?=\\s*(?:[.!?…]|$))`,
        `\\bbecause\\s+(?:you|u|he|she)${A}?(?:d|\\s+would|\\s+could|\\s+know|\\s+are|re)\\s+(?:obviously|clearly|of\\s+course|naturally|definitely)\\b`,
        `\\b(?:you|u)${A}?d\\s+(?:obviously\\s+|clearly\\s+|of\\s+course\\s+|no\\s+doubt\\s+)?do\\s+(?:a\\s+)?(?:much\\s+|far\\s+|so\\s+much\\s+|a\\s+lot\\s+)?better\\s+job\\b`,
        `\\bsome(?:one|body)${A}s\\s+(?:a\\s+bit\\s+|very\\s+|rather\\s+)?(?:grumpy|cross|angry|touchy|tetchy|sensitive|triggered|upset|salty|rattled|tired)\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'mocks someone with a sarcastic idiom',
    keys: [
      'slow clap', 'calm down', "it's only", 'it’s only', 'masterpiece', 'triumph', 'marvel of', 'make it up', 'just saying', 'lol', 'oh wait', 'genius idea', 'genius plan', 'genius suggestion', 'bright idea', 'bright plan', 'bright suggestion', 'brilliant idea', 'brilliant plan', 'brilliant suggestion',
      'why didn', 'scroll up', 'and the day before', 'and the week before', 'and the time before', 'fingers crossed', 'long list', 'work of fiction',
      'noted', 'idea of', 'of the last', 'for turning', 'kindly offered', 'kindly shared', 'kindly given', 'kindly provided', 'proving', 'as usual', 'as ever', 'as always', 'once again', 'yet again', 'wrong end',
    ],
    weak: true,
    identified: true,
    pattern: new RegExp(
      [
        `\\bslow\\s+clap\\b`,
        `(?<=^|[.!?…]\\s+|,\\s*)calm\\s+down(?:,?\\s+(?:dear|love|mate|hun|sweetheart|sunshine))?(?=\\s*(?:[,.!?…]|$))`,
        `\\bit${A}s\\s+only\\s+an?\\s+(?:bin|bench|pothole|hedge|tree|sign|bollard|puddle|leaflet|form|email|post|bit\\s+of\\s+\\w+)(?=\\s*(?:[.!?…]|$))`,
        `\\b(?:another\\s+|a\\s+|what\\s+a\\s+)?(?:masterpiece|triumph|marvel)\\s+of\\s+(?:planning|organisation|organization|engineering|communication|efficiency|timing|customer\\s+service|joined-up\\s+thinking)\\b`,
        `\\b(?:you|we)\\s+(?:couldn${A}t|could\\s+not)\\s+make\\s+it\\s+up\\b`,
        `\\bjust\\s+saying\\b`,
        `\\blol,?\\s+(?:ok|okay|sure|right|whatever)\\b`,
        `\\boh\\s+wait\\b`,
        `\\b(?:genius|bright|brilliant)\\s+(?:idea|plan|suggestion)\\b(?=,?\\s+(?:[a-z]+|mr|mrs|ms|cllr)\\b[^.!?\\n]{0,20}[.!?])`,
        `\\bwhy\\s+(?:didn${A}t|did\\s+not|haven${A}t|hadn${A}t)\\s+we\\s+think\\s+of\\s+that\\b`,
        `(?<=^|[.!?…]\\s+)scroll\\s+up\\b`,
        `(?<=^|[.!?…]\\s+)and\\s+the\\s+(?:day|week|time|month)\\s+before(?:\\s+that)?\\s*[.!]`,
        `\\bfingers\\s+crossed\\s+for\\s+next\\s+(?:year|time|week|month)\\b`,
        `(?<=^|[.!?…]\\s+)it${A}s\\s+a\\s+(?:very\\s+)?long\\s+list\\b`,
        `\\b(?:just\\s+)?a\\s+work\\s+of\\s+fiction\\b`,
        `(?<=^|[.!?…]\\s+)noted\\s*[.!]*\\s*$|(?<=^|[.!?…]\\s+)noted\\.(?=\\s)`,
        `\\b(?:their|his|her|your)\\s+idea\\s+of\\s+(?:a\\s+|an\\s+)?(?=["'‘“])`,
        `\\bmissed\\s+(?:\\w+|\\d+)\\s+of\\s+the\\s+last\\s+(?:\\w+|\\d+)\\s+(?:meetings|sessions)\\b`,
        `\\bfor\\s+turning\\s+(?:a|an|our|the|my)\\s+[^.!?\\n]{0,40}?\\binto\\s+(?:a|an)\\b`,
        `\\b(?:has|have)\\s+kindly\\s+(?:offered|shared|given|provided)\\s+(?:us\\s+)?(?:his|her|their)\\s+(?:expert\\s+)?(?:opinion|views|thoughts|wisdom|advice)\\b`,
        `\\bproving\\s+(?:every\\s+(?:single\\s+)?(?:day|week|time)|once\\s+again|yet\\s+again|again)\\s+that\\b`,
        `(?<=^|[.!?…]\\s+)(?:as\\s+usual|as\\s+ever|as\\s+always|once\\s+again|yet\\s+again),?\\s+(?=(?:cllr|councillor|mr|mrs|ms|miss|dr)\\b)`,
        `\\bwrong\\s+end\\s+of\\s+the\\s+stick\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'thanks someone sarcastically for a nuisance',
    // A nuisance praised: "the lovely new pothole" (a notice of a road closure holds neither word).
    keys: NUISANCE_PRAISE.flatMap((praise) => [...NUISANCES, 'new', 'extra', 'additional', 'latest'].map((what) => `${praise} ${what}`)),
    identified: true,
    pattern: new RegExp(
      `\\b(?:thanks|thank\\s+(?:you|u)|cheers|shout[- ]?out|grateful)\\b[^.!?\\n]{0,60}?\\bfor\\s+(?:the|a|another|all\\s+the|our|this|these)\\s+(?:${NUISANCE_PRAISE.join('|')})\\s+(?:new\\s+|extra\\s+|additional\\s+|latest\\s+)?(?:${NUISANCES.join('|')})s?\\b(?!\\s+(?:signs?|maps?|information|info|updates?|plans?|schedule|timetable|notices?|page|website|app|funding|repairs?|fix|route|alerts?))`,
      'g',
    ),
  },
  {
    reason: 'mocks someone with a sarcastic idiom',
    keys: [
      'learned to', 'learnt to', 'learning to', 'learn to', 'learned how', 'learnt how', 'filed it with', 'filed them with', 'seriousness',
      'wouldn', 'would not', 'long on', 'hold your', 'hold his', 'hold her', 'either', 'crayons',
    ],
    identified: true,
    pattern: new RegExp(
      [
        // Infantilising: "has learned to tell the time".
        `\\b(?:learned|learnt|learning|learn)\\s+(?:how\\s+)?to\\s+(?:tell\\s+the\\s+time|count(?:\\s+to\\s+\\w+)?|read\\s+a\\s+(?:map|calendar|clock|timetable|diary)|use\\s+a\\s+(?:calendar|clock|diary|phone|computer|stapler))\\b`,
        `\\bfiled\\s+(?:it|them)\\s+with\\s+(?:all\\s+)?(?:your|his|her|their)\\s+(?:others|other\\s+\\w+)\\b`,
        `\\b(?:treat|give|consider)\\s+(?:it|them)\\s+(?:with\\s+)?(?:all\\s+)?the\\s+seriousness\\s+(?:it|they)\\s+deserves?\\b`,
        `\\b(?:you|he|she|they)\\s+(?:wouldn${A}t|would\\s+not)\\s+know\\s+(?:\\S+\\s+){1,5}?if\\s+(?:it|one)\\s+(?:landed|fell|jumped|walked|sat|kicked|bit|hit|slapped|smacked|stared|waved)\\b`,
        `\\blong\\s+on\\s+\\w+\\s+(?:and|but)\\s+short\\s+on\\b`,
        `\\b(?:not\\s+here\\s+to|can${A}t|cannot|won${A}t|aren${A}t\\s+going\\s+to)\\s+hold\\s+(?:your|his|her|their)\\s+hand\\b`,
        `\\byou\\s+(?:didn${A}t|did\\s+not)\\s+read\\s+(?:[\\w'’]+\\s+){0,3}?either\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'talks down to someone',
    keys: ['crayons'],
    answered: true,
    // Crayons mentioned to the person answered, not at a craft morning.
    pattern: /(?<!\b(?:colouring|coloring|craft|children|kids|competition|art\s+club|paint)\b[^]*)\bcrayons\b(?![^]*\b(?:colouring|coloring|craft|children|kids|competition|art\s+club|paint))/g,
  },
  {
    reason: 'mocks someone with a sarcastic idiom',
    keys: [
      'with respect', 'on discovering', 'on finding', 'on learning', 'on working out', 'on realising', 'on noticing', 'on finally', 'someone there',
      'presumably', 'managed to', 'contrived to', 'locked himself', 'locked herself', 'locked themselves', 'shut himself', 'shut herself',
      'ordered him', 'ordered her', 'ordered them', 'bought him', 'bought her', 'bought them', 'got him', 'got her', 'got them', 'not a natural',
      'bless him', 'bless her', 'bless them', 'seriousness', 'consideration it', 'attention it', 'explain', 'lol', 'lmao', 'rofl', 'haha',
      'imagine', 'we get it', 'join the queue', 'shocking, we', 'surprising, we', 'shock, we', 'surprise, we', 'kids today', 'kids these',
      'kids nowadays', 'youngsters', 'young people today', 'can they', 'can he', 'can she', 'right in front', 'let me guess', 'happy to share',
      'glad to share', 'willing to share', 'happy to give', 'happy to offer', 'dear neighbours', 'dear friends', 'dear colleagues',
      'like everything else', 'under',
    ],
    weak: true,
    identified: true,
    pattern: new RegExp(
      [
        `(?<=^|[.!?…]\\s+)with\\s+(?:the\\s+(?:greatest|utmost)\\s+)?respect,`,
        `\\bon\\s+(?:finally\\s+)?(?:discovering|finding|learning|working\\s+out|realising|realizing|noticing)\\b`,
        `\\b(?:presumably|apparently)\\s+(?:someone|somebody|they|he|she)\\s+(?:there\\s+|at\\s+\\w+\\s+)?(?:has|have)\\s+(?:finally\\s+)?(?:learned|learnt|worked\\s+out|discovered|found)\\b`,
        `\\b(?:managed|contrived)\\s+to\\s+(?:lose|misplace|forget|break|lock|delete|double[- ]book|miss|drop|shred|mislay|fill\\s+(?:one|a\\s+single))\\b`,
        `\\b(?:locked|shut)\\s+(?:himself|herself|themselves)\\s+out\\b`,
        `\\b(?:ordered|bought|got)\\s+(?:him|her|them)\\s+(?:a|an|some)\\s+(?:lanyard|label|name\\s*(?:tag|badge)|sticker|map|bell|whistle|alarm\\s+clock|calendar|diary|abacus|dictionary|calculator|watch)\\b`,
        `\\bnot\\s+a\\s+natural\\s+(?:with|at)\\b`,
        `,\\s*bless\\s+(?:him|her|them)(?=\\s*(?:[.!?…]|$))`,
        `\\b(?:treat|give|consider)\\s+(?:it|them)\\s+(?:with\\s+)?(?:all\\s+)?the\\s+(?:consideration|attention)\\s+(?:it|they)\\s+deserves?\\b`,
        `\\b(?:would|could)\\s+explain\\s+(?:it|this|that|the\\s+\\w+)\\s+to\\s+(?:you|him|her|them)\\b[^.!?\\n]{0,20}\\bbut\\b`,
        `(?<=^|[.!?…]\\s+)(?:lol|lmao|rofl|ha(?:ha)+)\\s*[.!]`,
        `\\bimagine\\s+(?:thinking|believing|expecting|having|being|not)\\b`,
        `\\bwe\\s+get\\s+it\\b(?=\\s*[.!,…])`,
        `\\bjoin\\s+the\\s+queue\\b(?=\\s*(?:[.!,…]|$))`,
        `\\b(?:shocking|surprising|shock|surprise),?\\s+(?:we|i)\\s+know\\b`,
        `\\b(?:kids|youngsters|young\\s+people)\\s+(?:today|these\\s+days|nowadays)\\b`,
        `,\\s*can${A}?t?\\s+(?:they|he|she)\\s+[a-z]+\\s*\\?`,
        `\\bright\\s+in\\s+front\\s+of\\s+(?:you|your\\s+(?:face|nose|eyes))\\b`,
        `(?<=^|[.!?…]\\s+)let\\s+me\\s+guess\\b`,
        `\\b(?:happy|glad|willing)\\s+to\\s+(?:share|give|offer|pass\\s+on)\\s+(?:a\\s+few\\s+|some\\s+)?(?:tips|pointers|lessons)\\b`,
        `\\bdear\\s+(?:neighbours|friends|colleagues)\\s+(?:at|in|over\\s+at)\\b`,
        `\\blike\\s+everything\\s+else\\b(?=\\s*[.!]|$)`,
        `\\bunder\\s+["'‘“]?[a-z]["'’”]?\\s+for\\b`,
      ].join('|'),
      'g',
    ),
  },
];

/**
 * Every signal in one expression, so that a post is read once: a capture group per signal, in order.
 * The signals' own groups are all non-capturing.
 */
const ALL_SIGNALS = new RegExp(SIGNALS.map(({ pattern }) => `(${pattern.source})`).join('|'), 'g');
export const SIGNAL_COUNT = SIGNALS.length;
export const SIGNAL_GROUPS = new RegExp(`${ALL_SIGNALS.source}|`).exec("")!.length - 1;

/** A word each signal needs (its rarest), so that most posts cost one quick read. */
const KEYSTONES = [
  'asked', 'opinion', 'views', 'input', 'thoughts', 'pence', 'your 2p', 'so you', 'so that you', 'so u ', 'keep up', 'slowly', 'simply',
  'syllable', 'small words', 'short words', 'simple words', 'hard of', 'spell it', 'centur', 'in the 19', 'dark ages', 'stone age',
  'moved on', 'joined the', 'boomer', 'generation', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth',
  'tenth', 'umpteenth', 'nth', 'hundredth', 'millionth', 'without you', 'without u', 'without him',
  'without her', 'for nothing', '4 nothing', 'essay', 'novel', 'lecture', 'sermon', 'epistle', 'thesis', 'tirade', 'masterclass', 'insight',
  'wisdom', 'pearl', 'missive', 'manifesto', 'war and', 'read all', 'tldr', 'tl;dr', 'about everything', 'about absolutely', 'ever stop',
  'ever do', 'complainer', 'complainant', 'moaner', 'whinger', 'letter writer', 'letter-writer', 'to write', 'name terms', 'find the time',
  'surprised', 'missed', 'miss the', 'overlooked', 'might help', 'would help', 'could help', 'you even', 'you actually', 'u even',
  'a bunch', 'for once', 'only took', 'just took', 'nice of', 'presence', 'next time', 'finally', 'at last', 'at long', 'some people', 'some folk',
  'some councillors', 'some members', 'so much', 'soo much', 'sooo much', 'soooo much', 'guessed', 'known', 'have thought', 'at least',
  'they could', 'they should', 'they can', 'they might', 'thing or two', 'leaf', 'are doing', 'is doing', 'miracle', 'ourselves',
  'prove it', 'a committee', 'another committee', 'a consultation', 'a survey', 'a study', 'a working group', 'how hard', 'asleep', 'organise',
  // Mock thanks: praise made ironic, after a blunder out of all proportion.
  'as ever', 'as always', 'as usual', 'fortnight', 'weeks of', 'months of', 'days of', 'hours of', 'for a job', 'for a task', 'for a repair',
  'minutes for', 'mins for', 'hours for',
  ...MORE_SIGNALS.flatMap((signal) => signal.keys),
];
/** Words a sarcastic verdict ("Genius.") needs. */
const VERDICT_WORDS = ['genius', 'brilliant', 'marvellous', 'shock', 'surprise', 'who knew', 'well done', 'nice one', 'great job', 'top work', 'bravo', 'classic', 'clap', 'impressive', 'stellar', 'masterful', 'inspired', 'priceless', 'textbook', 'spectacular', 'typical', 'vintage'];
/** One read that says whether a post may belittle anyone: a keystone, a verdict word, or a remark's word (`extra`). */
export function belittlingGate(extra: readonly string[]): RegExp {
  return new RegExp(
    `${wordGate([...KEYSTONES, ...VERDICT_WORDS, ...extra])}|\\d(?:st|nd|rd|th)\\s+(?:\\w+\\s+)?(?:e-?mail|message|complaint|comment|call|post|letter|essay|rant|question|moan)|🙄|😒|🤦|🙃|🐌|\\/s\\b`,
  );
}
/** Whether a verdict word, or praise made ironic ("as ever", a clap), is in a text. */
export const VERDICT_WORD = new RegExp(`\\b(?:${VERDICT_WORDS.join('|')}|as\\s+(?:ever|always|usual))|👏|🙄`);

/**
 * Signals of sarcasm and put-downs in a segment (see `Belittling`); the detector decides whether a
 * target is there. Ask only of a segment that `belittlingGate` passes.
 */
export function findBelittling(segment: Segment): Belittling[] {
  const text = segment.text;
  const lower = segment.lower;
  const found: Belittling[] = [];
  ALL_SIGNALS.lastIndex = 0;
  for (let m = ALL_SIGNALS.exec(lower); m; m = ALL_SIGNALS.exec(lower)) {
    if (m[0].length === 0) {
      ALL_SIGNALS.lastIndex++;
      continue;
    }
    push(found, text, m, SIGNALS[m.slice(1).findIndex((g) => g !== undefined)]!);
  }
  const asked = keyedSignalsIn(lower);
  if (asked.size === 0) return found;
  const before = found.length;
  for (const signal of asked) {
    signal.pattern.lastIndex = 0;
    for (let m = signal.pattern.exec(lower); m; m = signal.pattern.exec(lower)) {
      if (m[0].length === 0) {
        signal.pattern.lastIndex++;
        continue;
      }
      // Each kept signal is compared with those found before it: past MAX_SIGNALS a post has said enough,
      // and the cap keeps a post of one phrase repeated thousands of times linear.
      if (found.length >= MAX_SIGNALS) break;
      // One signal for one stretch of text, as in a single read: the first asked keeps it, unless it was
      // sarcastic only in company and this one is not ("Bless" against "Bless your heart").
      const overlapping = found.filter((f) => f.start < m!.index + m![0].length && m!.index < f.end);
      if (overlapping.length > 0 && (signal.weak || overlapping.some((f) => !f.weak) || overlapping.some((f) => found.indexOf(f) < before))) continue;
      for (const f of overlapping) found.splice(found.indexOf(f), 1);
      push(found, text, m, signal);
    }
  }
  return found.length > before ? found.sort((a, b) => a.start - b.start) : found;
}

function push(found: Belittling[], text: string, m: RegExpExecArray, signal: Signal): void {
  const { reason, weak, named, identified, answered } = signal;
  // A signal that opens with the end of the sentence before it ("…? Must be a Tuesday") starts after it.
  const start = m.index + (/^[.!?…]/.test(m[0]) ? /^[.!?…]+\s*/.exec(m[0])![0].length : 0);
  if (quoted(text, start)) return;
  found.push({
    start,
    end: m.index + m[0].length,
    reason: `${reason} ('${text.slice(start, m.index + m[0].length)}')`,
    ...(weak ? { weak } : {}),
    ...(named ? { named } : {}),
    ...(identified ? { identified } : {}),
    ...(answered ? { answered } : {}),
  });
}

/** Every key of the keyed signals, in one read; a number written as an ordinal is a key too. */
const KEYS = new RegExp(`${wordGate(MORE_SIGNALS.flatMap((signal) => signal.keys))}|\\d(?:st|nd|rd|th)\\b`, 'g');
/** The keyed signals asked for each stretch of text the keys' read matched (a key, or the start of several). */
const SIGNALS_FOR = new Map<string, readonly KeyedSignal[]>();

/** The keyed signals whose keys are in a text, in their order in `MORE_SIGNALS`. */
function keyedSignalsIn(lower: string): Set<KeyedSignal> {
  const asked = new Set<KeyedSignal>();
  KEYS.lastIndex = 0;
  for (let m = KEYS.exec(lower); m; m = KEYS.exec(lower)) {
    const key = m[0];
    let signals = SIGNALS_FOR.get(key);
    if (signals === undefined) {
      // The read stops at the shortest key that matches, so ask every signal with a key that starts so.
      signals = /^\d/.test(key) ? MORE_SIGNALS.filter((s) => s.ordinal) : MORE_SIGNALS.filter((s) => s.keys.some((k) => k.startsWith(key)));
      SIGNALS_FOR.set(key, signals);
    }
    for (const signal of signals) asked.add(signal);
  }
  if (asked.size < 2) return asked;
  // In their order, so that the first of two signals that match the same words keeps them.
  return new Set(MORE_SIGNALS.filter((s) => asked.has(s)));
}

/** Whether an offset is inside a quotation that opened earlier in its line. */
export function quoted(text: string, at: number): boolean {
  // Only the last QUOTE_ROOM characters of the line are read, so that an endless line stays linear.
  const window = text.slice(Math.max(0, at - QUOTE_ROOM), at);
  const line = window.slice(window.lastIndexOf('\n') + 1);
  const straight = line.split('"').length - 1;
  return straight % 2 === 1 || line.lastIndexOf('“') > line.lastIndexOf('”');
}

const QUOTE_ROOM = 600;
const MAX_SIGNALS = 64;

/** "Genius." after a sentence that tells of someone's mishap: sarcasm about them. */
export const SARCASTIC_VERDICT =
  /^\s*(?:(?:oh|well|just|pure|absolute|sheer|real|truly)\s+)?(genius|brilliant|marvellous|shock|shocker|quelle\s+surprise|what\s+a\s+surprise|surprise,?\s+surprise|who\s+knew|well\s+done|nice\s+one|great\s+job|top\s+work|bravo|classic|slow\s+clap|impressive|stellar\s+work|masterful|inspired|priceless|textbook|spectacular)\s*[.!?…]*\s*(?:\p{Extended_Pictographic}\s*)*$/iu;
/** What makes the sentence before a verdict a mishap rather than an achievement. */
export const MISHAP =
  /\b(?:managed\s+to|somehow|forgot|forgotten|lost|broke|broken|locked|failed|cancell?(?:ed|ing)|no[- ]show|didn['’]t\s+(?:turn|show)\s+up|voted\s+(?:against|no)|missed|late|still\s+(?:not|hasn['’]t|haven['’]t|no)|wrong|deleted|double[- ]booked|overslept)\b/i;
/** A member of staff by job title: "Our Events Coordinator", "the Deputy Clerk". */
export const STAFF_TITLE =
  /\b(?:[Oo]ur|[Tt]he)\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:Officer|Coordinator|Co-ordinator|Clerk|Manager|Lengthsman|Caretaker|Warden|Assistant|Administrator|Ranger|Groundsman|Groundskeeper|Gardener|Attendant|Supervisor|Treasurer|Secretary|Handyman|Technician|Cleaner|Receptionist|Apprentice|Steward|Bailiff|Verger)\b|\b(?:[Oo]ur|[Tt]he)\s+(?:deputy\s+)?(?:clerk|caretaker|groundsman|lengthsman|handyman|receptionist|apprentice|finance\s+officer|events\s+officer)\b/g;


/**
 * A sentence that is nothing but a verdict and a name: "Classic Mr Hale.", "Typical Gordon!",
 * "Vintage Kestrel Highways 😂". The name (group 1) must be someone identified; the detector checks.
 */
export const NAME_VERDICT =
  /^\s*(?:(?:[Oo]h|[Ss]o|[Hh]ow|[Tt]hat['’]s|[Jj]ust)\s+)?(?:[Cc]lassic|[Tt]ypical|[Vv]intage|[Tt]extbook|[Pp]eak|[Pp]ure)\s+((?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s*[.!…]+\s*(?:\p{Extended_Pictographic}\s*)*$/u;

/**
 * Praise made ironic, as a sentence of its own: "Stellar work, as ever 👏", "Top service, as usual.",
 * "Outstanding effort 👏👏". Group 1 or 2 is the mark of irony ("as ever", "again", a clap or an eye-roll);
 * without one it is praise.
 */
export const IRONIC_PRAISE =
  /^\s*(?:(?:oh|well|just|truly|really|simply|absolutely|what)\s+)?(?:an?\s+)?(?:stellar|outstanding|marvellous|brilliant|superb|fantastic|excellent|great|top|cracking|sterling|first[- ]class|world[- ]class|amazing|wonderful|impressive|fabulous|lovely|smashing|genius|bravo|well\s+done|nice\s+one|good\s+job)(?:\s+(?:work|job|effort|service|stuff|show|planning|going|result|performance|news|one|customer\s+service))?\s*,?\s*(as\s+(?:ever|always|usual)|once\s+again|yet\s+again|again)?[\s.!…]*((?:(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D)\s*)*)$/iu;
/** The marks that make praise ironic when they are all the sentence adds. */
export const IRONY_MARK = /👏|🙄|😒|🤦|🙃/u;

/** Thanks for something done well or for news: sincere, even beside praise. */
export const SINCERE_THANKS =
  /\bfor\s+(?:(?:all\s+)?(?:their|your|the)\s+(?:help|hard\s+work|support|efforts?|update|information|news|warning|notice|heads[- ]up|advice)|fixing|repairing|resurfacing|clearing|helping|running|restoring|sorting|reopening|mending|filling|tidying|cleaning|installing|replacing|letting\s+us\s+know|keeping\s+us)\b/i;
/** A sentence that thanks someone: mock thanks are written as thanks. */
export const THANKS = /\b(?:thanks|thank\s+you|thank\s+u|thx|cheers|kudos|hats\s+off|grateful|our\s+gratitude)\b/i;

/**
 * Delay or waste out of all proportion, told of someone: "three weeks of gridlock", "for a job that
 * takes a day", "closing the lane for a fortnight to paint one line", "90 minutes for 8 miles".
 */
export const DISPROPORTION =
  /\b(?:(?:days|weeks|months|hours)\s+of\s+(?:gridlock|chaos|disruption|delays?|misery|queues|tailbacks|closures?)|for\s+a\s+(?:job|task|repair)\s+that\s+(?:takes|should\s+take|would\s+take|needs)|for\s+(?:a\s+fortnight|a\s+month|(?:\w+|\d+)\s+(?:weeks|days|months|hours))\s+to\s+(?:\w+\s+)?(?:one|a\s+single|two|three)\b|\d+\s+(?:minutes|mins|hours)\s+(?:for|to\s+(?:go|travel|cover))\s+\d+\s+miles?)/i;

/**
 * Words put in scare quotes: a short run of lower-case words in quotation marks ("raised concerns",
 * 'express'), which says the writer does not mean them. A title in quotes ("Harbourne in Bloom") is
 * capitalised and is not matched.
 */
export const SCARE_QUOTE = /(?<=^|[\s(])["“‘'][a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}[”"’'](?=[\s.,!?;:)…]|$)/g;
