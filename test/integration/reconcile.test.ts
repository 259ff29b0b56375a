import type { Context } from 'aws-lambda';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandler as createScan, HOST_WAIT_MS } from '../../functions/scan-account/create-handler';
import type { Connector, FetchResult } from '../../shared/connectors/connector';
import { inMemoryHostBudget } from '../../shared/connectors/http/host-budget';
import { MastodonStatusesSchema, type MastodonStatus } from '../../shared/connectors/mastodon/schemas';
import { createMastodonConnector } from '../../shared/connectors/mastodon/mastodon-connector';
import { connectorDeps } from '../../shared/connectors/platforms';
import { connectorsFrom, type ConnectorRegistry } from '../../shared/connectors/registry';
import type { Account } from '../../shared/domain/account';
import { isoWeekOf } from '../../shared/domain/calendar';
import { isTombstone, type StoredFinding } from '../../shared/domain/records';
import { buildDigestFacts } from '../../shared/digest/build-digest';
import { sinceLastWeekWording } from '../../shared/digest/render-text';
import { RECONCILE_ACTOR } from '../../shared/evidence/reconcile';
import { verifyChains } from '../../shared/evidence/verify';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { DynamoDbAuditStore, type DynamoDbCouncilStore } from '../../shared/store/dynamodb-store';
import { runCli } from '../support/cli';
import { testConfig } from '../support/fixtures';
import { recordedAnswers } from '../support/recorded-answers';
import { startReplayServer, type ReplayServer } from '../support/replay-server';
import { sqsEvent } from '../support/sqs-event';
import { HARBOURNE, MASTODON } from '../support/scan-fixtures';

/*
 * Reconciliation on dynalite, through the real scan-account handler and the real Mastodon connector
 * asking a replay server on 127.0.0.1: a post deleted on the platform resolves its findings, an edit
 * that cures a breach resolves it and one that adds a breach raises it; a failed, throttled or
 * partial listing deletes nothing; the copy of a deleted post is erased after the grace period and
 * the hash chain still verifies.
 */

const mastodon = recordedAnswers('mastodon');
const context = { functionName: 'scan-account', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 120_000 } as unknown as Context;
const LOOKUP = '/api/v1/accounts/lookup';
const STATUSES = '/api/v1/accounts/109311224466880112/statuses';
const PHONE = 'If found please ring its owner on 07700 900562.';

/** A status of Harbourne's Mastodon account, in the shape the instance sends, with this id, time and text. */
function status(id: string, createdAt: string, text: string): MastodonStatus {
  const recorded = MastodonStatusesSchema.parse(mastodon.fixture('statuses-page-3').body)[0]!;
  return { ...recorded, id, created_at: createdAt, in_reply_to_id: null, in_reply_to_account_id: null, content: `<p>${text}</p>`, url: `https://mastodon.social/@harbournetc/${id}`, uri: `https://mastodon.social/users/harbournetc/statuses/${id}` };
}

/**
 * What the instance holds now, served as Mastodon pages them: newest first, 40 a page, a `next`
 * link (max_id) while a page is full; `failFrom` makes every page after the first answer 503.
 */
function serveTimeline(server: ReplayServer, timeline: () => MastodonStatus[], options: { failFrom?: number } = {}) {
  server.route(LOOKUP, mastodon.fixture('lookup'));
  server.handle(STATUSES, (request) => {
    const maxId = request.query.get('max_id');
    const sinceId = request.query.get('since_id');
    if (maxId !== null && options.failFrom !== undefined) return { status: 503, body: '<html>Service Unavailable</html>' };
    const newestFirst = [...timeline()].sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    const page = newestFirst.filter((s) => (maxId === null || BigInt(s.id) < BigInt(maxId)) && (sinceId === null || BigInt(s.id) > BigInt(sinceId))).slice(0, 40);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (page.length === 40) headers.link = `<${server.baseUrl}${STATUSES}?limit=40&max_id=${page.at(-1)!.id}>; rel="next"`;
    return { status: 200, headers, body: page };
  });
}

