import type { Account, AccountStatus } from '../domain/account';
import type { CouncilConfig } from '../domain/config';
import type { ConfigVersion } from '../domain/config-version';
import type { Council, CouncilId } from '../domain/council';
import type { AutomaticResolution, FINDING_STATUSES, ResolutionOutcome, ReviewAction } from '../domain/finding';
import type { Member } from '../domain/member';
import type { Suppression } from '../domain/suppression';
import type { Platform } from '../domain/post';
import { CouncilAuditError } from '../domain/errors';
import type { ChainHead, ChainLink, DigestClaimOptions, DigestRecord, Erasure, FindingEvent, PostRecord, PostTombstone, ReportEmailRecord, ReportRecord, ScanRun, StoredFinding, StoredPost } from '../domain/records';

export type FindingStatus = (typeof FINDING_STATUSES)[number];

/**
 * The store port: everything the use cases persist, for every council the deployment serves. One
 * DynamoDB adapter implements it; domain code receives it, never builds it.
 *
 * A council's records are reached only through `forCouncil(id)`, a view whose every method is that
 * council's: there is no method that takes one council's id and returns another's records, so
 * isolation between councils holds by construction rather than by each caller passing the right id.
 */
export interface AuditStore {
  /** Registers a council, or updates its name and recipients (its registration time is kept). */
  putCouncil(council: Council): Promise<void>;
  getCouncil(councilId: CouncilId): Promise<Council | undefined>;
  /** Every registered council, ordered by id. */
  listCouncils(): Promise<Council[]>;
  /**
   * Takes a council off the registry: it is no longer scanned, sent digests or reported on. Its
   * records stay (posts until their retention ends), so registering it again picks up where it was.
   * False when it was not registered.
   */
  removeCouncil(councilId: CouncilId): Promise<boolean>;

  /** One council's records; throws a CouncilValidationError for an id that is not one. */
  forCouncil(councilId: CouncilId): CouncilStore;
}

/**
 * One council's records. Every write is idempotent (deterministic keys, conditional puts), because
 * SQS may deliver a message twice and there are no transactions in the local DynamoDB.
 */
export interface CouncilStore {
  readonly councilId: CouncilId;

  /**
   * Stores a configuration without a version or change record, read only while the council has no
   * version (the local twin and tests; people push through pushCouncilConfig). Its `approvedAccounts`
   * are ignored: the account registry is the truth.
   */
  putCouncilConfig(config: CouncilConfig): Promise<void>;
  /** The configuration in effect: the newest version, else one stored before versions were kept. */
  getCouncilConfig(): Promise<CouncilConfig | undefined>;

  /**
   * Stores the next version of the configuration with its change record, on condition that no
   * version of that number is stored: throws ConfigVersionConflictError when another push stored it
   * first, having changed nothing.
   */
  putConfigVersion(version: ConfigVersion): Promise<void>;
  /** One stored version, or the newest when no number is given; undefined when there is none. */
  getConfigVersion(version?: number): Promise<ConfigVersion | undefined>;
  /** Every stored version with its change record, oldest first. */
  listConfigVersions(): Promise<ConfigVersion[]>;

  /** Registers an account, or updates its display name and status; approval is kept unless given. */
  putAccount(account: Account): Promise<void>;
  getAccount(platform: Platform, handle: string): Promise<Account | undefined>;
  listAccounts(): Promise<Account[]>;
  /** Records who approved an account and when; throws AccountNotFoundError for an unknown account. */
  approveAccount(platform: Platform, handle: string, approvedBy: string, approvedOn: string): Promise<Account>;
  /** Pauses or resumes an account's monitoring; throws AccountNotFoundError for an unknown account. */
  setAccountStatus(platform: Platform, handle: string, status: AccountStatus): Promise<Account>;
  /**
   * Unregisters an account: it is no longer scanned. Its posts, findings and cursor are kept as
   * evidence, so registering it again resumes where it was. Returns what was removed, or undefined
   * when it was not registered.
   */
  removeAccount(platform: Platform, handle: string): Promise<Account | undefined>;

  getCursor(platform: Platform, handle: string): Promise<string | undefined>;
  setCursor(platform: Platform, handle: string, cursor: string): Promise<void>;

