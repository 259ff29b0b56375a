import { createHash, randomUUID } from 'node:crypto';
import { handleKey } from '../domain/account';
import { AccountNotFoundError, PostNotStorableError, ScanDeferredError } from '../domain/errors';
import type { Finding } from '../domain/finding';
import { isoWeekOf } from '../domain/calendar';
import { evidenceFingerprint, isActive } from '../domain/suppression';
import { expiresAfter, retentionOf } from '../domain/retention';
import type { Post } from '../domain/post';
import type { ScanRun, StoredFinding } from '../domain/records';
import { boundPostForStorage, noteUnstoredEvidence } from '../domain/stored-post-bounds';
import { HostBudgetUnavailableError, PlatformAuthError, PlatformRateLimitedError } from '../connectors/errors';
import type { ConnectorRegistry } from '../connectors/registry';
import type { AccountScanRequest } from '../queue/scan-queue';
import { requireCouncilConfig, type CouncilStore } from '../store/audit-store';
import { canonicalJson } from '../evidence/chain';
import { RULES_VERSION } from '../detectors';
import { curedBy, editedNote, resolveAutomatically } from '../evidence/reconcile';
import { withRegisteredAccounts } from './registered-accounts';
import { DetectionEngine } from './run-detectors';

/** How many refused posts a scan run names (the count of posts fetched and stored says the rest). */
const MAX_UNSTORED_LISTED = 20;

export interface ScanAccountDeps {
  /** The records of the council the account belongs to (the request's council). */
  store: CouncilStore;
  connectors: ConnectorRegistry;
  clock?: () => Date;
  /**
   * How long captured posts are kept when the council's configuration says nothing (the deployment's
   * RETENTION_DAYS): the council's `retention.postsDays` wins.
   */
  retentionDays: number;
}

/**
 * Scans one account, primary course:
 * 1. load the account, its cursor and the council configuration;
 * 2. fetch the posts newer than the cursor through the platform's connector
 *    (a failing fetch is recorded on the scan run and retried next time; an expired token also marks
 *    the account as needing reconnection, until a capture succeeds again; a host that asks every scan
 *    to wait too long, or a shared request budget that cannot be read, throws: nothing was captured,
 *    nothing is recorded, and the caller's queue runs the scan again later);
 * 3. check each post whole and store it (with a SHA-256 of what was captured, its long fields cut to
 *    the stored bounds and marked truncated) and its findings, oldest first;
 * 4. advance the cursor only once everything is stored, then record the scan run.
 * A storage failure throws, leaving the cursor where it was, so a retry loses nothing and, the writes
 * being idempotent, duplicates nothing. A post the store refuses as it is (PostNotStorableError) is
 * the post's fault, not the store's: its findings are kept, it is named on the scan run, and the scan
 * goes on past it, so one post cannot stop its account's scans for good.
 */
