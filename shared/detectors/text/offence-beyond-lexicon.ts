import type { DerogatoryRemark } from './lexicon/protected-groups';
import type { SwearWordMatch } from './lexicon/swear-words';
import { findProfanityVariants } from './lexicon/profanity-variants';
import { findGeneralisations } from './prose/group-generalisations';
import type { Segment } from './segment';

/**
 * What the lexicons miss, added to what they found in a segment: profanity in spellings no list holds
 * (`fück`, `fcuk`, `a$$hole`, `p.r.i.c.k`), and discrimination without a slur said by construction
 * (see `findGeneralisations`). Each addition that overlaps something already found is left out, so a
 * remark is reported once, with the lexicon's reason when it has one.
 */
export function addOffenceBeyondLexicon(segment: Segment, words: SwearWordMatch[], remarks: DerogatoryRemark[]): void {
  for (const word of findProfanityVariants(segment)) {
    if (!words.some((w) => w.start < word.end && word.start < w.end)) words.push(word);
  }
  for (const remark of findGeneralisations(segment)) {
    if (!remarks.some((r) => r.start < remark.end && remark.start < r.end)) remarks.push(remark);
  }
}
