import type { Segment } from '../segment';
import { quoted } from './belittling';
import { findTarget, type Target } from './targets';
import { allMatches } from './matches';
import { wordGate } from './word-gate';

/**
 * Put-downs in any council's voice: the constructions a careful clerk recognises as sarcasm or
 * contempt whatever the words around them, each a small family of wordings. Ironic politeness
 * ("with the greatest respect, you…", "but do carry on"), pointed repetition ("as we have now
 * explained four times"), hypocrisy ("a bit rich from someone who…"), "which you'd know if you'd
 * read it", lateness mocked ("finally catching up"), size belittled ("you chair a group of eleven
 * people"), mock thanks ("ta for the 47 emails"), condescension ("bless them", "before he could
 * spell 'precept'"), insinuation ("I'm sure it had nothing to do with it") and rhetorical questions
 * at someone ("or is that somebody else's job?").
 *
 * A strong signal is a put-down on its own once someone is there to be put down (the person
 * answered, or someone named); a weak one ("better late than never", "bless them", "for the third
 * time") is also said kindly, so it counts only beside a second signal of another family.
 */
export interface PutDown {
  start: number;
  end: number;
  reason: string;
}

interface Signal {
  family: string;
  reason: string;
  pattern: string;
  /** Words the pattern cannot match without (one of them at a word start): the gate a post must pass. */
  keys: readonly string[];
  /** Said kindly as often as not: a put-down only beside another family's signal. */
  weak?: boolean;
  /** So common in friendly posts ("Lovely!", ", as usual.", an eye-roll at the rain) that two of these alone are not enough. */
  faint?: boolean;
  /** The words name their own target ("you", "your", "someone who"): no other target is needed. */
  aimed?: boolean;
  /** Said of newcomers at large unless a person is answered or named: a generic "you" or a body is not enough. */
  named?: boolean;
}

const A = "['’]";
/** Fourth and later: a count of messages that is a jibe, not a record. */
const LATER_ORDINALS = [
  'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth',
  'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'umpteenth', 'nth', 'hundredth', 'millionth',
];
const ORDINAL_WORDS = ['second', 'third', ...LATER_ORDINALS];
const FEW_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen',
  'seventeen', 'eighteen', 'nineteen', 'twenty', 'a dozen', 'a handful', '1', '2', '3', '4', '5', '6', '7', '8', '9',
];
/** Each first word followed by each second: the keys of a two-word construction. */
function pairs(firsts: readonly string[], seconds: readonly string[]): string[] {
  return firsts.flatMap((first) => seconds.map((second) => (/^[,.!]/.test(second) ? `${first}${second}` : `${first} ${second}`)));
}
const YOU = '(?:you|u)';
/** A count that makes repetition pointed: four times and more, or no count at all. */
const MANY = '(?:three|four|five|six|seven|eight|nine|ten|a\\s+dozen|\\d+|umpteen|countless|numerous|so\\s+many|several|many|repeatedly)';
const ORDINAL = `(?:${ORDINAL_WORDS.join('|')}|\\d+(?:st|nd|rd|th))`;
/** A number small enough to belittle a group by: up to twenty, "a handful", "a dozen". */
const FEW = `(?:${FEW_WORDS.filter((w) => !/\\d/.test(w)).map((w) => w.replace(' ', '\\s+')).join('|')}|[1-9]|1\\d|20)`;
/** What a resident sends a council, counted against them. */
const MESSAGES = '(?:e-?mails?|messages?|comments?|complaints?|calls?|letters?|requests?|queries|objections?|posts?|foi\\s+requests?|freedom\\s+of\\s+information\\s+requests?)';
/** A mishap someone managed: "managed to strim straight through", "managed to lose our request". */
const MISHAP =
  '(?:lose|lost|break|broke|miss|forget|forgot|strim|mow|flatten|damage|destroy|delete|block|lock|ignore|double-?book|misplace|mislay|reverse|drive|dig|get\\s+(?:it|that|this|the\\s+\\w+)\\s+wrong|turn\\s+up\\s+(?:late|on\\s+the\\s+wrong))';

