import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain/account';
import type { Post } from '../../shared/domain/post';
import type { Connector, FetchResult } from '../../shared/connectors/connector';
import { oneConnectorForAll } from '../../shared/connectors/registry';
import { GENESIS_HASH, chainHashOf } from '../../shared/evidence/chain';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { contentHash, scanAccount } from '../../shared/scanning/scan-account';
import { DynamoDbAuditStore, type DynamoDbCouncilStore } from '../../shared/store/dynamodb-store';
import { councilKeys } from '../../shared/store/keys';
import { runCli } from '../support/cli';
import { makePost, testConfig } from '../support/fixtures';
import { HARBOURNE, MASTODON, postsOf } from '../support/scan-fixtures';

/*
 * Tamper evidence and erasure on dynalite, through the command line: every captured version is a
 * link of its account's hash chain; `verify` passes on what the scans stored, still passes after a
 * `purge` (the tombstone keeps the hash), and names the record when one stored field is changed.
 */

const TABLE = 'evidence';
const HANDLE = MASTODON.handle;
const keys = councilKeys(HARBOURNE.id);

/** Serves the posts it is given now, whatever the cursor: a later call can serve an edit. */
class ServingConnector implements Connector {
  posts: Post[] = [];
  async fetchNewPosts(): Promise<FetchResult> {
    return { posts: this.posts, cursor: undefined };
  }
}

