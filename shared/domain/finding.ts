import * as z from '../zod';
import { PlatformSchema } from './post';
import { SeveritySchema } from './config';

export const RULE_IDS = [
  'personal-data',
  'copyright-attribution',
  'political-content',
  'unapproved-account',
  'offensive-language',
  'confidential-information',
  'risky-link',
  'hostile-engagement',
] as const;
export const RuleIdSchema = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleIdSchema>;

/**
 * Each rule's name as people read it.
 * @deprecated Read `ruleTitle` (shared/detectors/catalogue.ts): the rule's `meta` is the catalogue. Kept,
 * equal to the metas' titles (test/detectors/catalogue.test.ts), for code not yet moved to it.
 */
export const RULE_TITLES: Record<RuleId, string> = {
  'personal-data': 'Personal data',
  'copyright-attribution': 'Copyright and attribution',
  'political-content': 'Political content',
  'unapproved-account': 'Unapproved account',
  'offensive-language': 'Offensive language',
  'confidential-information': 'Confidential information',
  'risky-link': 'Risky link',
  'hostile-engagement': 'Hostile engagement',
};

/** Which part of a post a piece of evidence was found in. */
export const FIELDS = ['text', 'quoteOf.text', 'altText', 'link', 'account'] as const;

export const LocationSchema = z.object({
  /** `text`, `quoteOf.text`, `media[2].altText`, `links[0]`, `account`… */
  field: z.string(),
  /** UTF-16 offsets into the original (un-normalised) value of that field. */
  start: z.number().check(z.int(), z.nonnegative()),
  end: z.number().check(z.int(), z.nonnegative()),
});
export type Location = z.infer<typeof LocationSchema>;

/**
 * Why a finding's evidence and reason must not be released outside the council (a Freedom of
 * Information answer), even masked: they describe special-category or criminal-offence data (UK GDPR
 * articles 9 and 10), an identified child, or what the council had not made public.
 */
export const SENSITIVITIES = ['special-category', 'criminal-offence', 'child', 'confidential'] as const;
export const SensitivitySchema = z.enum(SENSITIVITIES);
export type Sensitivity = z.infer<typeof SensitivitySchema>;

/**
 * Rules every finding of which is sensitive: what the confidential-information rule quotes is what the
 * council had not made public. Applied to new findings, and to stored ones from before findings
 * carried their sensitivity.
 */
export const RULE_SENSITIVITY: Partial<Record<RuleId, Sensitivity>> = { 'confidential-information': 'confidential' };

export const FINDING_STATUSES = ['open', 'acknowledged', 'resolved', 'dismissed'] as const;

/** What a person can do to a finding (shared/review): each moves it from some statuses to one. */
export const REVIEW_ACTIONS = ['acknowledge', 'resolve', 'dismiss', 'reopen'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** What was done about a resolved finding's post; `other` needs a note saying what. */
/**
 * Why the system, not a person, changed a finding's status: its post was deleted on its platform, an
 * edit cured it (shared/evidence/reconcile.ts), or the rules no longer raise it (shared/evidence/rescan.ts),
 * each a resolution; or a post noticed deleted is back on its platform, which reopens what its
 * deletion resolved.
 */
export const AUTOMATIC_RESOLUTIONS = ['post-deleted', 'post-edited', 'rules-changed', 'post-restored'] as const;
export type AutomaticResolution = (typeof AUTOMATIC_RESOLUTIONS)[number];

export const RESOLUTION_OUTCOMES = ['post-deleted', 'post-edited', 'reply-posted', 'other'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

export const FindingSchema = z.object({
  /** Deterministic: the same post, rule and evidence give the same id on every run. */
  id: z.string(),
  rule: RuleIdSchema,
  severity: SeveritySchema,
  /** The post that shows the breach; for an account-level finding, the first post seen from it. */
  postId: z.optional(z.string()),
  account: z.string(),
  platform: PlatformSchema,
  postUrl: z.optional(z.string()),
  postedAt: z.optional(z.string()),
  /** What was found, with personal data masked. */
  evidence: z.string(),
  /** The signal that fired, in plain English. */
  reason: z.string(),
  /** The rulebook / policy clause the rule enforces. */
  clause: z.string(),
  /** What to do about it. */
  remediation: z.string(),
  location: z.optional(LocationSchema),
  /** Set when the evidence and reason are withheld from any release (FOI exports): see SENSITIVITIES. */
  sensitivity: z.optional(SensitivitySchema),
});
export type Finding = z.infer<typeof FindingSchema>;
