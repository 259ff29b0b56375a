// Small pieces of context shared by the recognisers: sentence bounds, and the words that make a
// number a reference rather than somebody's data.

export { allMatches } from '../prose/matches';

/**
 * A number straight after one of these words is a reference, an order or a code, not personal data. The
 * word must be in the number's sentence: "the hall booking. Is 07700 900613 your number?" is a phone
 * number, while "Ref. 12345" keeps its abbreviation's full stop.
 */
const REFERENCE_BEFORE =
  /\b(?:ref(?:erence)?|invoice|order|grant|application|case|ticket|booking|policy|serial|licen[cs]e|permit|meeting|id|pin|passcode|code|tracking|membership|crime|item|lot|job|project|planning)\b(?:[ \t\w:#/-]|\.(?![ \t]*[A-Za-z\n])){0,12}$/i;

/** Whether the text just before `start` introduces a reference number. */
export function isReferenceNumber(text: string, start: number): boolean {
  return REFERENCE_BEFORE.test(text.slice(Math.max(0, start - 32), start));
}

// A full stop ends a sentence unless it closes a title or an abbreviation such as "Mr." or "St.".
const SENTENCE_END = /[!?\n;]|(?<!\b(?:Mr|Mrs|Ms|Mx|Dr|St|No|Cllr|Rev|Revd|Mt|Prof|Sgt|[A-Z]))\.(?=\s)/g;

/**
 * What SENTENCE_END reads around a full stop: the title before it (at most four letters and the
 * word boundary before them) and the space after it.
 */
const BEHIND = 6;
const AHEAD = 1;

/** Offset where the sentence containing `index` begins (within `room` characters). */
export function sentenceStart(text: string, index: number, room = 160): number {
  const from = Math.max(0, index - room);
  // Only the room is searched: searching the whole text for the next stop would, for a text with
  // none, read to its end once for every number or name in it.
  const offset = Math.max(0, from - BEHIND);
  const window = text.slice(offset, index + AHEAD);
  let start = from;
  SENTENCE_END.lastIndex = from - offset;
  for (let m = SENTENCE_END.exec(window); m !== null && m.index + offset < index; m = SENTENCE_END.exec(window)) {
    start = m.index + offset + 1;
  }
  return start;
}

/** Offset where the sentence containing `index` ends (within `room` characters). */
function sentenceEnd(text: string, index: number, room = 160): number {
  const offset = Math.max(0, index - BEHIND);
  const window = text.slice(offset, index + room + AHEAD);
  SENTENCE_END.lastIndex = index - offset;
  const m = SENTENCE_END.exec(window);
  return m === null ? Math.min(text.length, index + room) : Math.min(m.index + offset, index + room);
}

/** The sentence around `[start, end)`. */
export function sentenceAround(text: string, start: number, end: number): string {
  return text.slice(sentenceStart(text, start), sentenceEnd(text, end));
}
