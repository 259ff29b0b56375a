import { hash } from 'node:crypto';
import * as z from '../zod';
import { handleKey } from './account';
import { RuleIdSchema, type Finding } from './finding';
import { PlatformSchema } from './post';

/**
 * A council's standing decision not to raise a finding again: for one account, one rule and one
 * piece of evidence, recorded when a person dismissed a finding as a false alarm and ticked "don't
 * raise this again". The scan honours it until it is lifted; lifting keeps the record (who lifted
 * it and when), so the council can always show why something was not raised.
 */
export const SuppressionSchema = z.object({
  /** The evidence fingerprint (see evidenceFingerprint): one suppression per account, rule and evidence. */
  id: z.string().check(z.regex(/^[0-9a-f]{20}$/)),
  rule: RuleIdSchema,
  platform: PlatformSchema,
  account: z.string(),
  /** The evidence as the dismissed finding showed it (masked). */
  evidence: z.string(),
  /** The finding whose dismissal created it. */
  findingId: z.string(),
  createdBy: z.string(),
  createdByName: z.optional(z.string()),
  createdAt: z.iso.datetime({ offset: true }),
  /** Why: the dismissal's reason. */
  reason: z.string(),
  liftedBy: z.optional(z.string()),
  liftedByName: z.optional(z.string()),
  liftedAt: z.optional(z.iso.datetime({ offset: true })),
});
export type Suppression = z.infer<typeof SuppressionSchema>;

/**
 * The fingerprint of a finding's account, rule and evidence, the same for the same evidence in any
 * post of the account (a finding's id also holds the post, so a repeat in a new post has a new id).
 * The evidence is the masked text the finding shows, compared without case or spacing differences:
 * what the person saw is what they asked not to see again.
 */
export function evidenceFingerprint(finding: Pick<Finding, 'rule' | 'platform' | 'account' | 'evidence'>): string {
  const evidence = finding.evidence.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return hash('sha256', [finding.rule, handleKey(finding.platform, finding.account), evidence].join('\u0000'), 'hex').slice(0, 20);
}

export function isActive(suppression: Suppression): boolean {
  return suppression.liftedAt === undefined;
}
