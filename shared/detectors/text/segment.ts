import type { Location } from '../../domain/finding';
import { foldLookalikes, normalise, originalOffset, type Projection } from './normalise';
import { SentenceIndex, sentenceAround, type Span } from './prose/sentence';

/** Texts shorter than this are walked for each sentence asked about; longer ones are indexed once. */
const INDEXED_LENGTH = 1_000;

/**
 * One scannable piece of a post (its text, the quoted text, an image's alt text), normalised once
 * and shared by every detector. Detectors match on `text` and call `locate` with those offsets.
 */
export class Segment {
  readonly field: string;
  readonly original: string;
  readonly projection: Projection;
  #folded: string | undefined;
  #lower: string | undefined;
  #sentences: SentenceIndex | undefined;

  constructor(field: string, original: string) {
    this.field = field;
    this.original = original;
    this.projection = normalise(original);
  }

  /** NFKC text with entities decoded and zero-width characters removed. */
  get text(): string {
    return this.projection.text;
  }

  /** `text` in lower case (same offsets: only used for ASCII-insensitive matching). */
  get lower(): string {
    if (this.#lower === undefined) {
      const lower = this.text.toLowerCase();
      this.#lower = lower.length === this.text.length ? lower : this.text;
    }
    return this.#lower;
  }

  /** `text` with leetspeak and look-alike letters folded to plain lower-case Latin (same offsets). */
  get folded(): string {
    this.#folded ??= foldLookalikes(this.text);
    return this.#folded;
  }

  /** The sentence of `text` around an offset, as `sentenceAround` finds it. */
  sentenceAround(index: number): Span {
    const text = this.text;
    if (text.length < INDEXED_LENGTH) return sentenceAround(text, index);
    this.#sentences ??= new SentenceIndex(text);
    return this.#sentences.around(index);
  }

  /** The original text between two offsets of `text`. */
  slice(start: number, end: number): string {
    return this.original.slice(originalOffset(this.projection, start), originalOffset(this.projection, end));
  }

  /** Where `text[start, end)` stands in the original field. */
  locate(start: number, end: number): Location {
    return {
      field: this.field,
      start: originalOffset(this.projection, start),
      end: originalOffset(this.projection, end),
    };
  }
}
