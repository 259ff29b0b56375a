/**
 * UK political parties as they are written in council posts, told apart from the everyday words
 * they share ("labour of love", "village green", "conservation area", "reform of the bus service").
 * Case matters: the party is capitalised, the everyday word mostly is not; where a capital is not
 * enough ("Labour costs", "Conservative Club", "Green Lane"), the words after decide.
 */

// Words after a capitalised adjective that make it a party: "Green councillor", "Reform-led".
const ROLE = String.raw`(?=[\s-]+(?:government|MPs?|candidates?|councillors?|leader(?:ship)?|group|manifesto|polic(?:y|ies)|administration|ministers?|activists?|campaign(?:ers)?|party|Party|led|run|controlled|majority|voters?)\b)`;
const NOT_LABOUR = String.raw`(?![\s-]+(?:of\s+love|costs?|shortages?|market|force|ward|pains?|intensive|saving|[Dd]ay|hours|supply|relations|exchange|Club|Hall|club|hall|Exchange)\b)`;

const PARTY_SOURCE = [
  String.raw`(?:New\s+|Scottish\s+|Welsh\s+)?Labour${NOT_LABOUR}(?:\s+Party)?`,
  String.raw`LABOUR(?!\s+(?:OF|COSTS?|CLUB)\b)`,
  String.raw`Conservative\s+(?:and\s+Unionist\s+)?Party|Conservatives|CONSERVATIVES|Conservative${ROLE}`,
  String.raw`Tor(?:y|ies)|TOR(?:Y|IES)`,
  String.raw`Liberal\s+Democrats?|Lib\s?Dems?|Lib-Dems?|LIB\s?DEMS?|Liberal\s+Party|Liberal${ROLE}`,
  String.raw`Green\s+Party|GREEN\s+PARTY|the\s+Greens|Greens${ROLE}|Green${ROLE}`,
  String.raw`Reform\s+UK|REFORM\s+UK|Reform\s+Party|Reform${ROLE}`,
  String.raw`SNP|Plaid\s+Cymru|UKIP|DUP|SDLP|UUP|Sinn\s+F[ée]in|Alba\s+Party|Alliance\s+Party|BNP|Britain\s+First|TUSC`,
  String.raw`Workers[’']?\s+Party(?:\s+of\s+Britain)?|Brexit\s+Party|Social\s+Democratic\s+Party|SDP|Co-operative\s+Party|Yorkshire\s+Party|Heritage\s+Party|(?:Official\s+)?Monster\s+Raving\s+Loony(?:\s+Party)?|Women[’']s\s+Equality\s+Party|Christian\s+Peoples?[’']?\s+Alliance|English\s+Democrats|Socialist\s+Party|Communist\s+Party|British\s+National\s+Party|Independent\s+Alliance`,
  // Independent candidates: "Independent councillor", "the Independents", "Harbourne Independents".
  String.raw`Independents?(?=[\s-]+(?:candidates?|councillors?|group|alliance)\b)|the\s+Independents|[A-Z][a-z]+\s+Independents`,
].join('|');

/** A party named anywhere in a text (global: use with `allMatches`). */
export const PARTY = new RegExp(String.raw`\b(?:${PARTY_SOURCE})\b`, 'g');

/** Whether a text names a party at all. */
export const NAMES_PARTY = new RegExp(String.raw`\b(?:${PARTY_SOURCE})\b`);

/** A party named exactly at `lastIndex` (sticky). */
export const PARTY_HERE = new RegExp(String.raw`(?:${PARTY_SOURCE})\b`, 'y');

/** A party name used on its own as an adjective after "vote": "Vote Green", "vote Conservative". */
export const BARE_PARTY_HERE = /(?:Green|GREEN|Conservative|CONSERVATIVE|Reform|REFORM|Independent|Liberal)\b/y;

/** Cheap test: could the text name a party or ask for a vote at all? */
export const PARTY_CUE =
  /\b(?:Labour|LABOUR|[Cc]onservativ|CONSERVATIV|Tor(?:y|ies)|TOR(?:Y|IES)|Lib|LIB|Green|GREEN|Reform|REFORM|SNP|Plaid|UKIP|DUP|SDLP|UUP|Sinn|Alba|Alliance|Workers|Brexit|SDP|Party|PARTY|Independent|Loony|BNP|Britain\s+First|Democrats|TUSC|[Vv]ot(?:e|ing)|VOTE|[Ee]lect|ELECT|[Rr]e-?elect|RE-?ELECT|[Bb]rexit|[Ss]top\s+the\s+boats|the\s+many|[Ss]trong\s+and\s+stable|great\s+again|[Dd]eserves\s+better|back\s+control|[Dd]onat|[Cc]ampaign|[Cc]andidate|CANDIDATE|ward\b|X\b|[Cc]ross\b)|🗳/;

/** Short display form of a matched party name. */
export function partyName(match: string): string {
  return match.replace(/^the\s+/, '').replace(/\s+/g, ' ');
}

/**
 * Asking people to vote for, support, fund or work for someone. What follows the ask decides
 * whether it is political: a party, a candidate, or "them"/"their campaign" after a party is named.
 */
export const CAMPAIGN_ASK =
  /\b(?:(?<vote>vot(?:e|ing)(?:\s+for)?)|(?<party>support|back|join|get\s+behind)|(?<any>donat(?:e|ing)\s+(?:£?\d+\s+)?to|give\s+(?:money\s+|£?\d+\s+)?to|campaign(?:ing)?\s+for|canvass(?:ing)?\s+for|leaflet(?:ting)?\s+for|volunteer(?:ing)?\s+for|re-?elect|put\s+your\s+(?:cross|x)\s+(?:next\s+to|by|for)|elect))\s+/gi;

