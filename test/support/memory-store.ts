import { AccountSchema, normaliseHandle, type Account, type AccountStatus } from '../../shared/domain/account';
import { CouncilConfigSchema, type CouncilConfig } from '../../shared/domain/config';
import { ConfigVersionSchema, type ConfigVersion } from '../../shared/domain/config-version';
import { parseCouncil, parseCouncilId, type Council, type CouncilId } from '../../shared/domain/council';
import { AccountNotFoundError, FindingNotFoundError, PostNotStorableError } from '../../shared/domain/errors';
import type { Platform } from '../../shared/domain/post';
import { nextLink } from '../../shared/evidence/chain';
import {
  digestLeaseUntil,
  DigestRecordSchema,
  isStaleDigestClaim,
  isTombstone,
  PostTombstoneSchema,
  type ChainHead,
  type ChainLink,
  type Erasure,
  type PostRecord,
  type PostTombstone,
  ReportEmailRecordSchema,
  isStaleReportEmailClaim,
  ReportRecordSchema,
  ScanRunSchema,
  StoredFindingSchema,
  StoredPostSchema,
  type DigestClaimOptions,
  type DigestRecord,
  type FindingEvent,
  type ReportEmailRecord,
  type ReportRecord,
  type ScanRun,
  type StoredFinding,
  type StoredPost,
} from '../../shared/domain/records';
import { ConfigVersionConflictError, FindingStatusChangedError, type AuditStore, type CouncilStore, type FindingStatus, type FindingStatusDetails } from '../../shared/store/audit-store';
import { MemberSchema, type Member } from '../../shared/domain/member';
import { SuppressionSchema, type Suppression } from '../../shared/domain/suppression';

/** The council the tests' records belong to, unless a test names another. */
export const TEST_COUNCIL = 'harbourne-tc';

export interface MemoryStoreOptions {
  /** The clock for the audit trail of setFindingStatus (the port takes no time there). */
  clock?: () => Date;
}

/**
 * The AuditStore port in memory, for tests: the council registry, and one MemoryCouncilStore per
 * council, each holding only that council's records (the same view whenever it is asked for).
 */
export class MemoryAuditStore implements AuditStore {
  private readonly councils = new Map<CouncilId, Council>();
  private readonly views = new Map<CouncilId, MemoryCouncilStore>();

  constructor(private readonly options: MemoryStoreOptions = {}) {}

  forCouncil(councilId: CouncilId): MemoryCouncilStore {
    const id = parseCouncilId(councilId);
    let view = this.views.get(id);
    if (!view) {
      view = new MemoryCouncilStore({ ...this.options, councilId: id });
      this.views.set(id, view);
    }
    return view;
  }

  async putCouncil(council: Council): Promise<void> {
    const incoming = parseCouncil(structuredClone(council));
    const existing = this.councils.get(incoming.id);
    // As the adapter's UpdateItem: registering again keeps the first registration time.
    this.councils.set(incoming.id, existing ? { ...incoming, registeredAt: existing.registeredAt } : incoming);
  }

  async getCouncil(councilId: CouncilId): Promise<Council | undefined> {
    return clone(this.councils.get(parseCouncilId(councilId)));
  }

  async listCouncils(): Promise<Council[]> {
    return [...this.councils.values()].sort((a, b) => compare(a.id, b.id)).map((c) => structuredClone(c));
  }

  async removeCouncil(councilId: CouncilId): Promise<boolean> {
    return this.councils.delete(parseCouncilId(councilId));
  }
}

/**
 * One council's records in memory, for tests: the same semantics as the DynamoDB adapter (keys by
 * platform and normalised handle, idempotent writes, conditional digest claims, listings in key
 * order), every value validated on the way in and copied on the way in and out so that callers
 * cannot change what is stored by mutating what they passed or got. A test of a use case that reads
 * one council can make one on its own (`new MemoryCouncilStore()`, council TEST_COUNCIL).
 */
