import type { Hit, PostDetector } from './detector';
import { RULE_META } from './meta';
import type { PostView } from './post-view';
import { maskName } from './text/mask';
import { isGivenName } from './text/pii/people';
import { confidentialInPlainWords } from './text/prose/confidential-matters';
import type { Segment } from './text/segment';
import { SpanSet } from './text/spans';

/** An apostrophe, straight or curly. */
const A = "['’]";

// Words every signal below needs (bids need a price in pounds); most posts pay for this one test only.
const HINT =
  /£|🤫|🤐|\b(?:part\s+(?:2|ii|two|b)\b|exempt|in\s+camera|confiden|(?:closed|private|secret)\s+(?:session|meeting|item|part|discussion|business|briefing)|excluded|behind\s+closed|disciplin|grievance|sick|signed\s+off|medical\s+leave|absent|illness|axed|abolished|scrapped|disestablished|(?:is|are|be|been|being)\s+(?:cut|lost|deleted)|lawyers|hush|under\s+(?:your|ur|yer)\s+hat|(?:comment|say|confirm)\s+(?:\w+\s+)?yet|shouldn['’]?t\s+(?:really\s+)?(?:say|tell)|suspended|dismiss|sacked|redundan|capability|misconduct|tribunal|performance\s+(?:issues|concerns|improvement)|gardening\s+leave|stress\s+leave|investigation|off\s+work|formal\s+warning|written\s+warning|final\s+warning|solicitor|lawyer|barrister|counsel|legal|prejudice|embargo|do(?:n['’]?t|\s+not)\s+(?:tell|breathe|share|post|repeat|mention|publish|forward|spread)|keep\s+(?:it|this|that|the)|between\s+(?:you|ourselves)|not\s+for\s+(?:publication|circulation|public)|off\s+the\s+record|announced|made\s+public|public\b|advised\s+by|told\s+by|warned\s+by|informed\s+by|off\s+(?:again\s+)?(?:with|after|following|recovering|ill|poorly)|unwell|poorly|hospital|recovering|hear\s+(?:it|this|that)\s+from|supposed\s+to\s+(?:say|tell)|told\s+you|keep\s+(?:it|this|that|the|mum|schtum|shtum))/;

interface Signal {
  start: number;
  end: number;
  evidence: string;
  reason: string;
}

// ---- Closed sessions -------------------------------------------------------------------------

const CLOSED_SESSION = new RegExp(
  [
    '\\bpart\\s+(?:2|ii|two|b)\\b',
    '\\bexempt\\s+(?:items?|business|information|reports?|session|part|minutes|papers|appendix|matters?)\\b',
    '\\bin\\s+camera\\b',
    '\\b(?:closed|private|confidential|secret)\\s+(?:session|meeting|items?|part\\s+of\\s+the\\s+meeting|discussion|business|briefing)\\b',
    '\\b(?:with|after)\\s+the\\s+(?:press\\s+and\\s+public|public\\s+and\\s+press|press|public)\\s+(?:were\\s+|was\\s+)?excluded\\b',
    '\\b(?:press\\s+and\\s+public|public\\s+and\\s+press)\\s+(?:were|was|having\\s+been)\\s+excluded\\b',
    '\\bbehind\\s+closed\\s+doors\\b',
    '\\b(?:closed|private|confidential|exempt)\\s+part\\b',
    '\\bclosed[- ]doors?\\s+(?:session|meeting|discussion)\\b',
    '\\bin\\s+(?:closed|private)\\s+session\\b',
    '\\(\\s*(?:confidential|exempt|closed|part\\s+(?:2|ii|b))\\s*\\)',
    '\\bconfidential\\s+(?:agenda\\s+)?items?\\b',
  ].join('|'),
  'g',
);
/** "Part 2" is a meeting's closed part only among meeting words, not in a history series. */
const MEETING_WORDS = /\b(?:session|items?|business|meeting|agenda|committee|council|members|councillors|confidential|exempt|closed|private|minutes|resolved|resolution)\b/;
/** What was decided or said there: disclosure, as opposed to an agenda announcing the item. */
const DISCLOSED =
  /\b(?:agreed|decided|resolved|voted|approved|rejected|refused|discussed|heard|were\s+told|was\s+told|learned|learnt|accepted|offered|offer|settled|revealed|chose|selected|endorsed|authori[sz]ed|recommended|confirmed|instructed|dismissed|suspended|backed|signed\s+off|gave\s+the\s+(?:go-?ahead|green\s+light)|nodded\s+through|went\s+with|settled\s+on|picked|decision|decided)\b|£\s?\d/;

/**
 * Words that say what was decided is kept back, or will be told later: "we're not able to share what was
 * discussed", "there is no decision to report", "will be heard in closed session", "the decision itself will be
 * published". Taken out of the sentence before looking for what was disclosed, so their "discussed" and
 * "decision" disclose nothing; any other such word in the sentence still does.
 */
const WITHHELD = new RegExp(
  [
    `\\b(?:not\\s+(?:able|allowed|permitted|at\\s+liberty)\\s+to|unable\\s+to|can${A}?t|cannot|can\\s+not)\\s+(?:share|say|discuss|report|tell\\s+(?:you|anyone))(?:\\s+(?:what|how|who|anything|more)(?:\\s+(?:was|were|members|councillors|we|the\\s+council))?\\s+(?:discussed|decided|agreed|said|heard|voted|resolved))?`,
    '\\bno\\s+decision\\s+(?:on\\s+(?:it|this|that|the\\s+item)\\s+)?(?:to\\s+report|(?:is|will\\s+be)\\s+reported|was\\s+(?:made|taken|reached)|yet)\\b',
    '\\b(?:will|to|may|would|is\\s+to)\\s+be\\s+(?:heard|taken|considered|discussed)\\b',
    '\\b(?:the\\s+)?decision(?:\\s+itself)?\\s+will\\s+be\\s+(?:published|announced|made\\s+public|reported)\\b',
    // "when there's a decision we can share", "nothing is being decided behind closed doors"
    `\\b(?:when|once|until|if)\\s+there${A}?s\\s+(?:a|an|any)\\s+(?:decision|outcome)\\b`,
    '\\bnothing\\s+(?:is\\s+|was\\s+|will\\s+be\\s+|gets\\s+|being\\s+)*(?:decided|agreed|settled|resolved)\\b',
  ].join('|'),
  'g',
);
/** WITHHELD, asked once of a whole post (not global, so `test` keeps no state). */
const WITHHELD_HERE = new RegExp(WITHHELD.source);
/** Disclosure words that say only that an item was taken, not what came of it. */
const DISCUSSED = /\b(?:discussed|heard)\b/g;
/** A sentence that says the closed business's outcome is already public: nothing is disclosed by repeating it. */
const MADE_PUBLIC = /\b(?:decision(?:\s+notice)?|outcome|resolution)\s+(?:is|was|has\s+been|have\s+been)\s+(?:now\s+)?(?:published|made\s+public|public|online)\b/;

