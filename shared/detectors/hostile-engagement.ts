import type { DetectionContext } from './context';
import { squash } from './context';
import type { Hit, PostDetector } from './detector';
import { RULE_META } from './meta';
import type { PostView } from './post-view';
import { AIMED_WORDS, findAimedRemarks } from './text/lexicon/group-exclusion';
import { removalNoticeSpans } from './text/lexicon/removal-notice';
import { findSwearWords } from './text/lexicon/swear-words';
import { wordGate } from './text/prose/word-gate';
import {
  belittlingGate,
  DISPROPORTION,
  findBelittling,
  IRONIC_PRAISE,
  IRONY_MARK,
  MISHAP,
  NAME_VERDICT,
  SARCASTIC_VERDICT,
  SCARE_QUOTE,
  SINCERE_THANKS,
  STAFF_TITLE,
  THANKS,
  VERDICT_WORD,
  type Belittling,
} from './text/prose/belittling';
import type { Segment } from './text/segment';
import { SpanSet } from './text/spans';
import { findPutDowns } from './text/prose/put-downs';

/** An apostrophe, straight or curly. */
const A = "['’]";

// Words that every hostile pattern below needs; a post without any of them costs one quick read.
const HINT_WORDS = [
  'read', 'lie ', 'lies', 'lied', 'lie.', 'lie,', 'lie!', 'lying', 'liar', 'untruth', 'falsehood', 'porkies', 'typical',
  'shambl', 'joke', 'farce', 'disgrace', 'useless', 'incompet', 'clue', 'hopeless', 'pathetic', 'idiot', 'moron', 'muppet',
  'amateurs', 'cowboys', 'clowns', 'jokers', 'to save', 'brewery', 'depended', 'wouldn', 'fault', 'your problem', 'bother',
  'moan', 'whing', 'whin', 'bleat', 'grandstand', 'showboat', 'sulk', 'tantrum', 'grow up', 'get a life', 'shut up', 'get over',
  'get a grip', 'give it a rest', 'jog on', 'do one', 'neck in', 'high horse', 'research', 'facts', 'educate', 'cares', 'asked',
  'keyboard', 'armchair', 'minnies', 'complainers', 'nimb', 'busybod', 'rubbish', 'nonsense', 'drivel', 'tosh', 'garbage', 'rot',
  'codswallop', 'twaddle', 'balls', 'bollocks', 'bullsh', 'crap', 'claptrap', 'piffle', 'poppycock', 'ridiculous', 'laughable',
  'absurd', 'ludicrous', 'silly', 'childish', 'petty', 'stupid', 'ignorant', 'arrogant', 'spineless', 'deluded', 'you people',
  'people like you', 'pointless', 'anything', 'hypocri', 'liability', 'waste of space', 'plonker', 'numpt', 'halfwit', 'cretin',
  'imbecile', 'timewaster', 'time-waster', 'unfit', 'not fit', 'embarrass', 'laughing', 'stop spreading', 'stop peddling',
  'stop posting', 'stop repeating', 'stop spouting', 'stop making', 'stop moaning', 'stop whining', 'stop whing',
  'stop bleating', 'stop trolling', 'stop lying', 'stop complaining', 'stop crying', 'stop stirring', 'stop being', 'clearly',
  'obviously', 'evidently', 'talking', 'making', 'shame', 'disgust', 'appall', 'shock', 'woeful', 'abysmal', 'atrocious',
  'diabolical', 'let ', 'let.', 'let,', 'troll', 'pillock', 'prat ', 'prat.', 'prat,', 'prat!', 'prats', 'wally', 'plonk',
  'same old', 'usual', 'before you', 'live here', 'thing to say', 'complain', 'be such', 'drama queen', 'classy',
];
const HINT = new RegExp(wordGate(HINT_WORDS));

/** Contempt for a person or organisation: the words that make "they're …" an insult. */
const CONTEMPT =
  `(?:shambles|shambolic|(?:a\\s+)?joke|farce|disgrace|disgraceful|laughing\\s*stock|embarrassment|incompetent|useless|hopeless|clueless|pathetic|idiots?|idiotic|morons?|moronic|muppets?|liars?|hypocrites?|hypocritical|cretins?|imbeciles?|halfwits?|numpt(?:y|ies)|plonkers?|waste\\s+of\\s+space|ignorant|stupid|arrogant|spineless|deluded|time-?wasters?|liability|unfit\\s+to\\s+\\w+|not\\s+fit\\s+to\\s+(?:run|manage|organise|lead)\\b|(?:bunch|load|pack)\\s+of\\s+(?:amateurs|cowboys|clowns|jokers|idiots|liars)|(?:complete|total|absolute|utter|right)\\s+(?:amateurs|cowboys|clowns|jokers))`;
const INTENSIFIERS =
  '(?:just|simply|frankly|honestly|clearly|obviously|totally|completely|utterly|absolutely|such|so|a|an|absolute|complete|utter|total|nothing\\s+but|being|an\\s+absolute|a\\s+complete)';

interface HostilePattern {
  pattern: RegExp;
  reason: string;
  /** Only in a reply or a post that opens by addressing someone: the same words in a notice are advice. */
  addressedOnly?: boolean;
  /** Left alone when the post is about this: rubbish is litter in a post about a litter pick. */
  literalIn?: RegExp;
  /** Left alone in a post that says this: "read the notice again … sorry for the confusion" is help. */
  unlessIn?: RegExp;
}

const LITTER = /\b(?:litter|bags?|collected|picked|pick|clear(?:ed|ing)?|clean(?:ed|ing|-?up)?|tip|fly-?tipp\w*|bins?|skips?|recycl\w*|dumped)\b/;

