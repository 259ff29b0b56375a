import { randomUUID } from 'node:crypto';
import { handleKey } from '../domain/account';
import { expiresAfter, retentionOf } from '../domain/retention';
import { RULES_VERSION } from '../detectors';
import { isoWeekOf } from '../domain/calendar';
import type { Platform } from '../domain/post';
import type { ScanRun, StoredFinding } from '../domain/records';
import type { AccountSearch } from '../connectors/connector';
import { requireCouncilConfig, type CouncilStore } from '../store/audit-store';
import { discoverAccounts, mastodonInstancesOf, searchTargets, type SearchFailure, type SearchTargetOptions } from './discover-accounts';
import { withRegisteredAccounts } from './registered-accounts';

export interface CouncilDiscoveryDeps {
  /** The records of the council searched for. */
  store: CouncilStore;
  /** The platforms whose search finds accounts by name. */
  searches: Partial<Record<Platform, AccountSearch>>;
  /** Where each search goes, when not the platforms' own hosts (tests and the local twin). */
  baseUrlOf?: SearchTargetOptions['baseUrlOf'];
  /**
   * A search error that defers the discovery instead of failing a search (a host's shared budget
   * asking to wait): thrown before anything is stored, so that the queue delivers the request again.
   */
  deferOn?: (error: unknown) => boolean;
  clock?: () => Date;
}

export interface CouncilDiscoveryResult {
  searches: number;
  failedSearches: number;
  /** Accounts found that present as the council and are not registered. */
  candidates: number;
  findingsNew: number;
}

/**
 * The weekly impostor discovery of one council, primary course:
 * 1. load the council's configuration and its account registry (the record of approval);
 * 2. search its name and aliases on Bluesky, on mastodon.social and on the instances of its own
 *    Mastodon accounts;
 * 3. store each account that presents as the council and is not registered as an unapproved-account
 *    finding; its id is the account's, so next week's discovery of it adds nothing;
 * 4. record each failed search as a failed scan run, so the digest shows it among capture failures.
 * A registered account is left out: its own scan judges it (approved or not) from its posts.
 * A storage failure or a deferral throws, and the queue retries the whole: findings are not stored twice.
 */
export async function discoverForCouncil(deps: CouncilDiscoveryDeps): Promise<CouncilDiscoveryResult> {
  const clock = deps.clock ?? (() => new Date());
  const startedAt = clock().toISOString();
  const [config, accounts] = await Promise.all([requireCouncilConfig(deps.store), deps.store.listAccounts()]);
  const week = isoWeekOf(startedAt, config.timezone).id;
  const expiresAt = expiresAfter(startedAt, retentionOf(config).recordsDays);
  const targets = searchTargets(deps.searches, {
    mastodonInstances: mastodonInstancesOf(accounts),
    ...(deps.baseUrlOf ? { baseUrlOf: deps.baseUrlOf } : {}),
  });
  const { discoveries, searches, failures } = await discoverAccounts(withRegisteredAccounts(config, accounts), targets, deps.deferOn ? { deferOn: deps.deferOn } : {});

  const registered = new Set(accounts.map((a) => handleKey(a.platform, a.handle)));
  const candidates = discoveries.filter((d) => d.finding && !registered.has(handleKey(d.account.platform, d.account.handle)));
  const detectedAt = clock().toISOString();
  let findingsNew = 0;
  for (const { finding } of candidates) {
    const stored: StoredFinding = { ...finding!, status: 'open', detectedAt, detectedWeek: week, expiresAt, rulesVersion: RULES_VERSION };
    if (await deps.store.putFinding(stored)) findingsNew += 1;
  }

  const finishedAt = clock().toISOString();
  for (const failure of failures) {
    const run: ScanRun = {
      runId: randomUUID(),
      platform: failure.platform,
      handle: searchLabel(failure),
      startedAt,
      finishedAt,
      week,
      outcome: 'failed',
      postsFetched: 0,
      postsNew: 0,
      findingsNew: 0,
      error: failure.error.length > 300 ? `${failure.error.slice(0, 297)}...` : failure.error,
      query: failure.query,
      expiresAt,
    };
    await deps.store.recordScanRun(run);
  }
  return { searches, failedSearches: failures.length, candidates: candidates.length, findingsNew };
}

/** What the digest names a failed search by: `search for "Harbourne TC" on fedi.example`. */
export function searchLabel(failure: Pick<SearchFailure, 'platform' | 'where' | 'query'>): string {
  return failure.platform === 'mastodon' ? `search for "${failure.query}" on ${failure.where}` : `search for "${failure.query}"`;
}