// ---- Content the post itself labels confidential ---------------------------------------------

const LABELLED = new RegExp(
  [
    '\\bstrictly\\s+confidential\\b',
    '^\\s*private\\s+and\\s+confidential\\s*[:\\-–—!]',
    '\\b(?:marked|labelled|classed\\s+as)\\s+(?:strictly\\s+)?confidential\\b',
    '\\bin\\s+strict(?:est)?\\s+confidence\\b',
    '\\b(?:told|given|shared\\s+with|passed\\s+to)\\s+(?:us|me|members|councillors|the\\s+council)\\s+in\\s+confidence\\b',
    '\\bnot\\s+for\\s+(?:publication|circulation|public\\s+(?:release|consumption))\\b',
    '^\\s*confidential\\s*[:\\-–—!]',
    '\\bconfidential\\s+(?:papers?|minutes|briefing|appendix|annex|memo)\\b',
  ].join('|'),
  'g',
);
/** The council promising to keep someone's information private is not a disclosure. */
const ASSURANCE =
  /\b(?:are|is|will\s+be|remain|remains|be\s+kept|kept|treated)\s+(?:in\s+)?(?:completely\s+|strictly\s+|totally\s+|entirely\s+)?confiden|\bconfidential(?:ity)?\s+(?:helpline|line|service|support|advice|counselling|reporting|waste|shredding|survey)|\byour\s+confidentiality\b|\bprivacy\b/;

// ---- Staff matters ---------------------------------------------------------------------------

