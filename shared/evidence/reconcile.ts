import { handleKey, normaliseHandle, type Account } from '../domain/account';
import { isoWeekOf } from '../domain/calendar';
import { AccountNotFoundError, ConnectorError, ScanDeferredError } from '../domain/errors';
import type { Finding } from '../domain/finding';
import { platformTitle, type Platform, type Post } from '../domain/post';
import { isTombstone, type StoredFinding, type StoredPost } from '../domain/records';
import { expiresAfter, retentionOf, type Retention } from '../domain/retention';
import type { CouncilConfig } from '../domain/config';
import type { Suppression } from '../domain/suppression';
import { boundPostForStorage, noteUnstoredEvidence } from '../domain/stored-post-bounds';
import { evidenceFingerprint, isActive } from '../domain/suppression';
import { HostBudgetUnavailableError, PlatformRateLimitedError } from '../connectors/errors';
import type { ConnectorRegistry } from '../connectors/registry';
import { DETECTORS, RULES_VERSION } from '../detectors';
import { withRegisteredAccounts } from '../scanning/registered-accounts';
import { DetectionEngine } from '../scanning/run-detectors';
import { contentHash } from '../scanning/scan-account';
import { FindingStatusChangedError, requireCouncilConfig, type CouncilStore } from '../store/audit-store';

/**
 * How many days back each platform's posts are listed again, and why that many:
 * - Mastodon and Bluesky: public APIs, 300 requests / 5 minutes (Mastodon) and 3,000 / 5 minutes
 *   (Bluesky's AppView); a council's fortnight is one or two pages, and most edits and deletions
 *   come within days of posting. 14 days.
 * - Facebook and Instagram: the Graph API's per-page budget (Business Use Case limits) is shared
 *   with the hourly scans; a fortnight is one page of 50 for a council. 14 days.
 * - X: reads are counted against the tier's monthly cap, so 7 days; its connector does not yet say
 *   when a listing is complete, so X edits are noticed, deletions not.
 * - YouTube and websites: a feed carries only its newest items (YouTube about 15), so an item missing
 *   from it is not deleted; the feed is read again (one request) for edits only. 14 days.
 * - `other`: no connector, nothing to list.
 */
export const RECONCILE_WINDOW_DAYS: Readonly<Record<Platform, number>> = {
  mastodon: 14,
  bluesky: 14,
  facebook: 14,
  instagram: 14,
  x: 7,
  youtube: 14,
  rss: 14,
  other: 0,
};

/** At most this many posts are listed: an account that posted more in its window is listed incompletely (nothing deleted). */
export const RECONCILE_MAX_POSTS = 1_000;

/**
 * A stored post is compared with the listing only if it was created this long after the window's
 * start: a post on the edge, or a clock a little out, is never read as gone.
 */
const EDGE_MS = 60 * 60_000;

/** An empty listing for an account with at least this many stored posts in the window is not believed. */
const SUSPICIOUS_EMPTY = 3;

/** Who the audit trail says resolved a finding or erased a copy: the system, not a person. */
export const RECONCILE_ACTOR = 'council-audit reconcile';

export interface ReconcileDeps {
  store: CouncilStore;
  connectors: ConnectorRegistry;
  clock?: () => Date;
  /** Days captured posts are kept when the council sets nothing (the deployment's RETENTION_DAYS). */
  retentionDays: number;
  /** Days back each platform is listed; RECONCILE_WINDOW_DAYS unless given (the local twin lists its whole file). */
  windowDays?: (platform: Platform) => number;
}

export interface ReconcileResult {
  platform: Platform;
  handle: string;
  /** Posts the platform listed for the window. */
  listed: number;
  /** Whether the listing covered the whole window: only then are missing posts read as deleted. */
  complete: boolean;
  /** Why the listing could not tell deletions (the platform failed, or the listing was cut short). */
  incomplete?: string;
  /** Posts newly noticed gone from the platform. */
  deleted: string[];
  /** Posts whose edit was stored as a new version. */
  edited: string[];
  /** Findings resolved because their post was deleted, or an edit cured them. */
  resolved: string[];
  /** Findings raised in an edited version. */
  raised: string[];
  /** Posts deleted on the platform whose copy was erased after the grace period (a tombstone left). */
  purged: string[];
  /** Posts noticed deleted before that are back on the platform (their mark taken off). */
  restored: string[];
  /** Findings their post's deletion had resolved, open again because the post is back. */
  reopened: string[];
}