const SIGNALS: readonly Signal[] = [
  // Ironic politeness
  {
    family: 'politeness',
    reason: 'ironic politeness',
    keys: ['respect'],
    pattern: `(?:^|[.!?,;:]\\s*|\\b(?:and|but|so)\\s+)with\\s+(?:all\\s+(?:due\\s+)?|the\\s+(?:very\\s+)?(?:greatest|utmost|best\\s+will\\s+in\\s+the\\s+world)\\s+(?:of\\s+)?)respect\\b(?=\\s*,)`,
  },
  { family: 'politeness', reason: 'ironic politeness', weak: true, keys: ['respect'], pattern: `(?:^|[.!?,;:]\\s*)(?:with\\s+respect|respectfully)(?=\\s*,)` },
  {
    family: 'carry-on',
    reason: 'sarcasm ("but do carry on")',
    keys: ['carry on', 'go on', 'keep on', ...pairs(['let', 'lets', 'letting'], ['us', 'me', 'the', 'facts', 'truth', 'evidence', 'figures']), 'as you were'],
    pattern: [
      `\\b(?:(?:but|so)\\s+(?:please\\s*,?\\s+)?(?:do\\s+)?|(?:please\\s*,?\\s+)?do\\s+)(?:carry|go|keep)\\s+on(?:\\s+(?:then|regardless|by\\s+all\\s+means))?(?=\\s*[.!…]|\\s*$)`,
      `\\bdon${A}?t\\s+let\\s+(?:us|me|the\\s+facts|facts|the\\s+truth|the\\s+evidence|the\\s+figures)\\s+(?:stop|keep)\\s+you(?:\\s+from\\s+[^.!?]{1,40})?(?=\\s*[.!…]|\\s*$)`,
      `\\blet(?:s|ting)?\\s+(?:the\\s+)?(?:facts|truth|evidence|figures)\\s+(?:get\\s+in\\s+the\\s+way|spoil|ruin)`,
      `\\bas\\s+you\\s+were(?=\\s*[.!…])`,
    ].join('|'),
  },
  {
    family: 'noted',
    reason: 'a curt acknowledgement before a contradiction',
    weak: true,
    keys: pairs(['noted', 'duly noted', 'fascinating', 'interesting', 'lovely', 'right', 'ok', 'okay', 'fair enough'], [',']),
    pattern: `(?:^|[.!?]\\s+)(?:noted|duly\\s+noted|fascinating|interesting|lovely|right|ok(?:ay)?|fair\\s+enough),\\s+[a-z'’-]+\\.\\s+(?:though|but|however|still|then\\s+again|that\\s+said|mind\\s+you)\\b`,
  },
  // Opinion unwanted, said politely
  {
    family: 'unwanted',
    reason: 'says someone’s view is not wanted',
    aimed: true,
    keys: [...pairs(['need', 'needs', 'want', 'wants', 'require', 'requires', 'asked for', 'without'], ['your', 'ur']), ...pairs(['need', 'needs', 'want', 'wants'], ['to weigh', 'to comment', 'to have', 'to lecture', 'to tell']), 'feels the need', 'feel the need', 'appreciate', 'welcome it', 'welcome them', 'welcome your', 'value it', 'value your', 'enjoy it', 'enjoy your', 'your own'],
    pattern: [
      `\\b(?:not\\s+(?:entirely\\s+|quite\\s+|really\\s+|at\\s+all\\s+)?sure|unclear|no\\s+idea|struggling\\s+to\\s+see|can${A}t\\s+see)\\s+why\\s+(?:[\\w'’-]+\\s+){0,4}?(?:needs?|wants?|would\\s+(?:need|want)|requires?|asked\\s+for)\\s+${YOU}r\\s+(?:\\w+\\s+)?(?:view|opinion|input|thoughts|advice|comments?|two\\s+pennies|two\\s+pence|2p)s?`,
      `\\b(?:not\\s+(?:entirely\\s+|quite\\s+|really\\s+)?sure|unclear|no\\s+idea)\\s+why\\s+(?:[\\w'’-]+\\s+){0,6}?(?:needs?|wants?|feels?\\s+the\\s+need)\\s+to\\s+(?:weigh\\s+in|comment|have\\s+(?:a|his|her|their)\\s+say|lecture|tell\\s+us)`,
      `\\b(?:we|the\\s+\\w+|\\w+)(?:\\s+(?:can|will|shall|managed\\s+to|seem\\s+to)|${A}ll)\\s+(?:probably\\s+)?(?:manage|cope|survive|get\\s+by|muddle\\s+(?:through|along|on))\\s+without\\s+${YOU}r\\s+(?:\\w+\\s+)?(?:view|opinion|input|thoughts|advice|help|expertise|wisdom)s?`,
      `\\b(?:perhaps|maybe)\\s+(?:[\\w'’-]+\\s+){1,4}?would\\s+(?:appreciate|welcome|value|enjoy)\\s+(?:it|them|your\\s+\\w+)\\s+(?:more|instead)\\b`,
      `\\b(?:perhaps|maybe)\\s+your\\s+own\\s+(?:[\\w'’-]+\\s+){1,3}?would\\s+(?:appreciate|welcome|value|enjoy|like)\\b`,
    ].join('|'),
  },
  // Pointed repetition
  {
    family: 'repetition',
    reason: 'pointed repetition',
    keys: ['as we ', "as we'", 'as we’', 'as i ', "as i'", 'as i’', 'as has been', ...pairs(['for the'], ['umpteenth', 'nth', 'hundredth', 'thousandth', 'millionth']), 'how many'],
    pattern: [
      `\\bas\\s+(?:we|i|has\\s+been|we${A}ve|i${A}ve)\\s+(?:have\\s+|had\\s+)?(?:now\\s+|already\\s+)?(?:explained|said|told\\s+(?:you|them|him|her)|pointed\\s+out|mentioned|stated|made\\s+clear|confirmed|answered|replied)\\s+(?:\\w+\\s+){0,3}?(?:${MANY}\\s+times|repeatedly|on\\s+${MANY}\\s+(?:\\w+\\s+)?occasions|more\\s+times\\s+than)`,
      `\\bfor\\s+the\\s+(?:umpteenth|nth|hundredth|thousandth|millionth)\\s+time\\b`,
      `\\bhow\\s+many\\s+(?:more\\s+)?times\\s+(?:do|must|will|have|shall)\\s+(?:we|i)\\s+(?:have\\s+to\\s+|need\\s+to\\s+)?(?:say|tell|explain|repeat|point\\s+out|write)`,
    ].join('|'),
  },
  {
    family: 'repetition',
    reason: 'pointed repetition',
    weak: true,
    keys: ['as we ', "as we'", 'as we’', 'as i ', "as i'", 'as i’', 'trust this', ...pairs(['for the'], [...ORDINAL_WORDS, 'last time', 'final time', '1', '2', '3', '4', '5', '6', '7', '8', '9']), 'how many', ...pairs(['this same', 'the same'], ['account', 'person', 'resident', 'gentleman', 'lady', 'individual']), ...pairs(['asked', 'asks', 'asking'], ['the same']), 'another day'],
    pattern: [
      `\\bas\\s+(?:we|i)\\s+(?:have\\s+|had\\s+)?(?:now\\s+|already\\s+)?(?:explained|said|told\\s+you|pointed\\s+out)\\s+(?:\\w+\\s+){0,3}?(?:twice|three\\s+times|more\\s+than\\s+once|before)\\b`,
      `\\b(?:we\\s+)?trust\\s+this\\s+(?:will\\s+be|is)\\s+the\\s+last\\s+(?:time|occasion)`,
      `\\bfor\\s+the\\s+(?:${ORDINAL}|last|final|hundredth|millionth)\\s+time\\b`,
      `\\bhow\\s+many\\s+(?:more\\s+)?times\\s+(?:do|must|will|have)\\b`,
      `\\b(?:this|the)\\s+same\\s+(?:account|person|resident|gentleman|lady|individual)\\b`,
      `\\b(?:asked|asks|asking)\\s+the\\s+same\\s+question[^.!?]{0,30}?\\bsame\\s+answer\\b`,
      `(?:^|[.!?]\\s+)another\\s+day,?\\s+another\\b`,
    ].join('|'),
  },
  {
    family: 'once-again',
    reason: 'sarcasm about someone’s lateness or mishap',
    keys: ['once again', 'yet again', 'has again', 'have again', 'had again', 'managed to'],
    pattern: [
      `\\b(?:has|have|had)\\s+(?:once\\s+again|yet\\s+again|again)\\s+(?:discovered|realised|realized|noticed|found\\s+out|woken\\s+up\\s+to|remembered)\\b`,
      `\\b(?:once\\s+again|yet\\s+again|again)\\s+managed\\s+to\\s+(?:\\w+\\s+){0,2}?${MISHAP}`,
      `\\bmanaged\\s+to\\s+(?:\\w+\\s+){0,2}?${MISHAP}\\b[^.!?]{0,60}?\\b(?:twice|three\\s+times|again|already|yet\\s+again|for\\s+the\\s+\\w+\\s+time)\\b`,
    ].join('|'),
  },
  { family: 'mishap', reason: 'sarcasm about a mishap', weak: true, keys: ['managed to'], pattern: `\\bmanaged\\s+to\\s+(?:\\w+\\s+){0,2}?${MISHAP}` },
  {
    family: 'verdict',
    reason: 'curt praise after a mishap',
    weak: true,
    keys: pairs(['marvellous', 'brilliant', 'stellar', 'sterling', 'top', 'great', 'fine', 'excellent', 'outstanding', 'superb', 'lovely', 'good'], ['work', 'job', 'effort', 'stuff', 'result', 'going']),
    pattern: `(?:^|[.!?]\\s+)(?:marvellous|brilliant|stellar|sterling|top|great|fine|excellent|outstanding|superb|lovely|good)\\s+(?:work|job|effort|stuff|result|going)(?:\\s+(?:there|again|as\\s+ever)|,?\\s+(?:everyone|all|lads|guys|folks|team|chaps|[a-z]+))?\\s*[.!](?=\\s|$)`,
  },
  // Hypocrisy
  {
    family: 'hypocrisy',
    reason: 'calls someone a hypocrite',
    aimed: true,
    keys: ['rich', 'pot', 'practis', 'glass houses', 'says the', 'lecture', 'advice', 'sermon', 'lesson', 'a lecture', 'a sermon', 'a lesson'],
    pattern: [
      `\\b(?:a\\s+bit|bit|rather|pretty|quite|a\\s+little|somewhat)\\s+rich\\s+(?:coming\\s+)?(?:from|of)\\b`,
      `\\brich\\s+coming\\s+from\\b`,
      `\\bpot\\s+call(?:ing|s|ed)\\s+the\\s+kettle|\\bpot,?\\s+(?:meet|this\\s+is)\\s+kettle\\b`,
      `\\b(?:lectures?|advice|sermons?|lessons?|a\\s+lecture|a\\s+sermon|a\\s+lesson)\\s+(?:on|about|in)\\s+[\\w\\s'’-]{1,40}?\\s+from\\s+(?:the\\s+(?:man|woman|person|group|councillor|bloke|lady|chap|people)|someone|somebody|a\\s+(?:man|woman|group|person|councillor))\\s+(?:who|that)\\b`,
      `\\bpractis(?:e|ing)\\s+what\\s+(?:you|they|he|she)\\s+preach`,
      `\\b(?:people\\s+in\\s+)?glass\\s+houses\\b`,
      `\\bsays\\s+the\\s+(?:man|woman|person|group|councillor|one|bloke|chap|lady|page|campaign)\\s+(?:who|that)\\b`,
    ].join('|'),
  },
  // You'd know if you'd read it
  {
    family: 'reading',
    reason: 'mocks someone for not reading',
    aimed: true,
    keys: [...pairs(['if'], ["you'd", 'you’d', 'you had', "u'd", 'u’d', 'u had', "he'd", 'he’d', 'he had', "she'd", 'she’d', 'she had', "they'd", 'they’d', 'they had']), 'have a go at', ...pairs(['try', 'consider', 'start by'], ['reading', 'opening', 'actually']), ...pairs(['has', 'have'], ['anyone', 'anybody', 'somebody', 'someone']), 'had you', 'had he', 'had she', 'had they', 'had u', 'be worth', 'as anyone'],
    pattern: [
      `\\b(?:which|as|something|that|this)\\s+(?:you|u|he|she|they|anyone)(?:${A}d|\\s+would|\\s+might|\\s+could)\\s+(?:\\w+\\s+)?(?:know|have\\s+(?:seen|known|noticed|spotted|read|found))\\s+if\\s+(?:you|u|he|she|they)(?:${A}d|\\s+had)\\s+(?:\\w+\\s+){0,2}?(?:read|opened|looked|checked|bothered|come|been|turned\\s+up|attended|listened|clicked)`,
      `\\b(?:could|might|should|may\\s+want\\s+to|to)\\s+(?:\\w+\\s+)?(?:have\\s+a\\s+go\\s+at|try|consider|start\\s+by)\\s+(?:actually\\s+)?(?:reading|opening)\\s+(?:it|them|the\\s+\\w+)`,
      `\\b(?:has|have)\\s+(?:anyone|anybody|somebody|someone)\\s+(?:over\\s+there\\s+)?(?:actually\\s+)?(?:read|opened)\\s+(?:it|the\\s+\\w+)`,
      `\\b(?:you|u|he|she|they)(?:${A}d|\\s+would|\\s+might)\\s+(?:\\w+\\s+)?(?:know|have\\s+(?:seen|known|noticed|spotted|read|found))[^.!?]{0,40}?\\bhad\\s+(?:you|u|he|she|they)\\s+(?:\\w+\\s+)?(?:read|opened|looked|checked|bothered|attended|listened|clicked)`,
      `\\bas\\s+anyone\\s+who\\s+(?:has\\s+|had\\s+)?(?:\\w+\\s+){0,2}?(?:read|opened|looked\\s+at|checked|attended|bothered)\\b[^.!?]{0,40}?\\bwould\\s+(?:know|have\\s+seen|tell\\s+you)`,
      `\\b(?:might|may|would)\\s+be\\s+worth\\s+(?:actually\\s+)?(?:reading|opening|looking\\s+at)\\s+(?:it|them|the\\s+\\w+|our\\s+\\w+)\\s+(?:first|before)`,
    ].join('|'),
  },
  { family: 'reading-short', reason: 'mocks someone for not reading', weak: true, keys: pairs(['not'], ['a long', 'long', 'very long', 'a very long']), pattern: `\\b(?:it${A}s|it\\s+is|it${A}s\\s+really)\\s+not\\s+(?:a\\s+)?(?:very\\s+)?long\\s+(?:page|read|document|letter|paragraph|report|notice|sentence)` },
  // Late to the party
  {
    family: 'late',
    reason: 'mocks someone for being late to catch up',
    keys: ['finally', 'catching up', 'caught up'],
    pattern: `\\bfinally\\s+(?:catching|caught|catch)\\s+up\\s+(?:with|on)\\b|\\b(?:catching|caught)\\s+up\\s+with\\s+what\\s+(?:we|this\\s+council|the\\s+\\w+\\s+council|everyone)\\b|\\bfinally\\s+(?:woken|waking|woke)\\s+up\\s+to\\b`,
  },
  {
    family: 'late-weak',
    reason: 'mocks someone for being late',
    weak: true,
    keys: ['better late', 'welcome aboard', 'welcome to the party', 'welcome to 20', 'the rest of', ...pairs(['days', 'weeks', 'months', 'years'], ['after'])],
    pattern: [
      `\\bbetter\\s+late\\s+than\\s+never\\b`,
      `\\bwelcome\\s+(?:aboard|to\\s+the\\s+party)\\b|\\bwelcome\\s+to\\s+20\\d\\d,`,
      `\\b(?:\\w+|a\\s+few|a\\s+couple\\s+of)\\s+(?:days|weeks|months|years)\\s+after\\s+(?:it|the\\s+\\w+|they|we)\\s+(?:met|closed|ended|finished|happened|was\\s+decided|was\\s+agreed)\\b`,
    ].join('|'),
  },
  // Size and worth belittled
  {
    family: 'size',
    reason: 'belittles the size of someone’s group',
    aimed: true,
    keys: ['chair', 'run ', 'runs ', 'lead ', 'leads ', 'represent', 'speak for', 'speaks for', 'head ', 'heads ', 'organise', ...FEW_WORDS.map((w) => `all ${w} of`), 'followers', 'take our chances', ...pairs(['group', 'association', 'campaign', 'society', 'club', 'page', 'committee', 'petition', 'forum'], ['has', 'had', 'have']), ...pairs(['speak', 'speaks', 'talk', 'talks'], ['for'])],
    pattern: [
      `\\b(?:(?:you|u)\\s+(?:only\\s+|just\\s+)?|(?:he|she|they)\\s+(?:only|just)\\s+)(?:chair|chairs|run|runs|lead|leads|represent|represents|speak\\s+for|speaks\\s+for|head|heads|organise|organises)\\s+(?:a|an|the|your|their|his|her)\\s+(?:[\\w'’-]+\\s+){0,4}?(?:of|with)\\s+(?:just\\s+|only\\s+|about\\s+|around\\s+|barely\\s+|maybe\\s+|perhaps\\s+)?${FEW}\\s+(?:\\w+\\s+)?(?:people|members|residents|followers|households|pensioners|friends|souls)\\b`,
      `\\ball\\s+${FEW}\\s+of\\s+(?:you|them|your\\s+(?:members|followers))\\b`,
      `\\byour\\s+(?:\\w+\\s+)?(?:group|association|campaign|society|club|page|committee|petition|forum)\\s+(?:has|had|have)\\s+(?:got\\s+)?(?:just\\s+|only\\s+|all\\s+of\\s+|a\\s+grand\\s+total\\s+of\\s+)?${FEW}\\s+(?:\\w+\\s+)?(?:members|followers|people|supporters|signatures|likes)\\b`,
      `\\b(?:you|u|he|she|they)\\s+(?:speak|speaks|talk|talks)\\s+for\\s+(?:about\\s+|maybe\\s+|perhaps\\s+|all\\s+of\\s+|at\\s+most\\s+|roughly\\s+)?${FEW}\\s+(?:\\w+\\s+)?(?:people|residents|members|households)\\b`,
      `\\b(?:your|his|her|their)\\s+(?:${FEW}|few)\\s+(?:\\w+\\s+)?followers\\b`,
      `\\bwe${A}ll\\s+take\\s+our\\s+chances\\s+with\\b`,
    ].join('|'),
  },
  // Mock thanks
  {
    family: 'thanks',
    reason: 'thanks someone sarcastically',
    keys: [...pairs(pairs(['thanks', 'thank you', 'ta', 'cheers', 'many thanks'], ['for', '4', 'very much for', 'so much for', 'again for']), ['the', 'your', 'all', 'another']), 'than the last'],
    pattern: [
      `\\b(?:thanks|thank\\s+you|ta|cheers|many\\s+thanks)\\s+(?:very\\s+much\\s+|so\\s+much\\s+|again\\s+)?(?:for|4)\\s+(?:the|your|all|all\\s+the|all\\s+your|another)\\s+(?:(?:[5-9]|[1-9]\\d+|dozens\\s+of|hundreds\\s+of|countless|umpteen|numerous|many|several|${LATER_ORDINALS.join('|')}|\\d+(?:st|nd|rd|th))\\s+)(?:\\w+\\s+)?${MESSAGES}\\b(?!\\s+(?:of\\s+(?:support|thanks|encouragement)|and\\s+photos))`,
      `\\beach\\s+(?:one\\s+)?(?:has\\s+been|was|is|more)\\s+(?:even\\s+)?(?:more\\s+)?(?:illuminating|enlightening|helpful|useful|insightful|informative|constructive|original|fascinating|valuable|persuasive)\\s+than\\s+the\\s+last\\b`,
    ].join('|'),
  },
  {
    family: 'thanks-weak',
    reason: 'thanks someone sarcastically',
    weak: true,
    keys: ['as ever', 'as always', 'as usual', 'rest assured', 'twice', 'three times', 'every word', 'both times'],
    pattern: [
      `\\b(?:thanks|thank\\s+you|ta|cheers)\\s+(?:very\\s+much\\s+|so\\s+much\\s+)?(?:for|4)\\s+(?:the|your|that)\\s+(?:\\w+\\s+)?(?:contribution|input|insight|advice|feedback|thoughts|wisdom|comment|intervention|observation)s?,?\\s+as\\s+(?:ever|always|usual)\\b`,
      `\\brest\\s+assured\\s+(?:we${A}ve|we\\s+have|i${A}ve|they${A}ve)\\s+read\\s+(?:every|each|all)\\b`,
      `(?:^|[.!?]\\s+)(?:twice|three\\s+times|every\\s+word|both\\s+times)\\s*[.!](?=\\s|$)`,
    ].join('|'),
  },
  // Rhetorical questions at someone
  {
    family: 'question',
    reason: 'a rhetorical question aimed at someone',
    aimed: true,
    keys: ['or is', 'own pocket'],
    pattern: [
      `\\bor\\s+is\\s+(?:[\\w'’-]+\\s+){1,4}?(?:somebody|someone|everybody|everyone|other\\s+people)\\s*(?:else)?${A}s\\s+(?:job|problem|responsibility|department)`,
      `\\b(?:will|would|are)\\s+you\\s+(?:be\\s+)?(?:putting|dipping|digging|reaching)\\s+(?:your\\s+)?(?:hands?\\s+)?(?:in|into)\\s+your\\s+own\\s+pockets?`,
    ].join('|'),
  },
  {
    family: 'question-weak',
    reason: 'a rhetorical question aimed at someone',
    weak: true,
    keys: [...pairs(['question'], ['for', 'to']), 'as usual', 'as ever', 'as always'],
    pattern: `\\b(?:genuine|honest|serious|simple|quick|fair)\\s+question\\s+(?:for|to)\\b|\\bas\\s+(?:usual|ever|always)\\s*\\?`,
  },
  {
    family: 'asking-for',
    reason: 'a rhetorical question aimed at someone',
    weak: true,
    keys: ['asking for', 'who exactly'],
    pattern: `\\basking\\s+for\\s+(?:a\\s+friend|[\\d,]+\\s+|every|all\\s+the)|\\bwho\\s+exactly\\s+(?:is|are|was|will|would)\\b`,
  },
  {
    family: 'who-knew',
    reason: 'mocks someone’s competence',
    keys: ['who knew', 'who would have thought', "who'd have thought", 'who’d have thought', 'apparently', 'turns out', 'it seems'],
    pattern: `\\b(?:apparently|turns\\s+out|it\\s+seems)\\s+[^.!?]{3,60}?\\s+(?:is|are)\\s+(?:actually\\s+)?rocket\\s+science\\b|\\bwho(?:\\s+knew|\\s+would\\s+have\\s+thought|${A}d\\s+have\\s+thought)\\s+(?:that\\s+)?[\\w\\s'’-]{1,40}?\\s+(?:was|were|is|could\\s+be|would\\s+be)\\s+(?:so|that|this|quite\\s+so)\\s+(?:complicated|difficult|hard|tricky|complex|taxing|challenging|baffling)`,
  },
  { family: 'scepticism', reason: 'scoffs at someone’s promise', weak: true, keys: ["we'll believe", 'we’ll believe', 'rocket science'], pattern: `\\bwe${A}ll\\s+believe\\s+it\\s+when\\s+we\\s+see\\s+it\\b|\\b(?:isn${A}t|is\\s+not|it${A}s\\s+not)\\s+(?:exactly\\s+)?rocket\\s+science\\b` },
  // Condescension
  {
    family: 'diminutive',
    reason: 'condescends to someone',
    weak: true,
    keys: ['bless', 'uns', 'bairns', ...pairs(['little'], ['darlings', 'dears', 'lambs'])],
    pattern: `\\bbless\\s+(?:them|him|her|${A}em|their|his|'em)\\b|\\bbless\\s+(?:his|her|their)\\s+(?:cotton\\s+socks|little\\s+hearts?)|\\b(?:young|little)\\s+${A}uns\\b|\\bbairns\\b|\\blittle\\s+(?:darlings|dears|lambs)\\b`,
  },
  {
    family: 'incapable',
    reason: 'says someone is incapable',
    aimed: true,
    keys: pairs(['they', 'you', 'he', 'she'], ["can't", 'can’t', "couldn't", 'couldn’t', 'cannot', 'could not', 'can barely']),
    pattern: `\\b(?:they|you|he|she)\\s+(?:can${A}t|couldn${A}t|cannot|could\\s+not|can\\s+barely)\\s+[^.!?]{3,60}?\\s+(?:between\\s+(?:them|you|the\\s+lot\\s+of\\s+(?:them|you))|never\\s+mind|let\\s+alone)\\b`,
  },
  {
    family: 'incapable',
    reason: 'says someone is incapable',
    keys: [...pairs(["couldn't", 'couldn’t', 'could not', "can't", 'can’t', 'cannot'], ['find']), 'sweet of', 'cute of', 'adorable of', 'charming of', "when they're", 'when they’re', 'when they are', "when you're", 'when you’re', 'when you are', 'when they grow', 'when you grow'],
    pattern: [
      `\\b(?:couldn${A}t|could\\s+not|can${A}t|cannot)\\s+find\\s+(?:[\\w'’-]+\\s+){1,4}?with\\s+(?:a|both)\\s+(?:map|torch|sat-?nav|compass|hands)\\b`,
      `\\b(?:sweet|cute|adorable|charming)\\s+of\\s+(?:\\S+\\s+){1,4}?to\\s+(?:think|believe|imagine|suppose|assume)\\s+(?:that\\s+)?(?:they|he|she|you|it)\\b`,
      `\\b(?:understand|get|realise|realize|see|learn)\\b[^.!?]{0,40}?\\bwhen\\s+(?:they|you|he|she)(?:${A}re|\\s+are|${A}s|\\s+is)\\s+(?:a\\s+bit\\s+|bit\\s+|much\\s+)?older\\b|\\bwhen\\s+(?:they|you)\\s+grow\\s+up\\b`,
    ].join('|'),
  },
  {
    family: 'seniority',
    reason: 'talks down to someone for being new',
    aimed: true,
    keys: ['could even', 'could spell', 'could walk', 'could read', 'could talk', 'could count', 'could tie', 'could find', 'able to', 'knew how to', ...pairs(['well', 'fine', 'happily'], ['before', 'without']), 'nappies', 'short trousers', 'primary school', 'a pram', 'already telling'],
    pattern: [
      `\\bbefore\\s+(?:you|he|she|they|(?:cllr|councillor|mr|mrs|ms)\\.?\\s+[\\w'’-]+|[\\w'’-]+)\\s+(?:could|was\\s+able\\s+to|were\\s+able\\s+to|knew\\s+how\\s+to)\\s+(?:even\\s+)?(?:spell|walk|read|talk|count|tie|find)\\b`,
      `\\b(?:managed|got\\s+on|coped|did|survived|ran)\\s+(?:perfectly\\s+|just\\s+|quite\\s+)?(?:well|fine|happily)\\s+(?:before|without)\\s+(?:you|they|he|she)\\s+(?:arrived|came|joined|turned\\s+up|got\\s+here|were\\s+elected|was\\s+elected)\\b`,
      `\\b(?:when|while)\\s+(?:you|he|she|they|(?:cllr|councillor|mr|mrs|ms)\\.?\\s+[\\w'’-]+|[a-z'’-]+)\\s+(?:was|were)\\s+(?:still\\s+)?in\\s+(?:nappies|short\\s+trousers|primary\\s+school|a\\s+pram)\\b`,
      `\\balready\\s+telling\\s+(?:us|everyone|the\\s+(?:town|village|council))\\s+how\\s+to\\b`,
    ].join('|'),
  },
  {
    family: 'seniority',
    reason: 'talks down to someone for being new',
    named: true,
    keys: [...pairs(['moved', 'arrived', 'came', 'turned up'], ['here', 'last', 'yesterday', 'five']), ...pairs(['here'], ['five', 'ten', 'two', 'for five', 'for ten', 'for two', 'all of'])],
    pattern: [
      `\\b(?:moved|arrived|came|turned\\s+up)\\s+(?:here\\s+)?(?:five\\s+minutes\\s+ago|last\\s+\\w+|yesterday|five\\s+minutes)\\b[^.!?]{0,40}?\\b(?:don${A}t\\s+get\\s+to|have\\s+no\\s+right\\s+to|shouldn${A}t|can${A}t|are\\s+already|is\\s+already)\\s+(?:be\\s+)?(?:tell|telling|lecture|lecturing|dictate|dictating|decide|deciding)`,
      `\\b(?:lived|been|living)\\s+here\\s+(?:for\\s+)?(?:five|ten|two|five\\s+whole|all\\s+of\\s+(?:five|ten))\\s+(?:minutes|seconds)\\b`,
    ].join('|'),
  },
  { family: 'gently', reason: 'talks down to someone', weak: true, keys: ['gently', ...pairs(['our'], ['newer', 'younger', 'less'])], pattern: `\\b(?:i${A}d|we${A}d|i\\s+would|we\\s+would|may\\s+i|may\\s+we|let\\s+me)\\s+gently\\s+(?:point\\s+out|remind|suggest)\\b|\\b(?:some\\s+of\\s+)?our\\s+(?:newer|younger|less\\s+experienced)\\s+(?:colleagues|councillors|members)\\b` },
  // Insinuation
  {
    family: 'insinuation',
    reason: 'insinuates with mock certainty',
    keys: [...pairs(["i'm", 'i’m', "we're", 'we’re', 'i am', 'we are'], ['sure', 'certain']), 'coincidence'],
    pattern: [
      `\\b(?:i${A}m|we${A}re|i\\s+am|we\\s+are)\\s+(?:sure|certain)\\s+(?:that\\s+)?(?:the\\s+fact|it|his|her|their|this|that)\\b[^.!?]{0,80}?\\b(?:had|has|have)\\s+nothing\\s+(?:whatsoever\\s+|at\\s+all\\s+)?to\\s+do\\s+with\\b`,
      `\\b(?:purely|pure|total|complete|just)\\s+(?:a\\s+)?coincidence,?\\s+(?:i${A}m|we${A}re|i\\s+am|we\\s+are)\\s+sure\\b`,
      `\\b(?:i${A}m|we${A}re|i\\s+am|we\\s+are)\\s+sure\\s+it${A}s\\s+(?:purely|pure|just|all\\s+just)\\s+(?:a\\s+)?coincidence\\b`,
    ].join('|'),
  },
  {
    family: 'decline',
    reason: 'belittles what someone has done',
    keys: ['coffee morning', 'talking shop', 'circus', 'shambles', 'farce', 'mess', 'joke', 'social club', 'knitting circle', 'gossip', 'zoo', 'pantomime', 'mothers'],
    pattern: `\\bsince\\s+(?:[\\w'’.-]+\\s+){1,3}?(?:took\\s+over|arrived|joined|took\\s+the\\s+chair|was\\s+elected|got\\s+in|came\\s+in)\\b[^.!?]{0,60}?\\b(?:turned|become|became|descended|gone)\\s+(?:into\\s+)?(?:a|an)\\s+(?:\\w+\\s+)?(?:coffee\\s+morning|talking\\s+shop|circus|shambles|farce|mess|joke|social\\s+club|knitting\\s+circle|gossip|zoo|pantomime|mothers${A}\\s+meeting)\\b`,
  },
  { family: 'decline-weak', reason: 'sneers at someone', weak: true, keys: ["that's what you get", 'that’s what you get', 'lots of'], pattern: `\\bthat${A}s\\s+what\\s+you\\s+get\\s+(?:when|for|if)\\b|\\blots\\s+of\\s+(?:chat|talk|talking|waffle|feelings|hot\\s+air),[^.!?]{0,40}?\\bno\\s+(?:decisions|action|progress|results)\\b` },
  // Motive imputed to someone named
  {
    family: 'motive',
    reason: 'imputes a motive to someone',
    aimed: true,
    keys: ['starting to', 'beginning to'],
    pattern: `\\b(?:we${A}re|i${A}m|we\\s+are|i\\s+am)\\s+(?:starting|beginning)\\s+to\\s+(?:think|wonder|suspect)\\s+(?:that\\s+)?(?:you|he|she|they)\\s+(?:just|only|really|simply)\\b`,
  },
  {
    family: 'motive',
    reason: 'imputes a motive to someone',
    keys: pairs(['one', 'you'], ['might', 'could', 'would']),
    pattern: `\\b(?:one|you)\\s+(?:might|could|would)\\s+(?:almost\\s+|be\\s+forgiven\\s+for\\s+)?(?:think|thinking|suspect|imagine)\\s+(?:that\\s+)?[^.!?]{1,40}?\\s+(?:enjoys|likes|loves|relishes)\\s+(?:being|the\\s+attention|the\\s+sound\\s+of|having\\s+(?:a|his|her|their)\\s+photo|the\\s+limelight|complaining|moaning)`,
  },
  {
    family: 'count',
    reason: 'mocks how often someone writes',
    keys: [...pairs(['his', 'her', 'their', 'your'], [...ORDINAL_WORDS, '1', '2', '3', '4', '5', '6', '7', '8', '9']), ...LATER_ORDINALS],
    pattern: `\\b${MESSAGES}\\b[^.!?]{0,80}?[–—-]\\s*(?:his|her|their|your)\\s+${ORDINAL}\\s+(?:this|in\\s+a|of\\s+the)\\s+(?:week|month|year|fortnight)\\b|\\b(?:his|her|their|your|[a-z]+${A}s)\\s+(?:${LATER_ORDINALS.join('|')}|\\d+(?:st|nd|rd|th))\\s+(?:\\w+\\s+)?${MESSAGES}\\s+(?:this|in\\s+a|of\\s+the)\\s+(?:week|month|fortnight|year)\\b|\\b(?:his|her|their|your)\\s+${ORDINAL}\\s+(?:\\w+\\s+)?${MESSAGES}\\s+(?:this|in\\s+a|of\\s+the)\\s+(?:week|month|fortnight)\\b`,
  },
  { family: 'fishing', reason: 'calls someone’s request vexatious', weak: true, keys: ['fishing', "let's be honest", 'let’s be honest', 'every other'], pattern: `\\bfishing\\s+(?:trip|expedition)\\b|\\blet${A}s\\s+be\\s+honest\\s+about\\s+what\\s+this\\s+is\\b|\\bevery\\s+other\\s+(?:council\\s+)?tax\\s*payer\\b` },
  {
    family: 'record',
    reason: 'mocks someone’s record',
    weak: true,
    keys: ['worth remembering', 'remember that', 'bear that', "don't forget", 'don’t forget'],
    pattern: `\\b(?:worth\\s+remembering|remember\\s+that|bear\\s+that\\s+in\\s+mind|don${A}t\\s+forget\\s+that)\\s+(?:on|in|at|come|when)\\s+(?:\\d{1,2}\\s+\\w+|polling\\s+day|election\\s+day|the\\s+(?:election|ballot\\s+box)|may|thursday)\\b`,
  },
  {
    family: 'tally',
    reason: 'mocks what someone delivered',
    weak: true,
    keys: pairs(['years', 'months'], ['on', 'later']),
    pattern: `\\b\\w+\\s+(?:years|months)\\s+(?:on|later)\\s*:\\s+(?:just\\s+|only\\s+)?(?:a|an|one|no|nothing)\\b`,
  },
  {
    family: 'retort',
    reason: 'turns someone’s words back on them',
    weak: true,
    keys: ['if you', 'if your', 'if u'],
    pattern: `\\bif\\s+(?:you|u|your\\s+[\\w'’-]+(?:\\s+[\\w'’-]+)?)\\s+can\\s+(?<verb>[a-z]+)\\b[^.!?]{3,80}?\\b(?:it|you|u|they|he|she)\\s+can\\s+\\k<verb>\\b`,
  },
  {
    family: 'rest-of-us',
    reason: 'sneers at someone',
    weak: true,
    keys: ['the rest of'],
    pattern: `\\bthe\\s+rest\\s+of\\s+(?:us|the\\s+(?:council|town|village|world|country|committee))\\b`,
  },
  {
    family: 'treat',
    reason: 'sneers at someone',
    weak: true,
    keys: ['what a treat', 'what a pleasure', 'what a joy', 'what a delight', 'such a treat', 'such a pleasure'],
    pattern: `\\b(?:what|such)\\s+a\\s+(?:treat|pleasure|joy|delight)\\s+to\\s+(?:hear\\s+from|see)\\s+(?:you|u)\\s+again\\b`,
  },
  {
    family: 'times-today',
    reason: 'mocks how often someone writes',
    weak: true,
    keys: pairs(['second', 'third', ...LATER_ORDINALS], ['time', 'one', 'email', 'message', 'post', 'comment']),
    pattern: `(?:^|[.!?]\\s+)(?:that${A}s\\s+)?(?:the\\s+)?${ORDINAL}\\s+(?:time|one|email|message|post|comment)\\s+(?:today|this\\s+(?:morning|afternoon|week|month)|tonight)\\s*[.!](?=\\s|$)`,
  },
  {
    family: 'as-usual',
    reason: 'sneers at someone',
    weak: true,
    faint: true,
    keys: ['as usual', 'as ever', 'as always'],
    pattern: `,?\\s+as\\s+(?:usual|ever|always)\\s*[.!](?=\\s|$)`,
  },
  // Mock sympathy, mock help and ironic praise
  {
    family: 'mock-sympathy',
    reason: 'mock sympathy',
    aimed: true,
    keys: pairs(['your'], ['lie-in', 'lie in', 'beauty sleep', 'nap', 'afternoon nap']),
    pattern: `\\b(?:so|terribly|awfully|ever\\s+so|very)\\s+sorry\\s+(?:that\\s+)?[^.!?]{1,60}?\\s+(?:disturbed|interrupted|spoiled|spoilt|ruined|disrupted)\\s+your\\s+(?:lie-?\\s?in|beauty\\s+sleep|(?:afternoon\\s+)?nap)\\b`,
  },
  {
    family: 'mock-sympathy-weak',
    reason: 'mock sympathy',
    weak: true,
    keys: ['it must be', 'utterly', 'absolutely', 'completely', 'truly'],
    pattern: [
      `\\bit\\s+must\\s+be\\s+(?:ever\\s+so|so|terribly|awfully|very|frightfully)\\s+(?:hard|difficult|tough|trying|exhausting|tiring)\\b`,
      `\\b(?:utterly|absolutely|completely|truly)\\s+(?:devastated|heartbroken|bereft|distraught|gutted)\\b[^.!?]{0,30}?\\bas\\s+you\\s+(?:can|might|may)\\s+imagine\\b`,
    ].join('|'),
  },
  {
    family: 'can-wait',
    reason: 'mock sympathy',
    weak: true,
    keys: ['can clearly', 'can obviously', 'can surely'],
    pattern: `\\bcan\\s+(?:clearly|obviously|surely)\\s+wait\\s+(?:another|a\\s+few\\s+more|one\\s+more)\\s+(?:year|month|decade|winter|summer)`,
  },
  {
    family: 'mock-remedy',
    reason: 'mocks someone’s complaint',
    keys: [...pairs(['word with', 'ask', 'tell', 'instruct', 'remind'], ['the']), ...pairs(['here'], ['slightly', 'just', 'a little', 'a bit', 'a few'])],
    pattern: [
      `\\bwe(?:${A}ll|\\s+will)\\s+(?:have\\s+a\\s+(?:quiet\\s+|stern\\s+|firm\\s+)?word\\s+with|ask|tell|instruct|remind)\\s+the\\s+(?:[\\w-]+\\s+){0,2}?(?:mackerel|fish|seagulls?|gulls|weather|tide|sea|sun|rain|wind|birds|cows|sheep|bells?|waves|moon|clouds|pigeons|ducks|geese|cockerels?|church\\s+clock)\\s+(?:to|about|not)\\b`,
      `\\b(?:might|may|could)\\s+have\\s+been\\s+here\\s+(?:slightly|just|a\\s+(?:little|bit|few\\s+\\w+))\\s+(?:before|longer\\s+than)\\s+(?:you|your)\\b`,
    ].join('|'),
  },
  {
    family: 'mock-help',
    reason: 'patronises someone with mock help',
    weak: true,
    keys: pairs(['a', 'a little', 'a nice', 'a simple', 'a big'], ['map', 'diagram', 'picture', 'dictionary', 'calendar', 'compass', 'sat', 'colouring book', 'crayons']),
    pattern: `\\b(?:lend|lent|draw|drawn|drew|send|sent|give|given|buy|bought|get|got)\\s+(?:him|her|them|the\\s+\\w+(?:\\s+\\w+)?)\\s+a\\s+(?:little\\s+|nice\\s+|simple\\s+|big\\s+)?(?:map|diagram|picture|dictionary|calendar|compass|sat-?nav|colouring\\s+book|crayons)\\b`,
  },
  {
    family: 'ironic-praise',
    reason: 'ironic praise',
    keys: [...pairs(['charming', 'delightful', 'classy', 'gracious', 'constructive', 'polite', 'measured', 'reasonable'], ['as']), 'shall we say', 'should we say'],
    pattern: [
      `(?:^|[.!?]\\s+)(?:charming|delightful|classy|gracious|constructive|polite|measured|reasonable)\\s+as\\s+(?:ever|always|usual),\\s+(?:(?:mr|mrs|ms|miss|dr|cllr|councillor)\\.?\\s+)?[a-z'’-]+\\s*[.!?]`,
      `\\b(?:shall|should)\\s+we\\s+say,?\\s+(?:ambitious|optimistic|creative|imaginative|brave|bold|novel|original|unusual|colourful|courageous|adventurous)\\b`,
    ].join('|'),
  },
  {
    family: 'curt',
    reason: 'ironic one-word verdict',
    weak: true,
    faint: true,
    keys: pairs(['lovely', 'marvellous', 'wonderful', 'super', 'splendid', 'goodness', 'goodness me', 'gosh', 'fabulous', 'smashing', 'charming', 'brilliant', 'great', 'genius', 'fantastic'], ['.', '!']),
    pattern: `(?:^|[.!?]\\s+)(?:lovely|marvellous|wonderful|super|splendid|goodness(?:\\s+me)?|gosh|fabulous|smashing|charming|brilliant|great|genius|fantastic)\\s*[.!](?=\\s|$)`,
  },
  {
    family: 'quote-back',
    reason: 'throws someone’s words back at them',
    keys: ['tell us what', 'explain what', 'explain to us what'],
    // Only words quoted earlier in the post: someone's own words thrown back at them.
    pattern: `['‘"“](?<said>[^'’"”]{2,30})['’"”][^]{1,300}?\\b(?:tell|explain\\s+to|explain)\\s+(?:us\\s+)?what\\s+['‘"“]\\k<said>['’"”]\\s+(?:actually\\s+|really\\s+)?means\\b`,
  },
  {
    family: 'leave-it',
    reason: 'says someone is not capable',
    keys: [...pairs(['to'], ['someone who', 'somebody who', 'people who', 'those who', 'the grown', 'the adults', 'the professionals']), 'if your'],
    pattern: [
      `\\b(?:perhaps|maybe|best|better\\s+to|just)\\s+leave\\s+(?:\\w+\\s+){0,5}?to\\s+(?:someone|somebody|people|those|the\\s+grown-?ups|the\\s+adults|the\\s+professionals)\\s+who\\s+(?:can\\s+actually|actually|understands?|knows?\\s+(?:what|how|an?|the)|can\\s+(?:read|count|see|spell))\\b`,
      `\\bif\\s+your\\s+[\\w\\s]{1,20}?\\s+is\\s+(?:really\\s+|genuinely\\s+|honestly\\s+|truly\\s+)?(?:that|so)\\s+(?:poor|bad|weak|limited|short|failing)\\b`,
    ].join('|'),
  },
  {
    family: 'name-calling',
    reason: 'calls someone a name',
    aimed: true,
    keys: pairs(['some'], ['muppet', 'idiot', 'clown', 'numpty', 'genius', 'bright spark', 'plonker', 'moron', 'wally', 'joker', 'comedian', 'absolute', 'selfish', 'pillock', 'prat']),
    pattern: `\\bsome\\s+(?:muppet|idiot|clown|numpty|genius|bright\\s+spark|plonker|moron|wally|joker|comedian|pillock|prat|absolute\\s+[a-z*]+|selfish\\s+[a-z*]+)\\s+(?:in|driving|with)\\s+(?:a|an|the|their|his|her)\\s+`,
  },
  // Weak company for the signals above: said kindly too, so never alone
  {
    family: 'hang-of-it',
    reason: 'condescends to someone',
    weak: true,
    keys: ['get the hang', 'got the hang', ...pairs(["she's", 'she’s', "he's", 'he’s', "they're", 'they’re', 'she is', 'he is', 'they are'], ['still'])],
    pattern: `\\b(?:get|got)\\s+the\\s+hang\\s+of\\s+[^.!?]{0,40}?\\beventually\\b|\\b(?:she${A}s|he${A}s|they${A}re|she\\s+is|he\\s+is|they\\s+are)\\s+still\\s+(?:new|learning|young|finding\\s+(?:her|his|their)\\s+feet)\\b`,
  },
  {
    family: 'pet-name',
    reason: 'condescends to someone',
    weak: true,
    faint: true,
    keys: ['girls', 'love', 'dear', 'dearie', 'sweetheart', 'sweetie', 'petal', 'pet', 'darling', 'young man', 'young lady', 'my dear', 'nice young'],
    pattern: `,\\s+(?:girls|love|dear|dearie|sweetheart|sweetie|petal|pet|darling|young\\s+man|young\\s+lady|my\\s+dear)\\s*[,.!?]|\\ba\\s+nice\\s+young\\s+(?:man|woman|lady|lad)\\b`,
  },
  {
    family: 'honestly',
    reason: 'sneers at someone',
    weak: true,
    keys: ["let's be honest", 'let’s be honest', 'not being funny', ...pairs(['can', 'could', 'will'], ['they really', 'he really', 'she really', 'you really']), "we'll see", 'we’ll see'],
    pattern: [
      `\\blet${A}s\\s+be\\s+honest(?=\\s*,)`,
      `\\bnot\\s+being\\s+funny,?\\s+but\\b`,
      `\\b(?:can|could|will)\\s+(?:they|he|she|you)\\s+really\\s+(?:handle|manage|cope\\s+with|be\\s+trusted|keep\\s+up)`,
      `\\bwe${A}ll\\s+see,?\\s+won${A}t\\s+we\\b`,
    ].join('|'),
  },
  {
    family: 'memo',
    reason: 'sarcasm',
    weak: true,
    keys: ['must have missed', 'never actually', 'never even', 'which end', 'some of us', 'do hear us', 'that helps', 'hope this helps', 'hope that helps'],
    pattern: [
      `\\b(?:we|i)\\s+must\\s+have\\s+missed\\s+(?:that|the)\\s+(?:memo|meeting|briefing|email|bit)\\b`,
      `\\b(?:has|have)\\s+never\\s+(?:actually|even)\\s+(?:set\\s+foot|been)\\s+in\\b`,
      `\\bwhich\\s+end\\s+of\\s+(?:the|a)\\s+\\w+\\s+(?:goes|is|to)\\b`,
      `\\bsome\\s+of\\s+us\\s+have\\s+(?:an?\\s+|real\\s+|proper\\s+)?(?:[\\w-]+\\s+){0,2}?(?:to\\s+(?:run|do|get\\s+on\\s+with)|jobs)\\b`,
      `\\bdo\\s+hear\\s+us\\s+out\\b`,
      `\\b(?:hope|trust)\\s+(?:that|this)\\s+helps,?\\s+this\\s+time\\b`,
    ].join('|'),
  },
  {
    family: 'tally',
    reason: 'mocks what someone delivered',
    weak: true,
    keys: ['nothing'],
    pattern: `\\b(?:had|have\\s+had|has\\s+had)\\s+(?:\\w+\\s+){0,2}?(?:years|months|decades)\\s+to\\s+[^.!?]{3,60}?\\s+(?:and|but)\\s+(?:have\\s+|has\\s+)?(?:done|achieved|delivered|managed)\\s+(?:precisely|absolutely|exactly|next\\s+to|almost)?\\s*nothing\\b`,
  },
  { family: 'eye-roll', reason: 'sarcasm', weak: true, faint: true, keys: ['🙄', '😒', '🙃'], pattern: `🙄|😒|🙃` },
  { family: 'hyperbole', reason: 'mocks someone’s alarm', weak: true, keys: ['end of civ', 'end of the world'], pattern: `\\bthe\\s+end\\s+of\\s+(?:civilisation|civilization|the\\s+world)(?:\\s+as\\s+we\\s+know\\s+it)?\\b` },
];