interface Deployment {
  table: string;
  council: DynamoDbCouncilStore;
  account: Account;
  handler: ReturnType<typeof createScan>;
  setNow(at: string): void;
  scan(): Promise<string[]>;
  reconcile(): Promise<string[]>;
}

let dynamo: LocalDynamoDb;
let documents: DynamoDBDocumentClient;
let tables = 0;
beforeAll(async () => {
  dynamo = await startDynalite();
  documents = DynamoDBDocumentClient.from(dynamo.client, { marshallOptions: { removeUndefinedValues: true } });
}, 30_000);
afterAll(() => dynamo.stop());

let server: ReplayServer;

/** Harbourne on a table of its own, its Mastodon account on the replay server, the deployed handler and connectors. */
async function deployment(options: { connectors?: ConnectorRegistry } = {}): Promise<Deployment> {
  const table = `reconcile-${(tables += 1)}`;
  await ensureTable(dynamo.client, table);
  let now = new Date('2026-02-10T12:00:00Z');
  const clock = () => now;
  const sleep = async () => undefined;
  const deps = connectorDeps({ token: async () => undefined, allowLoopback: true, clock, sleep, hostBudget: inMemoryHostBudget({ clock, sleep, maxWaitMs: HOST_WAIT_MS }) });
  const connectors = options.connectors ?? connectorsFrom({ mastodon: createMastodonConnector(deps) });
  const store = new DynamoDbAuditStore({ client: documents, tableName: table, clock });
  await store.putCouncil(HARBOURNE);
  const council = store.forCouncil(HARBOURNE.id);
  await council.putCouncilConfig(testConfig());
  const account = { ...MASTODON, baseUrl: server.baseUrl };
  await council.putAccount(account);
  const handler = createScan({ store, connectors, retentionDays: 90, clock });
  const run = async (kind: 'scan' | 'reconcile') => {
    const result = await handler(sqsEvent([{ kind, councilId: HARBOURNE.id, platform: 'mastodon', handle: account.handle }]), context);
    return result.batchItemFailures.map((f) => f.itemIdentifier);
  };
  return { table, council, account, handler, setNow: (at) => void (now = new Date(at)), scan: () => run('scan'), reconcile: () => run('reconcile') };
}

const findingsOf = async (council: DynamoDbCouncilStore, postId: string, week = '2026-W07'): Promise<StoredFinding[]> =>
  (await council.listFindingsDetectedIn(week)).filter((f) => f.postId === postId);

