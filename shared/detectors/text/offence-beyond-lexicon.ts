import type { DerogatoryRemark } from './lexicon/protected-groups';
import type { SwearWordMatch } from './lexicon/swear-words';
import { findProfanityVariants, RESPELLING_KEYSTONES } from './lexicon/profanity-variants';
import { CONSTRUCTION_KEYSTONES, findGeneralisations } from './prose/group-generalisations';
import { wordGate } from './prose/word-gate';
import type { Segment } from './segment';
import { SpanSet } from './spans';

/** One read of a post for both: a respelling's or a construction's keystone. */
const KEYSTONES = new RegExp(wordGate([...RESPELLING_KEYSTONES, ...CONSTRUCTION_KEYSTONES]));

/**
 * What the lexicons miss, added to what they found in a segment: profanity in spellings no list holds
 * (`fück`, `fcuk`, `a$$hole`, `p.r.i.c.k`), and discrimination without a slur said by construction
 * (see `findGeneralisations`). Each addition that overlaps something already found is left out, so a
 * remark is reported once, with the lexicon's reason when it has one.
 */
export function addOffenceBeyondLexicon(segment: Segment, words: SwearWordMatch[], remarks: DerogatoryRemark[]): void {
  const hinted = KEYSTONES.test(segment.lower);
  addApart(words, findProfanityVariants(segment, hinted), segment.lower.length);
  if (hinted) addApart(remarks, findGeneralisations(segment, true), segment.lower.length);
}

/** Each of `more` that overlaps nothing in `found` (nor an earlier one of `more`), added to it; indexed, as a long post may hold thousands. */
function addApart<T extends { start: number; end: number }>(found: T[], more: readonly T[], length: number): void {
  if (more.length === 0) return;
  const taken = new SpanSet(length, found);
  for (const item of more) {
    if (taken.overlaps(item.start, item.end)) continue;
    found.push(item);
    taken.add(item.start, item.end);
  }
}