export class MemoryCouncilStore implements CouncilStore {
  readonly councilId: CouncilId;
  private config: CouncilConfig | undefined;
  private readonly versions: ConfigVersion[] = [];
  private readonly accounts = new Map<string, Account>();
  private readonly cursors = new Map<string, string>();
  private readonly posts = new Map<string, PostRecord>();
  private readonly chains = new Map<string, { head?: ChainHead; links: ChainLink[] }>();
  private readonly findings = new Map<string, StoredFinding>();
  private readonly events: FindingEvent[] = [];
  private readonly runs = new Map<string, ScanRun>();
  private readonly digests = new Map<string, DigestRecord>();
  private readonly reports = new Map<string, ReportRecord>();
  private readonly reportEmails = new Map<string, ReportEmailRecord>();
  private readonly suppressions = new Map<string, Suppression>();
  private readonly members = new Map<string, Member>();
  private rulesVersion: { version: string; at: string } | undefined;
  private readonly clock: () => Date;

  constructor(options: MemoryStoreOptions & { councilId?: CouncilId } = {}) {
    this.councilId = parseCouncilId(options.councilId ?? TEST_COUNCIL);
    this.clock = options.clock ?? (() => new Date());
  }

  async putCouncilConfig(config: CouncilConfig): Promise<void> {
    this.config = CouncilConfigSchema.parse(structuredClone(config));
  }

  async getCouncilConfig(): Promise<CouncilConfig | undefined> {
    return clone(this.versions.at(-1)?.config ?? this.config);
  }

  async putConfigVersion(version: ConfigVersion): Promise<void> {
    const incoming = ConfigVersionSchema.parse(structuredClone(version));
    // As the adapter's conditional put: a version number is written once.
    if (this.versions.some((v) => v.version === incoming.version)) {
      throw new ConfigVersionConflictError(`version ${incoming.version} of council ${this.councilId}'s configuration is already stored`);
    }
    this.versions.push(incoming);
    this.versions.sort((a, b) => a.version - b.version);
  }

  async getConfigVersion(version?: number): Promise<ConfigVersion | undefined> {
    return clone(version === undefined ? this.versions.at(-1) : this.versions.find((v) => v.version === version));
  }

  async listConfigVersions(): Promise<ConfigVersion[]> {
    return structuredClone(this.versions);
  }

  async putAccount(account: Account): Promise<void> {
    const incoming = AccountSchema.parse(structuredClone(account));
    const key = accountKey(incoming.platform, incoming.handle);
    const existing = this.accounts.get(key);
    if (!existing) {
      this.accounts.set(key, incoming);
      return;
    }
    // As the adapter's UpdateItem: registration time kept; handle as last written, status follows the
    // latest call; display name, base URL and approval are kept unless given.
    const updated: Account = { ...existing, handle: incoming.handle, status: incoming.status };
    if (incoming.displayName !== undefined) updated.displayName = incoming.displayName;
    if (incoming.baseUrl !== undefined) updated.baseUrl = incoming.baseUrl;
    if (incoming.approvedBy !== undefined) updated.approvedBy = incoming.approvedBy;
    if (incoming.approvedOn !== undefined) updated.approvedOn = incoming.approvedOn;
    this.accounts.set(key, updated);
  }

  async getAccount(platform: Platform, handle: string): Promise<Account | undefined> {
    return clone(this.accounts.get(accountKey(platform, handle)));
  }

  async listAccounts(): Promise<Account[]> {
    return [...this.accounts.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([, account]) => structuredClone(account));
  }

  async approveAccount(platform: Platform, handle: string, approvedBy: string, approvedOn: string): Promise<Account> {
    const key = accountKey(platform, handle);
    const existing = this.accounts.get(key);
    if (!existing) throw new AccountNotFoundError(`no account ${handle} on ${platform} is registered`);
    const approved = AccountSchema.parse({ ...existing, approvedBy, approvedOn });
    this.accounts.set(key, approved);
    return structuredClone(approved);
  }

