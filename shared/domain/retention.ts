import type { CouncilConfig } from './config';

/** How long a copy of a post is kept when the council sets nothing: 90 days (UK GDPR storage limitation). */
export const DEFAULT_POST_RETENTION_DAYS = 90;
/** How long findings and their audit trail are kept when the council sets nothing: six years. */
export const DEFAULT_RECORD_RETENTION_DAYS = 6 * 365 + 2;

/** How long the copy of a post deleted on its platform is kept after the deletion was noticed: 7 days. */
export const DEFAULT_DELETED_POST_GRACE_DAYS = 7;

export interface Retention {
  /** Days a captured post's copy is kept after its capture. */
  postsDays: number;
  /** Days findings, their audit trail, scan runs, digest and report records are kept after they are written. */
  recordsDays: number;
  /** Days the copy of a post deleted on its platform is kept after reconciliation noticed it, then erased. */
  deletedGraceDays: number;
}

/**
 * The council's retention: its own `retention` settings, else the deployment's default for posts
 * (RETENTION_DAYS, when given), else the defaults above.
 */
export function retentionOf(config: Pick<CouncilConfig, 'retention'>, deploymentPostsDays?: number): Retention {
  return {
    postsDays: config.retention?.postsDays ?? deploymentPostsDays ?? DEFAULT_POST_RETENTION_DAYS,
    recordsDays: config.retention?.findingsDays ?? DEFAULT_RECORD_RETENTION_DAYS,
    deletedGraceDays: config.retention?.deletedPostsGraceDays ?? DEFAULT_DELETED_POST_GRACE_DAYS,
  };
}

/** DynamoDB's TTL value (epoch seconds) for a record written at `from` and kept `days` days. */
export function expiresAfter(from: string | Date, days: number): number {
  const ms = typeof from === 'string' ? Date.parse(from) : from.getTime();
  return Math.floor(ms / 1000) + days * 86_400;
}
