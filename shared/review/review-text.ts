import { ValidationError } from '../domain/errors';

/** A note or reason a person wrote that cannot be stored: says which field, which value and why. */
export class ReviewInputError extends ValidationError {}

/** The longest note or reason kept: a paragraph, not a document. */
export const MAX_NOTE_LENGTH = 2000;

/**
 * Control characters other than tab and line breaks, and the bidirectional overrides and isolates
 * that make text display in an order other than it reads (a "Trojan Source" note): refused, because
 * no person types them and they could make the audit trail say something other than it holds.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/**
 * A person's free text for the audit trail, checked and stored as text: it is never interpreted
 * (not HTML, not a template, not a command), and whoever displays it escapes it. Line breaks are
 * kept (as `\n`); leading and trailing space goes. Undefined when nothing was written and the field
 * is optional.
 */
export function reviewText(field: string, value: string | undefined, options: { required: boolean; requiredBecause?: string }): string | undefined {
  const text = value?.replace(/\r\n?/g, '\n').trim();
  if (text === undefined || text === '') {
    if (!options.required) return undefined;
    throw new ReviewInputError(`invalid ${field}`, [{ field, message: `is required${options.requiredBecause ? ` ${options.requiredBecause}` : ''}` }]);
  }
  const unsafe = UNSAFE_CHARACTERS.exec(text);
  if (unsafe) {
    const code = `U+${unsafe[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new ReviewInputError(`invalid ${field}`, [{ field, value: shorten(text), message: `holds the control character ${code} at position ${unsafe.index + 1}: write plain text` }]);
  }
  if (text.length > MAX_NOTE_LENGTH) {
    throw new ReviewInputError(`invalid ${field}`, [{ field, value: shorten(text), message: `is ${text.length} characters long: at most ${MAX_NOTE_LENGTH}` }]);
  }
  return text;
}

/**
 * The first character a person would not type (see UNSAFE_CHARACTERS) in a text, as `U+202E` and its
 * 1-based position, or undefined when there is none: for other forms' text (the settings) to refuse
 * with the same words.
 */
export function unsafeCharacterIn(text: string): { code: string; position: number } | undefined {
  const unsafe = UNSAFE_CHARACTERS.exec(text);
  return unsafe ? { code: `U+${unsafe[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, position: unsafe.index + 1 } : undefined;
}

/** A text as an error message shows it: quoted, unsafe characters as escapes, at most 80 characters. */
export function shownValue(text: string): string {
  return shorten(text);
}

function shorten(text: string): string {
  // An unsafe character is shown as its escape, never as itself (JSON quoting leaves U+202E as is).
  const quoted = JSON.stringify(text).replace(new RegExp(UNSAFE_CHARACTERS.source, 'gu'), (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
  return quoted.length > 80 ? `${quoted.slice(0, 77)}...` : quoted;
}