describe('the hash chain, verify and purge', () => {
  let dynamo: LocalDynamoDb;
  let documents: DynamoDBDocumentClient;
  let council: DynamoDbCouncilStore;
  let env: NodeJS.ProcessEnv;
  const connector = new ServingConnector();
  const posts = postsOf(MASTODON, 'm');
  const edited = { ...posts[1]!, text: 'Found a wallet: hand it in at the town hall.' };
  const cli = (...args: string[]) => runCli([...args, '--council', HARBOURNE.id], '', env);
  const scan = (at: string) => scanAccount({ store: council, connectors: oneConnectorForAll(connector), retentionDays: 90, clock: () => new Date(at) }, MASTODON);
  const rawPost = async (postId: string, account: Account = MASTODON) =>
    (await documents.send(new GetCommand({ TableName: TABLE, Key: keys.post(account.platform, account.handle, postId) }))).Item;

  beforeAll(async () => {
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, TABLE);
    documents = DynamoDBDocumentClient.from(dynamo.client, { marshallOptions: { removeUndefinedValues: true } });
    env = { TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    const store = new DynamoDbAuditStore({ client: documents, tableName: TABLE });
    await store.putCouncil(HARBOURNE);
    council = store.forCouncil(HARBOURNE.id);
    await council.putCouncilConfig(testConfig());
    await council.putAccount(MASTODON);
    // Three posts, then an edit of the second: four versions, four links.
    connector.posts = posts;
    await scan('2026-11-19T10:00:00Z');
    connector.posts = [edited];
    await scan('2026-11-19T11:00:00Z');
  }, 60_000);
  afterAll(() => dynamo.stop());

  it('links each stored version to the one before it, in capture order', async () => {
    const links = await council.listChain('mastodon', HANDLE);
    expect(links.map((l) => [l.seq, l.postId])).toEqual([[1, 'm-1'], [2, 'm-2'], [3, 'm-3'], [4, 'm-2']]);
    expect(links[0]!.previousHash).toBe(GENESIS_HASH);
    expect(links[3]!.contentHash).toBe(contentHash(edited));
    expect(links[3]!.chainHash).toBe(chainHashOf(links[2]!.chainHash, contentHash(edited)));
    const stored = await council.getPost('mastodon', HANDLE, 'm-2');
    expect([stored?.seq, stored?.previousHash, stored?.chainHash]).toEqual([4, links[2]!.chainHash, links[3]!.chainHash]);
    expect(await council.getChainHead('mastodon', HANDLE)).toMatchObject({ seq: 4, chainHash: links[3]!.chainHash });
  });

  it('passes verify on what the scans stored', async () => {
    const head = (await council.getChainHead('mastodon', HANDLE))!;
    const result = await cli('verify');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`mastodon ${HANDLE}: intact, 4 links, head 4 ${head.chainHash}\n`);
  });

  it('erases a copy on request, leaving a tombstone and the findings with their evidence erased, and verify still passes', async () => {
    // m-3 holds a shortened link: it has a finding whose evidence quotes it.
    const [finding] = (await council.listOpenFindings()).filter((f) => f.postId === 'm-3');
    expect(finding?.evidence).toContain('bit.ly');
    const hashBefore = (await rawPost('m-3'))?.contentHash;

    const result = await cli('purge', '--post', `mastodon:${HANDLE}:m-3`, '--by', 'Data Protection Officer');

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('erased the stored copy of 1 post');
    const tombstone = await rawPost('m-3');
    expect(tombstone?.post).toBeUndefined();
    expect(JSON.stringify(tombstone)).not.toContain('bit.ly');
    expect(tombstone).toMatchObject({ contentHash: hashBefore, seq: 3, erased: { by: 'Data Protection Officer', reason: "the subject's request" } });
    expect(await council.getPost('mastodon', HANDLE, 'm-3')).toBeUndefined();
    const after = await council.getFinding(finding!.id);
    expect(after?.evidence).toMatch(/^\[erased on \d{4}-\d{2}-\d{2} at the subject's request\]$/);
    expect(after?.status).toBe('open');
    expect((await council.listFindingEvents(finding!.id)).map((e) => [e.by, e.note])).toEqual([['Data Protection Officer', "evidence erased: the subject's request"]]);

    const verified = await cli('verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('intact, 4 links');
    expect(verified.stdout).toContain('1 erased');
  });

  it('does not store an erased post again when a scan sees the same content', async () => {
    connector.posts = [posts[2]!];
    await scan('2026-11-19T12:00:00Z');
    expect((await rawPost('m-3'))?.post).toBeUndefined();
    expect(await council.listChain('mastodon', HANDLE)).toHaveLength(4);
  });

  it('refuses a --post that names no stored post, and a purge that names nothing, changing nothing', async () => {
    const missing = await cli('purge', '--post', `mastodon:${HANDLE}:m-99`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('m-99');
    const neither = await cli('purge');
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('--post');
    const badPlatform = await cli('purge', '--account', 'myspace:@someone');
    expect(badPlatform.code).toBe(2);
    expect(badPlatform.stderr).toContain('myspace:@someone');
    expect((await rawPost('m-1'))?.post).toBeDefined();
  });

  it('keeps the chain whole when captures of one account are stored at the same time', async () => {
    const burst = Array.from({ length: 6 }, (_, i) => makePost({ platform: 'mastodon', account: HANDLE, id: `b-${i}`, createdAt: '2026-11-20T09:00:00Z', text: `Bin collection notice ${i}.` }));
    await Promise.all(burst.map((post) => council.putPost('mastodon', HANDLE, { post, contentHash: contentHash(post), capturedAt: '2026-11-20T10:00:00Z', expiresAt: 1_900_000_000 })));
    const links = await council.listChain('mastodon', HANDLE);
    expect(links.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(links.slice(4).map((l) => l.postId))).toEqual(new Set(burst.map((p) => p.id)));
    const verified = await cli('verify');
    expect(verified.stdout).toContain('intact, 10 links');
    expect(verified.code).toBe(0);
  });

  it("names the post whose stored text was changed, exiting 1", async () => {
    await documents.send(new UpdateCommand({ TableName: TABLE, Key: keys.post('mastodon', HANDLE, 'm-1'), UpdateExpression: 'SET #post.#text = :text', ExpressionAttributeNames: { '#post': 'post', '#text': 'text' }, ExpressionAttributeValues: { ':text': 'The library is closed on Saturday.' } }));

    const result = await cli('verify');

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`mastodon ${HANDLE}: BROKEN at link 1, post m-1: the stored copy's content is not what was captured: expected ${contentHash(posts[0]!)}, found ${contentHash({ ...posts[0]!, text: 'The library is closed on Saturday.' })}`);
  });

  it('names the link whose recorded hash was changed, before any later break', async () => {
    const forged = contentHash(makePost({ id: 'forged' }));
    await documents.send(new UpdateCommand({ TableName: TABLE, Key: keys.chainLink('mastodon', HANDLE, 2), UpdateExpression: 'SET contentHash = :hash', ExpressionAttributeValues: { ':hash': forged } }));

    const result = await cli('verify');

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`BROKEN at link 2, post m-2: the chain hash is not sha256\\(previousHash \\+ contentHash\\): expected [0-9a-f]{64}, found ${(await council.listChain('mastodon', HANDLE))[1]!.chainHash}`));
  });

  it('erases every stored post of an account with --account', async () => {
    const result = await cli('purge', '--account', `mastodon:${HANDLE}`, '--by', 'Town Clerk');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('already erased: m-3');
    for (const record of await council.listPosts('mastodon', HANDLE)) expect('erased' in record).toBe(true);
  });
});