/** `post deleted on Mastodon, noticed 2026-12-07T09:00:00.000Z`: the audit trail's note. */
export function deletedNote(platform: Platform, noticedAt: string): string {
  return `post deleted on ${platformTitle(platform)}, noticed ${noticedAt}`;
}

/**
 * Reconciles one account with its platform, primary course:
 * 1. read the account, the configuration, the suppressions and the account's stored copies;
 * 2. list the account's posts of the platform's window again (RECONCILE_WINDOW_DAYS);
 * 3. each listed post stored with other content is an edit: stored as a new version (chained), and
 *    checked again: findings the edit no longer shows are resolved ("post edited…"), new ones raised;
 * 4. only when the listing is complete (the connector says it reached the window's start, no bound
 *    cut it), each stored copy of the window missing from it is marked deleted, noticed now, and its
 *    open and acknowledged findings are resolved ("post deleted on <platform>, noticed <time>");
 * 5. whatever the listing, erase the copies of posts noticed deleted more than the council's grace
 *    period ago (a tombstone is left: the hash chain still verifies; the findings keep their masked evidence).
 * Every automatic change is the system's (`automatic` on the audit event), never a person's.
 * Extensions: a platform failure, a listing cut short, or an empty listing of an account with at
 * least SUSPICIOUS_EMPTY stored posts in the window deletes nothing (step 4 is skipped, and the result
 * says why); a post noticed deleted that is listed again is restored, and the findings its deletion
 * resolved open again; a platform asking to wait throws ScanDeferredError, having changed nothing,
 * for the queue to retry. Idempotent: running it again changes nothing more.
 */
export async function reconcileAccount(deps: ReconcileDeps, request: { platform: Platform; handle: string }): Promise<ReconcileResult> {
  const clock = deps.clock ?? (() => new Date());
  const now = clock();
  const at = now.toISOString();
  const [account, config, accounts, suppressions, records] = await Promise.all([
    deps.store.getAccount(request.platform, request.handle),
    requireCouncilConfig(deps.store),
    deps.store.listAccounts(),
    deps.store.listSuppressions(),
    deps.store.listPosts(request.platform, request.handle),
  ]);
  if (!account) throw new AccountNotFoundError(`council ${deps.store.councilId} has no registered ${request.platform} account ${request.handle}`);
  const retention = retentionOf(config, deps.retentionDays);
  const result: ReconcileResult = { platform: account.platform, handle: account.handle, listed: 0, complete: false, deleted: [], edited: [], resolved: [], raised: [], purged: [], restored: [], reopened: [] };
  const copies = records.filter((r): r is StoredPost => !isTombstone(r));

  const compared = await compare(deps, { account, config, accounts, suppressions, copies, now, retention }, result);
  // Last, the grace period of deleted posts' copies, whatever the platform said today: a post listed
  // again (restored) just now keeps its copy.
  for (const copy of copies) {
    if (copy.deletedNoticedAt === undefined || compared.restored.includes(copy.post.id)) continue;
    if (Date.parse(copy.deletedNoticedAt) + retention.deletedGraceDays * 86_400_000 > now.getTime()) continue;
    const erasure = {
      at,
      by: RECONCILE_ACTOR,
      reason: `${deletedNote(account.platform, copy.deletedNoticedAt)}; the copy is kept ${retention.deletedGraceDays} days after`,
    };
    if (await deps.store.erasePost(account.platform, account.handle, copy.post.id, erasure)) compared.purged.push(copy.post.id);
  }
  return compared;
}

interface Reading {
  account: Account;
  config: CouncilConfig;
  accounts: Account[];
  suppressions: Suppression[];
  copies: StoredPost[];
  now: Date;
  retention: Retention;
}