describe('reconciliation of an account with its platform', () => {
  const ids = { deleted: '116000000000000001', kept: '116000000000000002', breached: '116000000000000003', cured: '116000000000000004' };
  let d: Deployment;
  let timeline: MastodonStatus[];
  const NOTICED = '2026-02-11T09:45:00.000Z';

  afterAll(() => server.close());
  beforeAll(async () => {
    server = await startReplayServer();
    d = await deployment();
    serveTimeline(server, () => timeline);
    // Tuesday: four posts, two with a mobile number, captured by the hourly scan.
    timeline = [
      status(ids.deleted, '2026-02-09T09:00:00Z', `Lost cat on Mill Lane. ${PHONE}`),
      status(ids.kept, '2026-02-09T10:00:00Z', 'The allotment open day is on Saturday at the community hall.'),
      status(ids.breached, '2026-02-09T11:00:00Z', 'Lost dog by the church.'),
      status(ids.cured, '2026-02-09T12:00:00Z', `Found: a set of keys on the green. ${PHONE}`),
    ];
    expect(await d.scan()).toEqual([]);
    // Wednesday: one post deleted, one edited to add a number, one edited to take it out; then the daily reconciliation.
    timeline = [
      timeline[1]!,
      { ...timeline[2]!, content: `<p>Lost dog by the church. ${PHONE}</p>`, edited_at: '2026-02-11T08:00:00.000Z' },
      { ...timeline[3]!, content: '<p>Found: a set of keys on the green. Ask at the town hall.</p>', edited_at: '2026-02-11T08:30:00.000Z' },
    ];
    d.setNow(NOTICED);
    expect(await d.reconcile()).toEqual([]);
  }, 60_000);

  it('records a post gone from the platform as deleted, when noticed, and keeps its copy for now', async () => {
    const stored = await d.council.getPost('mastodon', d.account.handle, ids.deleted);
    expect(stored?.deletedNoticedAt).toBe(NOTICED);
    expect((await d.council.getPost('mastodon', d.account.handle, ids.kept))?.deletedNoticedAt).toBeUndefined();
  });

  it("resolves the deleted post's findings by itself, saying so in the audit trail", async () => {
    const [finding] = await findingsOf(d.council, ids.deleted);
    expect(finding).toMatchObject({ rule: 'personal-data', status: 'resolved', resolvedAutomatically: 'post-deleted' });
    const events = await d.council.listFindingEvents(finding!.id);
    expect(events.map((e) => [e.previousStatus, e.status, e.by, e.automatic, e.outcome, e.note])).toEqual([
      ['open', 'resolved', RECONCILE_ACTOR, 'post-deleted', 'post-deleted', `post deleted on Mastodon, noticed ${NOTICED}`],
    ]);
  });

  it('resolves the finding an edit cured, and stores the edit as a new version', async () => {
    const [finding] = await findingsOf(d.council, ids.cured);
    expect(finding).toMatchObject({ status: 'resolved', resolvedAutomatically: 'post-edited' });
    const [event] = await d.council.listFindingEvents(finding!.id);
    expect(event).toMatchObject({ by: RECONCILE_ACTOR, automatic: 'post-edited', note: `post edited on Mastodon, noticed ${NOTICED}: the edited post no longer shows this` });
    expect((await d.council.getPost('mastodon', d.account.handle, ids.cured))?.post.text).toBe('Found: a set of keys on the green. Ask at the town hall.');
    const links = await d.council.listChain('mastodon', d.account.handle);
    expect(links.map((l) => l.postId)).toEqual([ids.deleted, ids.kept, ids.breached, ids.cured, ids.breached, ids.cured]);
  });

  it('raises the breach an edit added, saying it was found in an edit', async () => {
    const raised = await findingsOf(d.council, ids.breached);
    expect(raised.map((f) => [f.rule, f.status, f.foundBy, f.detectedAt])).toEqual([['personal-data', 'open', 'edit', NOTICED]]);
  });

  it('leaves the untouched post and its account alone, and changes nothing more when run again', async () => {
    const before = await d.council.listOpenFindings();
    expect(await d.reconcile()).toEqual([]);
    expect(await d.council.listOpenFindings()).toEqual(before);
    expect((await d.council.listChain('mastodon', d.account.handle))).toHaveLength(6);
  });

  it("shows the audit trail through findings show, the system named as who resolved it", async () => {
    const [finding] = await findingsOf(d.council, ids.deleted);
    const env = { TABLE_NAME: d.table, DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    const shown = await runCli(['findings', 'show', finding!.id, '--council', HARBOURNE.id], '', env);
    expect(shown.stderr).toBe('');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('status:   resolved (by itself, no one acting)');
    expect(shown.stdout).toContain(`open -> resolved  by the system (${RECONCILE_ACTOR}): post deleted on Mastodon, noticed ${NOTICED}`);
    const missing = await runCli(['findings', 'show', 'personal-data:0000', '--council', HARBOURNE.id], '', env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no finding personal-data:0000');
  });

  it("counts the automatic resolutions in the digest's since-last-week, apart from people's", async () => {
    const week = isoWeekOf('2026-02-11T12:00:00Z', 'Europe/London');
    const facts = await buildDigestFacts(d.council, testConfig(), week, new Date('2026-02-16T08:00:00Z'));
    expect(facts.sinceLastWeek.automatic).toEqual({ postDeleted: 1, postEdited: 1, rulesChanged: 0 });
    expect(sinceLastWeekWording(facts)).toContain('2 findings resolved themselves this week, no one acting: 1 whose post was deleted on its platform, 1 cured by an edit of the post.');
  });

  it('erases the copy of the deleted post once the grace period has passed, leaving a tombstone that verify accepts', async () => {
    // Six days after: still kept.
    d.setNow('2026-02-17T09:45:00.000Z');
    expect(await d.reconcile()).toEqual([]);
    expect(await d.council.getPost('mastodon', d.account.handle, ids.deleted)).toBeDefined();
    // Seven days after (the default grace): erased.
    d.setNow('2026-02-18T09:45:00.000Z');
    expect(await d.reconcile()).toEqual([]);
    expect(await d.council.getPost('mastodon', d.account.handle, ids.deleted)).toBeUndefined();
    const tombstone = (await d.council.listPosts('mastodon', d.account.handle)).find((r) => isTombstone(r) && r.postId === ids.deleted);
    expect(tombstone).toMatchObject({ erased: { by: RECONCILE_ACTOR, at: '2026-02-18T09:45:00.000Z' } });
    expect(JSON.stringify(tombstone)).not.toContain('Mill Lane');
    const checks = await verifyChains(d.council);
    expect(checks.map((c) => [c.links, c.erased, c.broken])).toEqual([[6, 1, undefined]]);
    // The finding keeps its masked evidence and its resolution.
    const [finding] = await findingsOf(d.council, ids.deleted);
    expect(finding).toMatchObject({ status: 'resolved', evidence: '07700 9•• •••' });
  });
});

describe('a listing that cannot tell what was deleted', () => {
  beforeEach(async () => {
    server = await startReplayServer();
  });
  afterEach(() => server.close());

  /** Harbourne's 45 posts (two pages), one with a mobile number on the second page, all scanned. */
  async function scannedTwoPages() {
    const d = await deployment();
    const timeline = Array.from({ length: 45 }, (_, i) => status(`1160000000000001${String(i).padStart(2, '0')}`, new Date(Date.parse('2026-02-05T08:00:00Z') + i * 3_600_000).toISOString(), i === 2 ? `Lost cat. ${PHONE}` : `Notice number ${i} of the week.`));
    serveTimeline(server, () => timeline);
    expect(await d.scan()).toEqual([]);
    const open = await d.council.listOpenFindings();
    expect(open.map((f) => f.postId)).toEqual([timeline[2]!.id]);
    return { d, timeline };
  }

  const nothingDeleted = async (d: Deployment) => {
    const records = await d.council.listPosts('mastodon', d.account.handle);
    expect(records).toHaveLength(45);
    expect(records.filter((r) => !isTombstone(r) && r.deletedNoticedAt !== undefined)).toEqual([]);
    expect((await d.council.listOpenFindings()).map((f) => f.status)).toEqual(['open']);
  };

  it('deletes nothing when the platform fails part-way through the paging (the second page 503s)', async () => {
    const { d, timeline } = await scannedTwoPages();
    await server.close();
    server = await startReplayServer();
    await d.council.putAccount({ ...d.account, baseUrl: server.baseUrl });
    serveTimeline(server, () => timeline, { failFrom: 2 });
    d.setNow('2026-02-11T09:45:00Z');

    expect(await d.reconcile()).toEqual([]);

    expect(server.requests.some((r) => r.path === STATUSES && r.query.get('max_id') !== null)).toBe(true);
    await nothingDeleted(d);
  });

  it('deletes nothing, and asks to be retried, when the platform says to wait (429)', async () => {
    const { d } = await scannedTwoPages();
    const limited = mastodon.fixture('rate-limited');
    limited.headers['x-ratelimit-reset'] = '2026-02-11T09:50:00.000000Z';
    server.route(LOOKUP, limited);
    d.setNow('2026-02-11T09:45:00Z');

    expect(await d.reconcile()).toEqual(['msg-0']);

    await nothingDeleted(d);
  });

  it('deletes nothing when the connector cannot say its listing is complete', async () => {
    const { d, timeline } = await scannedTwoPages();
    // A connector that lists only the newest page and does not claim completeness (as Facebook's today).
    const partial: Connector = { fetchNewPosts: async (): Promise<FetchResult> => ({ posts: [], cursor: undefined }) };
    const other = await deployment({ connectors: connectorsFrom({ mastodon: partial }) });
    for (const record of await d.council.listPosts('mastodon', d.account.handle)) if (!isTombstone(record)) await other.council.putPost('mastodon', other.account.handle, record);
    other.setNow('2026-02-11T09:45:00Z');

    expect(await other.reconcile()).toEqual([]);

    expect(timeline).toHaveLength(45);
    const records = await other.council.listPosts('mastodon', other.account.handle);
    expect(records.filter((r) => !isTombstone(r) && r.deletedNoticedAt !== undefined)).toEqual([]);
  });

  it('deletes nothing when the platform answers with an empty listing for an account that posted many times in the window', async () => {
    const { d } = await scannedTwoPages();
    await server.close();
    server = await startReplayServer();
    await d.council.putAccount({ ...d.account, baseUrl: server.baseUrl });
    serveTimeline(server, () => []);
    d.setNow('2026-02-11T09:45:00Z');

    expect(await d.reconcile()).toEqual([]);

    await nothingDeleted(d);
  });

  it('takes the mark off a post listed again, and opens again what its deletion resolved, before its copy is erased', async () => {
    const { d, timeline } = await scannedTwoPages();
    const hidden = timeline[2]!.id;
    const serving = { statuses: timeline.filter((s) => s.id !== hidden) };
    await server.close();
    server = await startReplayServer();
    await d.council.putAccount({ ...d.account, baseUrl: server.baseUrl });
    serveTimeline(server, () => serving.statuses);
    d.setNow('2026-02-11T09:45:00Z');
    expect(await d.reconcile()).toEqual([]);
    expect(await d.council.listOpenFindings()).toEqual([]);

    // Eight days later (past the grace period) the post is back: kept, and its finding open again.
    serving.statuses = timeline;
    d.setNow('2026-02-19T09:45:00Z');
    expect(await d.reconcile()).toEqual([]);

    const back = await d.council.getPost('mastodon', d.account.handle, hidden);
    expect(back).toBeDefined();
    expect(back?.deletedNoticedAt).toBeUndefined();
    const [reopened] = await d.council.listOpenFindings();
    expect(reopened?.postId).toBe(hidden);
    expect((await d.council.listFindingEvents(reopened!.id)).map((e) => [e.status, e.automatic, e.note])).toEqual([
      ['resolved', 'post-deleted', 'post deleted on Mastodon, noticed 2026-02-11T09:45:00.000Z'],
      ['open', 'post-restored', 'post back on mastodon, noticed 2026-02-19T09:45:00.000Z'],
    ]);
  });

  it('notices the deletion from a complete listing of both pages', async () => {
    const { d, timeline } = await scannedTwoPages();
    const gone = timeline[2]!.id;
    const remaining = timeline.filter((s) => s.id !== gone);
    await server.close();
    server = await startReplayServer();
    await d.council.putAccount({ ...d.account, baseUrl: server.baseUrl });
    serveTimeline(server, () => remaining);
    d.setNow('2026-02-11T09:45:00Z');

    expect(await d.reconcile()).toEqual([]);

    expect((await d.council.getPost('mastodon', d.account.handle, gone))?.deletedNoticedAt).toBe('2026-02-11T09:45:00.000Z');
    expect(await d.council.listOpenFindings()).toEqual([]);
  });
});
