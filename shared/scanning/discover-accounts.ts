import type { CouncilConfig } from '../domain/config';
import type { Finding } from '../domain/finding';
import type { Platform } from '../domain/post';
import type { AccountSearch, DiscoveredAccount } from '../connectors/connector';
import { handleKey } from '../domain/account';
import { DetectionEngine } from './run-detectors';

export interface Discovery {
  account: DiscoveredAccount;
  /** `approved`: one of the council's; `unapproved`: presents as the council without approval; `unrelated`: neither. */
  verdict: 'approved' | 'unapproved' | 'unrelated';
  /** The unapproved-account finding, for an account that presents as the council. */
  finding?: Finding;
}

/**
 * Impostor discovery, primary course: search each platform for the council's name and aliases,
 * drop duplicates, and judge every account found with the unapproved-account rule: one that presents
 * as the council but is not approved becomes a finding with its handle, name and profile.
 * A platform whose search fails is reported in `failures`; the others still count.
 */
export async function discoverAccounts(
  config: CouncilConfig,
  searches: Partial<Record<Platform, AccountSearch>>,
  options: { baseUrl?: string; limitPerQuery?: number } = {},
): Promise<{ discoveries: Discovery[]; failures: { platform: Platform; query: string; error: string }[] }> {
  const engine = new DetectionEngine(config);
  const approved = new Set(config.approvedAccounts.filter((a) => a.approvedBy && a.approvedOn).map((a) => handleKey(a.platform, a.handle)));
  const queries = [...new Set([config.council.name, ...config.council.aliases].map((q) => q.trim()).filter((q) => q.length >= 3))];
  const found = new Map<string, DiscoveredAccount>();
  const failures: { platform: Platform; query: string; error: string }[] = [];

  for (const [platform, search] of Object.entries(searches) as [Platform, AccountSearch][]) {
    for (const query of queries) {
      try {
        const accounts = await search.searchAccounts(query, { ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), limit: options.limitPerQuery ?? 40 });
        for (const account of accounts) found.set(handleKey(account.platform, account.handle), account);
      } catch (error) {
        failures.push({ platform, query, error: error instanceof Error ? error.message : String(error) });
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
    return finding ? { account, verdict: 'unapproved', finding } : { account, verdict: 'unrelated' };
  });
  return { discoveries, failures };
}
