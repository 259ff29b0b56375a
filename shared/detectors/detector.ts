import type * as z from '../zod';
import type { Severity } from '../domain/config';
import type { Location, Sensitivity, RuleId } from '../domain/finding';
import type { Platform, Post } from '../domain/post';
import type { DetectionContext } from './context';
import type { PostView } from './post-view';

/** What a rule is, for the Town Clerk and for the catalogue: like an ESLint rule's `meta`. */
export interface DetectorMeta {
  id: RuleId;
  /** The rule's name as people read it in the digest, the report and the console ("Personal data"). */
  title: string;
  /** `post`: judged on every post; `account`: judged once per account. */
  level: 'post' | 'account';
  defaultSeverity: Severity;
  /** One sentence: what the rule looks for. */
  description: string;
  /** The rulebook / policy clause it enforces, in the council's own words. */
  clause: string;
  /** What to do about a finding. */
  remediation: string;
  /** Options a council may set under `rules.<id>` besides `enabled` and `severity`. */
  options?: z.ZodMiniType;
}

/** One thing a detector found: the engine turns it into a finding. */
export interface Hit {
  /** What was found, with personal data masked. */
  evidence: string;
  /** The signal that fired, in plain English. */
  reason: string;
  location?: Location;
  /** When the rule's severity depends on the signal (stock library: high). */
  severity?: Severity;
  /** When the remediation depends on the signal; otherwise the rule's own. */
  remediation?: string;
  /** When what was found must be withheld from any release, even masked; otherwise the rule's own. */
  sensitivity?: Sensitivity;
}

export interface PostDetector {
  meta: DetectorMeta & { level: 'post' };
  detect(post: PostView, context: DetectionContext): Hit[];
  /**
   * Whether the wording model may add to this rule on a post where `detect` found nothing: false where the rule
   * leaves the post alone on purpose, by the council's own settings (a source it may use without credit).
   */
  wordingApplies?(post: PostView, context: DetectionContext): boolean;
}

/** An account as the scan sees it: from a post, or registered in the configuration. */
export interface AccountSighting {
  platform: Platform;
  handle: string;
  displayName?: string;
  /** The first post seen from the account, when it was seen posting. */
  firstPost?: Post;
  /** Where its profile is, when known (an account found by searching the platform). */
  profileUrl?: string;
  /** True when the account is in the configuration's `approvedAccounts` (registered for monitoring). */
  registered: boolean;
  approvedBy?: string;
  approvedOn?: string;
}

export interface AccountDetector {
  meta: DetectorMeta & { level: 'account' };
  detect(account: AccountSighting, context: DetectionContext): Hit[];
}

export type Detector = PostDetector | AccountDetector;
