import { perContext, type DetectionContext } from '../../context';
import { maskName } from '../mask';
import { allMatches } from './clues';

// Who a piece of personal data is about: a person's name just before it, a title and surname, or
// (for staff) the role that identifies them in a small council. Names are recognised by shape
// (capitalised words) and confirmed by a list of common given names, so that "Harbour Civils" or
// "Memorial Hall" are not taken for people.

/** Common given names in England and Wales across generations, lower case. */
const GIVEN_NAMES = new Set(
  `aaron abdul abigail ada adam adrian ahmed aidan aileen aisha alan alana albert alex alexa alexander alexandra alfie alfred
  ali alice alicia alison allan alma amanda amber amelia amir amira amy andrea andrei andrew andy angela angus anita ann anna
  anne annette annie anthony antonio archie arjun arlo arthur ashley aoife audrey ava avril barbara barry basil beatrice becky
  bella ben benjamin bernard bernadette beryl beth bethan bethany betty beverley bill billy bob bobby brenda brendan brian bridget
  bronwen bruce bryony callum calum cameron carl carla carlos carly carmen carol carole caroline carolyn carys catherine cathy
  catriona cerys chantelle charlie charles charlotte chelsea cheryl chidi chloe chris christina christine christopher ciaran
  claire clare clara clifford clive colin connie connor conor craig cyril dafydd daisy dale damian dan daniel daniela danielle danny
  daphne darren dave david dawn dean debbie deborah declan dee denise dennis derek desmond diana diane dilys dominic donald donna
  doreen doris dorothy douglas duncan dylan edith edna edward edwin eileen elaine eleanor elena eli elijah elizabeth ella ellen
  ellie elliot elliott elsie emeka emily emma emrys eric erin ernest esme esther ethan ethel eugene eva evan eve evelyn evie faye
  femi ffion finlay finley fiona florence frances francesca francis frank fraser freda freddie frederick freya gail gareth gary
  gavin gemma geoff geoffrey george georgia georgina gerald geraldine gethin gillian gina giovanni gladys glen glenda glenn gloria
  gordon grace graeme graham greg gregory gwen gwendoline hamish hannah harold harriet harrison harry harvey hassan hayley hazel
  heather heidi helen henry herbert hilary hilda holly horace howard hugh hugo iain ian ibrahim imogen imran ingrid irene iris
  isaac isabel isabella isabelle isla isobel ivan ivy iwan jack jackie jacob jacqueline jade jake james jamie jan jane janet janice
  jasmine jason jay jayden jayne jean jeff jeffrey jennifer jenny jeremy jess jessica jill jim jimmy jo joan joanna joanne jodie joe
  joel john jon jonathan jordan jose joseph josephine josh joshua joy joyce juan judith judy julia julian julie june justin kai
  kamal karen karl kate katherine kathleen kathryn katie katy kay keith kelly ken kenneth kerry kevin kieran kim kirsty kofi kwame
  kyle lara laura lauren layla leah leanne lee leo leon leonard les lesley leslie lewis liam lily linda lindsay lisa liz lizzie
  logan lola lorna lorraine louis louise luca lucas lucy luke lydia lynda lynn lynne madeleine maisie malcolm mandy marek margaret
  maria marian marie marilyn marion mark marco martha martin mary maryam mason matilda matt matthew maureen maurice max maxine megan
  mel melanie melissa mia michael michaela michelle mike millie miriam mo mohammed mohammad molly monica morag morgan muhammad
  muriel nadia naomi natalie natasha nathan neil nell nia niamh nicholas nick nicky nicola nicole nigel nina noah noor nora norma
  norman olive oliver olivia ollie omar oscar owen paige pam pamela pat patricia patrick paul paula pauline pedro peggy penny
  pete peter phil philip philippa phoebe phyllis piotr poppy priya rachel raj ravi ray raymond rebecca reg reggie reginald rhian
  rhiannon rhys richard rick rita rob robbie robert robin rod rodney roger ron ronald ronnie rory rosa rosalind rose rosemary rosie
  ross roy ruby rupert russell ruth ryan sally sam samantha samuel sandra sanjay sara sarah scarlett scott sean sebastian seren
  shane shannon sharon shaun sheila shirley sian siobhan simon sophia sophie stacey stan stanley stefan stella stephanie stephen
  steve steven stewart stuart sue susan suzanne sylvia tamsin tanya tariq ted teddy terence teresa terry tessa theo theodore
  theresa thomas tim timothy tina toby tom tomasz tommy toni tony tracey tracy trevor tunde una val valerie vanessa vera veronica
  vicki vicky victor victoria vikram vince vincent violet wayne wendy wilfred william willow yasmin yusuf yvonne zac zachary zainab
  zara zoe zoë
  aled alun bryn cai catrin dai dewi eirlys eleri elin emyr glyn gwyn hywel idris ieuan ifan llinos lowri mair meinir nerys
  osian rhodri sioned tegan trefor wyn
  anil deepak harjit kiran manjit parveen rajesh shabana sunita agnieszka kasia krzysztof magda pawel zofia oksana`.split(/\s+/),
);