  async setAccountStatus(platform: Platform, handle: string, status: AccountStatus): Promise<Account> {
    const key = accountKey(platform, handle);
    const existing = this.accounts.get(key);
    if (!existing) throw new AccountNotFoundError(`no ${platform} account ${handle} is registered`);
    const updated = AccountSchema.parse({ ...existing, status });
    this.accounts.set(key, updated);
    return structuredClone(updated);
  }

  async removeAccount(platform: Platform, handle: string): Promise<Account | undefined> {
    // As the adapter: only the registration goes; posts, findings and the cursor stay.
    const key = accountKey(platform, handle);
    const existing = this.accounts.get(key);
    this.accounts.delete(key);
    return existing;
  }

  async getCursor(platform: Platform, handle: string): Promise<string | undefined> {
    return this.cursors.get(accountKey(platform, handle));
  }

  async setCursor(platform: Platform, handle: string, cursor: string): Promise<void> {
    this.cursors.set(accountKey(platform, handle), cursor);
  }

  async putPost(platform: Platform, handle: string, post: StoredPost): Promise<'created' | 'unchanged' | 'updated'> {
    const incoming = StoredPostSchema.parse(structuredClone(post));
    // DynamoDB's item limit, roughly (attribute names and values as UTF-8): as the table would refuse it.
    if (Buffer.byteLength(JSON.stringify(incoming)) > 400 * 1024) {
      const reason = 'Item size has exceeded the maximum allowed size';
      throw new PostNotStorableError(`post ${incoming.post.id} of ${platform} account ${handle} could not be stored: ${reason}`, incoming.post.id, reason);
    }
    const key = `${accountKey(platform, handle)}#${incoming.post.id}`;
    const existing = this.posts.get(key);
    if (existing?.contentHash === incoming.contentHash) return 'unchanged';
    // As the adapter: each version stored is the next link of its account's chain.
    const chain = this.chainOf(platform, handle);
    const link = { ...nextLink(chain.head, { postId: incoming.post.id, contentHash: incoming.contentHash, capturedAt: incoming.capturedAt }), ...(incoming.chainExpiresAt === undefined ? {} : { expiresAt: incoming.chainExpiresAt }) };
    chain.links.push(link);
    chain.head = { seq: link.seq, chainHash: link.chainHash, updatedAt: this.clock().toISOString() };
    this.posts.set(key, { ...incoming, seq: link.seq, previousHash: link.previousHash, chainHash: link.chainHash });
    return existing ? 'updated' : 'created';
  }

  async getPost(platform: Platform, handle: string, postId: string): Promise<StoredPost | undefined> {
    const stored = this.posts.get(`${accountKey(platform, handle)}#${postId}`);
    return stored === undefined || isTombstone(stored) ? undefined : structuredClone(stored);
  }

  async listPosts(platform: Platform, handle: string): Promise<PostRecord[]> {
    const prefix = `${accountKey(platform, handle)}#`;
    return [...this.posts.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => compare(a, b))
      .map(([, record]) => structuredClone(record));
  }

  async erasePost(platform: Platform, handle: string, postId: string, erasure: Erasure): Promise<PostTombstone | undefined> {
    const key = `${accountKey(platform, handle)}#${postId}`;
    const stored = this.posts.get(key);
    if (!stored) return undefined;
    const { post: _erased, ...kept } = stored as StoredPost;
    const tombstone = PostTombstoneSchema.parse({ ...kept, postId, erased: erasure });
    this.posts.set(key, tombstone);
    return structuredClone(tombstone);
  }