/** The determiner between an ask and its target: "vote for *the* Greens", "support *your local* candidate". */
export const DETERMINER_HERE = /(?:the|your(?:\s+local)?|our)\s+/iy;

/** "them", "their campaign": a campaign ask that refers back to a party or candidate named earlier. */
export const PRONOUN_TARGET_HERE = /(?:them|their\s+(?:campaign|candidates?|party)|(?:his|her)\s+(?:campaign|re-?election))\b/y;

/** Words that praise or promote, in a sentence that names a party. */
export const PRAISE =
  /\b(?:(?:is|are|was|were|'s|’s|'re|’re)\s+(?:absolutely\s+|so\s+|quite\s+|100%\s+)?right|right\s+about|the\s+(?:only|best|real|clear|obvious)\s+(?:choice|party|option|hope|ones?|alternative|people|team)|only\s+ones?\s+who|deliver(?:s|ed|ing)?\s+(?:for|on)|fight(?:s|ing)?\s+for|stand(?:s|ing)?\s+up\s+for|on\s+your\s+side|champions?\s+(?:of|for)|will\s+(?:save|fix|protect|deliver|restore|rebuild|transform|stand\s+up)|(?:can|will)\s+be\s+trusted|trust\s+(?:the|them)|common\s+sense|(?:great|brilliant|fantastic|excellent|amazing|outstanding|superb)\s+(?:work|job|news|record|achievement|plans?|polic(?:y|ies))|proud\s+(?:of|to\s+support)|well\s+done|thank(?:s|\s+you)\s+to|tak(?:e|es|ing)\s+(?:\w+\s+){0,4}seriously|cares?\s+about|exactly\s+what\s+\w+\s+needs?|the\s+way\s+forward|best\s+for\s+\w+|getting\s+things\s+done|gets?\s+things\s+done)\b/i;

/** Words that attack, in a sentence that names a party. */
export const ATTACK =
  /\b(?:abandon(?:ed|s|ing)?|betray(?:ed|s|al|ing)?|(?:have|has|'ve|’ve)\s+failed|fail(?:ed|s|ing)\s+(?:us|you|our|the\s+(?:town|people|residents|community|country|coast))|failures?|let\s+(?:\w+\s+){0,3}down|broken\s+promises?|broke\s+(?:their|its|his|her)\s+promises?|lying|liars?|(?:tell(?:s|ing)?|spread(?:s|ing)?|told)\s+lies|ruin(?:ed|ing)|wreck(?:ed|ing)|destroy(?:ed|s|ing)?|disgrace(?:ful)?|shambles|chaos|chaotic|incompet(?:ent|ence)|useless|hopeless|pathetic|out\s+of\s+touch|(?:can(?:no|'|’)t|cannot|never)\s+be\s+trusted|don(?:'|’)t\s+trust|scandal(?:ous)?|shameful|shame\s+on|to\s+blame|blame\s+(?:the|them)|neglect(?:ed|s|ing)?|short-?changed|sold\s+(?:\w+\s+)?out|war\s+on|hypocri(?:sy|tes?|tical)|(?:is|are)\s+wrong\s+(?:about|on)|(?:got|get|gets|getting)\s+it\s+(?:badly\s+|so\s+|completely\s+)?wrong|(?:kick|vote|turf|get)\s+(?:them|the\s+\w+)\s+out|robbed|con\s+trick|stitch(?:ed)?[\s-]up|(?:made|making|left|created)\s+(?:a|such\s+a)\s+mess)\b/i;

/** Stock phrases right after a party name that attack it: "Tory cuts", "Labour's mess", "Tories out!". */
export const ATTACK_AFTER_PARTY_HERE =
  /(?:['’]s)?\s+(?:cuts|austerity|chaos|mess|sleaze|failures?|lies|betrayal|broken\s+promises)\b|\s+out\b(?!\s+(?:of|on|in|at|to|and|for|with)\b)/y;

/** "only the Lib Dems …": exclusive praise, written just before the party. */
export const ONLY_BEFORE = /(?<!\bnot\s)\bonly\s+(?:the\s+)?$/i;

/**
 * Whether ONLY_BEFORE matches `text[from, to)`. It can match only "only", "the" and the spaces
 * around them at the very end (and looks five characters further back for a "not"), so it is tested
 * on that tail: testing the whole sentence before the party would read a long sentence again for
 * every party it names.
 */
export function onlyBefore(text: string, from: number, to: number): boolean {
  let tail = to;
  while (tail > from && WHITE_SPACE.test(text[tail - 1]!)) tail--;
  tail -= 'the'.length;
  while (tail > from && WHITE_SPACE.test(text[tail - 1]!)) tail--;
  return ONLY_BEFORE.test(text.slice(Math.max(from, tail - 'only'.length - 'not '.length - 1), to));
}
const WHITE_SPACE = /\s/;

/** Slogans that belong to a party campaign whatever else the post says. */
export const SLOGAN =
  /\b(?:get\s+brexit\s+done|for\s+the\s+many,?\s+not\s+the\s+few|stop\s+the\s+boats|strong\s+and\s+stable\s+(?:government|leadership)|make\s+britain\s+great\s+again|take\s+back\s+control\s+of\s+our\s+borders|britain\s+deserves\s+better)\b/i;
