import type { DerogatoryRemark } from './lexicon/protected-groups';
import type { SwearWordMatch } from './lexicon/swear-words';
import { findProfanityVariants, RESPELLING_KEYSTONES } from './lexicon/profanity-variants';
import { CONSTRUCTION_KEYSTONES, findGeneralisations } from './prose/group-generalisations';
import { wordGate } from './prose/word-gate';
import type { Segment } from './segment';

/**
 * What the lexicons miss, added to what they found in a segment: profanity in spellings no list holds
 * (`fück`, `fcuk`, `a$$hole`, `p.r.i.c.k`), and discrimination without a slur said by construction
 * (see `findGeneralisations`). Each addition that overlaps something already found is left out, so a
 * remark is reported once, with the lexicon's reason when it has one.
 */
/** One read of a post for both: a respelling's or a construction's keystone. */
const KEYSTONES = new RegExp(wordGate([...RESPELLING_KEYSTONES, ...CONSTRUCTION_KEYSTONES]));

export function addOffenceBeyondLexicon(segment: Segment, words: SwearWordMatch[], remarks: DerogatoryRemark[]): void {
  const hinted = KEYSTONES.test(segment.lower);
  for (const word of findProfanityVariants(segment, hinted)) {
    if (!words.some((w) => w.start < word.end && word.start < w.end)) words.push(word);
  }
  for (const remark of hinted ? findGeneralisations(segment, true) : []) {
    if (!remarks.some((r) => r.start < remark.end && remark.start < r.end)) remarks.push(remark);
  }
}
