import { allMatches, sentenceAround, sentenceStart } from './clues';
import { lastPersonNamedIn, maskedPerson, personEndingAt, personStartingAt, type Person } from './people';
import type { PiiScan } from './types';

// Special-category detail (health, disability, offences) about a named or clearly identified
// person. The detail must be said of the person: "Pete Lyle is off sick", "Margaret, who has
// dementia", "our caretaker was convicted". A talk "on living with dementia" or a "Dementia Café"
// is not about anyone.

const CRIME = String.raw`convicted|convictions?|criminal record|arrested|charged with(?!\s+(?:\w+ing|the (?:task|job|role)|responsibility|overseeing))|pleaded guilty|found guilty|jailed|imprisoned|in prison|behind bars|sentenced|on bail|on probation|on remand|remanded|cautioned by (?:the )?police|(?:a )?police caution|sex offender|banned from driving|disqualified from driving|restraining order|prosecuted|fined`;
/** Parts of the body an operation is named by: "a knee op", "her cataract operation". */
const BODY = String.raw`knee|hip|heart|bypass|cataract|back|eye|shoulder|hernia|gall\s?bladder|bowel|spinal|spine|brain|foot|ankle|wrist|hand|ear|kidney|liver|lung|prostate|breast|cancer|keyhole|emergency|major|minor|double|triple|quadruple|hysterectomy|appendix|tonsils?`;
const HEALTH = String.raw`in hosp|(?:${BODY}) (?:op|operation|surgery|replacement|transplant|procedure)|(?:his|her|their) (?:(?:${BODY}) )?op|(?:after|following|since|from|before) (?:a|an|the|his|her|their) (?:[a-z-]+ ){0,2}?(?:fall|operation|op|surgery|accident|replacement|transplant|stroke|heart attack|procedure|illness|diagnosis|treatment)|operated on|on the mend|recuperat(?:ing|es|ed)|convalesc\w+|recover(?:s|ed)? from|recovering (?:well|nicely|slowly|at home|in (?:the )?(?:[a-z'’-]+ ){0,3}(?:hospital|infirmary))|(?:out of|home from|back from|discharged from|left) hospital|pneumonia|bronchitis|sepsis|meningitis|shingles|asthma|arthritis|angina|a hernia|gout|lupus|crohn['’]?s|a blood clot|laid up|bed-?ridden|housebound|on crutches|in plaster|(?:a )?heart attack|off sick|signed off (?:sick|work|with|until|for)|on sick leave|sick leave|long-term sick|unwell|(?:seriously|terminally|critically|very) ill|in hospital|in intensive care|in a hospice|hospitali[sz]ed|admitted to hospital|diagnosed with|diagnosis of|recovering (?:from|after)|undergoing (?:treatment|surgery|chemo\w*|tests|an operation)|receiving (?:treatment|chemo\w*|care)|suffer(?:s|ed|ing)? (?:from|with|a)|ill[- ]health|illness|poorly|injured|injuries|(?:broken|broke (?:his|her|their)) (?:leg|arm|hip|wrist|ankle|bones?)|cancer|tumou?r|leukaemia|dementia|alzheimer['’]?s|parkinson['’]?s|motor neurone|multiple sclerosis|a stroke|heart attack|heart (?:condition|problems?|surgery)|depression|depressed|anxiety|(?:with|from|due to|through) stress|stress-related|a breakdown|mental (?:health (?:problems|issues|condition|crisis|difficulties)|illness)|bipolar|schizophreni\w*|ptsd|diabet\w*|epilep\w*|autis\w*|adhd|dyslexi\w*|learning disabilit\w*|blind|deaf|partially sighted|disabled(?!\s+(?:the|a|an|it|this|that|his|her|their|our|all)\b)|a disability|wheelchair|paralysed|amputee|hiv|covid|miscarriage|(?:had|has|having|needs?|needed|undergone|after|following|from|for|major|emergency|hip|knee|back|eye) surgery|an operation|chemo\w*|radiotherapy|dialysis|transplant|addict\w*|alcoholi\w*|rehab|overdose|self-harm|suicid\w*|eating disorder|anorexi\w*|in (?:the )?(?:[a-z'’-]+ ){1,4}(?:hospital|infirmary|hospice)|in ysbyty(?: [a-z'’-]+)?|(?:taken|rushed|admitted) to (?:hospital|a&e|a and e)|in a&e|off (?:work |sick )?(?:again )?with (?:a |an |his |her |their |the )?(?:bad |sore |broken |injured |nasty |bad )?(?:back|knee|leg|arm|hip|shoulder|neck|chest infection|flu|cold|virus|migraine|sickness bug|bug)|(?:after|following|since|from) (?:a|an|the|his|her|their) (?:fall|operation|op|surgery|accident|knee replacement|hip replacement)|had a fall|flu`;
/** A word stem of every term above: posts without one (nearly all) skip the long expression. */
const TERM_STEMS = new RegExp(
  String.raw`\b(?:${`convict criminal arrest charged guilty jail impris prison bars sentenced bail probation remand caution
  offender banned disqualified restraining prosecut fined sick signed unwell ill hospital intensive hospice diagnos recover
  undergo receiving suffer poorly injur broke cancer tumo leukaemia dementia alzheimer parkinson neurone sclerosis
  stroke heart depress anxiety stress breakdown mental bipolar schizo ptsd diabet epilep autis adhd dyslexi disab blind deaf
  sighted wheelchair paralys amputee hiv covid miscarriage surgery chemo radiotherapy dialysis transplant addict
  alcoholi rehab overdose self-harm suicid disorder anorexi infirmary fall off\\s flu ysbyty a&e
  op\\b hosp\\b operat mend recuperat convalesc replacement pneumonia shingles arthritis`.split(/\s+/).join('|')})`,
  'i',
);
const TERM = new RegExp(String.raw`\b(?:(${CRIME})|(${HEALTH}))\b`, 'gi');

