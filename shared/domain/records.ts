import * as z from '../zod';
import { AUTOMATIC_RESOLUTIONS, FINDING_STATUSES, FindingSchema, RESOLUTION_OUTCOMES, REVIEW_ACTIONS } from './finding';
import { PlatformSchema, PostSchema } from './post';

const Sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** A post as captured: the canonical post, when it was seen, and a digest of what was seen. */
export const StoredPostSchema = z.object({
  post: PostSchema,
  /** SHA-256 (hex) of the canonical post's JSON: evidence of exactly what was captured. */
  contentHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  capturedAt: z.iso.datetime({ offset: true }),
  /** When the post may be deleted (retention), as epoch seconds: DynamoDB's TTL attribute. */
  expiresAt: z.number().check(z.int(), z.positive()),
  /**
   * Set when the post was too long to store whole and was stored cut to STORED_POST_BOUNDS (it was
   * checked whole; contentHash is of the whole post).
   */
  truncated: z.optional(z.literal(true)),
  /**
   * When this version's link in its account's hash chain may go (the council's retention of
   * findings, longer than the copy's): the chain outlives the copies it vouches for.
   */
  chainExpiresAt: z.optional(z.number().check(z.int(), z.positive())),
  /** Set by the store: this version's place in its account's hash chain (see shared/evidence/chain.ts). */
  seq: z.optional(z.number().check(z.int(), z.positive())),
  previousHash: z.optional(Sha256),
  chainHash: z.optional(Sha256),
  /**
   * When reconciliation noticed the post was gone from its platform (see shared/evidence/reconcile.ts):
   * the copy is kept for the council's grace period after it, then erased, leaving its tombstone.
   */
  deletedNoticedAt: z.optional(z.iso.datetime({ offset: true })),
});
export type StoredPost = z.infer<typeof StoredPostSchema>;

/** Who erased a stored copy of a post, when and why (UK GDPR erasure). */
export const ErasureSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  by: z.string().check(z.minLength(1, 'must not be empty')),
  reason: z.string().check(z.minLength(1, 'must not be empty')),
});
export type Erasure = z.infer<typeof ErasureSchema>;

/**
 * What is left of a post whose copy was erased: its hash and its place in the chain (so the chain and
 * the findings' evidence hashes still verify), and who erased it, when and why. No content.
 */
export const PostTombstoneSchema = z.object({
  postId: z.string(),
  contentHash: Sha256,
  capturedAt: z.iso.datetime({ offset: true }),
  erased: ErasureSchema,
  expiresAt: z.optional(z.number().check(z.int(), z.positive())),
  seq: z.optional(z.number().check(z.int(), z.positive())),
  previousHash: z.optional(Sha256),
  chainHash: z.optional(Sha256),
});
export type PostTombstone = z.infer<typeof PostTombstoneSchema>;

/** A stored post: its copy, or its tombstone once erased. */
export type PostRecord = StoredPost | PostTombstone;
export function isTombstone(record: PostRecord): record is PostTombstone {
  return 'erased' in record;
}

/**
 * One captured version's link in its account's hash chain: `chainHash = sha256(previousHash +
 * contentHash)`, `previousHash` the link before it (seq - 1) or, for the first, GENESIS_HASH.
 */
export const ChainLinkSchema = z.object({
  seq: z.number().check(z.int(), z.positive()),
  postId: z.string(),
  contentHash: Sha256,
  previousHash: Sha256,
  chainHash: Sha256,
  capturedAt: z.iso.datetime({ offset: true }),
  expiresAt: z.optional(z.number().check(z.int(), z.positive())),
});
export type ChainLink = z.infer<typeof ChainLinkSchema>;