/** Steps 2 to 4: the listing compared with the copies. */
async function compare(deps: ReconcileDeps, reading: Reading, result: ReconcileResult): Promise<ReconcileResult> {
  const { account, config, accounts, suppressions, copies, now, retention } = reading;
  const at = now.toISOString();
  // 2. The window listed again.
  const days = (deps.windowDays ?? ((p) => RECONCILE_WINDOW_DAYS[p]))(account.platform);
  if (days <= 0) return { ...result, incomplete: `${account.platform} posts are not listed again` };
  const since = new Date(now.getTime() - days * 86_400_000);
  let listing;
  try {
    listing = await deps.connectors(account.platform).fetchNewPosts(account, undefined, { firstScan: { days, maxPosts: RECONCILE_MAX_POSTS }, since });
  } catch (error) {
    if (error instanceof PlatformRateLimitedError) {
      throw new ScanDeferredError(`the reconciliation of ${account.platform} account ${account.handle} waits for its platform: ${error.message}`, error.resetAt, { cause: error });
    }
    // A shared request budget that cannot be read is not the platform's answer: retried, like a scan.
    if (error instanceof ConnectorError && !(error instanceof HostBudgetUnavailableError)) return { ...result, incomplete: `the platform failed: ${error.message}` };
    throw error;
  }
  result.listed = listing.posts.length;

  const engine = new DetectionEngine(withRegisteredAccounts(config, accounts));
  const postRules = new Set<string>(DETECTORS.filter((d) => d.meta.level === 'post').map((d) => d.meta.id));
  const open = (await deps.store.listOpenFindings()).filter(
    (f) => f.postId !== undefined && postRules.has(f.rule) && f.platform === account.platform && normaliseHandle(f.account) === normaliseHandle(account.handle),
  );
  const openOf = (postId: string) => open.filter((f) => f.postId === postId);
  const resolve = async (finding: StoredFinding, note: string, automatic: 'post-deleted' | 'post-edited') => {
    if (await resolveAutomatically(deps.store, finding, note, automatic)) result.resolved.push(finding.id);
  };

  // 3. Edits: a new version, checked again.
  const byId = new Map(copies.map((c) => [c.post.id, c]));
  const suppressed = new Set(suppressions.filter(isActive).map((s) => s.id));
  const recordsExpireAt = expiresAfter(now, retention.recordsDays);
  /** A post noticed deleted is back (hidden for a while, or a listing was wrong): what its deletion resolved opens again. */
  const reopen = async (findingIds: readonly string[]) => {
    for (const id of findingIds) {
      const finding = await deps.store.getFinding(id);
      if (finding?.status !== 'resolved' || finding.resolvedAutomatically !== 'post-deleted') continue;
      try {
        await deps.store.setFindingStatus(id, 'open', RECONCILE_ACTOR, `post back on ${account.platform}, noticed ${at}`, { automatic: 'post-restored', expectedStatus: 'resolved' });
        result.reopened.push(id);
      } catch (error) {
        if (!(error instanceof FindingStatusChangedError)) throw error;
      }
    }
  };
  for (const post of listing.posts) {
    const stored = byId.get(post.id);
    if (stored === undefined) continue; // not captured yet (the scan will), or erased
    const hash = contentHash(post);
    if (stored.deletedNoticedAt !== undefined && (await deps.store.clearPostDeleted(account.platform, account.handle, post.id))) {
      result.restored.push(post.id);
      if (hash === stored.contentHash) await reopen(postFindings(engine, post, postRules).map((f) => f.id));
    }
    if (hash === stored.contentHash) continue;
    const bounded = boundPostForStorage(post);
    const outcome = await deps.store.putPost(account.platform, account.handle, {
      post: bounded.post,
      contentHash: hash,
      capturedAt: at,
      expiresAt: expiresAfter(now, retention.postsDays),
      chainExpiresAt: recordsExpireAt,
      ...(bounded.truncated ? { truncated: true as const } : {}),
    });
    if (outcome === 'unchanged') continue;
    result.edited.push(post.id);
    const findings = postFindings(engine, post, postRules).map((f) => (bounded.truncated ? noteUnstoredEvidence(f, bounded.post) : f));
    const raisedNow = new Set(findings.map((f) => f.id));
    if (stored.deletedNoticedAt !== undefined) await reopen([...raisedNow]);
    for (const finding of findings) {
      if (suppressed.has(evidenceFingerprint(finding)) || (await deps.store.getFinding(finding.id))) continue;
      const raised: StoredFinding = { ...finding, status: 'open', detectedAt: at, detectedWeek: isoWeekOf(at, config.timezone).id, expiresAt: recordsExpireAt, rulesVersion: RULES_VERSION, foundBy: 'edit' };
      if (await deps.store.putFinding(raised)) result.raised.push(finding.id);
    }
    for (const finding of openOf(post.id)) {
      if (!raisedNow.has(finding.id)) await resolve(finding, editedNote(account.platform, at), 'post-edited');
    }
  }

  // 4. Deletions, from a complete listing only.
  if (listing.complete !== true) return { ...result, incomplete: `the listing of the last ${days} days was cut short` };
  const listed = new Set(listing.posts.map((p) => p.id));
  const compareFrom = since.getTime() + EDGE_MS;
  const inWindow = copies.filter((c) => Date.parse(c.post.createdAt) >= compareFrom && Date.parse(c.post.createdAt) <= now.getTime());
  // An empty answer for an account that posted several times in the window is likelier a platform
  // fault (an account suspended for a day, an instance answering 200 with nothing) than a clerk
  // deleting everything: it is not read as deletions.
  if (listing.posts.length === 0 && inWindow.filter((c) => c.deletedNoticedAt === undefined).length >= SUSPICIOUS_EMPTY) {
    return { ...result, incomplete: `the platform listed none of the ${inWindow.length} posts stored for the last ${days} days` };
  }
  result.complete = true;
  for (const copy of inWindow) {
    if (listed.has(copy.post.id)) continue;
    let noticedAt = copy.deletedNoticedAt;
    if (noticedAt === undefined) {
      if (!(await deps.store.markPostDeleted(account.platform, account.handle, copy.post.id, at))) continue;
      noticedAt = at;
      result.deleted.push(copy.post.id);
    }
    // Also for a post noticed before: a run that stopped between the mark and its findings completes them.
    for (const finding of openOf(copy.post.id)) await resolve(finding, deletedNote(account.platform, noticedAt), 'post-deleted');
  }
  return result;
}