/** Whether a word is a common given name (`Sam`, `nadia`): a capitalised run that starts with one names a person. */
export function isGivenName(word: string): boolean {
  return GIVEN_NAMES.has(word.toLowerCase());
}

/**
 * Capitalised words that start sentences, name places, organisations, events and buildings: a run of
 * capitals containing one is not a person's name ("Memorial Hall", "Harbour Board", "Dementia Café").
 */
const NOT_NAMES = new Set(
  `a an the our your their his her its this that these those my we you they he she it and but or so if as at by for from in into of
  on to with thanks thank congratulations congrats well done happy welcome dear hello hi meet please update news notice reminder
  found lost missing sadly good great big huge today tonight tomorrow yesterday also finally plus when while after before since
  staff volunteer volunteers resident residents mayor deputy chair chairman clerk councillor cllr council councils town parish
  district county borough city village community committee board team group club society trust association foundation fund
  appeal charity partnership network service services centre center hall halls house court school schools primary junior infant
  infants nursery academy college university church chapel cathedral methodist baptist catholic abbey library museum gallery
  theatre cinema pavilion bandstand park gardens garden green street road lane avenue close drive way crescent terrace place
  square quay pier harbour beach bay promenade prom station hospital surgery practice health care nhs uk gb england english
  britain british wales welsh scotland scottish ireland irish police fire ambulance rescue coastguard lifeboat rnli ltd limited
  plc co company cafe café stores store shop shops inn arms hotel pub bar restaurant bakery motors garage builders civils
  surfacing paving buses coaches rail railway water energy homes housing market fair festival carnival show week day month year
  christmas easter bank holiday monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december spring summer autumn winter north south east west upper lower old new memorial
  war remembrance band silver brass choir scouts guides brownies cubs rovers united fc cricket football rugby sailing rowing
  tennis bowls golf sports leisure youth arts research awareness friends cancer dementia mental heart support action age
  concern lottery government ministry department office agency authority county`.split(/\s+/),
);

// Not "Father": Father Christmas visits every council's Town Hall.
const TITLES = 'Mr|Mrs|Ms|Miss|Mx|Dr|Master|Cllr|Councillor|Sir|Dame|Rev|Revd|Reverend|Canon|Professor|Prof';
const NAME_WORD = String.raw`\p{Lu}(?:\p{Ll}+(?:['’]?\p{Lu}\p{Ll}+)?|['’]\p{Lu}\p{Ll}+)(?:-\p{Lu}\p{Ll}+)?`;

const TRAILING_NAME = new RegExp(String.raw`(?:\b(${TITLES})\.?\s+)?(${NAME_WORD}(?:\s+${NAME_WORD}){0,2})(?:['’]s)?\s*$`, 'u');
const LEADING_NAME = new RegExp(String.raw`^\s*(?:\b(${TITLES})\.?\s+)?(${NAME_WORD}(?:\s+${NAME_WORD}){0,2})`, 'u');
const TRAILING_SPACE_OR_COMMA = /[\s,]+$/;
const DETERMINER_BEFORE = /\b(?:the|a|an|our|this|that|their|his|her|its)\s*$/i;

/**
 * Staff and office-holders a small council identifies by role alone: "our groundsman", "the Town Clerk".
 */
const TRAILING_ROLE =
  /\b(?:our|the council's|the town's|the)\s+(?:(?:new|deputy|assistant|head|senior|long-serving|former|town|parish|community|beach|park|cemetery|street|office)\s+){0,2}(groundsman|groundskeeper|caretaker|clerk|cleaner|warden|ranger|lengthsman|gardener|handyman|receptionist|administrator|bookkeeper|treasurer|attendant|manager|secretary|steward|porter|lifeguard|mayor|colleague)\s*,?\s*$/i;

/** How sure we are that a span of text names one person. */
export type PersonEvidence = 'titled' | 'known' | 'unfamiliar' | 'role';

export interface Person {
  /** The name or role as written (without the title). */
  name: string;
  /** `Mrs`, `Dr`, `Cllr`… when the name had one. */
  title?: string;
  evidence: PersonEvidence;
  /** Offset of the name in the text the caller passed. */
  start: number;
}