  /**
   * Stores a captured post unless the same content is already stored; `updated` for an edit. Each
   * version stored is appended to the account's hash chain (its `seq`, `previousHash`, `chainHash`).
   */
  putPost(platform: Platform, handle: string, post: StoredPost): Promise<'created' | 'unchanged' | 'updated'>;
  /** The stored copy; undefined when there is none, or it was erased. */
  getPost(platform: Platform, handle: string, postId: string): Promise<StoredPost | undefined>;
  /** Every stored post of an account, copies and tombstones, by post id. */
  listPosts(platform: Platform, handle: string): Promise<PostRecord[]>;
  /**
   * Erases a post's stored copy, leaving a tombstone (its hash, capture time and place in the chain,
   * and the erasure); undefined when no post of that id is stored. Erasing again keeps the tombstone.
   */
  erasePost(platform: Platform, handle: string, postId: string, erasure: Erasure): Promise<PostTombstone | undefined>;
  /**
   * Replaces the evidence of the post's findings with `evidence`, recording the erasure in each
   * finding's audit trail; returns the ids of the findings changed. The findings themselves stay.
   */
  eraseFindingEvidence(platform: Platform, handle: string, postId: string, evidence: string, erasure: Erasure): Promise<string[]>;
  /**
   * Records that reconciliation noticed the post gone from its platform, at `noticedAt`: only on a
   * stored copy not yet so marked (false, changing nothing, otherwise: an erased post, none, or one
   * noticed before). A later edit captured for the post replaces the copy, and the mark with it.
   */
  markPostDeleted(platform: Platform, handle: string, postId: string, noticedAt: string): Promise<boolean>;
  /** Takes the mark off a copy whose post is back on its platform: false, changing nothing, when it had none. */
  clearPostDeleted(platform: Platform, handle: string, postId: string): Promise<boolean>;
  /** The account's hash chain, oldest link first (links past their retention are gone). */
  listChain(platform: Platform, handle: string): Promise<ChainLink[]>;
  getChainHead(platform: Platform, handle: string): Promise<ChainHead | undefined>;

  /** Stores a new finding as `open`; returns false (and changes nothing) when it is already stored. */
  putFinding(finding: StoredFinding): Promise<boolean>;
  getFinding(findingId: string): Promise<StoredFinding | undefined>;
  /**
   * Changes a finding's status and records who did it, when and why in its audit trail. With
   * `details.expectedStatus`, changes it only if it still has that status (else throws
   * FindingStatusChangedError, having changed nothing): two people reviewing at once cannot both win.
   */
  setFindingStatus(findingId: string, status: FindingStatus, by: string, note?: string, details?: FindingStatusDetails): Promise<StoredFinding>;
  listFindingsDetectedIn(week: string): Promise<StoredFinding[]>;
  /** A finding's audit trail, oldest first. */
  listFindingEvents(findingId: string): Promise<FindingEvent[]>;
  /** Findings still open or acknowledged, whenever they were detected. */
  listOpenFindings(): Promise<StoredFinding[]>;

  recordScanRun(run: ScanRun): Promise<void>;
  listScanRuns(week: string): Promise<ScanRun[]>;

  /**
   * Claims a week's digest for sending, for DIGEST_LEASE_MINUTES: true when this caller may send it
   * (never claimed, a previous attempt failed, or a previous claim lapsed), false when it is being or
   * has been sent. `force` claims it in any state; `expiresAt` (epoch seconds) is when the record may
   * go (the council's retention).
   */
  claimDigest(week: string, at: string, options?: DigestClaimOptions): Promise<boolean>;
  markDigestSent(week: string, messageId: string, at: string): Promise<void>;
  markDigestFailed(week: string, error: string, at: string): Promise<void>;
  getDigest(week: string): Promise<DigestRecord | undefined>;

  /** Records a month's stored Full Council report (idempotent: the same month is replaced). */
  recordReport(report: ReportRecord): Promise<void>;
  /** The newest month's report, if any. */
  latestReport(): Promise<ReportRecord | undefined>;
  /** Every stored month's report, newest first (the console's reports page lists them). */
  listReports(): Promise<ReportRecord[]>;

