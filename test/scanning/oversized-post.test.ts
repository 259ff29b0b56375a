import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneConnectorForAll } from '../../shared/connectors/registry';
import type { Post } from '../../shared/domain/post';
import { STORED_POST_BOUNDS } from '../../shared/domain/stored-post-bounds';
import { PostNotStorableError } from '../../shared/domain/errors';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../shared/local/local-aws';
import { contentHash, scanAccount } from '../../shared/scanning/scan-account';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { makePost, testConfig } from '../support/fixtures';
import { byKey, FixedConnector, HARBOURNE, MASTODON } from '../support/scan-fixtures';

// DynamoDB refuses an item over 400 KB. A council's long post (a full agenda pasted in, a page of
// alt text) used to fail its account's whole scan at that post, every hour, for good: the post and
// every later one never checked, the message in the dead-letter queue.

const clock = () => new Date('2026-11-19T10:00:00Z');
const base = { platform: MASTODON.platform, account: MASTODON.handle, accountName: MASTODON.displayName };
/** About 1 MB of council business, with a mobile number near its end. */
const AGENDA = `${'Item: the allotment committee reports on the Harbourne community hall. '.repeat(14_000)}Call Sam on 07700 900731.`;

let dynamo: LocalDynamoDb;
let tables = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => {
  await dynamo.stop();
});

async function harbourneStore() {
  const tableName = `oversized-${process.pid}-${(tables += 1)}`;
  await ensureTable(dynamo.client, tableName);
  const root = dynamoDbStore({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: dynamo.endpoint, tableName });
  await root.putCouncil(HARBOURNE);
  const store = root.forCouncil(HARBOURNE.id);
  await store.putCouncilConfig(testConfig());
  await store.putAccount(MASTODON);
  return store;
}

describe('a post too long to store whole', () => {
  it('is refused by the table as it is (dynalite enforces the 400 KB item limit), as a post that cannot be stored', async () => {
    const store = await harbourneStore();
    const post = makePost({ ...base, id: 'long-1', text: AGENDA });

    const putting = store.putPost('mastodon', MASTODON.handle, { post, contentHash: contentHash(post), capturedAt: clock().toISOString(), expiresAt: 1_805_000_000 });

    await expect(putting).rejects.toBeInstanceOf(PostNotStorableError);
    await expect(putting).rejects.toThrow('post long-1 of mastodon account');
  });

  it('is checked whole, stored cut to its bounds and marked truncated, and the scan goes on to the posts after it', async () => {
    // Prepare: a short post, the 1 MB agenda with a number at its end and 200 long alt texts, a short post
    const store = await harbourneStore();
    const media = Array.from({ length: 200 }, (_, i) => ({ type: 'image' as const, url: `https://files.harbourne-tc.example/${i}.jpg`, altText: 'The pier at dusk. '.repeat(2_000) }));
    const posts: Post[] = [
      makePost({ ...base, id: 'p-1', createdAt: '2026-11-16T09:00:00Z', text: 'The library is open on Saturday.' }),
      makePost({ ...base, id: 'p-2', createdAt: '2026-11-17T09:00:00Z', text: AGENDA, media }),
      makePost({ ...base, id: 'p-3', createdAt: '2026-11-18T09:00:00Z', text: 'Survey: https://bit.ly/hb-survey' }),
    ];
    const connector = new FixedConnector(byKey([[MASTODON, posts]]));

    // Act
    const run = await scanAccount({ store, connectors: oneConnectorForAll(connector), clock, retentionDays: 30 }, MASTODON);

    // Assess: every post stored, the long one cut and said to be, its far-off number still found
    expect(run).toMatchObject({ outcome: 'ok', postsFetched: 3, postsNew: 3 });
    expect(run.unstoredPosts).toBeUndefined();
    const stored = await store.getPost('mastodon', MASTODON.handle, 'p-2');
    expect(stored?.truncated).toBe(true);
    expect(stored?.contentHash).toBe(contentHash(posts[1]!));
    expect(Buffer.byteLength(stored!.post.text)).toBeLessThanOrEqual(STORED_POST_BOUNDS.textBytes);
    expect(AGENDA.startsWith(stored!.post.text)).toBe(true);
    expect(stored?.post.media).toHaveLength(STORED_POST_BOUNDS.media);
    expect((await store.getPost('mastodon', MASTODON.handle, 'p-1'))?.truncated).toBeUndefined();
    const findings = await store.listFindingsDetectedIn('2026-W47');
    const phone = findings.find((f) => f.postId === 'p-2' && f.rule === 'personal-data');
    expect(phone?.evidence).toContain('not stored');
    expect(findings.some((f) => f.postId === 'p-3' && f.rule === 'risky-link')).toBe(true);
    expect(await store.getCursor('mastodon', MASTODON.handle)).toBe('2');
  });

  it('that the store refuses all the same is named on the scan run, its findings kept, and the scan goes on past it', async () => {
    // Prepare: a post whose id is longer than DynamoDB allows in a sort key (1,024 bytes)
    const store = await harbourneStore();
    const posts: Post[] = [
      makePost({ ...base, id: `p-${'9'.repeat(2_000)}`, createdAt: '2026-11-17T09:00:00Z', text: 'Found a wallet: call Sam on 07700 900731.' }),
      makePost({ ...base, id: 'p-3', createdAt: '2026-11-18T09:00:00Z', text: 'Survey: https://bit.ly/hb-survey' }),
    ];
    const connector = new FixedConnector(byKey([[MASTODON, posts]]));

    // Act
    const run = await scanAccount({ store, connectors: oneConnectorForAll(connector), clock, retentionDays: 30 }, MASTODON);

    // Assess
    expect(run).toMatchObject({ outcome: 'ok', postsFetched: 2, postsNew: 1 });
    expect(run.unstoredPosts).toEqual([{ postId: expect.stringMatching(/^p-9{195}\.\.\.$/), reason: expect.stringMatching(/^the store refused it: .*key/i) }]);
    expect(await store.listScanRuns('2026-W47')).toEqual([run]);
    const rules = (await store.listFindingsDetectedIn('2026-W47')).map((f) => f.rule).sort();
    expect(rules).toEqual(['personal-data', 'risky-link']);
    expect(await store.getCursor('mastodon', MASTODON.handle)).toBe('1');
  });
});