/** Words a sentence may put between the person (or their verb) and the detail. */
const FILLERS = new Set(
  `now still currently recently sadly unfortunately also been being be a an the very seriously critically gravely quite back
  at home in with from after following treated for having undergoing receiving recovering diagnosed suffering living battling
  fighting admitted taken rushed to his her their long-term temporarily not due just already since unexpectedly suddenly
  received given registered newly formally later last week month year this stepped stepping down resigned retired retiring
  absent away leave on because of owing off work again knee hip eye eyes back shoulder foot feet leg legs arm arms wrist ankle
  hand hands heart bad sore`.split(/\s+/),
);
const AUXILIARIES = new Set(['is', 'was', 'has', 'had', 'are', 'were', 'have', 'remains', 'remained', 'will', 'would', 'might', 'could', "who's", 'who’s']);
/** Details that carry their own verb: "Pete Lyle, recovering from surgery". */
const SELF_LINKING = /^(?:broke |suffer|recover|recuperat|convalesc|operated on|on the mend|(?:out of|home from|back from|discharged from) hospital|diagnosed with|hospitali|convicted|arrested|jailed|sentenced|pleaded|imprisoned|undergoing|receiving|fined|prosecuted|remanded)/i;
/** A detail followed by one of these names a cause, a service or a facility, not a person's condition. */
const NOT_A_CONDITION = new Set(
  `research charity charities support awareness centre center unit ward trust society friends café cafe group groups week day
  month screening service services appeal fund funds fundraiser fundraising clinic clinics nurse nurses team walk run relay ride
  coffee morning uk foundation association action network champion champions friendly parking access accessible toilet toilets
  bay bays badge spaces space facilities entrance ramp spot bend of to prevention information advice helpline line hub training
  event events talk session sessions workshop test tests testing vaccine vaccines vaccination jab jabs insurance free levels
  management relief friend car wing site grounds shop radio league season jab jabs clinic`.split(/\s+/),
);

