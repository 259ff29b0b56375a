import type { DetectionContext } from '../../context';
import { SpanSet } from '../spans';

/** The kinds of personal data the rulebook's `personal-data` table lists. */
export type PiiKind =
  | 'national-insurance'
  | 'nhs-number'
  | 'bank-details'
  | 'date-of-birth'
  | 'health'
  | 'criminal-record'
  | 'child'
  | 'phone'
  | 'email'
  | 'home-address'
  | 'vehicle';

/** One item of personal data found in a piece of text. */
export interface PiiMatch {
  kind: PiiKind;
  /** Offsets into the scanned (normalised) text. */
  start: number;
  end: number;
  /** The item's identity, so the same number in the text and in an alt text is reported once. */
  key: string;
  /** What was found, masked. */
  evidence: string;
  /** The signal in plain English, quoting only masked data: `UK mobile number 07700 9•• •••`. */
  signal: string;
}

const SAID_OF_A_PERSON: ReadonlySet<PiiKind> = new Set(['date-of-birth', 'health', 'criminal-record', 'child']);

/** One scan of one piece of text: what recognisers read, and what they have found so far. */
export class PiiScan {
  readonly text: string;
  readonly context: DetectionContext;
  /** The year the post was made: a birth date 110 years earlier is history, not a living person's. */
  readonly year: number;
  readonly found: PiiMatch[] = [];
  /**
   * The spans of `found`, indexed: a post with thousands of numbers is not checked against each in
   * turn. Made with the first item: most texts have none.
   */
  #spans: SpanSet | undefined;

  constructor(text: string, context: DetectionContext, year: number) {
    this.text = text;
    this.context = context;
    this.year = year;
  }

  /** True when `[start, end)` overlaps an item already found: the digits of an IBAN are not also a card. */
  taken(start: number, end: number): boolean {
    return this.#spans !== undefined && this.#spans.overlaps(start, end);
  }

  /**
   * Records an item. A number is recognised by its shape, so one inside another item's span is
   * the same characters read twice; details said of a person ("Lily, 9, is in hospital") may overlap.
   */
  add(match: PiiMatch): void {
    if (SAID_OF_A_PERSON.has(match.kind) || !this.taken(match.start, match.end)) {
      this.found.push(match);
      (this.#spans ??= new SpanSet(this.text.length)).add(match.start, match.end);
    }
  }
}