  async eraseFindingEvidence(platform: Platform, handle: string, postId: string, evidence: string, erasure: Erasure): Promise<string[]> {
    const changed: string[] = [];
    for (const finding of this.findings.values()) {
      if (finding.postId !== postId || finding.platform !== platform || normaliseHandle(finding.account) !== normaliseHandle(handle)) continue;
      this.findings.set(finding.id, { ...finding, evidence });
      this.events.push({
        findingId: finding.id, status: finding.status, previousStatus: finding.status, by: erasure.by, at: erasure.at, note: `evidence erased: ${erasure.reason}`,
        ...(finding.expiresAt === undefined ? {} : { expiresAt: finding.expiresAt }),
      });
      changed.push(finding.id);
    }
    return changed;
  }

  async markPostDeleted(platform: Platform, handle: string, postId: string, noticedAt: string): Promise<boolean> {
    const key = `${accountKey(platform, handle)}#${postId}`;
    const stored = this.posts.get(key);
    if (stored === undefined || isTombstone(stored) || stored.deletedNoticedAt !== undefined) return false;
    this.posts.set(key, { ...stored, deletedNoticedAt: noticedAt });
    return true;
  }

  async clearPostDeleted(platform: Platform, handle: string, postId: string): Promise<boolean> {
    const key = `${accountKey(platform, handle)}#${postId}`;
    const stored = this.posts.get(key);
    if (stored === undefined || isTombstone(stored) || stored.deletedNoticedAt === undefined) return false;
    const { deletedNoticedAt: _back, ...copy } = stored;
    this.posts.set(key, copy);
    return true;
  }

  async listChain(platform: Platform, handle: string): Promise<ChainLink[]> {
    return structuredClone(this.chainOf(platform, handle).links);
  }

  async getChainHead(platform: Platform, handle: string): Promise<ChainHead | undefined> {
    return clone(this.chainOf(platform, handle).head);
  }

  private chainOf(platform: Platform, handle: string): { head?: ChainHead; links: ChainLink[] } {
    const key = accountKey(platform, handle);
    let chain = this.chains.get(key);
    if (!chain) {
      chain = { links: [] };
      this.chains.set(key, chain);
    }
    return chain;
  }

  async putFinding(finding: StoredFinding): Promise<boolean> {
    const incoming = StoredFindingSchema.parse(structuredClone(finding));
    // Never overwritten: the stored finding may already have been acknowledged or dismissed.
    if (this.findings.has(incoming.id)) return false;
    this.findings.set(incoming.id, incoming);
    return true;
  }

  async getFinding(findingId: string): Promise<StoredFinding | undefined> {
    return clone(this.findings.get(findingId));
  }

  async setFindingStatus(findingId: string, status: FindingStatus, by: string, note?: string, details: FindingStatusDetails = {}): Promise<StoredFinding> {
    const existing = this.findings.get(findingId);
    if (!existing) throw new FindingNotFoundError(`no finding ${findingId} is stored: cannot mark it ${status}`);
    const { expectedStatus, ...recorded } = details;
    if (expectedStatus !== undefined && existing.status !== expectedStatus) throw new FindingStatusChangedError(findingId, existing.status, expectedStatus);
    const { resolvedAutomatically: _previously, ...kept } = existing;
    const automatic = details.automatic !== undefined && status === 'resolved' ? { resolvedAutomatically: details.automatic } : {};
    const updated: StoredFinding = { ...kept, status, statusChangedAt: this.clock().toISOString(), ...automatic };
    this.findings.set(findingId, updated);
    this.events.push(withoutUndefined({ findingId, status, previousStatus: existing.status, by, at: this.clock().toISOString(), note, ...recorded, expiresAt: existing.expiresAt }));
    return structuredClone(updated);
  }

  async listFindingsDetectedIn(week: string): Promise<StoredFinding[]> {
    return this.sortedFindings((f) => `${f.severity}#${f.rule}#${f.id}`).filter((f) => f.detectedWeek === week);
  }

