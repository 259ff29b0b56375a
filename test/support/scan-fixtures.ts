import { handleKey, type Account } from '../../shared/domain/account';
import type { Council } from '../../shared/domain/council';
import type { Post } from '../../shared/domain/post';
import type { Connector, FetchResult } from '../../shared/connectors/connector';
import { makePost, testConfig } from './fixtures';
import { MemoryAuditStore, TEST_COUNCIL, type MemoryCouncilStore } from './memory-store';

/** The council the scans' accounts belong to. */
export const HARBOURNE: Council = {
  id: TEST_COUNCIL,
  name: 'Harbourne Town Council',
  digestTo: ['clerk@harbourne-tc.example'],
  registeredAt: '2026-01-01T00:00:00Z',
};

export const MASTODON: Account = {
  platform: 'mastodon', handle: '@harbournetc@mastodon.social', displayName: 'Harbourne Town Council',
  approvedBy: 'Town Clerk', approvedOn: '2025-04-01', status: 'active', registeredAt: '2026-01-01T00:00:00Z',
};
export const BLUESKY: Account = { ...MASTODON, platform: 'bluesky', handle: '@harbournetc.bsky.social' };
export const FACEBOOK: Account = { ...MASTODON, platform: 'facebook', handle: '@HarbourneTownCouncil' };
/** Registered for monitoring, but the Town Clerk's approval is not recorded. */
export const EVENTS: Account = { platform: 'mastodon', handle: '@htc_events@mastodon.social', displayName: 'Harbourne TC Events', status: 'active', registeredAt: '2026-01-01T00:00:00Z' };

/** Posts in time order for one account: a clean one, a phone number, a shortened link. */
export function postsOf(account: Account, prefix: string): Post[] {
  const base = { platform: account.platform, account: account.handle, accountName: account.displayName };
  return [
    makePost({ ...base, id: `${prefix}-1`, createdAt: '2026-11-16T09:00:00Z', text: 'The library is open on Saturday.' }),
    makePost({ ...base, id: `${prefix}-2`, createdAt: '2026-11-17T09:00:00Z', text: 'Found a wallet: call Sam on 07700 900731.' }),
    makePost({ ...base, id: `${prefix}-3`, createdAt: '2026-11-18T09:00:00Z', text: 'Survey: https://bit.ly/hb-survey' }),
  ];
}

/** A connector serving fixed posts per account, with a cursor of the last index returned. */
export class FixedConnector implements Connector {
  calls = 0;
  constructor(private readonly posts: Map<string, Post[]>, private readonly failFor = new Set<string>()) {}

  async fetchNewPosts(account: Account, cursor: string | undefined): Promise<FetchResult> {
    this.calls += 1;
    const key = handleKey(account.platform, account.handle);
    if (this.failFor.has(key)) throw new Error('HTTP 503 from the platform');
    const all = this.posts.get(key) ?? [];
    const from = cursor === undefined ? 0 : Number(cursor) + 1;
    const posts = all.slice(from);
    return { posts, cursor: posts.length ? String(all.length - 1) : undefined };
  }
}

/** A store with Harbourne registered and configured, and these accounts of it; `council` is Harbourne's view. */
export async function registryWith(accounts: Account[], config = testConfig()): Promise<{ store: MemoryAuditStore; council: MemoryCouncilStore }> {
  const store = new MemoryAuditStore({ clock: () => new Date('2026-11-19T10:00:00Z') });
  await store.putCouncil(HARBOURNE);
  const council = store.forCouncil(HARBOURNE.id);
  await council.putCouncilConfig(config);
  for (const a of accounts) await council.putAccount(a);
  return { store, council };
}

/** Harbourne's records, with its configuration and these accounts. */
export async function storeWith(accounts: Account[], config = testConfig()): Promise<MemoryCouncilStore> {
  return (await registryWith(accounts, config)).council;
}

export const byKey = (entries: [Account, Post[]][]) => new Map(entries.map(([a, p]) => [handleKey(a.platform, a.handle), p]));
