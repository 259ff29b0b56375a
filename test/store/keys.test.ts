import { describe, expect, it } from 'vitest';
import { COUNCIL_SHARDS, councilKeys, councilRegistryKeys, councilsIndexPartitions, hostBudgetKey, LEADING_KEYS } from '../../shared/store/keys';

/** IAM's StringLike: `*` is any run of characters (`#` included), `?` one character. */
function stringLike(pattern: string, value: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(value);
}

/** Which LeadingKeys patterns let a function write an item with this partition key. */
function grantsFor(pk: string): string[] {
  return Object.entries(LEADING_KEYS)
    .filter(([, pattern]) => stringLike(pattern, pk))
    .map(([kind]) => kind);
}

describe("a council's keys", () => {
  const keys = councilKeys('harbourne-tc');

  it('all begin with the council, so no two councils share an item', () => {
    const other = councilKeys('harbourne-tc-2');
    const items = (k: typeof keys) => [
      k.config(), k.account('mastodon', '@harbournetc@mastodon.social'), k.cursor('mastodon', '@harbournetc@mastodon.social'),
      k.post('mastodon', '@harbournetc@mastodon.social', '111'), k.run('mastodon', '@harbournetc@mastodon.social', '2026-11-19T10:00:00Z', 'r1'),
      k.finding('personal-data:0123'), k.findingEvent('personal-data:0123', '2026-11-20T09:00:00Z', 'resolved'), k.digest('2026-W47'), k.report('2026-11'),
    ];
    for (const key of items(keys)) expect(key.pk === 'C#harbourne-tc' || key.pk.startsWith('C#harbourne-tc#'), key.pk).toBe(true);
    const theirs = new Set(items(other).map((key) => `${key.pk} ${key.sk}`));
    for (const key of items(keys)) expect(theirs.has(`${key.pk} ${key.sk}`)).toBe(false);
  });

  it('put every index partition a council writes to under the council', () => {
    const partitions = [
      keys.accountsPartition(), keys.findingsPartition('2026-W47'), keys.openPartition(), keys.runsPartition('2026-W47'), keys.reportsPartition(),
      keys.accountsIndex('rss', 'https://www.harbourne-tc.example/feed.xml').gsi1pk,
      keys.findingsIndex('2026-W47', 'high', 'personal-data', 'f').gsi1pk, keys.runsIndex('2026-W47', 't', 'r').gsi1pk, keys.reportsIndex('2026-11').gsi1pk,
    ];
    for (const partition of partitions) expect(partition.startsWith('C#harbourne-tc#'), partition).toBe(true);
  });

  it('fall each under exactly the IAM pattern of their kind; the configuration and registration under none', () => {
    const handle = '@harbournetc@mastodon.social';
    expect(grantsFor(keys.account('mastodon', handle).pk)).toEqual(['accounts']);
    expect(grantsFor(keys.post('mastodon', handle, '111').pk)).toEqual(['accounts']);
    expect(grantsFor(keys.finding('personal-data:0123').pk)).toEqual(['findings']);
    expect(grantsFor(keys.digest('2026-W47').pk)).toEqual(['digests']);
    expect(grantsFor(keys.report('2026-11').pk)).toEqual(['reports']);
    expect(grantsFor(keys.config().pk)).toEqual([]);
    expect(grantsFor(councilRegistryKeys('harbourne-tc').key.pk)).toEqual([]);
  });

  it("escape a handle's #, so that an account cannot pass for a digest or a report", () => {
    const feed = 'https://www.harbourne-tc.example/feed.xml#DIGEST#2026-W47';
    const pk = keys.account('rss', feed).pk;
    expect(pk).toBe('C#harbourne-tc#ACCOUNT#rss#https://www.harbourne-tc.example/feed.xml%23digest%232026-w47');
    expect(grantsFor(pk)).toEqual(['accounts']);
    expect(keys.account('rss', 'https://x.example/a%23b').pk).not.toBe(keys.account('rss', 'https://x.example/a#b').pk);
  });

  it('are the same however the handle is written', () => {
    expect(keys.account('mastodon', '@HarbourneTC@mastodon.social')).toEqual(keys.account('mastodon', 'harbournetc@mastodon.social'));
  });
});

describe('the list of councils', () => {
  it(`is spread evenly over ${COUNCIL_SHARDS} partitions, so 10,000 councils share no hot partition`, () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i += 1) {
      const { gsi1pk } = councilRegistryKeys(`parish-${i}-pc`).index;
      counts.set(gsi1pk, (counts.get(gsi1pk) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(councilsIndexPartitions().sort());
    const share = 10_000 / COUNCIL_SHARDS;
    for (const count of counts.values()) expect(Math.abs(count - share) / share).toBeLessThan(0.1);
  });

  it('puts a council on the same shard every time', () => {
    expect(councilRegistryKeys('harbourne-tc').index).toEqual(councilRegistryKeys('harbourne-tc').index);
    expect(councilRegistryKeys('harbourne-tc').index.gsi1sk).toBe('harbourne-tc');
  });
});

describe("a platform host's budget key", () => {
  it("falls under the hosts' IAM pattern alone, and no council's item falls under it", () => {
    // Prepare
    const keys = councilKeys('host-harbourne');
    // Assess
    expect(hostBudgetKey('mastodon.social')).toEqual({ pk: 'HOST#mastodon.social', sk: 'BUDGET' });
    expect(grantsFor(hostBudgetKey('public.api.bsky.app').pk)).toEqual(['hosts']);
    expect(grantsFor(hostBudgetKey('www.harbourne-tc.example:8443').pk)).toEqual(['hosts']);
    for (const pk of [keys.config().pk, keys.account('rss', 'https://host.example/feed').pk, keys.finding('f').pk, keys.digest('2026-W47').pk]) {
      expect(grantsFor(pk)).not.toContain('hosts');
    }
  });

  it('is the same however the host is capitalised', () => {
    expect(hostBudgetKey('Mastodon.Social')).toEqual(hostBudgetKey('mastodon.social'));
  });
});
