import type { CouncilConfig } from '../domain/config';
import type { Finding } from '../domain/finding';
import type { Platform } from '../domain/post';
import type { AccountSearch, DiscoveredAccount } from '../connectors/connector';
import { handleKey, splitMastodonHandle } from '../domain/account';
import { DetectionEngine, findingId } from './run-detectors';

export interface Discovery {
  account: DiscoveredAccount;
  /** `approved`: one of the council's; `unapproved`: presents as the council without approval; `unrelated`: neither. */
  verdict: 'approved' | 'unapproved' | 'unrelated';
  /** The unapproved-account finding, for an account that presents as the council. */
  finding?: Finding;
}

/** One place to search: a platform's search, and where it goes. */
export interface SearchTarget {
  platform: Platform;
  /** Where the search goes, as people read it: `mastodon.social`, `fedi.example`, `Bluesky`. */
  where: string;
  search: AccountSearch;
  /** The API base URL, when not the search's own default. */
  baseUrl?: string;
}

/** A search that did not answer: a capture failure of impostor discovery. */
export interface SearchFailure {
  platform: Platform;
  where: string;
  query: string;
  error: string;
}

/** Where Mastodon search goes when the council has no account on another instance. */
export const DEFAULT_MASTODON_INSTANCE = 'mastodon.social';

export interface SearchTargetOptions {
  /** Mastodon instances to search besides mastodon.social: those of the council's own accounts. */
  mastodonInstances?: readonly string[];
  /**
   * The API base URL for a place (tests and the local twin point every search at 127.0.0.1); by
   * default a Mastodon instance's own `https://<instance>`, and Bluesky's public AppView.
   */
  baseUrlOf?: (platform: Platform, where: string) => string | undefined;
}

/**
 * Where to search: Bluesky once, and Mastodon on mastodon.social and on every instance the council's
 * own Mastodon accounts live on (an impostor often registers where the council's followers are).
 */
export function searchTargets(searches: Partial<Record<Platform, AccountSearch>>, options: SearchTargetOptions = {}): SearchTarget[] {
  const targets: SearchTarget[] = [];
  const add = (platform: Platform, search: AccountSearch, where: string, defaultBase: string | undefined) => {
    const baseUrl = options.baseUrlOf ? options.baseUrlOf(platform, where) : defaultBase;
    targets.push({ platform, where, search, ...(baseUrl ? { baseUrl } : {}) });
  };
  for (const [platform, search] of Object.entries(searches) as [Platform, AccountSearch][]) {
    if (platform !== 'mastodon') {
      add(platform, search, platform === 'bluesky' ? 'Bluesky' : platform, undefined);
      continue;
    }
    const instances = new Set([DEFAULT_MASTODON_INSTANCE, ...(options.mastodonInstances ?? []).map((i) => i.toLowerCase())]);
    for (const instance of instances) add(platform, search, instance, instance === DEFAULT_MASTODON_INSTANCE ? undefined : `https://${instance}`);
  }
  return targets;
}

/** The instances the council's Mastodon accounts live on, from their handles. */
export function mastodonInstancesOf(accounts: readonly { platform: Platform; handle: string }[]): string[] {
  return [...new Set(accounts.filter((a) => a.platform === 'mastodon').flatMap((a) => splitMastodonHandle(a.handle)?.instance ?? []))];
}

/**
 * Impostor discovery, primary course: search each place for the council's name and aliases,
 * drop duplicates, and judge every account found with the unapproved-account rule: one that presents
 * as the council but is not approved becomes a finding with its handle, name and profile.
 * A search that fails is reported in `failures`; the others still count.
 *
 * A discovered account's finding has no post (none was read): its id is the rule and the account
 * alone, so finding it again next week, under another display name, is the same finding.
 */
export async function discoverAccounts(
  config: CouncilConfig,
  targets: readonly SearchTarget[],
  options: {
    limitPerQuery?: number;
    /**
     * An error that means "not now" rather than "failed" (a host asking every caller to wait): it is
     * thrown out, ending the discovery, so that its caller can try the whole again later.
     */
    deferOn?: (error: unknown) => boolean;
  } = {},
): Promise<{ discoveries: Discovery[]; searches: number; failures: SearchFailure[] }> {
  const engine = new DetectionEngine(config);
  const approved = new Set(config.approvedAccounts.filter((a) => a.approvedBy && a.approvedOn).map((a) => handleKey(a.platform, a.handle)));
  const queries = [...new Set([config.council.name, ...config.council.aliases].map((q) => q.trim()).filter((q) => q.length >= 3))];
  const found = new Map<string, DiscoveredAccount>();
  const failures: SearchFailure[] = [];

  for (const target of targets) {
    for (const query of queries) {
      try {
        const accounts = await target.search.searchAccounts(query, { ...(target.baseUrl ? { baseUrl: target.baseUrl } : {}), limit: options.limitPerQuery ?? 40 });
        for (const account of accounts) found.set(handleKey(account.platform, account.handle), account);
      } catch (error) {
        if (options.deferOn?.(error)) throw error;
        failures.push({ platform: target.platform, where: target.where, query, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  const discoveries = [...found.entries()].map(([key, account]): Discovery => {
    if (approved.has(key)) return { account, verdict: 'approved' };
    const [finding] = engine.checkAccount({
      platform: account.platform,
      handle: account.handle,
      ...(account.displayName ? { displayName: account.displayName } : {}),
      ...(account.profileUrl ? { profileUrl: account.profileUrl } : {}),
      registered: false,
    });
    return finding ? { account, verdict: 'unapproved', finding: { ...finding, id: findingId(finding.rule, key, 'discovered') } } : { account, verdict: 'unrelated' };
  });
  return { discoveries, searches: targets.length * queries.length, failures };
}

/** `mastodon search on fedi.example for "Harbourne TC" failed: HTTP 503` */
export function describeSearchFailure(failure: SearchFailure): string {
  return `${failure.platform} search on ${failure.where} for "${failure.query}" failed: ${failure.error}`;
}
