import { describe, expect, it, vi } from 'vitest';
import { oneConnectorForAll } from '../../shared/connectors/registry';
import type { StoredPost } from '../../shared/domain/records';
import type { Connector } from '../../shared/connectors/connector';
import type { Post } from '../../shared/domain/post';
import { contentHash, scanAccount } from '../../shared/scanning/scan-account';
import { CouncilNotConfiguredError } from '../../shared/store/audit-store';
import { MemoryCouncilStore } from '../support/memory-store';
import { dispatchScan } from '../../shared/scanning/dispatch-scan';
import { createHash } from 'node:crypto';
import { BLUESKY, byKey, EVENTS, FACEBOOK, FixedConnector, MASTODON, postsOf, registryWith, storeWith } from '../support/scan-fixtures';

const clock = () => new Date('2026-11-19T10:00:00Z');
const deps = (store: MemoryCouncilStore, connector: FixedConnector) => ({ store, connectors: oneConnectorForAll(connector), clock, retentionDays: 30 });

describe('scanning one account', () => {
  it('stores every new post with a SHA-256 of what was captured, stores its findings, and advances the cursor', async () => {
    // Prepare
    const posts = postsOf(MASTODON, 'm');
    const store = await storeWith([MASTODON]);
    // Act
    const run = await scanAccount(deps(store, new FixedConnector(byKey([[MASTODON, posts]]))), MASTODON);
    // Assess
    expect(run).toMatchObject({ outcome: 'ok', postsFetched: 3, postsNew: 3, week: '2026-W47' });
    const stored = (await store.getPost('mastodon', MASTODON.handle, 'm-2')) as StoredPost;
    // the post's JSON with its keys in order, so the hash can be computed again from the stored copy
    expect(stored.contentHash).toBe(createHash('sha256').update(JSON.stringify(sortedKeys(posts[1]))).digest('hex'));
    expect(stored.expiresAt).toBe(Math.floor(clock().getTime() / 1000) + 30 * 86_400);
    const findings = await store.listFindingsDetectedIn('2026-W47');
    expect(findings.map((f) => [f.postId, f.rule, f.status]).sort()).toEqual([
      ['m-2', 'personal-data', 'open'],
      ['m-3', 'risky-link', 'open'],
    ]);
    expect(run.findingsNew).toBe(findings.length);
    expect(await store.getCursor('mastodon', MASTODON.handle)).toBe('2');
    expect(await store.listScanRuns('2026-W47')).toEqual([run]);
  });

  it('finds nothing new on the next scan, and duplicates nothing when the same posts come again', async () => {
    const posts = postsOf(MASTODON, 'm');
    const store = await storeWith([MASTODON]);
    const connector = new FixedConnector(byKey([[MASTODON, posts]]));
    await scanAccount(deps(store, connector), MASTODON);

    const next = await scanAccount(deps(store, connector), MASTODON);
    expect(next).toMatchObject({ postsFetched: 0, postsNew: 0, findingsNew: 0 });

    await store.setCursor('mastodon', MASTODON.handle, '-1'); // the platform sends everything again
    const again = await scanAccount(deps(store, connector), MASTODON);
    expect(again).toMatchObject({ postsFetched: 3, postsNew: 0, findingsNew: 0 });
    expect(await store.listFindingsDetectedIn('2026-W47')).toHaveLength(2);
  });

  it('records a failing capture on the scan run, keeps the cursor, and leaves the other accounts alone', async () => {
    const store = await storeWith([MASTODON, BLUESKY, FACEBOOK]);
    const connector = new FixedConnector(
      byKey([[MASTODON, postsOf(MASTODON, 'm')], [BLUESKY, postsOf(BLUESKY, 'b')], [FACEBOOK, postsOf(FACEBOOK, 'f')]]),
      new Set([`bluesky\u0000${BLUESKY.handle.slice(1)}`]),
    );
    const runs = [];
    for (const account of [MASTODON, BLUESKY, FACEBOOK]) runs.push(await scanAccount(deps(store, connector), account));

    expect(runs.map((r) => r.outcome)).toEqual(['ok', 'failed', 'ok']);
    expect(runs[1]!.error).toContain('HTTP 503 from the platform');
    expect(await store.getCursor('bluesky', BLUESKY.handle)).toBeUndefined();
    expect((await store.listFindingsDetectedIn('2026-W47')).map((f) => f.platform).sort()).toEqual(['facebook', 'facebook', 'mastodon', 'mastodon']);
  });

  it('resumes an interrupted scan without losing or duplicating anything', async () => {
    const posts = postsOf(MASTODON, 'm');
    const store = await storeWith([MASTODON]);
    const connector = new FixedConnector(byKey([[MASTODON, posts]]));
    // The store fails while storing the third post: after two posts and one finding were stored.
    const putPost = store.putPost.bind(store);
    let puts = 0;
    store.putPost = async (...args) => {
      if (++puts === 3) throw Object.assign(new Error('Rate of requests exceeds the allowed throughput'), { name: 'ProvisionedThroughputExceededException' });
      return putPost(...args);
    };
    await expect(scanAccount(deps(store, connector), MASTODON)).rejects.toThrow('allowed throughput');
    expect(await store.getCursor('mastodon', MASTODON.handle)).toBeUndefined();
    expect(await store.listFindingsDetectedIn('2026-W47')).toHaveLength(1);

    const retry = await scanAccount(deps(store, connector), MASTODON);
    expect(retry).toMatchObject({ outcome: 'ok', postsFetched: 3, postsNew: 1, findingsNew: 1 });
    expect(await store.listFindingsDetectedIn('2026-W47')).toHaveLength(2);
    for (const post of posts) expect(await store.getPost('mastodon', MASTODON.handle, post.id)).toBeDefined();
    expect(await store.getCursor('mastodon', MASTODON.handle)).toBe('2');
  });

  it('raises unapproved-account once for a registered account without a recorded approval', async () => {
    const store = await storeWith([MASTODON, EVENTS]);
    const connector = new FixedConnector(byKey([[EVENTS, postsOf(EVENTS, 'e')]]));
    await scanAccount(deps(store, connector), EVENTS);
    await scanAccount(deps(store, connector), EVENTS);
    const unapproved = (await store.listFindingsDetectedIn('2026-W47')).filter((f) => f.rule === 'unapproved-account');
    expect(unapproved).toHaveLength(1);
    expect(unapproved[0]!.account).toBe(EVENTS.handle);
    expect(unapproved[0]!.reason).toMatch(/approv/);
  });

  it("does not write the account's own finding again on every scan once it is stored (a refused put is still billed)", async () => {
    const store = await storeWith([MASTODON, EVENTS]);
    const connector = new FixedConnector(byKey([[EVENTS, []]]));
    await scanAccount(deps(store, connector), EVENTS);
    const puts = vi.spyOn(store, 'putFinding');

    const next = await scanAccount(deps(store, connector), EVENTS);

    expect(next.outcome).toBe('ok');
    expect(puts).not.toHaveBeenCalled();
    expect((await store.listOpenFindings()).filter((f) => f.rule === 'unapproved-account')).toHaveLength(1);
  });

  it('refuses to scan an account that is not registered, or before the council is configured', async () => {
    const store = await storeWith([MASTODON]);
    const connector = new FixedConnector(new Map());
    await expect(scanAccount(deps(store, connector), BLUESKY)).rejects.toThrow('council harbourne-tc has no registered bluesky account @harbournetc.bsky.social');
    const unconfigured = new MemoryCouncilStore();
    await unconfigured.putAccount(MASTODON);
    await expect(scanAccount(deps(unconfigured, connector), MASTODON)).rejects.toThrow(CouncilNotConfiguredError);
  });

  it('hashes the canonical post, so any change of content changes the hash', () => {
    const [post] = postsOf(MASTODON, 'm');
    expect(contentHash(post!)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ ...post!, text: `${post!.text} ` })).not.toBe(contentHash(post!));
  });
});

