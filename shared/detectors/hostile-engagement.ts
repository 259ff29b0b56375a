import type { DetectionContext } from './context';
import type { Hit, PostDetector } from './detector';
import type { PostView } from './post-view';
import { insideAny, removalNoticeSpans } from './text/lexicon/removal-notice';
import type { Segment } from './text/segment';

/** An apostrophe, straight or curly. */
const A = "['’]";

// Words that every hostile pattern below needs; a post without any of them costs one test.
const HINT =
  /\b(?:read|lie[sd]?\b|lying|liars?\b|untruth|falsehood|porkies|typical|shambl|joke|farce|disgrace|useless|incompet|clue|hopeless|pathetic|idiot|moron|muppet|amateurs|cowboys|clowns|jokers|to save|brewery|depended|wouldn|fault|your problem|bother|moan|whing|whin|bleat|grandstand|showboat|sulk|tantrum|grow up|get a life|shut up|get over|get a grip|give it a rest|jog on|do one|neck in|high horse|research|facts|educate|cares|asked|keyboard|armchair|minnies|complainers|nimb|busybod|rubbish|nonsense|drivel|tosh|garbage|rot|codswallop|twaddle|balls|bollocks|bullsh|crap|claptrap|piffle|poppycock|ridiculous|laughable|absurd|ludicrous|silly|childish|petty|stupid|ignorant|arrogant|spineless|deluded|you people|people like you|pointless|anything|hypocri|liability|waste of space|plonker|numpt|halfwit|cretin|imbecile|time-?waster|unfit|not fit|embarrass|laughing|stop (?:spreading|peddling|posting|repeating|spouting|making|moaning|whining|whing|bleating|trolling|lying|complaining|crying|stirring|being)|clearly|obviously|evidently|talking|making)/;

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
      `(?:^|[.!?;:,…—–(\\n]\\s*|\\s-\\s+|@[\\w.@-]+\\s+)(?:(?:oh|just|please|honestly|seriously|now|so|well|frankly|mate)\\s*,?\\s+)?((?:grow\\s+up|get\\s+a\\s+life|shut\\s+up|get\\s+over\\s+it|get\\s+a\\s+grip|give\\s+it\\s+a\\s+rest|jog\\s+on|do\\s+one|wind\\s+your\\s+neck\\s+in|get\\s+off\\s+your\\s+high\\s+horse|(?:nobody|no[- ]one)\\s+(?:cares|asked(?:\\s+you)?)|who\\s+asked\\s+you)(?=\\s*(?:[^\\sa-z]|$|and\\b|or\\b|mate\\b|please\\b))|stop\\s+(?:moaning|whining|whingeing|whinging|bleating|trolling|lying|complaining|crying|stirring|being\\s+(?:so\\s+)?(?:rude|ridiculous|pathetic|childish|silly|stupid|dramatic))\\b)`,
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
    pattern: new RegExp(
      `(?:^|[.!?;:,…—–(\\n]\\s*|@[\\w.@-]+\\s+)(?:(?:oh|just|please|honestly|seriously|maybe|perhaps|try\\s+and|go\\s+and)\\s*,?\\s+)?((?:learn\\s+to\\s+read|do\\s+your\\s+(?:own\\s+)?research|get\\s+your\\s+facts\\s+(?:straight|right)|check\\s+your\\s+facts|educate\\s+yourself|try\\s+reading|read\\s+(?:the|our|this)\\s+(?:\\w+\\s+)?(?:post|notice|article|sign|page|update|statement|minutes)\\s+(?:properly|first|again|before\\s+(?:commenting|posting|replying|moaning|complaining)))\\b)`,
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

export const hostileEngagement: PostDetector = {
  meta: {
    id: 'hostile-engagement',
    level: 'post',
    defaultSeverity: 'medium',
    description:
      'The council criticising, mocking or arguing with a member of the public, a colleague, a councillor or another organisation.',
    clause:
      'Social Media Policy: council communications must not bring the council into disrepute by "criticising or arguing with customers, colleagues, Councillors"; Social Media Guide 1c: behave online as you would offline.',
    remediation:
      'Delete or edit the post. Answer with the facts and a polite tone, or take the disagreement offline (a private message, an email or a call); concerns about another organisation or a councillor go through the proper channels, not a public post.',
  },

  detect(view: PostView, context: DetectionContext): Hit[] {
    const hits: Hit[] = [];
    for (const segment of view.segments) {
      if (segment.field === 'quoteOf.text') continue;
      const lower = segment.lower;
      if (!HINT.test(lower)) continue;

      const addressed = view.post.replyTo !== undefined || /^\s*@\w/.test(segment.text);
      const spans: Array<{ start: number; end: number; reason: string }> = [];
      for (const { pattern, reason, addressedOnly, literalIn } of PATTERNS) {
        if ((addressedOnly && !addressed) || literalIn?.test(lower)) continue;
        pattern.lastIndex = 0;
        for (let m = pattern.exec(lower); m; m = pattern.exec(lower)) {
          const [start, end] = m.indices?.[1] ?? [m.index, m.index + m[0].length];
          spans.push({ start, end, reason });
          if (m[0].length === 0) pattern.lastIndex++;
        }
      }
      spans.push(...namedContempt(segment), ...councillorContempt(segment, context));
      if (spans.length === 0) continue;

      const notices = removalNoticeSpans(segment, context.config.removalNotice);
      const kept: typeof spans = [];
      for (const span of spans.sort((a, b) => a.start - b.start)) {
        if (insideAny(notices, span.start, span.end)) continue;
        if (kept.some((k) => span.start < k.end && span.end > k.start)) continue;
        kept.push(span);
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
