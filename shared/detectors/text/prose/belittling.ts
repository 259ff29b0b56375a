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
}

interface Signal {
  pattern: RegExp;
  reason: string;
  weak?: boolean;
  named?: boolean;
}

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
        `\\b(?:only|just)\\s+took\\s+(?:you\\s+|him\\s+|her\\s+|them\\s+)?(?:\\w+\\s+){0,2}(?:years?|months?|weeks?|decades?|ages)\\b`,
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
        `🙄|😒|🤦|\\/s\\b`,
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
];
/** Words a sarcastic verdict ("Genius.") needs. */
const VERDICT_WORDS = ['genius', 'brilliant', 'marvellous', 'shock', 'surprise', 'who knew', 'well done', 'nice one', 'great job', 'top work', 'bravo', 'classic', 'clap', 'impressive', 'stellar', 'masterful', 'inspired', 'priceless', 'textbook', 'spectacular'];
/** One read that says whether a post may belittle anyone: a keystone, a verdict word, or a remark's word (`extra`). */
export function belittlingGate(extra: readonly string[]): RegExp {
  return new RegExp(
    `${wordGate([...KEYSTONES, ...VERDICT_WORDS, ...extra])}|\\d(?:st|nd|rd|th)\\s+(?:\\w+\\s+)?(?:e-?mail|message|complaint|comment|call|post|letter|essay|rant|question|moan)|🙄|😒|🤦|\\/s\\b`,
  );
}
/** Whether a verdict word is in a text. */
export const VERDICT_WORD = new RegExp(`\\b(?:${VERDICT_WORDS.join('|')})`);

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
    const { reason, weak, named } = SIGNALS[m.slice(1).findIndex((g) => g !== undefined)]!;
    if (quoted(text, m.index)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, reason: `${reason} ('${text.slice(m.index, m.index + m[0].length)}')`, ...(weak ? { weak } : {}), ...(named ? { named } : {}) });
  }
  return found;
}

/** Whether an offset is inside a quotation that opened earlier in its line. */
function quoted(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at) + 1, at);
  const straight = line.split('"').length - 1;
  return straight % 2 === 1 || line.lastIndexOf('“') > line.lastIndexOf('”');
}

/** "Genius." after a sentence that tells of someone's mishap: sarcasm about them. */
export const SARCASTIC_VERDICT =
  /^\s*(?:(?:oh|well|just|pure|absolute|sheer|real|truly)\s+)?(genius|brilliant|marvellous|shock|shocker|quelle\s+surprise|what\s+a\s+surprise|surprise,?\s+surprise|who\s+knew|well\s+done|nice\s+one|great\s+job|top\s+work|bravo|classic|slow\s+clap|impressive|stellar\s+work|masterful|inspired|priceless|textbook|spectacular)\s*[.!?…]*\s*(?:\p{Extended_Pictographic}\s*)*$/iu;
/** What makes the sentence before a verdict a mishap rather than an achievement. */
export const MISHAP =
  /\b(?:managed\s+to|somehow|forgot|forgotten|lost|broke|broken|locked|failed|cancell?(?:ed|ing)|no[- ]show|didn['’]t\s+(?:turn|show)\s+up|voted\s+(?:against|no)|missed|late|still\s+(?:not|hasn['’]t|haven['’]t|no)|wrong|deleted|double[- ]booked|overslept)\b/i;
/** A member of staff by job title: "Our Events Coordinator", "the Deputy Clerk". */
export const STAFF_TITLE =
  /\b(?:[Oo]ur|[Tt]he)\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:Officer|Coordinator|Co-ordinator|Clerk|Manager|Lengthsman|Caretaker|Warden|Assistant|Administrator|Ranger|Groundsman|Groundskeeper|Gardener|Attendant|Supervisor|Treasurer|Secretary|Handyman|Technician|Cleaner|Receptionist|Apprentice|Steward|Bailiff|Verger)\b|\b(?:our|the)\s+(?:deputy\s+)?(?:clerk|caretaker|groundsman|lengthsman|handyman|receptionist|apprentice|finance\s+officer|events\s+officer)\b/g;

