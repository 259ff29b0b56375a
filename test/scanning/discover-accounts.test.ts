import { describe, expect, it } from 'vitest';
import type { AccountSearch, DiscoveredAccount } from '../../shared/connectors/connector';
import { discoverAccounts, mastodonInstancesOf, searchTargets } from '../../shared/scanning/discover-accounts';
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
    const { discoveries, failures } = await discoverAccounts(testConfig(), searchTargets({
      mastodon: search({ 'Harbourne Town Council': [approved, impostor, resident], 'Harbourne TC': [impostor] }, calls),
      bluesky: search({ HTC: [blueskyImpostor] }),
    }));
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
    const { discoveries } = await discoverAccounts(testConfig(), searchTargets({ mastodon: search({ 'Harbourne Town Council': [impostor] }) }));
    const finding = discoveries[0]?.finding;
    expect(finding).toMatchObject({ rule: 'unapproved-account', severity: 'high', account: impostor.handle });
    expect(finding?.evidence).toContain('Harbourne Town Council (Official)');
    expect(finding?.evidence).toContain('https://mastodon.example/@harbourne_council');
  });

  it('reports a failing search and keeps the other platforms', async () => {
    const failing: AccountSearch = { searchAccounts: async () => { throw new Error('HTTP 503 from the instance'); } };
    const { discoveries, failures } = await discoverAccounts(testConfig(), searchTargets({ mastodon: failing, bluesky: search({ HTC: [blueskyImpostor] }) }));
    expect(failures.map((f) => [f.platform, f.error])).toEqual([
      ['mastodon', 'HTTP 503 from the instance'], ['mastodon', 'HTTP 503 from the instance'], ['mastodon', 'HTTP 503 from the instance'],
    ]);
    expect(discoveries.map((d) => d.verdict)).toEqual(['unapproved']);
  });

  it('searches mastodon.social and the instance of each of the council\'s Mastodon accounts, each on its own host', async () => {
    const instances = mastodonInstancesOf([
      { platform: 'mastodon', handle: '@harbournetc@mastodon.social' },
      { platform: 'mastodon', handle: '@harbournetc@Fedi.Example' },
      { platform: 'mastodon', handle: '@events@fedi.example' },
      { platform: 'bluesky', handle: '@harbournetc.bsky.social' },
    ]);
    const bases: (string | undefined)[] = [];
    const recording: AccountSearch = {
      searchAccounts: async (_query, options) => {
        bases.push(options?.baseUrl);
        return [];
      },
    };

    const targets = searchTargets({ mastodon: recording, bluesky: search({}) }, { mastodonInstances: instances });
    await discoverAccounts(testConfig(), targets.filter((t) => t.platform === 'mastodon'));

    expect(targets.map((t) => `${t.platform} ${t.where}`)).toEqual(['mastodon mastodon.social', 'mastodon fedi.example', 'bluesky Bluesky']);
    expect([...new Set(bases)]).toEqual([undefined, 'https://fedi.example']);
  });

  it('gives a discovered account the same finding id whatever it calls itself', async () => {
    const first = await discoverAccounts(testConfig(), searchTargets({ mastodon: search({ 'Harbourne Town Council': [impostor] }) }));
    const renamed = { ...impostor, displayName: 'Harbourne Town Council News' };
    const second = await discoverAccounts(testConfig(), searchTargets({ mastodon: search({ 'Harbourne Town Council': [renamed] }) }));
    expect(first.discoveries[0]?.finding?.id).toMatch(/^unapproved-account:/);
    expect(second.discoveries[0]?.finding?.id).toBe(first.discoveries[0]?.finding?.id);
  });

  it('throws out an error that defers the discovery, instead of counting it as a failed search', async () => {
    class HostBusy extends Error {}
    const busy: AccountSearch = { searchAccounts: async () => { throw new HostBusy('mastodon.social asks to wait 4 minutes'); } };
    const targets = searchTargets({ bluesky: search({ HTC: [blueskyImpostor] }), mastodon: busy });

    await expect(discoverAccounts(testConfig(), targets, { deferOn: (e) => e instanceof HostBusy })).rejects.toThrow(HostBusy);
    expect((await discoverAccounts(testConfig(), targets)).failures).toHaveLength(3);
  });
});