const NEXT_WORD = /^\s*([\p{L}'’-]+)/u;
const LAST_WORD = /(?<![\p{L}'’])([\p{L}'’-]+)\s*$/u;
const POSSESSIVE_END = /['’]s\s*$/;
const WHO_END = /(?:,?\s*\(?\s*who)?[\s,(]*$/i;
const PRONOUN_END = /\b(?:he|she)$/i;
const OPENING_BRACKET_END = /\s*\(\s*$/;
/** ", our groundsman," between a name and its verb. */
const APPOSITIVE_END = /,[^,]{1,40}$/;

/** Wishing someone better says they are ill: "Get well soon to Connor Hale", "a speedy recovery, Mrs Akhtar". */
const GET_WELL = /\b(?:get\s+well\s+soon|(?:speedy|quick|full)\s+recovery|get\s+well\s+wishes)[\s,!]+(?:to\s+|for\s+)?(?:our\s+(?:[a-z-]+\s+){0,3}?(?=[A-Z]))?/gi;
const WISHING = /\b[Ww]ishing\s+((?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+a\s+(?:speedy|quick|full)\s+recovery\b/gu;
/** A remark on someone's body said to them: "with your eyesight, Mrs Akhtar". */
const YOUR_CONDITION =
  /\b(?:with|given|at|for)\s+your\s+(?:poor\s+|bad\s+|failing\s+|dodgy\s+|dicky\s+|wonky\s+)?(eyesight|sight|hearing|memory|mobility|balance|legs|knees|hips?|bad\s+back|condition|illness|health\s+problems|nerves|mental\s+health)\b/gi;
/** A treatment or illness of the person spoken to: "sorry to hear about your diagnosis, Jean". */
const YOUR_MEDICAL =
  /\b(?:about|after|with|for|on|since|following|from)\s+your\s+(?:recent\s+|latest\s+)?(diagnosis|illness|op|operation|surgery|treatment|chemo(?:therapy)?|stroke|heart\s+attack|fall|injury|injuries|cancer|hospital\s+stay|stay\s+in\s+hospital)\b/gi;
/** The person spoken to: a titled name, or a familiar given name set off by commas or after a greeting. */
const VOCATIVE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+\p{Lu}[\p{L}'’-]+|(?:^|,\s*|\b(?:Hi|Hello|Dear|Morning|Evening|Thanks|Thank\s+you)\s+)(\p{Lu}\p{Ll}+)(?=\s*[,.!?])/gu;

/**
 * The person's own announcement, shared because they asked: "Cllr Quinn has asked us to share her own
 * announcement", "has published a personal statement and asked us to share it". Their choice, not a disclosure.
 */
const SHARED_AT_THEIR_REQUEST =
  /\b(?:(?:has|have|had)\s+asked\s+us\s+to\s+(?:share|post|pass\s+on|let\s+(?:you|everyone|people|residents)\s+know)|at\s+(?:his|her|their)\s+(?:own\s+)?request|with\s+(?:his|her|their)\s+(?:kind\s+)?(?:permission|consent|blessing)|(?:his|her|their)\s+own\s+(?:announcement|statement|words)|(?:has|have)\s+published\s+a\s+(?:personal\s+)?statement)\b/i;

/** Cheap test for every finder below: most texts have none of their words. */
const ANY_DETAIL = new RegExp(String.raw`${TERM_STEMS.source}|recovery|get\s+well|\byour\s+(?:\w+\s+)?(?:eye|sight|hear|memo|mobi|bala|leg|knee|hip|back|cond|ill|heal|nerv|ment|diag|op\b|oper|surg|treat|chemo|stroke|heart|fall|injur|canc|hosp|stay)`, 'i');

/** Health, disability or criminal-record detail about a named or identified person. */
export function findSpecialCategoryDetail(scan: PiiScan): void {
  if (!ANY_DETAIL.test(scan.text) || SHARED_AT_THEIR_REQUEST.test(scan.text)) return;
  const terms = TERM_STEMS.test(scan.text);
  if (terms) namedDetails(scan);
  // Said of a person without a term for the condition: found after, so the condition's own words are the evidence.
  wishedWell(scan);
  // Said of a person the post sends its thoughts to: "keep Imran Qureshi in your thoughts after the heart op".
  if (terms && CONCERN_GATE.test(scan.text)) concernFor(scan);
  remarkOnBody(scan);
}

function namedDetails(scan: PiiScan): void {
  const { text } = scan;
  for (const m of allMatches(TERM, text)) {
    const term = m[0];
    const start = m.index;
    const end = start + term.length;
    const crime = m[1] !== undefined;
    const next = NEXT_WORD.exec(text.slice(end, end + 30))?.[1]?.toLowerCase();
    if (!crime && next !== undefined && NOT_A_CONDITION.has(next)) continue;
    const person = subjectOf(text, start, term, scan);
    if (person === undefined) continue;
    const who = maskedPerson(person);
    const detail = term.toLowerCase();
    const about = `${person.evidence === 'role' ? 'an identifiable person' : 'a named person'}, ${who}`;
    scan.add({
      kind: crime ? 'criminal-record' : 'health',
      start: Math.min(person.start, start),
      end,
      key: `${crime ? 'crime' : 'health'}:${person.name.toLowerCase()}`,
      evidence: `${who}: ${detail}`,
      signal: `${crime ? 'criminal-record' : 'health or disability'} detail ("${detail}") about ${about}`,
    });
  }
}

/** The person a detail is said of, reading back from the detail through fillers and a verb. */
function subjectOf(text: string, termStart: number, term: string, scan: PiiScan): Person | undefined {
  const sentence = sentenceStart(text, termStart);
  let before = text.slice(sentence, termStart);
  // Read back over "has been", "is still", "was recently treated for"…: at most six linking words.
  // "Cllr Bhatt (in hospital following surgery)": a detail in brackets after a name is said of them.
  let linked = OPENING_BRACKET_END.test(before);
  if (linked) before = before.replace(OPENING_BRACKET_END, '');
  for (let words = 0; words < 6; words++) {
    const last = LAST_WORD.exec(before);
    const word = last?.[1]!.toLowerCase();
    if (word === undefined || !(FILLERS.has(word) || AUXILIARIES.has(word))) break;
    linked ||= AUXILIARIES.has(word);
    before = before.slice(0, last!.index);
  }
  if (!linked) {
    if (POSSESSIVE_END.test(before)) {
      // "Pete's off sick", "Margaret's dementia"; but "Dr Lau's surgery" is her practice.
      if (/surgery$/i.test(term)) return undefined;
    } else if (!SELF_LINKING.test(term)) {
      return undefined;
    }
  }
  before = before.replace(WHO_END, '');

  // "…sends apologies as he is unwell": whoever was named last, in this sentence or the one before.
  const pronoun = PRONOUN_END.exec(before);
  if (pronoun) {
    const previous = sentence > 0 ? sentenceStart(text, sentence - 1) : 0;
    return lastPersonNamedIn(text.slice(previous, sentence + pronoun.index), scan.context);
  }

  const person = personEndingAt(before, scan.context, true);
  if (person && person.evidence !== 'role') return person;
  // "Pete Lyle, our groundsman, is off sick": look past the appositive, preferring a name to a role.
  const appositive = APPOSITIVE_END.exec(before);
  const named = appositive ? personEndingAt(before.slice(0, appositive.index), scan.context, true) : undefined;
  return named ?? person;
}

/** Words of concern for someone: most posts have none. */
const CONCERN_GATE = /\b(?:thoughts|prayers|hearts|love\s+to|hugs?|welcome\s+(?:back|home)|wish(?:es|ing)|flowers|cards?\s+to|sending|keep|remember|hold)\b/i;
/**
 * Concern sent to a person, with what must follow their name for each opener: "keep … in your
 * thoughts", "thoughts are with …", "sending love to …", "wishing … all the best", "sending … our love".
 */
const CONCERN = /\b(?:(keep|remember|hold)|(?:thoughts|prayers|love|hugs?|welcome\s+(?:back|home)|(?:best|good|warm|get\s+well)\s+wishes|wishes|flowers|cards?)(?:\s+and\s+(?:prayers|love|hugs|(?:best\s+)?wishes|thoughts))?\s+(?:are\s+|go\s+|going\s+|goes\s+|sent\s+)?(?:out\s+)?(?:with|to|for)|(wishing)|(sending|send))\s+(?:(?:our|my)\s+(?:(?:[a-z-]+\s+){0,3}?(?=\p{Lu})))?/giu;
const AFTER_KEEP = /^\s+in\s+(?:your|our|their|all\s+our|everyone['’]s)\s+(?:thoughts|prayers|hearts)/i;
const AFTER_WISHING = /^\s+(?:all\s+the\s+(?:best|very\s+best)|well|better|a\s+(?:speedy|quick|full|smooth|swift)\s+recovery|strength|love)/i;
const AFTER_SENDING = /^,?\s+(?:our|all\s+our|lots\s+of|much|big|huge|the\s+(?:council['’]s|team['’]s))\s+(?:\w+\s+)?(?:love|best|good|warm|hugs|thoughts|wishes)/i;

/** A health detail in a sentence that sends concern to a named person: the detail is theirs. */
function concernFor(scan: PiiScan): void {
  const { text } = scan;
  for (const m of allMatches(CONCERN, text)) {
    const after = m.index + m[0].length;
    const person = personStartingAt(text.slice(after, after + 60), scan.context);
    if (person === undefined || person.evidence === 'role' || (person.evidence === 'unfamiliar' && m[1] === undefined)) continue;
    const nameEnd = after + person.start + person.name.length;
    const rest = text.slice(nameEnd, nameEnd + 60);
    if (m[1] !== undefined && !AFTER_KEEP.test(rest)) continue;
    if (m[2] !== undefined && !AFTER_WISHING.test(rest)) continue;
    if (m[3] !== undefined && !AFTER_SENDING.test(rest)) continue;
    const offset = sentenceStart(text, m.index);
    const sentence = sentenceAround(text, m.index, nameEnd);
    for (const term of allMatches(TERM, sentence)) {
      if (term[1] !== undefined) continue;
      const termEnd = term.index + term[0].length;
      const next = NEXT_WORD.exec(sentence.slice(termEnd, termEnd + 30))?.[1]?.toLowerCase();
      if (next !== undefined && NOT_A_CONDITION.has(next)) continue;
      addHealth(scan, person, m.index, offset + termEnd, term[0].toLowerCase());
      break;
    }
  }
}

function wishedWell(scan: PiiScan): void {
  const { text } = scan;
  if (!/recovery|get\s+well/i.test(text)) return;
  for (const m of allMatches(GET_WELL, text)) {
    const after = m.index + m[0].length;
    // "Get well soon Nerys!": a lone given name, wished well, is a person whatever the name.
    const person = personStartingAt(text.slice(after), scan.context) ?? loneName(text.slice(after));
    if (person === undefined || person.evidence === 'role') continue;
    addHealth(scan, person, m.index, after + person.start + person.name.length, m[0].replace(/[\s,!]+(?:to|for)?\s*(?:our\s+(?:[a-z-]+\s+)*)?$/i, '').toLowerCase());
  }
  for (const m of allMatches(WISHING, text)) {
    const person = personStartingAt(m[1]!, scan.context);
    if (person === undefined) continue;
    addHealth(scan, person, m.index, m.index + m[0].length, 'a speedy recovery');
  }
}

function remarkOnBody(scan: PiiScan): void {
  const { text } = scan;
  if (!/\byour\s+(?:[a-z]+\s+)?(?:eyesight|sight|hearing|memory|mobility|balance|legs|knees|hips?|back|condition|illness|health|nerves|mental|diagnosis|op|operation|surgery|treatment|chemo|stroke|heart|fall|injur|cancer|hospital|stay)/i.test(text)) return;
  for (const m of [...allMatches(YOUR_CONDITION, text), ...allMatches(YOUR_MEDICAL, text)]) {
    const sentence = sentenceAround(text, m.index, m.index + m[0].length);
    let person: Person | undefined;
    for (const vocative of allMatches(VOCATIVE, sentence)) {
      person = personStartingAt(vocative[1] ?? vocative[0], scan.context);
      if (person !== undefined && person.evidence !== 'unfamiliar') break;
      person = undefined;
    }
    if (person === undefined) continue;
    addHealth(scan, person, m.index, m.index + m[0].length, `your ${m[1]!.toLowerCase()}`);
  }
}

function addHealth(scan: PiiScan, person: Person, start: number, end: number, detail: string): void {
  const who = maskedPerson(person);
  scan.add({
    kind: 'health',
    start,
    end,
    key: `health:${person.name.toLowerCase()}`,
    evidence: `${who}: ${detail}`,
    signal: `health or disability detail ("${detail}") about a named person, ${who}`,
  });
}

/** A single capitalised word standing alone ("Nerys!", "Dai,"), not a place or a body. */
function loneName(text: string): Person | undefined {
  const m = /^(\p{Lu}\p{Ll}{2,})(?=\s*(?:[,.!]|💐|❤|🙏|$))/u.exec(text);
  if (!m || NOT_A_LONE_NAME.test(m[1]!)) return undefined;
  return { name: m[1]!, evidence: 'known', start: 0 };
}
const NOT_A_LONE_NAME = /^(?:Everyone|Everybody|All|Team|Folks|Friends|Neighbours|Residents|Volunteers|Guys|Both|Them|You)$/;