/** The newest link of an account's chain. */
export const ChainHeadSchema = z.object({
  seq: z.number().check(z.int(), z.positive()),
  chainHash: Sha256,
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ChainHead = z.infer<typeof ChainHeadSchema>;

export const StoredFindingSchema = z.extend(FindingSchema, {
  status: z.enum(FINDING_STATUSES),
  /** When the scan first raised it: the digest week it belongs to. */
  detectedAt: z.iso.datetime({ offset: true }),
  /** ISO week (`2026-W05`, council's timezone) of `detectedAt`. */
  detectedWeek: z.string().check(z.regex(/^\d{4}-W\d{2}$/)),
  /** The version of the rules that raised it (RULES_VERSION); absent for findings from before it was kept. */
  rulesVersion: z.optional(z.string()),
  /**
   * `rescan` when a rescan of stored posts raised it rather than the post's own scan; `edit` when
   * reconciliation found it in an edited version of a post already scanned.
   */
  foundBy: z.optional(z.enum(['scan', 'rescan', 'edit'])),
  /** When its status last changed (set by the store). */
  statusChangedAt: z.optional(z.iso.datetime({ offset: true })),
  /** Set when the system, not a person, resolved it: why (see AUTOMATIC_RESOLUTIONS). */
  resolvedAutomatically: z.optional(z.enum(AUTOMATIC_RESOLUTIONS)),
  /** When the record may be deleted (the council's retention), as epoch seconds: DynamoDB's TTL attribute. */
  expiresAt: z.optional(z.number().check(z.int(), z.positive())),
});
export type StoredFinding = z.infer<typeof StoredFindingSchema>;

/** One scan of one account: what it saw, and what failed. */
export const ScanRunSchema = z.object({
  runId: z.string(),
  platform: PlatformSchema,
  handle: z.string(),
  startedAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }),
  /** ISO week of `startedAt` in the council's timezone. */
  week: z.string().check(z.regex(/^\d{4}-W\d{2}$/)),
  outcome: z.enum(['ok', 'failed']),
  postsFetched: z.number().check(z.int(), z.nonnegative()),
  postsNew: z.number().check(z.int(), z.nonnegative()),
  findingsNew: z.number().check(z.int(), z.nonnegative()),
  /** Findings not raised because the council suppressed their evidence (absent when none). */
  findingsSuppressed: z.optional(z.number().check(z.int(), z.positive())),
  /** For a failed capture: what failed, without personal data or credentials. */
  error: z.optional(z.string()),
  /**
   * Posts captured and checked (their findings kept) that the store refused: the scan went on past
   * them, and they are not captured again. The first few, with the store's reason.
   */
  unstoredPosts: z.optional(z.array(z.object({ postId: z.string(), reason: z.string() }))),
  /**
   * For a search of impostor discovery rather than an account's capture: the name searched for
   * (`handle` then says what was searched where, for the digest's capture failures).
   */
  query: z.optional(z.string()),
  /** When the record may be deleted (the council's retention), as epoch seconds: DynamoDB's TTL attribute. */
  expiresAt: z.optional(z.number().check(z.int(), z.positive())),
});
export type ScanRun = z.infer<typeof ScanRunSchema>;

/**
 * How long a claim to send a week's digest holds. A sender that dies between its claim and its outcome
 * (a timeout, a crash) leaves the digest `sending`; once the lease has passed, the week may be claimed
 * again and the stale claim is reported. Far longer than one send takes (seconds), shorter than the
 * hourly tick that queues the retry.
 */
export const DIGEST_LEASE_MINUTES = 15;

/**
 * What an email's claim records, for a week's digest and a month's report email alike: sending (held
 * until `leaseUntil`), sent (with SES's message id) or failed (with the error), and how often tried.
 */
const SEND_CLAIM_FIELDS = {
  status: z.enum(['sending', 'sent', 'failed']),
  attempts: z.number().check(z.int(), z.positive()),
  updatedAt: z.iso.datetime({ offset: true }),
  /** While `sending`: when the claim lapses (a record written before leases had none, and has lapsed). */
  leaseUntil: z.optional(z.iso.datetime({ offset: true })),
  messageId: z.optional(z.string()),
  error: z.optional(z.string()),
  /** When the record may be deleted (the council's retention), as epoch seconds: DynamoDB's TTL attribute. */
  expiresAt: z.optional(z.number().check(z.int(), z.positive())),
};