const givenNamesOf = perContext(
  (context): ReadonlySet<string> => new Set(context.config.councillors.map((c) => c.name.trim().split(/\s+/)[0]!.toLowerCase())),
);

/** Given names of the council's own councillors, whatever their origin, on top of the common ones. */
function councillorGivenNames(context: DetectionContext | undefined): ReadonlySet<string> | undefined {
  return context === undefined ? undefined : givenNamesOf(context);
}

/** Words that end the name of a place or body, never a person's surname ("Victoria Hall" is kept as a person). */
const NEVER_SURNAMES = new Set(
  `school schools primary junior infant infants nursery academy college university library museum gallery theatre cinema
  pavilion bandstand hospital surgery practice station centre center club society trust association foundation fund appeal
  charity council councils committee board team group partnership network service services inn arms hotel pub bar restaurant
  cafe café stores store shop shops ltd limited plc co company street road lane avenue close drive crescent terrace place
  square quay pier gardens week day month festival carnival fair market show band choir fc united rovers nhs uk`.split(/\s+/),
);

/** Judges a run of capitalised words: leading greetings are dropped ("Congratulations Lily Carver"). */
function judgeName(
  title: string | undefined,
  run: string,
  runStart: number,
  context?: DetectionContext,
): Person | undefined {
  const words = allMatches(WORD, run);
  // With a title every word is the name ("Mr Green"), unless it is a place ("Dr Lau Surgery").
  if (title) {
    if (words.some((w) => NEVER_SURNAMES.has(w[0].toLowerCase()))) return undefined;
    return { name: run, title, evidence: 'titled', start: runStart };
  }
  let dropped = 0;
  while (dropped < words.length && NOT_NAMES.has(words[dropped]![0].toLowerCase())) dropped++;
  if (dropped === words.length) return undefined;
  const rest = words.slice(dropped).map((w) => w[0]);
  const name = rest.join(' ');
  const start = runStart + words[dropped]!.index;
  const first = rest[0]!.toLowerCase();
  // After a familiar given name, "Park", "Green" or "Hall" are surnames.
  if (GIVEN_NAMES.has(first) || councillorGivenNames(context)?.has(first)) {
    return rest.slice(1).some((w) => NEVER_SURNAMES.has(w.toLowerCase())) ? undefined : { name, evidence: 'known', start };
  }
  if (rest.length >= 2 && !rest.some((w) => NOT_NAMES.has(w.toLowerCase()))) return { name, evidence: 'unfamiliar', start };
  return undefined;
}

/** The person named at the very end of `text` ("…our groundsman Pete Lyle"), if any. */
export function personEndingAt(text: string, context?: DetectionContext, roles = false): Person | undefined {
  const offset = Math.max(0, text.length - 80);
  const tail = text.slice(offset);
  const m = TRAILING_NAME.exec(tail);
  if (m) {
    const person = judgeName(m[1], m[2]!, offset + m.index + m[0].lastIndexOf(m[2]!), context);
    // "the Harbour Board", "our Silver Band": an unfamiliar run after a determiner is a thing, not a person.
    if (person && !(person.evidence === 'unfamiliar' && DETERMINER_BEFORE.test(text.slice(0, person.start)))) return person;
  }
  if (roles) {
    const role = TRAILING_ROLE.exec(tail);
    if (role) return { name: role[0].replace(TRAILING_SPACE_OR_COMMA, ''), evidence: 'role', start: offset + role.index };
  }
  return undefined;
}

const WORD = /\S+/g;
const NAME_RUN = new RegExp(String.raw`(?:\b(${TITLES})\.?\s+)?(${NAME_WORD}(?:\s+${NAME_WORD}){0,2})`, 'gu');

/** The last person named anywhere in `text` by a title or a familiar given name: whom "he" or "she" refers to. */
export function lastPersonNamedIn(text: string, context?: DetectionContext): Person | undefined {
  let last: Person | undefined;
  for (const m of allMatches(NAME_RUN, text)) {
    const person = judgeName(m[1], m[2]!, m.index + m[0].lastIndexOf(m[2]!), context);
    if (person && person.evidence !== 'unfamiliar') last = person;
  }
  return last;
}

/** A person's name as evidence: title kept, name masked (`Mrs B••••`). */
export function maskedPerson(person: Person): string {
  if (person.evidence === 'role') return person.name;
  return person.title ? `${person.title} ${maskName(person.name)}` : maskName(person.name);
}

/** The person named at the very start of `text` ("Lily Carver, aged 9"), if any. */
export function personStartingAt(text: string, context?: DetectionContext): Person | undefined {
  const m = LEADING_NAME.exec(text);
  if (!m) return undefined;
  return judgeName(m[1], m[2]!, m.index + m[0].lastIndexOf(m[2]!), context);
}
