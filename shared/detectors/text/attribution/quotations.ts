import { allMatches } from '../prose/matches';
import { countWords } from '../prose/sentence';
import { SpanSet } from '../spans';
import { classifySource, type SourceKind } from './sources';

/** A passage in quotation marks: offsets of the words inside the marks. */
export interface Quotation {
  start: number;
  end: number;
  words: number;
}

// Double marks of every kind, and single marks that open after a non-letter and close before one,
// so that apostrophes ("don't", "council's") do not open or close a quotation.
const QUOTED = [
  /"([^"]+)"/g,
  /“([^”“]+)”/g,
  /«([^»]+)»/g,
  /(?<![A-Za-z0-9\u00c0-\u024f])‘([^‘]+?)’(?![A-Za-z0-9\u00c0-\u024f])/g,
  /(?<![A-Za-z0-9\u00c0-\u024f])'(?=[A-Za-z\u00c0-\u024f])([^']+?)(?<=[A-Za-z0-9\u00c0-\u024f.,!?;:])'(?![A-Za-z0-9\u00c0-\u024f])/g,
];
const QUOTE_MARKS = /["“«‘']/;

/** Every quoted passage of at least `minWords` words. */
export function quotations(text: string, minWords: number): Quotation[] {
  if (!QUOTE_MARKS.test(text)) return [];
  const found: Quotation[] = [];
  const taken = new SpanSet(text.length);
  for (const pattern of QUOTED) {
    for (const match of allMatches(pattern, text)) {
      const start = match.index + 1;
      const end = start + match[1]!.length;
      if (end - start < minWords * 3) continue;
      const words = countWords(match[1]!);
      if (words >= minWords && !taken.overlaps(start, end)) {
        found.push({ start, end, words });
        taken.add(start, end);
      }
    }
  }
  return found;
}

const SOURCE_BEFORE =
  /(?:according\s+to|(?:as\s+)?(?:reported|published|printed|written|seen|featured|appeared)\s+(?:in|by|on)|in\s+the\s+words\s+of|quoting|(?:^|\s)(?:from|by))\s+((?:(?![:"“‘«]).)*?)\s*[:,–—-]?\s*$/di;
const SPEAKER_BEFORE =
  /((?:\S+\s+){0,4}\S+)\s+(?:said|says|writes|wrote|told\s+(?:us|the\s+\w+)|added|explained|commented|stated|remarked|puts\s+it|put\s+it|reads|read|tweeted|posted)\s*[:,]?\s*$/i;
const SPEAKER_AFTER = /^\s*[,.]?\s*(?:[-–—~]\s*|(?:said|says|wrote|writes|added|explained|commented)\s+)/;
const SENTENCE_BREAK = /[.!?]\s+|\n/g;
const PRONOUN = /^(?:he|she|they|we|i)$/i;
// The council's own documents: quoting them needs no credit.
const OWN_DOCUMENT = /\b(?:statement|press\s+release|minutes|agenda|resolution|resolved|our\s+(?:[\w-]+\s+)?(?:report|plan|policy|newsletter|update|letter|response))\b/i;
// A source written as a label before the quotation: "Harbourne Gazette:", "From the minutes:".
const LABEL_BEFORE = /((?:\S+\s+){0,5}\S+)\s*[:–—-]\s*$/;

/**
 * Whose words a quotation is, from the words around it: `named` ("Cllr Bhatt said:", "according to
 * the Harbourne Gazette", "— Jane Doe"), `own`, `vague` ("as reported in the press", "a resident
 * said") or `none`.
 */
export function quotationSource(text: string, quote: Quotation, ownForms: readonly string[]): SourceKind {
  const after = SPEAKER_AFTER.exec(text.slice(quote.end + 1, quote.end + 80));
  if (after) {
    const kind = classifySource(text, quote.end + 1 + after[0].length, 'agent', ownForms);
    if (kind !== 'none') return kind;
  }

  const before = sentenceBefore(text, quote.start - 1);
  if (OWN_DOCUMENT.test(before)) return 'own';

  const source = SOURCE_BEFORE.exec(before);
  if (source?.indices?.[1]) {
    const kind = classifySource(before, source.indices[1][0], 'agent', ownForms);
    if (kind !== 'none') return kind;
  }

  const label = LABEL_BEFORE.exec(before);
  if (label) {
    const kind = classifySource(label[1]!, 0, 'label', ownForms);
    if (kind !== 'none') return kind;
  }

  const speaker = SPEAKER_BEFORE.exec(before);
  if (speaker) {
    const words = speaker[1]!.trim().split(/\s+/);
    const last = words.at(-1) ?? '';
    // "He said:" refers back to someone the post has already introduced.
    if (PRONOUN.test(last)) return last.toLowerCase() === 'we' ? 'own' : 'named';
    // The subject ends at the verb; try the shortest noun phrase first ("Mayor", "the Mayor").
    for (let i = words.length - 1; i >= 0; i--) {
      const kind = classifySource(words.slice(i).join(' '), 0, 'agent', ownForms);
      if (kind !== 'none') return kind;
    }
  }
  return 'none';
}

/** The text of the sentence that runs up to `end`: where a quotation's introduction is. */
function sentenceBefore(text: string, end: number): string {
  const from = Math.max(0, end - 160);
  const window = text.slice(from, end).trimEnd();
  let cut = 0;
  for (const match of allMatches(SENTENCE_BREAK, window)) cut = match.index + match[0].length;
  return window.slice(cut);
}