/** The record that a week's digest was claimed and (when `sent`) delivered. */
export const DigestRecordSchema = z.object({
  week: z.string().check(z.regex(/^\d{4}-W\d{2}$/)),
  ...SEND_CLAIM_FIELDS,
});
export type DigestRecord = z.infer<typeof DigestRecordSchema>;

/** How a digest is claimed: `force` claims it whatever its state (an operator's re-send of a week). */
export interface DigestClaimOptions {
  /** Claim the week whatever its state (an operator's re-send). */
  force?: boolean;
  /** When the digest record may be deleted (the council's retention), as epoch seconds. */
  expiresAt?: number;
}

/** When a claim made at `at` lapses. */
export function digestLeaseUntil(at: string): string {
  return new Date(Date.parse(at) + DIGEST_LEASE_MINUTES * 60_000).toISOString();
}

/** A claim (a digest's, a report email's) left `sending` past its lease: its sender died, and no outcome will come. */
export function isStaleDigestClaim(record: Pick<DigestRecord, 'status' | 'leaseUntil'>, now: Date): boolean {
  return record.status === 'sending' && (record.leaseUntil === undefined || Date.parse(record.leaseUntil) <= now.getTime());
}

/**
 * The record that a month's Full Council report was claimed for emailing to the council's report
 * recipients and (when `sent`) delivered: one per month, so a redelivered request does not send twice.
 * The claim holds for DIGEST_LEASE_MINUTES, like a digest's.
 */
export const ReportEmailRecordSchema = z.object({
  month: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  ...SEND_CLAIM_FIELDS,
});
export type ReportEmailRecord = z.infer<typeof ReportEmailRecordSchema>;

/** A report email left `sending` past its lease: its sender died, and no outcome will come. */
export const isStaleReportEmailClaim: (record: ReportEmailRecord, now: Date) => boolean = isStaleDigestClaim;

/** One change of a finding's status: who, when, why (the audit trail). */
export const FindingEventSchema = z.object({
  findingId: z.string(),
  status: z.enum(FINDING_STATUSES),
  previousStatus: z.enum(FINDING_STATUSES),
  by: z.string(),
  at: z.iso.datetime({ offset: true }),
  note: z.optional(z.string()),
  /** The review action a person took (absent on events from before actions were recorded). */
  action: z.optional(z.enum(REVIEW_ACTIONS)),
  /** For a resolution: what was done about the post. */
  outcome: z.optional(z.enum(RESOLUTION_OUTCOMES)),
  /** The name of the person `by` identifies, as the audit trail shows it. */
  byName: z.optional(z.string()),
  /** For a dismissal that asked not to raise the same evidence again: the suppression it created. */
  suppressionId: z.optional(z.string()),
  /** Set when the system, not a person, changed the status: why (see AUTOMATIC_RESOLUTIONS). */
  automatic: z.optional(z.enum(AUTOMATIC_RESOLUTIONS)),
  /** When the record may be deleted (the council's retention), as epoch seconds: DynamoDB's TTL attribute. */
  expiresAt: z.optional(z.number().check(z.int(), z.positive())),
});
export type FindingEvent = z.infer<typeof FindingEventSchema>;

/** A Full Council report stored for a month, to be linked from the next digest. */
export const ReportRecordSchema = z.object({
  /** `2026-10` */
  month: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  /** The object key of the PDF in the reports bucket. */
  key: z.string().check(z.minLength(1)),
  /** The object key of the HTML version, when stored. */
  htmlKey: z.optional(z.string()),
  generatedAt: z.iso.datetime({ offset: true }),
  /** When the record may be deleted (the council's retention), as epoch seconds: DynamoDB's TTL attribute. */
  expiresAt: z.optional(z.number().check(z.int(), z.positive())),
});
export type ReportRecord = z.infer<typeof ReportRecordSchema>;