const PATTERNS: readonly HostilePattern[] = [
  {
    reason: "mocks someone's ability to read",
    pattern: new RegExp(
      [
        // Not in a condition ("if you can't read the map, ask at reception"); a bare "you can't read"
        // is about the reader only when nothing is said to be unreadable ("you can't read this sign").
        `(?<!\\b(?:if|when|whether|who|where|because|as)\\s+)\\byou\\s+(?:clearly|obviously|evidently|simply|just|really|still|honestly)\\s+(?:can(?:not|${A}t|\\s+not)|could(?:n${A}t|\\s+not))\\s+(?:even\\s+)?read\\b`,
        `(?<!\\b(?:if|when|whether|who|where|because|as)\\s+)\\byou\\s+(?:can(?:not|${A}t|\\s+not)|could(?:n${A}t|\\s+not))\\s+(?:even\\s+)?read(?=\\s*(?:[^\\sa-z]|$|properly|either|english|and\\b|or\\b|so\\b))`,
        `\\bcan(?:${A}t|not)\\s+you\\s+read\\b`,
        `\\b(?:did|do|have|can)\\s+you\\s+even\\s+(?:read|look|looked|check|checked|bother|understand)\\b`,
        `\\bif\\s+you(?:${A}d|\\s+had)?\\s+(?:bothered|taken\\s+the\\s+time|troubled\\s+yourself)\\s+to\\s+(?:read|look|check)\\b`,
        `\\bif\\s+you\\s+(?:can(?:not|${A}t|\\s+not)|could(?:n${A}t|\\s+not))\\s+(?:even\\s+)?be\\s+bothered\\s+to\\s+(?:read|look|check|find\\s+out)\\b`,
        `\\bread\\s+(?:it|the\\s+\\w+|our\\s+\\w+)\\s+properly\\b`,
        '\\breading\\s+comprehension\\b',
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'talks down to someone ("you clearly don\'t understand")',
    pattern: new RegExp(
      [
        `\\byou\\s+(?:clearly|obviously|evidently)\\s+(?:didn${A}t|did\\s+not|haven${A}t|have\\s+not|don${A}t|do\\s+not)\\s+(?:read|understand|bother|know|get\\s+it|have\\s+a\\s+clue)\\b`,
        `\\b(?:clearly|obviously|evidently),?\\s+you\\s+(?:didn${A}t|did\\s+not|haven${A}t|have\\s+not|don${A}t|do\\s+not|can${A}t|cannot|never)\\s+(?:read|understand|bother|know|get\\s+it)\\b`,
        `\\breading\\s+(?:isn${A}t|is\\s+not|clearly\\s+isn${A}t)\\s+your\\s+(?:strong\\s+(?:point|suit)|forte)`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'accuses someone of lying or talking rubbish',
    pattern: new RegExp(
      [
        '\\b(?:spreading|telling|peddling|posting|repeating|spouting)\\s+(?:\\w+\\s+)?(?:lies|untruths|falsehoods|porkies)\\b',
        '\\bstop\\s+(?:spreading|peddling|posting|repeating|spouting|making\\s+up)\\s+(?:\\w+\\s+){0,2}?(?:lies|rumou?rs|misinformation|nonsense|rubbish|fake\\s+news|stories|things)\\b',
        `\\byou(?:${A}re|\\s+are)\\s+(?:just\\s+|simply\\s+|clearly\\s+|obviously\\s+)?(?:lying|a\\s+liar|making\\s+(?:it|this|that|things|stuff)\\s+up|talking\\s+(?:rubbish|nonsense|drivel|tosh|out\\s+of\\s+your\\s+\\w+)|spreading\\s+(?:lies|rumou?rs|misinformation))`,
        '\\b(?:your|such|more|a\\s+pack\\s+of|complete|utter|total|blatant|outright)\\s+lies\\b(?!\\s+(?:within|in|on|at|beyond|ahead|between|behind|under|along|across|outside|inside|near|next|to|just))',
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'blames the person it answers ("not our fault you …")',
    pattern: new RegExp(`\\bnot\\s+our\\s+(?:fault|problem)\\s+(?:that\\s+|if\\s+)?you\\b[^.!?\\n]{0,60}|\\byour\\s+problem,?\\s+not\\s+ours\\b`, 'g'),
  },
  {
    reason: 'sneers at a councillor or opponent ("typical of … to moan")',
    pattern: new RegExp(
      [
        "\\btypical\\s+of\\s+(?:[\\w.'’-]+\\s+){1,5}?to\\s+(?:moan|whinge|whine|grumble|bleat|gripe|complain|carp|criticise|criticize|kick\\s+up|make\\s+a\\s+fuss|stir|interfere|meddle|grandstand|show\\s+off|play\\s+politics|blame|twist|exaggerate|lie)\\b",
        '\\btypical\\s+of\\s+(?:cllr|councillor|you|him|her|them|the\\s+opposition)\\b',
        "\\btypical\\s+(?:cllr|councillor)(?:\\s+[a-z'’-]+){0,2}",
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'ridicules an organisation or person as incompetent',
    pattern: new RegExp(
      [
        `\\bcould(?:n${A}t|\\s+not)\\s+(?:\\S+\\s+){1,5}?(?:to\\s+save\\s+(?:their|his|her|your|its)\\s+li(?:fe|ves)|in\\s+a\\s+brewery|if\\s+(?:their|his|her|your)\\s+li(?:fe|ves)\\s+depended\\s+on\\s+it)`,
        `\\bwouldn${A}t\\s+know\\s+(?:\\S+\\s+){1,5}?if\\s+it\\s+(?:hit|bit|slapped|smacked)`,
        `\\b(?:they|you|he|she|(?:cllr|councillor)\\s+[a-z'’-]+)\\s+(?:clearly\\s+|obviously\\s+|simply\\s+|just\\s+)?(?:(?:haven${A}t|hasn${A}t|don${A}t|doesn${A}t)\\s+(?:got\\s+|have\\s+)?(?:a|the\\s+(?:faintest|foggiest|slightest))|(?:have|has)\\s+no)\\s+clue\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'insults the person or organisation it names',
    pattern: new RegExp(
      `\\b(?:you|they|he|she)(?:${A}re|${A}s|\\s+are|\\s+is|\\s+were|\\s+was|\\s+have\\s+been|\\s+has\\s+been)\\s+(?:${INTENSIFIERS}\\s+){0,3}${CONTEMPT}(?![\\w-])`,
      'g',
    ),
  },
  {
    reason: 'dismisses someone with a put-down',
    pattern: new RegExp(
      `(?:^|[.!?;:,…—–(\\n]\\s*|\\s-\\s+|@[\\w.@-]+\\s+)(?:(?:oh|just|please|honestly|seriously|now|so|well|frankly|mate)\\s*,?\\s+)?((?:grow\\s+up|get\\s+a\\s+life|shut\\s+up|get\\s+over\\s+it|get\\s+a\\s+grip|give\\s+it\\s+a\\s+rest|jog\\s+on|do\\s+one|wind\\s+your\\s+neck\\s+in|get\\s+off\\s+your\\s+high\\s+horse|(?:nobody|no[- ]one)\\s+(?:cares|asked(?:\\s+you)?)(?!\\s*,?\\s*but\\s+(?:here|we|i|our|this)\\b)|who\\s+asked\\s+you)(?=\\s*(?:[^\\sa-z]|$|and\\b|or\\b|mate\\b|please\\b))|stop\\s+(?:moaning|whining|whingeing|whinging|bleating|trolling|lying|complaining|crying|stirring|being\\s+(?:so\\s+)?(?:rude|ridiculous|pathetic|childish|silly|stupid|dramatic))\\b)`,
      'gd',
    ),
  },
  {
    reason: 'mocks members of the public with a sneering label',
    pattern: new RegExp(
      [
        '\\b(?:moaners|whingers|whiners|keyboard\\s+warriors?|armchair\\s+(?:experts?|critics?)|moaning\\s+minnies|serial\\s+complainers|nimbys|nimbies|busybodies)\\b',
        `\\bsome\\s+(?:people|folk|residents)\\s+(?:will|would|just|always|love\\s+to|can${A}t\\s+help\\s+but)\\s+(?:moan|whinge|whine|complain|bleat|grumble)\\s+about\\s+anything\\b`,
        '\\b(?:another|yet\\s+another|one\\s+more)\\s+(?:pointless|petty|silly|ridiculous|ludicrous|tedious|vexatious|daft)\\s+(?:complaint|moan|rant|whinge|email|letter|post|comment)s?\\s+from\\b',
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'sneers at the person it answers ("typical moaning from you")',
    pattern: new RegExp(
      [
        `\\b(?:typical|same\\s+old|the\\s+usual|yet\\s+more|more|another|constant|endless|non-?stop)\\s+(?:\\w+\\s+)?(?:moaning|moans?|whing(?:e|es|ing|eing)|whin(?:e|es|ing)|complaints?|complaining|nonsense|rubbish|drivel|negativity|grumbling|bleating|scaremongering|misinformation|lies)\\s+from\\s+(?:you|him|her|them|cllr|councillor)\\b`,
        `\\byou\\s+(?:always|just|only\\s+ever|constantly|never\\s+stop|love\\s+to)\\s+(?:moan|whinge|whine|complain|bleat|grumble|stir|twist)`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'calls the person it answers a name',
    pattern: new RegExp(
      [
        `\\b(?:trolls?|idiots?|clowns?|fools?|moaners?|whingers?|muppets?|morons?|numpt(?:y|ies)|pillocks?|prats?|plonkers?|keyboard\\s+warriors?)\\s+like\\s+you\\b`,
        `\\byou\\s+(?:absolute\\s+|complete\\s+|utter\\s+|total\\s+|silly\\s+|little\\s+)?(?:troll|idiot|clown|muppet|moron|fool|plonker|numpty|pillock|prat|wally|halfwit|cretin|imbecile)s?\\b`,
        `\\b(?:don${A}?t|do\\s+not)\\s+be\\s+(?:such\\s+)?(?:an?\\s+)?(?:\\w+\\s+)?(?:pillock|prat|wally|idiot|muppet|clown|moron|numpty|plonker|fool|drama\\s+queen|troll|child|baby|snowflake)\\b`,
        `\\b(?:such|what)\\s+an?\\s+(?:absolute\\s+|complete\\s+|utter\\s+)?(?:pillock|prat|wally|idiot|muppet|clown|moron|numpty|plonker|halfwit|cretin|imbecile|troll)\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'accuses someone of lying or talking rubbish',
    pattern: new RegExp(
      `\\b(?:before\\s+)?you\\s+(?:post|write|spout|spread|talk|comment|come\\s+on\\s+here\\s+(?:with|posting))\\s+(?:such\\s+|utter\\s+|complete\\s+|more\\s+|any\\s+more\\s+)?(?:nonsense|rubbish|drivel|tosh|rot|garbage|lies|twaddle|codswallop|claptrap)\\b`,
      'g',
    ),
  },
  {
    reason: 'derides the comment it answers',
    addressedOnly: true,
    pattern: new RegExp(
      [
        '\\bwhat\\s+an?\\s+(?:ridiculous|stupid|silly|daft|absurd|pathetic|ignorant|idiotic|ludicrous|childish|bizarre|dim)\\s+(?:thing\\s+to\\s+(?:say|post|write|suggest|ask)|comment|remark|question|claim|suggestion|post|idea|reply)\\b',
        '\\bdo\\s+you\\s+(?:even|actually)\\s+(?:live\\s+(?:here|in\\s+\\w+)|pay\\s+council\\s+tax|know\\s+what\\s+you(?:\\s+are|[\\\'’]re)\\s+talking\\s+about)\\b',
        `\\b(?:don${A}?t|do\\s+not)\\s+bother\\s+(?:commenting|replying|posting|complaining|moaning|writing|emailing)\\b`,
        `\\b(?:not\\s+going\\s+to|won${A}t|will\\s+not)\\s+(?:waste\\s+(?:our|any\\s+more)\\s+time\\s+)?argu(?:e|ing)\\s+with\\s+(?:you|trolls?|a\\s+troll)\\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'derides the comment it answers',
    pattern: new RegExp(
      `\\byour\\s+(?:comment|post|claim|argument|complaint|rant|reply|remark|point|question|idea|suggestion)s?\\s+(?:is|are|was|were)\\s+(?:just\\s+|simply\\s+|frankly\\s+|utterly\\s+|completely\\s+)?(?:ridiculous|laughable|pathetic|absurd|nonsense|rubbish|idiotic|ludicrous|stupid|silly|childish|drivel)\\b`,
      'g',
    ),
  },
  {
    reason: 'derides the comment it answers',
    addressedOnly: true,
    literalIn: LITTER,
    pattern: new RegExp(
      `\\b(?:what\\s+a\\s+load\\s+of|load\\s+of\\s+old|utter|complete|absolute|total|talking|that${A}s|this\\s+is|more)\\s+(?:\\w+\\s+)?(?:rubbish|garbage|crap)\\b(?!\\s+(?:collection|bins?|bags?|tip|dump|clearance|day|service|sacks?|lorry|truck|removal|pick))`,
      'g',
    ),
  },
  {
    reason: 'derides the comment it answers',
    addressedOnly: true,
    pattern: new RegExp(
      [
        `\\b(?:what\\s+a\\s+load\\s+of|load\\s+of\\s+old|utter|complete|absolute|total|talking|that${A}s|this\\s+is|more)\\s+(?:\\w+\\s+)?(?:nonsense|drivel|tosh|rot|codswallop|twaddle|balls|bollocks|bullsh\\w*|claptrap|piffle|poppycock)\\b`,
        '\\b(?:ridiculous|laughable|pathetic|absurd|idiotic|ludicrous|stupid|silly|childish|petty)\\s+(?:comment|post|claim|question|argument|complaint|suggestion|idea|point|rant|reply|remark)s?\\b',
        '\\byou\\s+people\\b',
        "\\bpeople\\s+like\\s+you\\s+(?:who|that)\\s+(?:[a-z'’]+\\s+){0,2}?(?:ruin|spoil|moan|whinge|whine|complain|cause|waste|never\\s+read|make\\s+(?:this|it|our)\\s+(?:job\\s+)?(?:harder|difficult|impossible|worse))",
        '(?:^|[.!?]\\s+)what\\s+a\\s+(?:joke|farce|shambles)(?=\\s*(?:[.!?…,]|$))',
      ].join('|'),
      'g',
    ),
  },
  {
    reason: 'lectures the person it answers',
    addressedOnly: true,
    unlessIn: /\b(?:sorry|apologi[sz]e|apologies|our\s+(?:mistake|error|fault)|confusion)\b/,
    pattern: new RegExp(
      `(?:^|[.!?;:,…—–(\\n]\\s*|@[\\w.@-]+\\s+)(?:(?:oh|just|please|honestly|seriously|maybe|perhaps|try\\s+and|go\\s+and)\\s*,?\\s+)?((?:learn\\s+to\\s+read|do\\s+your\\s+(?:own\\s+)?research|get\\s+your\\s+facts\\s+(?:straight|right)|check\\s+your\\s+facts|educate\\s+yourself|try\\s+reading|read\\s+(?:the|our|this)\\s+(?:\\w+\\s+)?(?:post|notice|article|sign|page|update|statement|minutes|agenda|report|document|papers|plans?|policy|timetable|letter|email|website|faqs?|details|thread)\\s+(?:properly|first|again|before\\s+(?:you\\s+)?(?:commenting|posting|replying|moaning|complaining|comment|post|reply|moan|complain|start|rant|mouth\\s+off)))\\b)`,
      'gd',
    ),
  },
];

// "Gullway Coaches are a shambles": a named subject (capitalised words) called something contemptuous.
const NAMED_CONTEMPT = new RegExp(
  `\\b((?:[a-z][\\w&'’.-]*\\s+){0,3}[a-z][\\w&'’.-]*)\\s+(?:are|is|were|was|have\\s+been|has\\s+been|remain|remains)\\s+(?:${INTENSIFIERS}\\s+){0,3}${CONTEMPT}(?![\\w-])`,
  'g',
);
/** Capitalised words that do not name anyone: sentence openers, pronouns and determiners. */
const NOT_A_NAME = new Set([
  'the', 'this', 'that', 'these', 'those', 'it', 'its', 'our', 'we', 'i', 'your', 'their', 'my', 'what', 'which', 'there', 'here',
  'honestly', 'frankly', 'and', 'but', 'so', 'everything', 'nothing', 'something', 'all', 'parking', 'traffic', 'weather',
]);
/** A subject ending in one of these is a place, not a person or organisation. */
const PLACE = /^(?:street|road|lane|avenue|park|beach|square|green|hill|way|close|place|gardens|centre|car|bridge|pier|promenade|prom|quay|harbour|junction|roundabout|crossing|station|hall|field|common|front|seafront|a\d+|b\d+|m\d+)$/;

// A councillor criticised by name or title for how they behave: "Cllr Smith moaning again".
const COUNCILLOR_CONTEMPT =
  /\b(?:moan(?:s|ed|ing)?|whing(?:e|es|ed|ing|eing)|whin(?:e|es|ed|ing)|bleat(?:s|ed|ing)?|grandstand(?:s|ed|ing)?|showboat(?:s|ed|ing)?|sulk(?:s|ed|ing)?|throw(?:s|ing)?\s+(?:a\s+)?tantrums?|hypocri\w+|(?:can['’]t|couldn['’]t|never)\s+(?:be\s+)?bother(?:ed|s)?)\b/g;
/** What may stand between the councillor and the behaviour: "Cllr Smith has been moaning again". */
const LINKING = '(?:(?:is|was|has|have|been|keeps|kept|just|always|still|again|once|busy|off|out|at\\s+it)\\s+)*';
const COUNCILLOR_BEFORE = new RegExp(`\\b(?:cllr|councillor|councilor)(?:\\s+[a-z'’-]+){0,2},?\\s+${LINKING}$`);
const NAME_THEN_BEHAVIOUR = new RegExp(`^,?\\s+${LINKING}$`);

// ---- Contempt for a named organisation or person -----------------------------------------------

/**
 * An organisation by name: capitalised words ending in a word that says what kind of body it is
 * ("Harbourne Rovers FC", "Coastline Buses", "Bayside Estates", "Southern Water"). Case-sensitive.
 */
const ORGANISATION =
  /\b(?:[A-Z][\w&'’.-]*\s+){1,3}(?:FC|AFC|Ltd|Limited|plc|PLC|Buses|Bus|Coaches|Rail|Railway|Railways|Trains|Water|Highways|Homes|Estates|Builders|Construction|Developments|Contractors|Group|Trust|Club|Motors|Taxis|Transport|Travel|Energy|Power|Services|Housing|Association|Authority|Agency|Police|Properties|Partnership|Rovers|United|Athletic|Wanderers|Albion|Council|Mail|Fencing|Civils|Roofing|Scaffolding|Waste|Skips|Haulage|Logistics|Telecom|Broadband|Company|DC)\b|\bOpenreach\b/g;
/** Words before a body's kind that name no one: "the Town Council" is us, "Our Services" a page. */
const GENERIC_BODY = /^(?:(?:The|Our|Your|Their|This|That|Town|Parish|City|Full|Community|Village|Local|Public|Customer|Council|Once|Again|Sadly|Honestly|Frankly|Shame|Well|Thanks|Thank|Yet|So|And|But|Today|Tonight|Yesterday|Please)\s+)+/;
/** A councillor or a titled person by name. */
const NAMED_PERSON = /\b(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][\w'’-]+/g;
const ORGANISATION_HERE = new RegExp(ORGANISATION.source, 'y');
const NAMED_PERSON_HERE = new RegExp(NAMED_PERSON.source, 'y');
/** Strong contempt in the sentence whose subject is a named body: "have left the pitch in a disgraceful state". */
const BODY_CONTEMPT =
  /\b(?:disgrace(?:ful(?:ly)?)?|disgusting|pathetic|shambolic|shambles|appalling(?:ly)?|shocking(?:ly)?|hopeless|useless|incompeten(?:t|ce)|shameful(?:ly)?|a\s+(?:total\s+|complete\s+|absolute\s+)?(?:joke|farce)|laughable|woeful(?:ly)?|abysmal|atrocious|diabolical|clueless|let\s+(?:\w+\s+){0,2}down(?:\s+(?:again|yet\s+again|once\s+again))?|(?:could(?:n['’]t|\s+not)|don['’]t|do\s+not)\s+care\s+less)\b/i;
/** Openers that may stand before the named subject: "Once again Coastline Buses have …". */
const SUBJECT_OPENER = /^\s*(?:(?:once\s+again|yet\s+again|again|sadly|honestly|frankly|so|and|but|oh|well|apparently|seriously|unbelievably|the|today|this\s+week|,)\s*)*$/i;
/** A sentence that is sorry, grateful or sympathetic is not contempt for the body it names. */
const SYMPATHY = /\b(?:sorry|apologi[sz]\w*|thank\w*|grateful|well\s+done|congratulat\w*|help(?:ed|ing|s)?|support(?:ed|ing)?|victims?|hit\s+by|affected\s+by|targeted\s+by|suffered|with\s+the\s+help|working\s+with|together)\b/i;
/** "Shame on Bayside Estates", "shame on you". */
const SHAME_ON = /\bshame\s+on\s+/gi;
/** A sentence that is nothing but a verdict of contempt: "Pathetic.", "Utterly hopeless.", "Typical!" */
const CURT_VERDICT =
  /^\s*(?:(?:just|simply|utterly|absolutely|totally|completely|truly|frankly|honestly|so|how|what\s+an?|an?\s+(?:absolute|total|complete)|absolute|total|complete|quite)\s+)?(pathetic|disgraceful|disgusting|shameful|shambolic|useless|hopeless|typical|appalling|shocking|embarrassing|ridiculous|laughable|woeful|abysmal|atrocious|diabolical|incompetent|joke|farce|shambles|disgrace|embarrassment|clueless|classy)(?:\s+(?:behaviour|stuff|service|work|effort|performance|as\s+(?:usual|ever|always)|again|yet\s+again|once\s+again|from\s+(?:them|you|him|her)))?\s*[.!?…]*\s*$/i;
/** Verdicts that in a reply are aimed at the person answered, not sympathy with them ("Shocking! We'll clear it"). */
const AIMED_VERDICT = /^(?:pathetic|typical|ridiculous|laughable|clueless|embarrassing|incompetent|classy)$/;
/** A sentence that blames someone unidentified: the verdict after it is about them. */
const UNIDENTIFIED = /\b(?:vandals?|fly-?tippers?|thieves|culprits?|whoever|someone|somebody|those\s+responsible|person\s+responsible|people\s+responsible|litter\s*louts?|yobs?|offenders?)\b/i;

export const hostileEngagement: PostDetector = {
  meta: RULE_META['hostile-engagement'],

  detect(view: PostView, context: DetectionContext): Hit[] {
    const hits: Hit[] = [];
    for (const segment of view.segments) {
      if (segment.field === 'quoteOf.text') continue;
      const lower = segment.lower;
      const addressed = view.post.replyTo !== undefined || /^\s*@\w/.test(segment.text);
      const any = ANY_HINT.test(lower);
      const hinted = any && HINT.test(lower);
      const spans: Array<{ start: number; end: number; reason: string }> = aimedAtSomeone(segment, context, addressed, any);
      for (const span of findPutDowns(segment, addressed, context.config.councillors)) spans.push(span); // put-downs in any voice (text/prose/put-downs.ts)
      if (!hinted && spans.length === 0) continue;

      for (const { pattern, reason, addressedOnly, literalIn, unlessIn } of PATTERNS) {
        if ((addressedOnly && !addressed) || literalIn?.test(lower) || unlessIn?.test(lower)) continue;
        pattern.lastIndex = 0;
        for (let m = pattern.exec(lower); m; m = pattern.exec(lower)) {
          const [start, end] = m.indices?.[1] ?? [m.index, m.index + m[0].length];
          spans.push({ start, end, reason });
          if (m[0].length === 0) pattern.lastIndex++;
        }
      }
      // One by one: a spread of a long post's spans into push would overflow the stack
      for (const found of [namedContempt(segment), councillorContempt(segment, context), bodyContempt(segment, context, addressed)]) {
        for (const span of found) spans.push(span);
      }
      if (spans.length === 0) continue;

      const notices = removalNoticeSpans(segment, context.config.removalNotice);
      const kept: typeof spans = [];
      const keptSpans = new SpanSet(lower.length);
      for (const span of spans.sort((a, b) => a.start - b.start)) {
        if (notices.covers(span.start, span.end)) continue;
        if (keptSpans.overlaps(span.start, span.end)) continue;
        kept.push(span);
        keptSpans.add(span.start, span.end);
      }
      for (const span of kept) {
        hits.push({
          evidence: segment.text.slice(span.start, span.end),
          reason: `${span.reason}${view.post.replyTo ? ' in a reply' : ''}`,
          location: segment.locate(span.start, span.end),
        });
      }
    }
    return hits;
  },
};

/** A name used to address someone: "Honestly Keith, …", "…, Mrs Akhtar." */
const VOCATIVE_START = /(?:^|[.!?…]\s+)(?:(?:hi|hello|honestly|well|oh|look|sorry|thanks|thank\s+you|cheers|right|dear|listen|seriously|sadly)\s+)?((?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?),/gi;
const VOCATIVE_END = /,\s+((?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr)\.?\s+)?[A-Z][a-z'’-]+(?:[- ][A-Z][a-z'’-]+)?)\s*[.!?:]/g;
/** Capitalised words that open a sentence with a comma without naming anyone. */
const NOT_VOCATIVE =
  /^(?:today|tonight|yesterday|tomorrow|however|meanwhile|unfortunately|sadly|also|please|yes|no|again|remember|reminder|residents|everyone|folks|friends|well|so|now|then|first|finally|next|instead|otherwise|still|again|honestly|seriously|thanks|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|as|once|here|there|in|on|at|for|after|before|if|when|while|but|and|or|yet|of|this|that|these|those|our|we|you|it)$/i;
/** More words that open a sentence with a comma without naming anyone: "Apparently, …", "Another week, …". */
const NOT_VOCATIVE_EITHER =
  /^(?:another|last|every|some|most|many|all|good|great|big|huge|happy|welcome|lovely|brilliant|wow|oh|ah|ok|okay|yep|yeah|nope|sorry|hi|hello|hey|just|quick|update|news|breaking|important|note|notice|apparently|obviously|clearly|luckily|fortunately|hopefully|thankfully|interestingly|incidentally|basically|actually|anyway|indeed|plus|besides|overall|sure|right|gosh|congratulations|congrats|christmas|easter|summer|winter|spring|autumn|weekend|tomorrow)$/i;
/** One read of a post for every signal of sarcasm, a put-down, or a remark on someone's disability or age. */
const MAY_BELITTLE = belittlingGate(AIMED_WORDS);
/** Both gates in one read: most posts pass neither, and then cost one scan, not two. */
const ANY_HINT = belittlingGate([...AIMED_WORDS, ...HINT_WORDS]);

/** Two capitalised words, as a person's name is written: "Imran Qureshi". */
const PERSON_NAME = /(?<=\S\s+)[A-Z][a-z'’]+(?:[- ][A-Z][a-z'’]+)+\b/;
/** "you're a complete …", "you absolute …": an insult's frame, whatever word fills it. */
const INSULT_FRAME = new RegExp(`\\byou(?:${A}re|\\s+are)?\\s+(?:such\\s+)?(?:an?\\s+)?(?:complete|total|absolute|utter|right|proper|massive|bloody|little)\\s+([a-z*#•@$!0-9]+)`, 'g');
/** "you" followed by a word: where an insult's frame or swearing at someone can begin. */
const YOU_THEN_WORDS = /\byou(?:['’]?re|\s+are|r)?\s+(?:such\s+)?(?:an?\s+)?(?:complete|total|absolute|utter|right|proper|massive|bloody|little|[\w]*[*#•@$!0-9]|fu|sh|cu|tw|wa|pr|di|kn|be|to|ba|ar|pi|bo|bu|cr|co|go|mi|mu)/;
/** "you" and, within a few words, a word with a symbol or digit in it or the start of a profanity: worth looking for swearing at someone. */
const SWEAR_AFTER_YOU =
  /\byou(?:['’]?re|\s+are|r)?\s+(?:[\w'’]+\s+){0,3}?(?:[\w]*[*#•@$!0-9][\w*#•@$!]*|fu|sh|cu|tw|wa|pr|di|kn|be|to|ba|ar|pi|bo|bu|cr|co|go|mi|mu)/;
/** Words that make the same frame praise. */
const PRAISE = /^(?:legends?|stars?|heroe?s?|gems?|angels?|credit|assets?|pros?|naturals?|delights?|joys?|treasures?|saints?|marvels?|champions?|inspirations?|diamonds?|professionals?|gents?|gentlemen|ladies|darlings?|sweethearts?|bargains?|must|beginners?|novices?|mint|canny|class|ace|lovely|good|great|brilliant|smashing|gorgeous|kind|helpful|laughs?|hoots?|treats?)$/;
/** "You're right" with no article: before a name, agreement with that person ("you're a right Charlie" has one). */
const AGREEING = /^you(?:['’]re|\s+are)?\s+right\s/;
/**
 * Words that show "right" or "proper" was no intensifier: "you're right that the bins overflow", "you're right
 * and we were wrong", "you're right about the date". Sincere agreement is the commonest reply there is.
 */
const NOT_AN_INSULT = /^(?:that|and|about|on|to|there|in|it|i|we|the|this|of|but|so|as|though|again|here|now|too|enough|when|where|if|for|at|with|not)$/;

/** Sarcasm, put-downs, swearing and remarks about disability aimed at the person answered or someone named. */
function aimedAtSomeone(segment: Segment, context: DetectionContext, addressed: boolean, hinted: boolean): Span[] {
  const text = segment.text;
  const lower = segment.lower;
  const found: Span[] = [];

  // Swearing at the person answered: "you're a complete pr*ck", "you absolute tw*tface".
  if (YOU_THEN_WORDS.test(lower)) {
    INSULT_FRAME.lastIndex = 0;
    for (let m = INSULT_FRAME.exec(lower); m; m = INSULT_FRAME.exec(lower)) {
      if (PRAISE.test(m[1]!) || NOT_AN_INSULT.test(m[1]!)) continue;
      // "You're right Amir": a name straight after "right" is the person agreed with ("a right Charlie" is not).
      if (AGREEING.test(m[0]) && /\p{Lu}/u.test(text[m.index + m[0].length - m[1]!.length] ?? '')) continue;
      found.push({ start: m.index, end: m.index + m[0].length, reason: `insults the person it answers ('${text.slice(m.index, m.index + m[0].length)}')` });
    }
    for (const word of SWEAR_AFTER_YOU.test(lower) ? findSwearWords(segment) : []) {
      const before = lower.slice(Math.max(0, word.start - 40), word.start);
      if (/\byou(?:['’]re|\s+are|r)?\s+(?:[\w*#•@$!'’]+\s+){0,3}$/.test(before) || /^\s+you\b/.test(lower.slice(word.end, word.end + 6))) {
        found.push({ start: word.start, end: word.end, reason: 'swears at the person it answers' });
      }
    }
  }

  if (!hinted || !MAY_BELITTLE.test(lower)) return found;
  for (const remark of findAimedRemarks(segment)) found.push({ start: remark.start, end: remark.end, reason: `remarks on a person's ${remark.characteristics[0] === 'age' ? 'age' : 'disability'}` });

  const signals = findBelittling(segment);
  if (signals.length > 0) {
    const vocative = vocativeName(text);
    const secondPerson = /\b(?:you|u|ur)\b|\byou(?:r|rs|rself|['’]re|['’]ll|['’]ve|['’]d)\b/.test(lower);
    const answered = addressed || secondPerson || vocative !== undefined;
    const named = namedTargets(text, context);
    STAFF_TITLE.lastIndex = 0;
    const staff = STAFF_TITLE.exec(text);
    const someone = named.length > 0 || staff !== null || vocative !== undefined || PERSON_NAME.test(text);
    // Someone in particular: "you" in an ordinary post is every reader, and two capitalised words may be a street.
    const identified = addressed || vocative !== undefined || named.length > 0 || staff !== null;
    for (const quote of scareQuotes(segment, signals)) signals.push(quote);
    const strong = signals.filter((s) => !s.weak);
    for (const signal of signals) {
      const sentence = segment.sentenceAround(signal.start);
      if (signal.named && !signal.weak && (named.length === 0 || SYMPATHY.test(text.slice(sentence.start, sentence.end)))) continue;
      if (signal.identified && !identified) continue;
      if (signal.answered && !addressed && vocative === undefined) continue;
      if (!signal.weak && !signal.named && !answered && !someone) continue;
      if (signal.weak && !((answered || someone) && (strong.length > 0 || signals.length >= 2))) continue;
      found.push({ start: signal.start, end: signal.end, reason: signal.reason });
    }
  }

  if (VERDICT_WORD.test(lower)) for (const span of verdicts(segment, context, addressed)) found.push(span);
  return found;
}

/**
 * Sarcasm carried by a sentence that is only a verdict: "Classic Mr Hale." on its own; "Genius." after a
 * sentence telling of a named person's, a colleague's or a body's mishap; "Stellar work, as ever 👏"
 * after thanking a named body for a delay.
 */
function verdicts(segment: Segment, context: DetectionContext, addressed: boolean): Span[] {
  const text = segment.text;
  const found: Span[] = [];
  const lower = segment.lower;
  const sentences = sentenceSpans(text);
  if (NAME_VERDICT_WORD.test(lower) && !SYMPATHY.test(text)) {
    for (const sentence of sentences) {
      const words = text.slice(sentence.start, sentence.end);
      const verdict = NAME_VERDICT.exec(words);
      const target = verdict && verdictTarget(verdict[1]!, context, addressed);
      if (verdict && target) {
        found.push({ start: sentence.start + (words.length - words.trimStart().length), end: trimmedEnd(text, sentence), reason: `sneers at ${target} ('${words.trim()}')` });
      }
    }
  }
  if (sentences.length > 1 && IRONY_HINT.test(lower) && THANKS.test(lower)) for (const span of mockThanks(text, sentences, context)) found.push(span);
  if (/[.!?…]\s/.test(text)) {
    // The two sentences before it: "Cllr X failed to read the papers again. Members laughed. Genius."
    let previous: { start: number; end: number } | undefined;
    let earlier: { start: number; end: number } | undefined;
    for (const sentence of sentences) {
      const words = text.slice(sentence.start, sentence.end);
      const verdict = previous && SARCASTIC_VERDICT.exec(words);
      if (verdict && previous) {
        for (const told of earlier ? [previous, earlier] : [previous]) {
          const before = text.slice(told.start, told.end);
          STAFF_TITLE.lastIndex = 0;
          const target = STAFF_TITLE.exec(before)?.[0] ?? namedTargets(before, context)[0]?.name;
          if (!target || !MISHAP.test(before) || SYMPATHY.test(before)) continue;
          found.push({ start: sentence.start + (words.length - words.trimStart().length), end: trimmedEnd(text, sentence), reason: `sarcasm about ${target} ('${verdict[0].trim()}' after a mishap)` });
          break;
        }
      }
      earlier = previous;
      previous = sentence;
    }
  }
  return found;
}

/** The words a verdict on a name opens with. */
const NAME_VERDICT_WORD = /\b(?:classic|typical|vintage|textbook|peak|pure)\s/;
/** What makes praise ironic: "as ever", "again", a clap or an eye-roll. */
const IRONY_HINT = /\bas\s+(?:ever|always|usual)\b|\bagain\b|👏|🙄|😒|🤦|🙃/;

/** Who a verdict names: a titled or configured person or a named body; in a reply, a first name too. */
function verdictTarget(name: string, context: DetectionContext, addressed: boolean): string | undefined {
  const target = namedTargets(name, context)[0];
  if (target && target.index === 0) return target.name;
  const squashed = squash(name);
  if (context.councilNames.some((form) => form.length >= 4 && squashed.includes(form))) return undefined;
  if (addressed && /^[A-Z][a-z'’-]+$/.test(name) && !NOT_VOCATIVE.test(name) && !NOT_A_PERSON.test(name)) return name;
  return undefined;
}
/** Single capitalised words after "Classic"/"Typical" that name no one: "Typical Monday!", "Classic Christmas." */
const NOT_A_PERSON = /^(?:christmas|easter|british|english|welsh|scottish|weather|summer|winter|autumn|spring|rock|cars|fm|halloween|bonfire|bank|seaside)$/i;

/**
 * Mock thanks: a sentence thanking a named body or person, a delay or a blunder told of them, and
 * then praise made ironic on its own ("Stellar work, as ever 👏"). Thanks for a repair or for news
 * are sincere, whatever follows.
 */
function mockThanks(text: string, sentences: ReadonlyArray<{ start: number; end: number }>, context: DetectionContext): Span[] {
  let thanked: { name: string; index: number } | undefined;
  let blunder = false;
  for (const sentence of sentences) {
    const words = text.slice(sentence.start, sentence.end);
    const praise = thanked && blunder ? IRONIC_PRAISE.exec(words) : null;
    if (praise && (praise[1] !== undefined || IRONY_MARK.test(praise[2] ?? ''))) {
      return [{ start: sentence.start + (words.length - words.trimStart().length), end: trimmedEnd(text, sentence), reason: `thanks ${thanked!.name} sarcastically ('${words.trim()}' after a delay or blunder)` }];
    }
    if (!thanked && THANKS.test(words) && !SINCERE_THANKS.test(words)) {
      STAFF_TITLE.lastIndex = 0;
      const staff = STAFF_TITLE.exec(words);
      const target = namedTargets(words, context)[0] ?? (staff ? { name: staff[0], index: staff.index } : undefined);
      if (target) thanked = target;
    }
    SCARE_QUOTE.lastIndex = 0;
    if (thanked && (MISHAP.test(words) || DISPROPORTION.test(words) || SCARE_QUOTE.test(words))) blunder = true;
  }
  return [];
}

/** A sentence that apologises, congratulates or sympathises: its quotation marks are not sarcasm. */
const SINCERE = /\b(?:sorry|apologi[sz]\w*|congratulat\w*|well\s+done|condolences|sympathy|victims?|proud)\b/i;

/**
 * Words in scare quotes, as a sarcastic signal that counts only beside another ("has once again
 * 'raised concerns'"); asked only when another signal was found.
 */
function scareQuotes(segment: Segment, signals: readonly Belittling[]): Belittling[] {
  const text = segment.text;
  if (!/["“‘']/.test(text)) return [];
  const found: Belittling[] = [];
  SCARE_QUOTE.lastIndex = 0;
  for (let m = SCARE_QUOTE.exec(text); m; m = SCARE_QUOTE.exec(text)) {
    if (signals.some((s) => s.start < m!.index + m![0].length && m!.index < s.end)) continue;
    const sentence = segment.sentenceAround(m.index);
    if (/thank/i.test(m[0]) || SINCERE.test(text.slice(sentence.start, sentence.end))) continue;
    found.push({ start: m.index, end: m.index + m[0].length, reason: `puts someone's words in scare quotes (${m[0]})`, weak: true, identified: true });
  }
  return found;
}

function vocativeName(text: string): string | undefined {
  for (const pattern of [VOCATIVE_START, VOCATIVE_END]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const name = m[1]!;
      // "Crayons, glue and glitter": the first of a list, not a name.
      if (pattern === VOCATIVE_START && /^\s*[\w'’-]+(?:\s+[\w'’-]+)?\s+and\b/.test(text.slice(m.index + m[0].length))) continue;
      // Every word capitalised, as a name is: not "Another week," opening a sentence.
      if (!NOT_VOCATIVE.test(name.split(/\s+/)[0]!) && !NOT_VOCATIVE_EITHER.test(name.split(/\s+/)[0]!) && /^[A-Z][a-z'’-]*(?:[- ][A-Z][a-z'’-]*)?$/.test(name.replace(/^(?:Mr|Mrs|Ms|Miss|Dr|Cllr)\.?\s+/, ''))) return name;
    }
  }
  return undefined;
}

function namedContempt(segment: Segment): Array<{ start: number; end: number; reason: string }> {
  const found: Array<{ start: number; end: number; reason: string }> = [];
  NAMED_CONTEMPT.lastIndex = 0;
  for (let m = NAMED_CONTEMPT.exec(segment.lower); m; m = NAMED_CONTEMPT.exec(segment.lower)) {
    // Walk back from the verb over capitalised words: they name who is being insulted.
    const words = [...segment.text.slice(m.index, m.index + m[1]!.length).matchAll(/\S+/g)];
    let first = words.length;
    while (first > 0 && /^[A-Z]/.test(words[first - 1]![0])) first--;
    if (first === words.length || PLACE.test(words[words.length - 1]![0].toLowerCase())) continue;
    const name = words.slice(first).map((w) => w[0]).filter((w) => !NOT_A_NAME.has(w.toLowerCase()));
    if (name.length === 0) continue;
    found.push({ start: m.index + words[first]!.index, end: m.index + m[0].length, reason: `calls ${name.join(' ')} something contemptuous` });
  }
  return found;
}

function councillorContempt(segment: Segment, context: DetectionContext): Array<{ start: number; end: number; reason: string }> {
  const lower = segment.lower;
  const found: Array<{ start: number; end: number; reason: string }> = [];
  COUNCILLOR_CONTEMPT.lastIndex = 0;
  for (let m = COUNCILLOR_CONTEMPT.exec(lower); m; m = COUNCILLOR_CONTEMPT.exec(lower)) {
    const before = lower.slice(Math.max(0, m.index - 60), m.index);
    const subject = COUNCILLOR_BEFORE.exec(before) ?? namedCouncillorBefore(before, context);
    if (!subject) continue;
    const start = m.index - before.length + subject.index;
    found.push({ start, end: m.index + m[0].length, reason: `criticises a councillor ('${m[0]}')` });
  }
  return found;
}

/** A councillor from the configuration named just before the behaviour: "Alice Moreton grandstanding". */
function namedCouncillorBefore(before: string, context: DetectionContext): { index: number } | undefined {
  for (const { name } of context.config.councillors) {
    const at = before.lastIndexOf(name.toLowerCase());
    if (at < 0) continue;
    const between = before.slice(at + name.length);
    if (NAME_THEN_BEHAVIOUR.test(between)) return { index: at };
  }
  return undefined;
}

interface Span {
  start: number;
  end: number;
  reason: string;
}

/** Sentences of a text: after `.`, `!`, `?` or `…` followed by white space, and at line breaks. */
function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const boundary = /[.!?…]+(?=\s|$)|\n/g;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    if (end > start) spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/**
 * Named bodies and people in a piece of text, other than the council itself: "Coastline Buses",
 * "Cllr Moreton". With `near`, only those whose name starts by that offset are looked for (the
 * text after "Shame on" is not searched to its end for the one name that must follow at once).
 */
export function namedTargets(text: string, context: DetectionContext, near = Infinity): Array<{ index: number; name: string }> {
  const found: Array<{ index: number; name: string }> = [];
  for (const m of matchesStartingBy(ORGANISATION, ORGANISATION_HERE, text, near)) {
    const generic = GENERIC_BODY.exec(m[0]);
    const name = generic ? m[0].slice(generic[0].length) : m[0];
    // A body's kind on its own ("Council", "Police") names nobody in particular.
    if (!/\s/.test(name.trim()) && name !== 'Openreach') continue;
    const squashed = squash(name);
    if (context.councilNames.some((form) => form.length >= 4 && squashed.includes(form))) continue;
    found.push({ index: m.index + (generic ? generic[0].length : 0), name: name.trim() });
  }
  for (const m of matchesStartingBy(NAMED_PERSON, NAMED_PERSON_HERE, text, near)) found.push({ index: m.index, name: m[0] });
  for (const { name } of context.config.councillors) {
    const at = (near === Infinity ? text : text.slice(0, near + name.length)).indexOf(name);
    if (at >= 0) found.push({ index: at, name });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The matches a search of the whole text finds (global `pattern`), up to the first that starts after
 * `near`; by trying the sticky `here` at each offset up to `near`, so that nothing after it is read.
 */
function* matchesStartingBy(pattern: RegExp, here: RegExp, text: string, near: number): Generator<RegExpExecArray> {
  if (near === Infinity) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) yield m;
    return;
  }
  let from = 0;
  while (from <= near) {
    let m: RegExpExecArray | null = null;
    for (let at = from; m === null && at <= Math.min(near, text.length); at++) {
      here.lastIndex = at;
      m = here.exec(text);
    }
    if (m === null) return;
    yield m;
    from = m.index + Math.max(m[0].length, 1);
  }
}

/**
 * Contempt for a named organisation or person: a sentence whose subject is a named body and which
 * calls what it did disgraceful ("Harbourne Rovers FC have left the pitch in a disgraceful state"),
 * "Shame on …", or a curt verdict ("Pathetic.", "Typical.") after a sentence that names them or in
 * a reply.
 */
function bodyContempt(segment: Segment, context: DetectionContext, addressed: boolean): Span[] {
  const text = segment.text;
  const found: Span[] = [];
  const sentences = sentenceSpans(text);
  let previous: { start: number; end: number } | undefined;
  for (const sentence of sentences) {
    const words = text.slice(sentence.start, sentence.end);
    const verdict = CURT_VERDICT.exec(words);
    if (verdict) {
      const before = previous ? text.slice(previous.start, previous.end) : '';
      const target = previous && !UNIDENTIFIED.test(before) ? namedTargets(before, context)[0] : undefined;
      const aimed = addressed && AIMED_VERDICT.test(verdict[1]!.toLowerCase()) && !UNIDENTIFIED.test(before);
      if (target || aimed) {
        const start = target ? previous!.start + target.index : sentence.start + (words.length - words.trimStart().length);
        found.push({ start, end: trimmedEnd(text, sentence), reason: target ? `criticises ${target.name} with contempt ('${verdict[0].trim()}')` : `dismisses the person it answers ('${verdict[0].trim()}')` });
      }
    } else if (!SYMPATHY.test(words)) {
      for (const target of namedTargets(words, context)) {
        // Only a name that opens its sentence is its subject: asked first, because it is quick to answer,
        // and a long sentence of names would otherwise be read to its end after each of them.
        if (!SUBJECT_OPENER.test(words.slice(0, target.index))) continue;
        const contempt = BODY_CONTEMPT.exec(words.slice(target.index + target.name.length));
        if (!contempt) continue;
        const end = sentence.start + target.index + target.name.length + contempt.index + contempt[0].length;
        found.push({ start: sentence.start + target.index, end, reason: `criticises ${target.name} with contempt ('${contempt[0]}')` });
        break;
      }
    }
    SHAME_ON.lastIndex = 0;
    for (let m = SHAME_ON.exec(words); m; m = SHAME_ON.exec(words)) {
      const after = words.slice(m.index + m[0].length);
      // "Shame on you" is aimed at someone only in a reply; in a notice it is addressed to litterers at large.
      const pronoun = /^(?:you|them|him|her)\b/i.exec(after);
      const target = pronoun ? (addressed ? { index: 0, name: pronoun[0] } : undefined) : namedTargets(after, context, 4)[0];
      if (!target || target.index > 4) continue;
      const start = sentence.start + m.index;
      found.push({ start, end: start + m[0].length + target.index + target.name.length, reason: `shames ${target.name} in public` });
    }
    previous = sentence;
  }
  return found;
}

function trimmedEnd(text: string, span: { start: number; end: number }): number {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1]!)) end--;
  return end;
}