/**
 * One read of a post finds which keys it holds; only the signals those keys belong to are then
 * looked for, each with its own expression, so a post costs one scan plus the few signals it may
 * hold. (One expression of every signal would try each of them at every word.)
 */
const KEY_SCAN = new RegExp(
  `${wordGate(SIGNALS.flatMap(({ keys }) => keys.filter((key) => /^[a-z0-9]/.test(key))))}|${SIGNALS.flatMap(({ keys }) => keys.filter((key) => !/^[a-z0-9]/.test(key))).join('|')}`,
  'g',
);
const EXPRESSIONS = SIGNALS.map(({ pattern }) => new RegExp(pattern, 'g'));
/** The signals each key, or the start of a key, belongs to: the scan finds a key's shortest form. */
const SIGNALS_BY_KEY = new Map<string, number[]>();
SIGNALS.forEach(({ keys }, index) => {
  for (const key of keys) {
    for (let length = 1; length <= key.length; length++) {
      const prefix = key.slice(0, length);
      const signals = SIGNALS_BY_KEY.get(prefix) ?? [];
      if (!signals.includes(index)) signals.push(index);
      SIGNALS_BY_KEY.set(prefix, signals);
    }
  }
});

/** Praise, sympathy or gratitude in the sentence: the same words are then said kindly. */
const KINDLY = /\b(?:congratulat\w*|well\s+done|proud|grateful|thank(?:s|\s+you)\s+(?:to\s+(?:all|everyone)|again\s+to)|amazing|fantastic|wonderful|sorry\s+to\s+hear|get\s+well|condolences|sympath\w*)\b/;