/** `post edited on Mastodon, noticed <time>: the edited post no longer shows this`: the audit trail's note. */
export function editedNote(platform: Platform, noticedAt: string): string {
  return `post edited on ${platformTitle(platform)}, noticed ${noticedAt}: the edited post no longer shows this`;
}

/**
 * Resolves a finding as the system, not a person, if it still has the status it was read with: true
 * when it did, false when someone reviewed it meanwhile (their decision stands).
 */
export async function resolveAutomatically(store: Pick<CouncilStore, 'setFindingStatus'>, finding: StoredFinding, note: string, automatic: 'post-deleted' | 'post-edited'): Promise<boolean> {
  try {
    await store.setFindingStatus(finding.id, 'resolved', RECONCILE_ACTOR, note, { automatic, outcome: automatic, expectedStatus: finding.status });
    return true;
  } catch (error) {
    if (error instanceof FindingStatusChangedError) return false;
    throw error;
  }
}

/**
 * The findings an edit cured: those still open or acknowledged of the edited post, by a post rule,
 * that checking the new version (`raisedNow`, the ids it raises) no longer raises.
 */
export function curedBy(edited: Post, raisedNow: ReadonlySet<string>, open: readonly StoredFinding[]): StoredFinding[] {
  const postRules = new Set<string>(DETECTORS.filter((d) => d.meta.level === 'post').map((d) => d.meta.id));
  return open.filter(
    (f) => f.postId === edited.id && f.platform === edited.platform && normaliseHandle(f.account) === normaliseHandle(edited.account) && postRules.has(f.rule) && !raisedNow.has(f.id),
  );
}

/** The post's own findings (post rules only: an account's findings are not cured by one post going). */
function postFindings(engine: DetectionEngine, post: Post, postRules: ReadonlySet<string>): Finding[] {
  return engine.checkPost(post).filter((f) => postRules.has(f.rule) && f.postId === post.id && handleKey(f.platform, f.account) === handleKey(post.platform, post.account));
}