  async listOpenFindings(): Promise<StoredFinding[]> {
    return this.sortedFindings((f) => `${f.detectedWeek}#${f.severity}#${f.rule}#${f.id}`).filter(
      (f) => f.status === 'open' || f.status === 'acknowledged',
    );
  }

  async recordScanRun(run: ScanRun): Promise<void> {
    const incoming = ScanRunSchema.parse(structuredClone(run));
    // Same key as the adapter's: recording the same run twice (an SQS redelivery) keeps one.
    this.runs.set(`${accountKey(incoming.platform, incoming.handle)}#${incoming.startedAt}#${incoming.runId}`, incoming);
  }

  async listScanRuns(week: string): Promise<ScanRun[]> {
    return [...this.runs.values()]
      .filter((r) => r.week === week)
      .sort((a, b) => compare(`${a.startedAt}#${a.runId}`, `${b.startedAt}#${b.runId}`))
      .map((r) => structuredClone(r));
  }

  async claimDigest(week: string, at: string, options: DigestClaimOptions = {}): Promise<boolean> {
    const existing = this.digests.get(week);
    if (existing && !options.force && existing.status !== 'failed' && !isStaleDigestClaim(existing, new Date(at))) return false;
    this.digests.set(
      week,
      DigestRecordSchema.parse({ week, status: 'sending', attempts: (existing?.attempts ?? 0) + 1, updatedAt: at, leaseUntil: digestLeaseUntil(at), ...(options.expiresAt === undefined ? {} : { expiresAt: options.expiresAt }) }),
    );
    return true;
  }

  async markDigestSent(week: string, messageId: string, at: string): Promise<void> {
    const existing = this.digests.get(week);
    this.digests.set(
      week,
      DigestRecordSchema.parse({ week, status: 'sent', attempts: existing?.attempts ?? 1, updatedAt: at, messageId, ...(existing?.expiresAt === undefined ? {} : { expiresAt: existing.expiresAt }) }),
    );
  }

  async markDigestFailed(week: string, error: string, at: string): Promise<void> {
    const existing = this.digests.get(week);
    this.digests.set(
      week,
      DigestRecordSchema.parse({ week, status: 'failed', attempts: existing?.attempts ?? 1, updatedAt: at, error, ...(existing?.expiresAt === undefined ? {} : { expiresAt: existing.expiresAt }) }),
    );
  }

  async getDigest(week: string): Promise<DigestRecord | undefined> {
    return clone(this.digests.get(week));
  }

  async listFindingEvents(findingId: string): Promise<FindingEvent[]> {
    return this.findingEvents(findingId);
  }

  async recordReport(report: ReportRecord): Promise<void> {
    this.reports.set(report.month, ReportRecordSchema.parse(structuredClone(report)));
  }

  async listReports(): Promise<ReportRecord[]> {
    return [...this.reports.keys()].sort().reverse().map((month) => clone(this.reports.get(month))!);
  }

  async latestReport(): Promise<ReportRecord | undefined> {
    const month = [...this.reports.keys()].sort().at(-1);
    return month === undefined ? undefined : clone(this.reports.get(month));
  }

  async claimReportEmail(month: string, at: string, options: DigestClaimOptions = {}): Promise<boolean> {
    const existing = this.reportEmails.get(month);
    if (existing && !options.force && existing.status !== 'failed' && !isStaleReportEmailClaim(existing, new Date(at))) return false;
    this.reportEmails.set(
      month,
      ReportEmailRecordSchema.parse({ month, status: 'sending', attempts: (existing?.attempts ?? 0) + 1, updatedAt: at, leaseUntil: digestLeaseUntil(at), ...(options.expiresAt === undefined ? {} : { expiresAt: options.expiresAt }) }),
    );
    return true;
  }

  async markReportEmailSent(month: string, messageId: string, at: string): Promise<void> {
    const existing = this.reportEmails.get(month);
    this.reportEmails.set(
      month,
      ReportEmailRecordSchema.parse({ month, status: 'sent', attempts: existing?.attempts ?? 1, updatedAt: at, messageId, ...(existing?.expiresAt === undefined ? {} : { expiresAt: existing.expiresAt }) }),
    );
  }

