import type { Post } from '../domain/post';
import type { DetectionContext } from './context';
import { squash } from './context';
import type { Hit, PostDetector } from './detector';
import { RULE_META } from './meta';
import type { PostView } from './post-view';
import { handleKey } from '../domain/account';
import { findExclusionRemarks } from './text/lexicon/group-exclusion';
import { addOffenceBeyondLexicon } from './text/offence-beyond-lexicon';
import { findDerogatoryRemarks, type DerogatoryRemark } from './text/lexicon/protected-groups';
import { DEFAULT_REMOVAL_NOTICE, removalNoticeSpans } from './text/lexicon/removal-notice';
import { findSwearWords, maskSwearWord, type Characteristic, type Disguise, type SwearWordMatch } from './text/lexicon/swear-words';

const SPELLING: Record<Disguise, string> = {
  plain: '',
  masked: ' with letters masked by symbols',
  substituted: ' with digits or symbols for letters',
  'look-alike': ' with look-alike letters from another alphabet',
  accented: ' with accents on its letters',
  spaced: ' spelled with spaced letters',
  repeated: ' with repeated letters',
};

export const offensiveLanguage: PostDetector = {
  meta: RULE_META['offensive-language'],

  detect(view: PostView, context: DetectionContext): Hit[] {
    const hits: Hit[] = [];
    for (const segment of view.segments) {
      const words = findSwearWords(segment);
      const remarks = withoutOverlaps(findDerogatoryRemarks(segment), findExclusionRemarks(segment));
      // Profanity in spellings no list holds, and discrimination said by construction rather than by word.
      addOffenceBeyondLexicon(segment, words, remarks);
      if (words.length === 0 && remarks.length === 0) continue;

      const notices = removalNoticeSpans(segment, context.config.removalNotice);
      const remediation = someoneElses(view.post, segment.field, context) ? commentRemediation(context) : undefined;
      for (const word of words) {
        if (notices.covers(word.start, word.end)) continue;
        hits.push({
          evidence: maskSwearWord(segment.text.slice(word.start, word.end)),
          reason: reasonFor(word),
          severity: word.entry.kind === 'slur' ? 'high' : 'medium',
          location: segment.locate(word.start, word.end),
          ...(remediation ? { remediation } : {}),
        });
      }
      for (const remark of remarks) {
        if (notices.covers(remark.start, remark.end)) continue;
        hits.push({
          evidence: segment.text.slice(remark.start, remark.end),
          reason: `derogatory remark about ${listOf(remark.characteristics)} (protected characteristic${remark.characteristics.length > 1 ? 's' : ''}): ${remark.signal}`,
          severity: 'high',
          location: segment.locate(remark.start, remark.end),
          ...(remediation ? { remediation } : {}),
        });
      }
    }
    return hits;
  },
};

/** The lexicon's remarks, then each exclusion remark that does not overlap one of them. */
const MAX_REMARKS = 64;

function withoutOverlaps(first: DerogatoryRemark[], second: DerogatoryRemark[]): DerogatoryRemark[] {
  if (second.length === 0) return first;
  const kept = [...first];
  for (const remark of second) {
    // Past MAX_REMARKS a post has said enough; the cap keeps a post of one remark repeated linear.
    if (kept.length >= MAX_REMARKS) break;
    if (!kept.some((k) => k.start < remark.end && remark.start < k.end)) kept.push(remark);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function reasonFor({ entry, disguise }: SwearWordMatch): string {
  if (entry.kind === 'slur') {
    return `slur '${maskSwearWord(entry.word)}' against ${entry.characteristic ?? 'a protected group'}${SPELLING[disguise]}`;
  }
  return `profanity '${entry.word}'${SPELLING[disguise]}`;
}

function listOf(characteristics: readonly Characteristic[]): string {
  return characteristics.length > 1
    ? `${characteristics.slice(0, -1).join(', ')} and ${characteristics[characteristics.length - 1]}`
    : characteristics[0] ?? 'a protected characteristic';
}

/** Words the council did not write: a quoted post, or a comment by an account that is not the council's. */
function someoneElses(post: Post, field: string, context: DetectionContext): boolean {
  if (field === 'quoteOf.text') return true;
  const key = handleKey(post.platform, post.account);
  if (context.config.approvedAccounts.some((a) => handleKey(a.platform, a.handle) === key)) return false;
  const names = [squash(post.account), squash(post.accountName ?? '')];
  return !context.councilNames.some((form) => names.some((n) => (form.length >= 5 ? n.includes(form) : n === form)));
}

function commentRemediation(context: DetectionContext): string {
  const notice = context.config.removalNotice ?? DEFAULT_REMOVAL_NOTICE;
  return `These are someone else's words on the council's page: hide or delete the comment (or remove the quote), then reply with the council's standard notice: "${notice}"`;
}