const STAFF_MATTER = new RegExp(
  [
    '\\bdisciplinary\\b',
    '\\bgrievances?\\b',
    '\\bsickness\\s+absence\\b',
    '\\boff\\s+sick\\b',
    '\\bsigned\\s+off\\s+(?:sick|work|with|for|until|till|til)\\b',
    '\\b(?:absent|away|off)\\s+(?:from\\s+work\\s+)?(?:through|due\\s+to|because\\s+of|with)\\s+(?:illness|ill[- ]health|sickness)\\b',
    '\\b(?:on|off\\s+on)\\s+(?:medical|sickness)\\s+leave\\b',
    '\\b(?:job|post|role|position)s?\\s+(?:is|are|will\\s+be|is\\s+being|are\\s+being|has\\s+been|have\\s+been)\\s+(?:cut|axed|deleted|abolished|scrapped|disestablished|lost)\\b',
    '\\boff\\s+(?:work\\s+)?(?:with|due\\s+to|because\\s+of)\\s+(?:stress|illness|ill\\s+health|depression|anxiety|a\\s+bad\\s+back|covid|flu|an?\\s+(?:\\w+\\s+)?(?:injury|illness|operation))\\b',
    '\\b(?:under|facing|subject\\s+to)\\s+(?:an?\\s+)?(?:internal\\s+|formal\\s+)?investigation\\b',
    '\\binvestigation\\s+into\\s+(?:our|the)\\s+(?:\\w+\\s+)?(?:clerk|officer|groundsman|caretaker|cleaner|manager|employee|member\\s+of\\s+staff)\\b',
    '\\bon\\s+(?:sick|stress)\\s+leave\\b',
    '\\blong[- ]term\\s+sick(?:ness)?\\b',
    '\\bsuspended\\s+(?:from\\s+(?:duty|work)|on\\s+full\\s+pay|pending)\\b',
    '\\b(?:has|have|had)\\s+been\\s+(?:suspended|dismissed|sacked)\\b',
    '\\b(?:was|were)\\s+(?:suspended|dismissed|sacked)\\b',
    '\\bsacked\\b',
    '\\bon\\s+the\\s+sick\\b',
    '\\bmade\\s+redundant\\b',
    '\\bredundanc(?:y|ies)\\b',
    '\\bcapability\\s+(?:hearing|procedure|process|review|meeting)\\b',
    '\\b(?:gross\\s+)?misconduct\\b',
    '\\bemployment\\s+tribunal\\b',
    '\\bperformance\\s+(?:issues|concerns|improvement\\s+plan)\\b',
    '\\bgardening\\s+leave\\b',
    '\\b(?:formal|written|final)\\s+warning\\b',
    // Absent and ill in plain words: "is off with their back again", "is off poorly", "is in hospital".
    'off(?<=\\b(?:is|are|was|were|been)\\s+(?:still\\s+|now\\s+)?off)\\s+(?:work\\s+)?(?:again\\s+)?(?:(?:with|after|following)\\s+(?:(?:a|an|the|his|her|their|some|bad|sore|nasty|broken|injured|major|minor|knee|hip|back)\\s+){0,3}(?:back|knee|leg|arm|hip|shoulder|neck|foot|ankle|wrist|flu|cold|virus|bug|covid|migraine|infection|stress|illness|injury|cough|operation|op|surgery|fall|accident|replacement)|recovering|ill|poorly|unwell)\\b',
    '\\b(?:unwell|poorly|in\\s+hospital|recovering\\s+(?:from|after))(?<=\\b(?:is|are|was|were|been)\\s+(?:still\\s+|now\\s+)?(?:unwell|poorly|in\\s+hospital|recovering\\s+(?:from|after)))\\b',
  ].join('|'),
  'g',
);
/** A policy or procedure document is not a staff matter. */
const POLICY_AFTER = /^\s+(?:and\s+\w+\s+)?(?:policy|policies|procedures?|code|rules|guidance|template|training|process\s+document)\b/;
/** Someone identifiable: a council post-holder or a named person. */
const STAFF_ROLE = new RegExp(
  `\\b(?:our|the|council${A}s|town|parish|deputy|assistant)\\s+(?:[a-z-]+\\s+){0,2}?(?:clerk|rfo|responsible\\s+financial\\s+officer|groundsman|groundsmen|groundsperson|groundskeeper|grounds\\s+staff|caretaker|cleaner|administrator|admin\\s+assistant|officer|manager|warden|ranger|gardener|receptionist|attendant|apprentice|handyman|operative|lengthsman|maintenance\\s+(?:man|worker|staff)|employee|bookkeeper|accountant|secretary|co-?ordinator|supervisor|(?:grounds|maintenance|office|outdoor|admin|cemetery|parks)\\s+team|head\\s+of\\s+[a-z]+(?:\\s+(?:and|&)\\s+[a-z]+)?)\\b`,
);
const TITLED_NAME = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z'’-]+/;
/** "Jo from the office", "Dave in the grounds team": a member of staff by given name and where they work. */
const NAMED_FROM_WORKPLACE = /\b[A-Z][a-z'’-]+\s+(?:from|in|at)\s+(?:the\s+|our\s+)?(?:council\s+|town\s+|parish\s+)?(?:office|depot|grounds\s+team|outdoor\s+team|admin\s+team|reception)\b/;
const PERSON_NAME = /\b[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+(?:-[A-Z][a-z'’-]+)?\b/g;
/** Staff matters that only arise between an employer and its employee. */
const EMPLOYMENT_MATTER = /redundan|dismissed|sacked|disciplinary|grievance|misconduct|tribunal|gardening|warning|capability|suspended\s+(?:from|on|pending)|(?:job|post|role|position)s?\s/i;
/** Matters anyone may have, staff or not: ill or in hospital, rather than off work. */
const HEALTH_MATTER = /^(?:unwell|poorly|in\s+hospital|recovering)/i;
const STAFF_CONTEXT = /\b(?:staff|employee|employees|colleague|colleagues|clerk|groundsman|caretaker|cleaner|officer|our\s+team|worker|works\s+for\s+(?:us|the\s+council))\b/;

// ---- Legal advice ----------------------------------------------------------------------------

const LEGAL = new RegExp(
  [
    `\\b(?:our|the\\s+council${A}s|council${A}s|the\\s+town\\s+council${A}s|its)\\s+(?:solicitors?|lawyers?|barristers?|legal\\s+(?:team|advisers?|advisors?|counsel|officer))\\s+(?:(?:has|have|had)\\s+)?(?:advised|told|warned|said|says|reckons?|believes?|thinks?|recommended|confirmed|suggested|informed|indicated)\\b`,
    `\\b(?:counsel|barrister|solicitor|lawyer)${A}s\\s+(?:opinion|advice|view)\\b`,
    '\\bopinion\\s+of\\s+counsel\\b',
    '\\bthe\\s+(?:solicitors?|lawyers?|barristers?|legal\\s+team)\\s+(?:(?:have|has|had)\\s+)?(?:advised|told|warned|informed)\\s+(?:us|the\\s+council|members|councillors)\\b',
    '\\bcounsel\\s+(?:(?:has|have)\\s+)?advised\\b',
    '\\blegal\\s+advice\\b',
    '\\blegal\\s+(?:have|has)\\s+(?:advised|told|warned|said)\\b',
    '\\blegally\\s+privileged\\b',
    '\\bwithout\\s+prejudice\\b',
    `\\badvice\\s+from\\s+(?:our|the\\s+council${A}s)\\s+(?:solicitors?|lawyers?|barristers?|counsel|legal)\\b`,
    `\\b(?:advised|told|warned|informed)\\s+by\\s+(?:our|the\\s+council${A}s)\\s+(?:solicitors?|lawyers?|barristers?|counsel|legal\\s+(?:team|advisers?|advisors?))\\b`,
  ].join('|'),
  'g',
);
/** Legal advice as a service for residents, or a suggestion to take it. */
const LEGAL_SERVICE =
  /\b(?:free|clinics?|drop[- ]in|citizens\s+advice|surgery|surgeries|helpline|sessions?|where\s+to\s+(?:get|find)|if\s+you\s+need|seek|get\s+(?:independent\s+)?legal|you\s+should|you\s+may\s+wish|residents\s+can|tenants|law\s+centre|appointments?|pro\s+bono)\b/;
const COUNCIL_HOLDS = /\b(?:we|we['’]ve|our|us|the\s+council|council|members|councillors|the\s+clerk)\b/;
/**
 * A sentence that says only that advice was taken, or is privileged: "the council has taken legal advice on the
 * covenant", "the advice itself is legally privileged". It discloses nothing unless the post says what the advice is.
 */
const ADVICE_TAKEN = /\b(?:(?:taken|take|taking|sought|seek|seeking|obtained|obtain|obtaining|commissioned|get|getting)\s+(?:(?:some|its\s+own|independent|specialist|further|formal)\s+)?legal\s+advice|(?:is|are|was|remains?)\s+legally\s+privileged)\b/;
/** What the advice says, anywhere in the post: "the advice is that …", "our solicitor thinks …", "we'd probably lose". */
const ADVICE_CONTENT =
  /\b(?:(?:advice|view|opinion|position)\s+(?:is|was)\s+that|says|said|thinks?|reckons?|believes?|advised\s+(?:that|us|the\s+council|members)|(?:would|could|will|might)\s+(?:probably|likely|almost\s+certainly)|unlikely|likely\s+to|lose|win|succeed|not\s+liable|weak|no\s+case|came\s+back|in\s+short)\b/;

// ---- Tender bids before award ----------------------------------------------------------------

const BIDS = new RegExp(
  [
    '\\b(?:bids?|tenders?|quotes?|quotations?|submissions?|offers?)\\b[^.!?]{0,40}?\\b(?:came\\s+in|came\\s+back|(?:were|have\\s+been|had\\s+been)?\\s*received|have\\s+come\\s+in|were\\s+submitted|were\\s+opened|in\\s+from)\\b',
    '\\b(?:received|opened|had|got)\\s+(?:\\w+\\s+){0,2}(?:bids|tenders|quotes|quotations|submissions)\\b',
    '\\b(?:lowest|highest|cheapest|winning|preferred|leading)\\s+(?:bid|bidder|tender|tenderer|quote|quotation|offer)\\b',
    '\\b(?:companies|firms|contractors|bidders|tenderers|suppliers)\\s+(?:have\\s+)?(?:bid|tendered|quoted|submitted|put\\s+in)\\b',
    '\\b(?:bids?|tenders?|quotes?|quotations?)\\s+(?:\\w+\\s+){0,3}?ranged?\\s+from\\b',
    '\\b(?:bid|offer|tender|quote)\\s+(?:of|at)\\s+£',
    '\\b(?:tendered|quoted|bid)\\s+(?:at\\s+)?£',
    '\\b(?:bids?|tenders?|quotes?|quotations?|prices?)\\s+(?:are|were|have\\s+(?:all\\s+)?(?:come|been))\\s+(?:all\\s+)?(?:in|back)\\b',
    '\\b(?:bids?|tenders?|quotes?|quotations?)(?:\\s+(?:so\\s+far|received|back|in))?\\s*[:–—-]\\s*(?:[A-Z][\\w&’\'-]*\\s+){1,3}£',
  ].join('|'),
  'g',
);
const AMOUNTS = /£\s?\d[\d,.]*/g;
const AMOUNT = /£\s?\d/;
/** Once the contract is awarded, its value is public. */
const AWARDED =
  /\b(?:awarded|appointed|has\s+been\s+(?:selected|chosen)|was\s+(?:selected|chosen)|won\s+the\s+(?:contract|tender)|successful\s+(?:bidder|tenderer|contractor|tender|company)|contract\s+(?:was|has\s+been)\s+(?:let|signed)|(?:accepted|agreed|approved|chose|selected|went\s+with)\s+(?:the\s+(?:lowest\s+|cheapest\s+)?|[\w'’&-]+(?:\s+[\w'’&-]+){0,2}['’]s\s+)(?:bid|tender|quote|quotation)|(?:gone|going)\s+ahead\s+with|commissioned|(?:resolved|agreed|voted|decided)\s+(?:unanimously\s+)?to\s+(?:award|appoint|accept))\b/;

// ---- Plans not yet public --------------------------------------------------------------------

const SECRET = new RegExp(
  [
    '\\bembargo(?:ed)?\\b',
    `\\b(?:please\\s+)?(?:don${A}t|do\\s+not|dont|pls\\s+don${A}t)\\s+(?:tell\\s+(?:anyone|anybody|a\\s+soul)|breathe\\s+a\\s+word)\\b`,
    `\\b(?:this|it|these|the\\s+(?:news|plans?|decision|details))\\s+(?:is|are)(?:\\s+not|n${A}t)\\s+(?:yet\\s+)?public(?:\\s+yet)?\\b`,
    `\\b(?:please\\s+)?(?:don${A}t|do\\s+not|dont|pls\\s+don${A}t)\\s+(?:share|post|repeat|mention|publish|forward|spread)(?:\\s+(?:this|it|that|anything|these\\s+details|the\\s+news))?(?:\\s+(?:yet|until|before|outside|publicly|widely|just\\s+yet|for\\s+now|with\\s+anyone|anywhere)\\b|\\s*[-,:–—]\\s*(?:not\\s+)?(?:yet|until)\\b)`,
    '\\bkeep\\s+(?:it|this|that|these|those|the\\s+news|this\\s+news|(?:this|that)\\s+(?:one|bit|little\\s+bit)|it\\s+all)\\s+(?:to\\s+yoursel(?:f|ves)|quiet|under\\s+(?:your|ur|yer)\\s+hats?|between\\s+(?:us|ourselves)|secret|hush-hush|on\\s+the\\s+down-?low)\\b',
    '\\bbetween\\s+(?:you\\s+and\\s+me|ourselves)\\b(?!\\s+and\\b)',
    '\\bnot\\s+for\\s+(?:publication|circulation|public\\s+(?:release|consumption))\\b',
    '\\boff\\s+the\\s+record\\b',
  ].join('|'),
  'g',
);
/**
 * "Between ourselves, I wouldn't want …", "between you and me, we'd rather not …": an aside that confides an
 * opinion, not council business. Without a word of business beside it (DISCLOSURE), the aside discloses nothing.
 */
const CONFIDED_OPINION =
  /\b(?:i|we)(?:['’]d)?\s+(?:(?:would|wouldn['’]?t|do|don['’]?t|really|quietly|all|just|rather)\s+)*(?:want|hope|hoping|need|prefer|rather|think|reckon)\b|\bcould\s+do\s+(?:a\s+(?:great\s+|lot\s+)?deal\s+)?worse\b/;
const DISCLOSURE =
  /£|\b(?:agreed?|decided|offer(?:ed)?|sell|sale|sold|buy|bought|closing|close|shut|suspended|signed\s+off|notice|advice|advised|solicitor|legal|bids?|quotes?|tenders?|cheapest|lowest|view\s+is|told\s+us|moving|posts?\s+go|contract|lease|staff|clerk)\b/;
/** An embargo that is over: "the embargo has now lifted, so we can tell you". */
const LIFTED = /\bembargo(?:ed)?\b[^.!?]{0,24}\b(?:lifted|ended|expired|is\s+over|has\s+passed)\b|\b(?:lifted|after|now\s+that)\s+the\s+embargo\b|\bno\s+longer\s+(?:under\s+)?embargo(?:ed)?\b/;
/** The post says what it reveals is unannounced; alone that is often just "no date yet". */
const UNANNOUNCED = new RegExp(
  [
    `\\b(?:(?:has|have|had|is|are)(?:\\s+not|n${A}t)|not)\\s+(?:yet\\s+)?(?:been\\s+)?(?:officially\\s+|formally\\s+|publicly\\s+)?(?:announced|made\\s+public|public)(?:\\s+yet)?\\b`,
    `\\bbefore\\s+(?:it${A}s|it\\s+is|it\\s+has\\s+been|it${A}s\\s+been)\\s+(?:officially\\s+)?(?:announced|made\\s+public|public)\\b`,
    // "Official on Monday", "announced next week": the news is out only later.
    '(?<!\\b(?:was|were|been|is|are)\\s+)\\b(?:official|announced|public)\\s+(?:on|from|next|after|later|tomorrow|this|at\\s+the)\\b',
  ].join('|'),
  'g',
);
/** Words of a leak ("psst", "you heard it here first"): with an unannounced plan, the post leaks it. */
const LEAK = new RegExp(
  [
    '\\bps+t\\b',
    '\\bsh+\\b',
    '\\bunder\\s+wraps\\b',
    '\\btop\\s+secret\\b',
    '\\byou\\s+heard\\s+it\\s+here\\s+first\\b',
    `\\bmum${A}s\\s+the\\s+word\\b`,
    '\\bhush[- ]hush\\b',
    `\\b(?:not|aren${A}t|isn${A}t|am\\s+not|i${A}m\\s+not)\\s+(?:supposed|meant|allowed)\\s+to\\s+(?:say|tell|share|know)\\b`,
  ].join('|'),
  'g',
);
/** Words of a leak that say on their own the news is not out: "you didn't hear it from us". */
const OPEN_LEAK = new RegExp(
  [
    `\\byou\\s+(?:didn${A}t|did\\s+not|never)\\s+hear\\s+(?:it|this|that)\\s+from\\s+(?:us|me)\\b`,
    `\\b(?:don${A}t|do\\s+not)\\s+say\\s+(?:we|i)\\s+told\\s+you\\b`,
    `\\b(?:we|i)${A}?(?:re|m|\\s+are|\\s+am)?\\s+not\\s+(?:supposed|meant|allowed)\\s+to\\s+(?:say|tell|share)\\b`,
    `\\b(?:we\\s+)?can${A}t\\s+say\\s+(?:more|much|anything)\\s+(?:yet|until)\\b`,
    // "We shouldn't really say, but …", "officially we can't comment yet, but …": what follows is the news.
    `\\b(?:shouldn${A}?t|should\\s+not|not\\s+(?:supposed|meant|allowed)\\s+to)\\s+(?:really\\s+|officially\\s+)?(?:say|tell|share|comment)(?:\\s+(?:this|that|it|anything|much|more|yet|officially|publicly))*\\s*[,—–-]*\\s*but\\b`,
    `\\b(?:can${A}?t|cannot|can\\s+not)\\s+(?:officially\\s+|publicly\\s+)?(?:say|comment|confirm)(?:\\s+(?:this|that|it|anything|much|more|yet|officially|publicly))+\\s*[,—–-]*\\s*but\\b`,
    `\\bkeep\\s+(?:it\\s+)?(?:mum|schtum|shtum)\\b`,
    '\\bkeep\\s+(?:it|this|that|the\\s+news)\\s+(?:quiet|secret|hush-hush)\\b',
  ].join('|'),
  'g',
);
/**
 * A secret that is fun, not business: a surprise party, Secret Santa, a quiz's or a trail's answers, clues to a
 * reveal ("🤫 SURPRISE PARTY … don't breathe a word", "no, we're not giving clues 🤐"). With no word of business
 * (PLAYFUL_BUSINESS) in the post, its hush is a joke.
 */
const PLAYFUL_SECRET =
  /\b(?:surprise|secret\s+santa|birthday|quiz|answers?|clues?|hints?|presents?|gifts?|carnival\s+queen|results\s+are\s+under\s+wraps|(?:we|i)\s+won['’]?t\s+tell|no\s+comment|secret['’]s\s+out)\b/;
const PLAYFUL_BUSINESS =
  /£|\b(?:contracts?|lease|tenders?|bids?|quotes?|sale|sell(?:ing)?|sold|buy(?:ing)?|bought|agreed|decided|decision|resolved|closing|closure|redundan\w*|resign\w*|notice|grants?|funding|fund|planning|site|land|signed|lottery|awarded|shortlisted|part\s+(?:2|ii)|exempt|closed\s+session|staff)\b/;
const playful = (text: string) => PLAYFUL_SECRET.test(text) && !PLAYFUL_BUSINESS.test(text);
/**
 * "The programme is under embargo until 00:01 Thursday", to journalists: a notice of when news may be told,
 * telling none of it. Not when the post gives the news or hushes it (NEWS_TOLD, a hush emoji or a leak's words).
 */
const EMBARGO_NOTICE = /\b(?:is|are)\s+(?:under\s+)?embargo(?:ed)?\s+(?:until|till|til)\b/;
const NEWS_TOLD = /£|🤫|🤐|\b(?:won|awarded|agreed|approved|shortlisted|signed|selected|chosen|sold|bought|buying|selling|closing|yes|but|so\s+(?:shh+|mum|keep))\b/;
/** A finger to the lips or a zipped mouth: with news, the post marks it as a secret. */
const HUSH_EMOJI = /🤫|🤐/u;
const NEWS_WORDS = /\b(?:news|announc\w*|plans?|decision|deal|reveal|secret|exciting|moving|sale|sold|buying|bought|selling|taking|takeover|closing|opening|coming|soon|changes?|new|will|chosen|picked|agreed|funding|grant|won)\b/;
/** Scam warnings tell people not to share their codes and passwords. */
// Not "bank" or "card" alone: "the Co-op is taking the old bank" is news.
const SCAM_ADVICE =
  /\b(?:passwords?|pins?|codes?|bank\s+(?:details|account|card|transfer)s?|(?:your|their|a)\s+bank|from\s+(?:the|your)\s+bank|(?:card|account)\s+(?:details|numbers?)|(?:your|bank|credit|debit)\s+card|otp|log-?in|scam|fraud|personal\s+details)\b/;

export const confidentialInformation: PostDetector = {
  meta: RULE_META['confidential-information'],

  detect(view: PostView): Hit[] {
    const hits: Hit[] = [];
    for (const segment of view.segments) {
      if (segment.field === 'quoteOf.text') continue;
      const lower = segment.lower;
      if (!HINT.test(lower)) continue;
      const sentences = new Sentences(lower);
      const signals = [
        ...closedSession(segment, sentences),
        ...labelled(segment, sentences),
        ...staffMatters(segment, sentences),
        ...legalAdvice(segment, sentences),
        ...tenderBids(segment, sentences),
        ...notYetPublic(segment, sentences),
      ];
      // Signals are in order of weight; of two on the same words, the first says most. Indexed by
      // reason and by start, because a long post can give a signal for each of thousands of sentences.
      const kept: Signal[] = [];
      const keptByReason = new Map<string, SpanSet>();
      const keptEvidence = new Set<string>();
      for (const s of signals) {
        const sameReason = keptByReason.get(s.reason);
        const evidenceKey = `${s.start}\u0000${s.evidence}`;
        if (sameReason?.overlaps(s.start, s.end) || keptEvidence.has(evidenceKey)) continue;
        kept.push(s);
        if (sameReason) sameReason.add(s.start, s.end);
        else keptByReason.set(s.reason, new SpanSet(lower.length, [s]));
        keptEvidence.add(evidenceKey);
      }
      for (const s of kept) {
        hits.push({ evidence: s.evidence, reason: s.reason, severity: 'high', location: segment.locate(s.start, s.end) });
      }
    }
    // Staff and closed business in plain words (text/prose/confidential-matters.ts), when nothing above fired.
    if (hits.length === 0) hits.push(...confidentialInPlainWords(view));
    return hits;
  },
};

function closedSession(segment: Segment, sentences: Sentences): Signal[] {
  const lower = segment.lower;
  const found: Signal[] = [];
  const reported = new Set<number>();
  // What a sentence says is read once, however many markers it holds.
  let said: { start: number; meeting: boolean; disclosed: boolean } | undefined;
  // Whether the post keeps an outcome back anywhere: asked once.
  let withheld: boolean | undefined;
  CLOSED_SESSION.lastIndex = 0;
  for (let m = CLOSED_SESSION.exec(lower); m; m = CLOSED_SESSION.exec(lower)) {
    const sentence = sentences.around(m.index);
    if (reported.has(sentence.start)) continue;
    const text = lower.slice(sentence.start, sentence.end);
    // "Part 2" must be among other meeting words. The marker is left out of the sentence by not
    // counting it: it holds no meeting word, and a word cannot run into it (it starts and ends at a
    // word boundary), so the sentence has a meeting word outside the marker if it has one at all.
    if (said?.start !== sentence.start) {
      const rest = text.replace(WITHHELD, ' ');
      // "It was discussed in closed session. No, I can't tell you what we decided": saying an item was discussed or
      // heard, in a post that keeps its outcome back, discloses nothing.
      // Asked only of a sentence that discloses something, and the post read for its withholding once.
      const disclosed = !MADE_PUBLIC.test(text) && DISCLOSED.test(rest) && !((withheld ??= WITHHELD_HERE.test(lower)) && !DISCLOSED.test(rest.replace(DISCUSSED, ' ')));
      said = { start: sentence.start, meeting: MEETING_WORDS.test(text), disclosed };
    }
    if (m[0].startsWith('part') && !said.meeting) continue;
    if (!said.disclosed) continue;
    reported.add(sentence.start);
    found.push({
      ...clipped(segment, sentence),
      reason: `discloses business from a closed or confidential session ('${segment.text.slice(m.index, m.index + m[0].length)}')`,
    });
  }
  return found;
}

function labelled(segment: Segment, sentences: Sentences): Signal[] {
  const lower = segment.lower;
  const found: Signal[] = [];
  let lastSentence = -1;
  LABELLED.lastIndex = 0;
  for (let m = LABELLED.exec(lower); m; m = LABELLED.exec(lower)) {
    const sentence = sentences.around(m.index);
    if (sentence.start === lastSentence) continue;
    lastSentence = sentence.start;
    if (ASSURANCE.test(lower.slice(sentence.start, sentence.end))) continue;
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].length;
    found.push({
      start,
      end,
      evidence: segment.text.slice(start, end).replace(/\s*[:\-–—!]$/, ''),
      reason: 'the post discloses material it labels confidential',
    });
  }
  return found;
}

function staffMatters(segment: Segment, sentences: Sentences): Signal[] {
  const { lower, text } = segment;
  const bySentence = new Map<number, { signal: Signal; who: string; matters: string[] }>();
  // Whether the post speaks of staff at all: asked once, not for every sentence with a staff matter.
  let staffContext: boolean | undefined;
  STAFF_MATTER.lastIndex = 0;
  for (let m = STAFF_MATTER.exec(lower); m; m = STAFF_MATTER.exec(lower)) {
    if (POLICY_AFTER.test(lower.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue;
    const sentence = sentences.around(m.index);
    const matter = text.slice(m.index, m.index + m[0].length);
    const seen = bySentence.get(sentence.start);
    if (seen) {
      if (seen.matters.length < 3 && !seen.matters.includes(matter)) seen.matters.push(matter);
      continue;
    }
    if (bySentence.has(-sentence.start - 1)) continue;
    const sentenceText = text.slice(sentence.start, sentence.end);
    const role = STAFF_ROLE.exec(lower.slice(sentence.start, sentence.end)) ?? NAMED_FROM_WORKPLACE.exec(sentenceText);
    staffContext ??= STAFF_CONTEXT.test(lower);
    // A matter only an employer has (a redundancy, a dismissal) says by itself that the person named works for the council.
    // A titled name is staff by its matter or the post's words: "Mrs Armstrong … was in hospital" may be any resident.
    const titled = TITLED_NAME.exec(sentenceText);
    const name =
      (titled && (staffContext || !HEALTH_MATTER.test(matter)) ? titled : null) ??
      (staffContext ? personName(sentenceText) : EMPLOYMENT_MATTER.test(matter) ? personName(sentenceText, true) : null);
    if (!role && !name) {
      // Nobody identifiable in this sentence: do not look again for its other matters.
      bySentence.set(-sentence.start - 1, { signal: { start: 0, end: 0, evidence: '', reason: '' }, who: '', matters: [] });
      continue;
    }
    const roleText = !role ? '' : role.input === sentenceText ? maskPeople(role[0].replace(/^([A-Z][a-z'’-]+)/, (n) => maskName(n))) : text.slice(sentence.start + role.index, sentence.start + role.index + role[0].length);
    const who = [roleText, name ? maskName(name[0]) : ''].filter(Boolean).join(' ');
    bySentence.set(sentence.start, {
      signal: { start: sentence.start, end: trimEnd(text, sentence.start, sentence.end), evidence: '', reason: '' },
      who,
      matters: [matter],
    });
  }
  return [...bySentence.values()].filter(({ matters }) => matters.length > 0).map(({ signal, who, matters }) => ({
    ...signal,
    evidence: `${who} … ${matters.join(', ')}`,
    reason: `discloses a staff matter (${matters.map((x) => `'${x.toLowerCase()}'`).join(', ')}) about an identifiable member of staff`,
  }));
}

/**
 * A first and last name in a sentence, skipping the sentence's opening word and titles such as "Town
 * Hall"; `familiar`: only a name that starts with a common given name ("Jade Holloway", not "Citizens Advice").
 */
function personName(sentence: string, familiar = false): RegExpExecArray | null {
  PERSON_NAME.lastIndex = 0;
  for (let m = PERSON_NAME.exec(sentence); m; m = PERSON_NAME.exec(sentence)) {
    const words = m[0].split(/\s+/);
    if (words.some((w) => NOT_A_NAME.has(w.toLowerCase()))) continue;
    if (familiar && !isGivenName(words[0]!)) continue;
    return m;
  }
  return null;
}
const NOT_A_NAME = new Set([
  'staff', 'update', 'town', 'council', 'hall', 'parish', 'clerk', 'the', 'our', 'this', 'please', 'street', 'road', 'lane',
  'park', 'committee', 'news', 'notice', 'cllr', 'councillor', 'mayor', 'team', 'office', 'library', 'centre', 'we', 'due',
]);

function legalAdvice(segment: Segment, sentences: Sentences): Signal[] {
  const lower = segment.lower;
  const found: Signal[] = [];
  const reported = new Set<number>();
  let lastSentence = -1;
  // Whether the post says what the advice is: read once, however many sentences take advice, so a long post stays linear.
  let adviceTold: boolean | undefined;
  LEGAL.lastIndex = 0;
  for (let m = LEGAL.exec(lower); m; m = LEGAL.exec(lower)) {
    const sentence = sentences.around(m.index);
    if (sentence.start === lastSentence || reported.has(sentence.start)) continue;
    lastSentence = sentence.start;
    const text = lower.slice(sentence.start, sentence.end);
    if (m[0] === 'legal advice' && (LEGAL_SERVICE.test(text) || !COUNCIL_HOLDS.test(text))) continue;
    if ((m[0] === 'legal advice' || m[0] === 'legally privileged') && ADVICE_TAKEN.test(text) && !(adviceTold ??= ADVICE_CONTENT.test(lower))) continue;
    found.push({ ...clipped(segment, sentence), reason: `discloses legal advice to the council ('${segment.text.slice(m.index, m.index + m[0].length)}')` });
    reported.add(sentence.start);
  }
  return found;
}

function tenderBids(segment: Segment, sentences: Sentences): Signal[] {
  const lower = segment.lower;
  if (!lower.includes('£') || AWARDED.test(lower)) return [];
  let lastSentence = -1;
  BIDS.lastIndex = 0;
  for (let m = BIDS.exec(lower); m; m = BIDS.exec(lower)) {
    // Prices in the sentence that reports the bids, or in the one after it.
    const first = sentences.around(m.index);
    if (first.start === lastSentence) continue;
    lastSentence = first.start;
    const pair = sentences.after(first);
    const window = lower.slice(first.start, pair.end);
    const prices = window.match(AMOUNTS)?.length ?? 0;
    if (prices === 0) continue;
    const span = AMOUNT.test(lower.slice(first.start, first.end)) ? first : pair;
    return [
      {
        ...clipped(segment, span),
        reason: `discloses ${prices > 1 ? `${prices} bid prices` : 'a bid price'} before the contract is awarded`,
      },
    ];
  }
  // "Three firms priced the play area: Fernleigh £42,100, PlayCo £38,950 …": bidders' prices side by side.
  for (const m of allIn(BID_NOUN, lower)) {
    const sentence = sentences.around(m.index);
    const pair = sentences.after(sentence);
    const window = lower.slice(sentence.start, pair.end);
    if (INVITATION.test(window)) continue;
    const priced = window.match(PRICED_NAME)?.length ?? 0;
    if (priced < 2) continue;
    return [{ ...clipped(segment, pair), reason: `discloses ${priced} bid prices before the contract is awarded` }];
  }
  return [];
}

/** A word for what bidders send in. */
const BID_NOUN = /\b(?:bids?|tenders?|quotes?|quotations?|bidders?|tenderers?|firms?|contractors?|companies)\b/g;
/** A bidder's name and price: "Fernleigh £42,100", "PlayCo: £38,950". */
const PRICED_NAME = /\b[a-z][\w&’'-]*:?\s+£\s?\d/g;
/** Inviting bids, a budget or a grant range: prices that are not bids. */
const INVITATION = /\b(?:invit\w*|closing\s+date|deadline|up\s+to|between|rang(?:e|es|ing)\s+from|budget|grants?|award(?:ed|s)?|worth|valued|from\s+£)\b/;

function allIn(pattern: RegExp, text: string): RegExpExecArray[] {
  pattern.lastIndex = 0;
  const found: RegExpExecArray[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push(m);
  return found;
}

function notYetPublic(segment: Segment, sentences: Sentences): Signal[] {
  const lower = segment.lower;
  const found: Signal[] = [];
  let lastSentence = -1;
  SECRET.lastIndex = 0;
  for (let m = SECRET.exec(lower); m; m = SECRET.exec(lower)) {
    const sentence = sentences.around(m.index);
    if (sentence.start === lastSentence) continue;
    lastSentence = sentence.start;
    const text = lower.slice(sentence.start, sentence.end);
    if (SCAM_ADVICE.test(text) || LIFTED.test(text)) continue;
    if (m[0].startsWith('between') && CONFIDED_OPINION.test(text) && !DISCLOSURE.test(text)) continue;
    if (m[0].startsWith('embargo') && EMBARGO_NOTICE.test(text) && !NEWS_TOLD.test(lower)) continue;
    if (!m[0].startsWith('embargo') && playful(lower)) continue;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      evidence: segment.text.slice(m.index, m.index + m[0].length),
      reason: 'the post says what it reveals is not yet public',
    });
  }
  if (found.length > 0) return found;

  OPEN_LEAK.lastIndex = 0;
  const open = OPEN_LEAK.exec(lower);
  if (open && !SCAM_ADVICE.test(lower)) {
    return [{ start: open.index, end: open.index + open[0].length, evidence: segment.text.slice(open.index, open.index + open[0].length), reason: 'the post leaks news it says is not yet public' }];
  }
  const hush = HUSH_EMOJI.exec(segment.text);
  if (hush && NEWS_WORDS.test(lower) && !playful(lower)) {
    const sentence = sentences.around(hush.index);
    return [{ ...clipped(segment, sentence), reason: `the post marks its news as a secret (${hush[0]})` }];
  }

  UNANNOUNCED.lastIndex = 0;
  const unannounced = UNANNOUNCED.exec(lower);
  if (!unannounced) return [];
  LEAK.lastIndex = 0;
  const leak = LEAK.exec(lower);
  if (!leak) return [];
  const [a, b] = unannounced.index < leak.index ? [unannounced, leak] : [leak, unannounced];
  return [
    {
      start: a.index,
      end: b.index + b[0].length,
      evidence: `${segment.text.slice(a.index, a.index + a[0].length)} … ${segment.text.slice(b.index, b.index + b[0].length)}`,
      reason: 'the post leaks a plan it says has not been announced',
    },
  ];
}

/** A segment's sentences, split once: after `.`, `!` or `?` followed by white space, and at line breaks. */
class Sentences {
  readonly #spans: Span[] = [];

  constructor(text: string) {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x0a) {
        this.#spans.push({ start, end: i });
        start = i + 1;
      } else if ((ch === 0x2e || ch === 0x21 || ch === 0x3f) && (i + 1 === text.length || /\s/.test(text[i + 1]!))) {
        this.#spans.push({ start, end: i + 1 });
        start = i + 1;
        while (start < text.length && text.charCodeAt(start) !== 0x0a && /\s/.test(text[start]!)) start++;
        i = start - 1;
      }
    }
    if (start < text.length || this.#spans.length === 0) this.#spans.push({ start, end: text.length });
  }

  /** The sentence that contains an offset. */
  around(index: number): Span {
    return this.#spans[this.#indexOf(index)]!;
  }

  /** A sentence and the one after it, as one span. */
  after(sentence: Span): Span {
    const next = this.#spans[this.#indexOf(sentence.start) + 1];
    return { start: sentence.start, end: next ? next.end : sentence.end };
  }

  #indexOf(offset: number): number {
    const spans = this.#spans;
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (spans[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

interface Span {
  start: number;
  end: number;
}

/** A sentence as evidence, shortened on a word boundary, with people's names masked. */
function clipped(segment: Segment, span: { start: number; end: number }, max = 160): Omit<Signal, 'reason'> {
  const end = trimEnd(segment.text, span.start, span.end);
  const text = maskPeople(segment.text.slice(span.start, end));
  if (text.length <= max) return { start: span.start, end, evidence: text };
  const cut = text.lastIndexOf(' ', max);
  return { start: span.start, end, evidence: `${text.slice(0, cut > 40 ? cut : max)}…` };
}

// A titled name (`Mrs Jane Kaur`), or a name right after a post or "former" (`the clerk, Jane Kaur`).
const TITLED_PERSON = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?/g;
const NAMED_POST_HOLDER = new RegExp(
  `(\\b(?:clerk|officer|groundsman|caretaker|cleaner|manager|warden|ranger|gardener|receptionist|employee|colleague|former\\s+\\w+)${A}?s?,?\\s+)([A-Z][a-z'’-]+(?:\\s+[A-Z][a-z'’-]+)?)`,
  'gi',
);

function maskPeople(text: string): string {
  return text
    .replace(TITLED_PERSON, (name) => maskName(name))
    .replace(NAMED_POST_HOLDER, (_all, post: string, name: string) => (/^[A-Z]/.test(name) ? `${post}${maskName(name)}` : `${post}${name}`));
}

function trimEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