  async markReportEmailFailed(month: string, error: string, at: string): Promise<void> {
    const existing = this.reportEmails.get(month);
    this.reportEmails.set(
      month,
      ReportEmailRecordSchema.parse({ month, status: 'failed', attempts: existing?.attempts ?? 1, updatedAt: at, error, ...(existing?.expiresAt === undefined ? {} : { expiresAt: existing.expiresAt }) }),
    );
  }

  async getReportEmail(month: string): Promise<ReportEmailRecord | undefined> {
    return clone(this.reportEmails.get(month));
  }

  async putSuppression(suppression: Suppression): Promise<boolean> {
    const incoming = SuppressionSchema.parse(structuredClone(suppression));
    const existing = this.suppressions.get(incoming.id);
    if (existing && existing.liftedAt === undefined) return false;
    this.suppressions.set(incoming.id, incoming);
    return true;
  }

  async listSuppressions(): Promise<Suppression[]> {
    return [...this.suppressions.values()].sort((a, b) => compare(a.id, b.id)).map((s) => structuredClone(s));
  }

  async removeSuppression(id: string, by: string, byName?: string): Promise<Suppression | undefined> {
    const existing = this.suppressions.get(id);
    if (!existing || existing.liftedAt !== undefined) return undefined;
    const lifted = withoutUndefined({ ...existing, liftedBy: by, liftedByName: byName, liftedAt: this.clock().toISOString() });
    this.suppressions.set(id, lifted);
    return structuredClone(lifted);
  }

  async getRulesVersion(): Promise<string | undefined> {
    return this.rulesVersion?.version;
  }

  async claimRulesVersion(version: string, at: string): Promise<boolean> {
    if (this.rulesVersion?.version === version) return false;
    this.rulesVersion = { version, at };
    return true;
  }

  async releaseRulesVersion(version: string, at: string): Promise<void> {
    if (this.rulesVersion?.version === version && this.rulesVersion.at === at) this.rulesVersion = undefined;
  }

  async putMember(member: Member): Promise<void> {
    const incoming = MemberSchema.parse(structuredClone(member));
    const existing = this.members.get(incoming.userId);
    // As the adapter's UpdateItem: the first addedBy/addedAt are kept.
    this.members.set(incoming.userId, existing ? { ...incoming, addedBy: existing.addedBy, addedAt: existing.addedAt } : incoming);
  }

  async getMember(userId: string): Promise<Member | undefined> {
    return clone(this.members.get(userId));
  }

  async listMembers(): Promise<Member[]> {
    return [...this.members.values()].sort((a, b) => compare(a.userId, b.userId)).map((m) => structuredClone(m));
  }

  async removeMember(userId: string): Promise<Member | undefined> {
    const existing = this.members.get(userId);
    this.members.delete(userId);
    return existing;
  }

  /** A finding's audit trail, oldest first (also the port's listFindingEvents). */
  findingEvents(findingId: string): FindingEvent[] {
    return this.events.filter((e) => e.findingId === findingId).map((e) => structuredClone(e));
  }

  /** Findings in the order of the adapter's index sort key. */
  private sortedFindings(sortKey: (f: StoredFinding) => string): StoredFinding[] {
    return [...this.findings.values()]
      .sort((a, b) => compare(sortKey(a), sortKey(b)))
      .map((f) => structuredClone(f));
  }
}

function accountKey(platform: Platform, handle: string): string {
  return `${platform}#${normaliseHandle(handle)}`;
}

/** DynamoDB orders sort keys by code unit, not by locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function clone<T>(value: T | undefined): T | undefined {
  return value === undefined ? undefined : structuredClone(value);
}

/** Drops undefined fields, as the adapter's marshalling does, so records compare equal. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