export async function scanAccount(deps: ScanAccountDeps, request: Pick<AccountScanRequest, 'platform' | 'handle'>): Promise<ScanRun> {
  const clock = deps.clock ?? (() => new Date());
  const startedAt = clock().toISOString();
  const [account, config, accounts, suppressions] = await Promise.all([
    deps.store.getAccount(request.platform, request.handle),
    requireCouncilConfig(deps.store),
    deps.store.listAccounts(),
    deps.store.listSuppressions(),
  ]);
  if (!account) throw new AccountNotFoundError(`council ${deps.store.councilId} has no registered ${request.platform} account ${request.handle}`);
  const week = isoWeekOf(startedAt, config.timezone).id;
  const retention = retentionOf(config, deps.retentionDays);
  const recordsExpireAt = expiresAfter(startedAt, retention.recordsDays);
  const run = (fields: Pick<ScanRun, 'outcome' | 'postsFetched' | 'postsNew' | 'findingsNew' | 'error' | 'unstoredPosts' | 'findingsSuppressed'>): ScanRun => ({
    runId: randomUUID(),
    platform: account.platform,
    handle: account.handle,
    startedAt,
    finishedAt: clock().toISOString(),
    week,
    ...fields,
    expiresAt: recordsExpireAt,
  });

  const cursor = await deps.store.getCursor(account.platform, account.handle);
  let fetched;
  try {
    fetched = await deps.connectors(account.platform).fetchNewPosts(account, cursor);
  } catch (error) {
    if (error instanceof PlatformRateLimitedError) {
      throw new ScanDeferredError(`the scan of ${account.platform} account ${account.handle} waits for its platform: ${error.message}`, error.resetAt, { cause: error });
    }
    if (error instanceof HostBudgetUnavailableError) throw error;
    // An expired or revoked token needs a person, not a retry: say so on the account.
    if (error instanceof PlatformAuthError && account.status !== 'needs-reconnection') {
      await deps.store.putAccount({ ...account, status: 'needs-reconnection' });
    }
    const failed = run({ outcome: 'failed', postsFetched: 0, postsNew: 0, findingsNew: 0, error: describeFailure(error) });
    await deps.store.recordScanRun(failed);
    return failed;
  }
  if (account.status === 'needs-reconnection') await deps.store.putAccount({ ...account, status: 'active' });

  const engine = new DetectionEngine(withRegisteredAccounts(config, accounts));
  const detectedAt = clock().toISOString();
  let findingsNew = 0;
  // Evidence the council asked not to be shown again is not raised at all (see shared/review):
  // the dismissal that asked for it is the audit record, and a finding never stored can be raised
  // by the next scan that sees its evidence once the suppression is lifted.
  const suppressed = new Set(suppressions.filter(isActive).map((s) => s.id));
  let findingsSuppressed = 0;
  const raise = (finding: Finding) => {
    if (suppressed.size === 0 || !suppressed.has(evidenceFingerprint(finding))) return true;
    findingsSuppressed += 1;
    return false;
  };
  const keep = async (findings: Finding[]) => {
    for (const finding of findings) {
      if (!raise(finding)) continue;
      const stored: StoredFinding = { ...finding, status: 'open', detectedAt, detectedWeek: week, expiresAt: recordsExpireAt, rulesVersion: RULES_VERSION };
      if (await deps.store.putFinding(stored)) findingsNew += 1;
    }
  };

  // The account's own findings (an account awaiting approval, say) are the same on every hourly scan:
  // looking one up costs a seventh of the write DynamoDB charges for a put its condition refuses.
  const thisAccount = handleKey(account.platform, account.handle);
  const accountFindings = engine.checkRegisteredAccounts().filter((f) => handleKey(f.platform, f.account) === thisAccount && raise(f));
  const known = await Promise.all(accountFindings.map((f) => deps.store.getFinding(f.id)));
  await keep(accountFindings.filter((_, i) => known[i] === undefined));

  let postsNew = 0;
  const unstoredPosts: Array<{ postId: string; reason: string }> = [];
  const expiresAt = expiresAfter(startedAt, retention.postsDays);
  // Findings still open, read once when the first edit comes: an edit may have cured some.
  let open: Promise<StoredFinding[]> | undefined;
  // Detection runs on the whole post, and even for a post stored before: a scan interrupted between
  // the post and its findings completes them now, and storing a finding twice is a no-op.
  for (const [post, findings] of engine.checkInBatches(fetched.posts)) {
    const bounded = boundPostForStorage(post);
    let edited = false;
    try {
      const outcome = await deps.store.putPost(account.platform, account.handle, {
        post: bounded.post,
        contentHash: contentHash(post),
        capturedAt: detectedAt,
        expiresAt,
        chainExpiresAt: recordsExpireAt,
        ...(bounded.truncated ? { truncated: true as const } : {}),
      });
      if (outcome !== 'unchanged') postsNew += 1;
      edited = outcome === 'updated';
    } catch (error) {
      if (!(error instanceof PostNotStorableError)) throw error;
      unstoredPosts.push({ postId: shorten(post.id, 200), reason: shorten(`the store refused it: ${error.reason}`, 300) });
    }
    await keep(bounded.truncated ? findings.map((f) => noteUnstoredEvidence(f, bounded.post)) : findings);
    if (edited) {
      open ??= deps.store.listOpenFindings();
      for (const cured of curedBy(post, new Set(findings.map((f) => f.id)), await open)) await resolveAutomatically(deps.store, cured, editedNote(account.platform, detectedAt), 'post-edited');
    }
  }

  if (fetched.cursor !== undefined) await deps.store.setCursor(account.platform, account.handle, fetched.cursor);
  const ok = run({
    outcome: 'ok',
    postsFetched: fetched.posts.length,
    postsNew,
    findingsNew,
    ...(unstoredPosts.length > 0 ? { unstoredPosts: unstoredPosts.slice(0, MAX_UNSTORED_LISTED) } : {}),
    ...(findingsSuppressed > 0 ? { findingsSuppressed } : {}),
  });
  await deps.store.recordScanRun(ok);
  return ok;
}

/**
 * SHA-256 of the canonical post as captured (its JSON, keys in order): evidence of exactly what the
 * scanner saw, which `verify` can compute again from the stored copy.
 */
export function contentHash(post: Post): string {
  return createHash('sha256').update(canonicalJson(post)).digest('hex');
}

/** What failed, for the scan run and the digest: the error's own message, never a stack. */
function describeFailure(error: unknown): string {
  return shorten(error instanceof Error ? `${error.name}: ${error.message}` : String(error), 300);
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