describe('an edit the scan captures (a feed re-sends an updated entry)', () => {
  it('resolves, as the system, the findings the edit cured, and raises those it added', async () => {
    const council = await storeWith([MASTODON]);
    const [, wallet] = postsOf(MASTODON, 'm');
    const served: { posts: Post[] } = { posts: [wallet!] };
    const connector: Connector = { fetchNewPosts: async () => ({ posts: served.posts, cursor: undefined }) };
    const scan = (at: string) => scanAccount({ store: council, connectors: oneConnectorForAll(connector), retentionDays: 90, clock: () => new Date(at) }, MASTODON);
    await scan('2026-11-19T10:00:00Z');
    const [phone] = await council.listOpenFindings();
    expect(phone?.rule).toBe('personal-data');

    served.posts = [{ ...wallet!, text: 'Found a wallet: hand it in at the town hall. Survey: https://bit.ly/hb-survey' }];
    await scan('2026-11-20T10:00:00Z');

    expect(await council.getFinding(phone!.id)).toMatchObject({ status: 'resolved', resolvedAutomatically: 'post-edited' });
    expect((await council.listFindingEvents(phone!.id)).map((e) => [e.by, e.automatic, e.note])).toEqual([
      ['council-audit reconcile', 'post-edited', 'post edited on Mastodon, noticed 2026-11-20T10:00:00.000Z: the edited post no longer shows this'],
    ]);
    expect((await council.listOpenFindings()).map((f) => f.rule)).toEqual(['risky-link']);
  });
});

describe('dispatching a scan', () => {
  it('queues one request per registered account, naming its council, paused ones left out', async () => {
    const { store } = await registryWith([MASTODON, BLUESKY, { ...FACEBOOK, status: 'paused' }]);
    const sent: unknown[] = [];
    const { councils, requests } = await dispatchScan({ store, queue: { send: async (r) => void sent.push(...r) } });
    expect(sent).toEqual(requests);
    expect(councils).toBe(1);
    expect(requests.map((r) => [r.councilId, r.platform]).sort()).toEqual([['harbourne-tc', 'bluesky'], ['harbourne-tc', 'mastodon']]);
  });
});

describe('an expired token', () => {
  it('marks the account as needing reconnection, and a later successful capture clears it', async () => {
    const { PlatformAuthError } = await import('../../shared/connectors/errors');
    const store = await storeWith([MASTODON]);
    let expired = true;
    const connector = {
      fetchNewPosts: async () => {
        if (expired) throw new PlatformAuthError('mastodon', 'HTTP 401');
        return { posts: postsOf(MASTODON, 'm'), cursor: '2' };
      },
    };
    const run = await scanAccount({ store, connectors: () => connector, clock, retentionDays: 30 }, MASTODON);
    expect(run).toMatchObject({ outcome: 'failed' });
    expect(run.error).toContain('needs reconnecting');
    expect((await store.getAccount('mastodon', MASTODON.handle))?.status).toBe('needs-reconnection');

    expired = false;
    expect((await scanAccount({ store, connectors: () => connector, clock, retentionDays: 30 }, MASTODON)).outcome).toBe('ok');
    expect((await store.getAccount('mastodon', MASTODON.handle))?.status).toBe('active');
  });
});

/** A value with its objects' keys in order, at every depth. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
  return value;
}