/**
 * Put-downs in a segment aimed at the person answered or someone named; `addressed` says the post
 * is a reply or opens with an @-mention.
 */
export function findPutDowns(segment: Segment, addressed: boolean, councillors: readonly { name: string }[]): PutDown[] {
  const lower = segment.lower;
  const candidates = new Set<number>();
  // Each key where it starts, overlapping ones too: "thanks for the" holds "for the".
  KEY_SCAN.lastIndex = 0;
  for (let key = KEY_SCAN.exec(lower); key; key = KEY_SCAN.exec(lower)) {
    for (const index of SIGNALS_BY_KEY.get(key[0]) ?? []) candidates.add(index);
    KEY_SCAN.lastIndex = key.index + 1;
  }
  KEY_SCAN.lastIndex = 0;
  if (candidates.size === 0) return [];
  const text = segment.text;
  const signals: Array<{ start: number; end: number; signal: Signal }> = [];
  for (const index of [...candidates].sort((a, b) => a - b)) {
    for (const m of allMatches(EXPRESSIONS[index]!, lower)) {
      if (m[0].length === 0) continue;
      // Leading separators the pattern needed to see: the evidence starts at the first word.
      const start = m.index + /^[\s.!?,;:–—-]*/.exec(m[0])![0].length;
      if (quoted(text, start)) continue;
      if (KINDLY.test(clauseAround(lower, segment.sentenceAround(start), start))) continue;
      signals.push({ start, end: m.index + m[0].length, signal: SIGNALS[index]! });
    }
  }
  if (signals.length === 0) return [];
  // One signal for each stretch of words: the earliest, then the strong, then the longest.
  signals.sort((a, b) => a.start - b.start || Number(a.signal.weak ?? false) - Number(b.signal.weak ?? false) || b.end - a.end);
  // Sorted by start, a signal overlaps an earlier one exactly when it starts before the furthest end so far.
  let furthest = -1;
  const kept = signals.filter((signal) => {
    const clear = furthest <= signal.start;
    furthest = Math.max(furthest, signal.end);
    return clear;
  });

  const families = new Set(kept.map(({ signal }) => signal.family));
  const strong = kept.some(({ signal }) => !signal.weak);
  const weakEnough = families.size >= 2 && kept.some(({ signal }) => signal.weak && !signal.faint);
  let target: Target | undefined;
  let looked = false;
  const found: PutDown[] = [];
  for (const { start, end, signal } of kept) {
    if (signal.weak && !strong && !weakEnough) continue;
    if (!signal.aimed || signal.named) {
      if (!looked) target = findTarget(segment, addressed, councillors);
      looked = true;
      if (target === undefined || (signal.named && !target.person)) continue;
    }
    let evidenceEnd = end;
    while (evidenceEnd > start && /[\s,;:]/.test(text[evidenceEnd - 1]!)) evidenceEnd--;
    const aimedAt = target && !target.answered ? ` at ${target.name}` : '';
    found.push({ start, end: evidenceEnd, reason: `${signal.reason}${aimedAt} ('${text.slice(start, evidenceEnd)}')` });
  }
  return found;
}

/** The clause of a sentence around an offset: between commas, semicolons, colons and dashes. */
function clauseAround(lower: string, sentence: { start: number; end: number }, at: number): string {
  // Bounded on both sides, so that a post of one endless sentence is read in linear time.
  const start = Math.max(sentence.start, at - CLAUSE_ROOM);
  const end = Math.min(sentence.end, at + CLAUSE_ROOM);
  const before = lower.slice(start, at);
  const from = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(' – '), before.lastIndexOf(' — '));
  const after = CLAUSE_END.exec(lower.slice(at, end));
  return lower.slice(from < 0 ? start : start + from + 1, after ? at + after.index : end);
}
/** How far a clause is read either side of a signal: longer than any clause a person writes. */
const CLAUSE_ROOM = 400;
const CLAUSE_END = /[,;:]| [–—] /;

