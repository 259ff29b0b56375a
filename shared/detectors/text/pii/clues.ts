// Small pieces of context shared by the recognisers: sentence bounds, and the words that make a
// number a reference rather than somebody's data.

export { allMatches } from '../prose/matches';

/** A number straight after one of these words is a reference, an order or a code, not personal data. */
const REFERENCE_BEFORE =
  /\b(?:ref(?:erence)?|invoice|order|grant|application|case|ticket|booking|policy|serial|licen[cs]e|permit|meeting|id|pin|passcode|code|tracking|membership|crime|item|lot|job|project|planning)\b[\s\w.:#/-]{0,12}$/i;

/** Whether the text just before `start` introduces a reference number. */
export function isReferenceNumber(text: string, start: number): boolean {
  return REFERENCE_BEFORE.test(text.slice(Math.max(0, start - 32), start));
}

// A full stop ends a sentence unless it closes a title or an abbreviation such as "Mr." or "St.".
const SENTENCE_END = /[!?\n;]|(?<!\b(?:Mr|Mrs|Ms|Mx|Dr|St|No|Cllr|Rev|Revd|Mt|Prof|Sgt|[A-Z]))\.(?=\s)/g;

/** Offset where the sentence containing `index` begins (within `room` characters). */
export function sentenceStart(text: string, index: number, room = 160): number {
  const from = Math.max(0, index - room);
  let start = from;
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m !== null && m.index < index; m = SENTENCE_END.exec(text)) {
    start = m.index + 1;
  }
  return start;
}

/** Offset where the sentence containing `index` ends (within `room` characters). */
function sentenceEnd(text: string, index: number, room = 160): number {
  SENTENCE_END.lastIndex = index;
  const m = SENTENCE_END.exec(text);
  return m === null ? Math.min(text.length, index + room) : Math.min(m.index, index + room);
}

/** The sentence around `[start, end)`. */
export function sentenceAround(text: string, start: number, end: number): string {
  return text.slice(sentenceStart(text, start), sentenceEnd(text, end));
}
