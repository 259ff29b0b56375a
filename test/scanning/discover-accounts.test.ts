import { describe, expect, it } from 'vitest';
import type { AccountSearch, DiscoveredAccount } from '../../shared/connectors/connector';
import { discoverAccounts } from '../../shared/scanning/discover-accounts';
import { testConfig } from '../support/fixtures';

const search = (results: Record<string, DiscoveredAccount[]>, calls: string[] = []): AccountSearch => ({
  searchAccounts: async (query) => {
    calls.push(query);
    return results[query] ?? [];
  },
});

const approved: DiscoveredAccount = { platform: 'mastodon', handle: '@harbournetc@mastodon.social', displayName: 'Harbourne Town Council' };
const impostor: DiscoveredAccount = { platform: 'mastodon', handle: '@harbourne_council@mastodon.example', displayName: 'Harbourne Town Council (Official)', profileUrl: 'https://mastodon.example/@harbourne_council' };
const resident: DiscoveredAccount = { platform: 'mastodon', handle: '@jo@mastodon.social', displayName: 'Jo, who loves Harbourne' };
const blueskyImpostor: DiscoveredAccount = { platform: 'bluesky', handle: '@htc-news.bsky.social', displayName: 'HTC News' };

describe('impostor discovery', () => {
  it('searches for the name and every alias, and sorts what it finds into approved, unapproved and unrelated', async () => {
    const calls: string[] = [];
    const { discoveries, failures } = await discoverAccounts(testConfig(), {
      mastodon: search({ 'Harbourne Town Council': [approved, impostor, resident], 'Harbourne TC': [impostor] }, calls),
      bluesky: search({ HTC: [blueskyImpostor] }),
    });
    expect(failures).toEqual([]);
    expect(calls).toEqual(['Harbourne Town Council', 'Harbourne TC', 'HTC']);
    const verdicts = Object.fromEntries(discoveries.map((d) => [d.account.handle, d.verdict]));
    expect(verdicts).toEqual({
      [approved.handle]: 'approved',
      [impostor.handle]: 'unapproved',
      [resident.handle]: 'unrelated',
      [blueskyImpostor.handle]: 'unapproved',
    });
  });

  it('gives an impostor a high unapproved-account finding with its handle, name and profile', async () => {
    const { discoveries } = await discoverAccounts(testConfig(), { mastodon: search({ 'Harbourne Town Council': [impostor] }) });
    const finding = discoveries[0]?.finding;
    expect(finding).toMatchObject({ rule: 'unapproved-account', severity: 'high', account: impostor.handle });
    expect(finding?.evidence).toContain('Harbourne Town Council (Official)');
    expect(finding?.evidence).toContain('https://mastodon.example/@harbourne_council');
  });

  it('reports a failing search and keeps the other platforms', async () => {
    const failing: AccountSearch = { searchAccounts: async () => { throw new Error('HTTP 503 from the instance'); } };
    const { discoveries, failures } = await discoverAccounts(testConfig(), { mastodon: failing, bluesky: search({ HTC: [blueskyImpostor] }) });
    expect(failures.map((f) => [f.platform, f.error])).toEqual([
      ['mastodon', 'HTTP 503 from the instance'], ['mastodon', 'HTTP 503 from the instance'], ['mastodon', 'HTTP 503 from the instance'],
    ]);
    expect(discoveries.map((d) => d.verdict)).toEqual(['unapproved']);
  });
});