  /**
   * Claims a month's report email for sending, for DIGEST_LEASE_MINUTES: true when this caller may send
   * it (never claimed, a previous attempt failed, or a previous claim lapsed), false when it is being or
   * has been sent; `expiresAt` (epoch seconds) is when the record may go (the council's retention).
   */
  claimReportEmail(month: string, at: string, options?: DigestClaimOptions): Promise<boolean>;
  markReportEmailSent(month: string, messageId: string, at: string): Promise<void>;
  markReportEmailFailed(month: string, error: string, at: string): Promise<void>;
  getReportEmail(month: string): Promise<ReportEmailRecord | undefined>;

  /**
   * Stores a suppression unless an active one with its id (fingerprint) is stored: false, changing
   * nothing, when one is. A lifted one is replaced.
   */
  putSuppression(suppression: Suppression): Promise<boolean>;
  /** Every suppression, active and lifted, by id. */
  listSuppressions(): Promise<Suppression[]>;
  /**
   * Lifts an active suppression: the record stays, marked with who lifted it and when, and the scan
   * raises its evidence again. Undefined (and nothing changed) when no active one has that id.
   */
  removeSuppression(id: string, by: string, byName?: string): Promise<Suppression | undefined>;

  /**
   * The rules version the council's stored posts were last checked with (see shared/evidence/rescan.ts),
   * or undefined when none was recorded.
   */
  getRulesVersion(): Promise<string | undefined>;
  /**
   * Records `version` as the council's rules version unless it already is: true for the one caller
   * that changed it (who then queues the rescan), false for every other, concurrent or later.
   */
  claimRulesVersion(version: string, at: string): Promise<boolean>;
  /** Undoes this caller's claim (same version and time) when its rescan could not be queued. */
  releaseRulesVersion(version: string, at: string): Promise<void>;

  /** Adds a member, or changes their role or name (the first `addedBy`/`addedAt` are kept). */
  putMember(member: Member): Promise<void>;
  getMember(userId: string): Promise<Member | undefined>;
  /** Every member, by user id. */
  listMembers(): Promise<Member[]>;
  /** Removes a member; returns who was removed, or undefined when they were not a member. */
  removeMember(userId: string): Promise<Member | undefined>;
}

/** The audit-trail details of a status change beyond who and why (see FindingEvent). */
export interface FindingStatusDetails {
  action?: ReviewAction;
  outcome?: ResolutionOutcome;
  byName?: string;
  suppressionId?: string;
  /** Change the status only if the finding still has this one. */
  expectedStatus?: FindingStatus;
  /** The system, not a person, changed it, for this reason: recorded on the event and, for a resolution, the finding. */
  automatic?: AutomaticResolution;
}

/** A finding whose status changed (another reviewer) between reading it and changing it: nothing was changed. */
export class FindingStatusChangedError extends CouncilAuditError {
  constructor(readonly findingId: string, readonly status: FindingStatus, readonly expected: FindingStatus) {
    super(`finding ${findingId} is now ${status}, no longer ${expected}: someone else changed it; nothing was changed`);
  }
}

export class CouncilNotConfiguredError extends CouncilAuditError {}
export class CouncilNotFoundError extends CouncilAuditError {}
/** A configuration version another push stored first: nothing of the losing push was stored. */
export class ConfigVersionConflictError extends CouncilAuditError {}

/** The council's stored configuration, or an error saying, for that council, that it was never stored. */
export async function requireCouncilConfig(council: Pick<CouncilStore, 'councilId' | 'getCouncilConfig'>): Promise<CouncilConfig> {
  const config = await council.getCouncilConfig();
  if (!config) throw new CouncilNotConfiguredError(`the configuration of council ${council.councilId} has not been stored yet`);
  return config;
}

/** The council's registration, or an error naming the id that is not registered. */
export async function requireCouncil(store: Pick<AuditStore, 'getCouncil'>, councilId: CouncilId): Promise<Council> {
  const council = await store.getCouncil(councilId);
  if (!council) throw new CouncilNotFoundError(`no council ${councilId} is registered`);
  return council;
}
