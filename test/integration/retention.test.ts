import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler as createDispatch } from '../../functions/scan-dispatch/create-handler';
import { createHandler as createScan } from '../../functions/scan-account/create-handler';
import { createHandler as createDigest } from '../../functions/weekly-digest/create-handler';
import type { Connector } from '../../shared/connectors/connector';
import { oneConnectorForAll } from '../../shared/connectors/registry';
import type { Council } from '../../shared/domain/council';
import { parseCouncilConfig } from '../../shared/domain/config';
import { ConfigValidationError } from '../../shared/domain/errors';
import { retentionOf } from '../../shared/domain/retention';
import type { EmailMessage, Mailer } from '../../shared/email/mailer';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import type { ScanRequest } from '../../shared/queue/scan-queue';
import { storeCouncilReport } from '../../shared/report/monthly-report';
import type { ReportStorage } from '../../shared/report/report-storage';
import { DynamoDbAuditStore } from '../../shared/store/dynamodb-store';
import { COUNCIL_INPUT, testConfig } from '../support/fixtures';
import { byKey, FixedConnector, MASTODON, postsOf } from '../support/scan-fixtures';
import { sqsEvent } from '../support/sqs-event';

/*
 * Retention, on dynalite through the real handlers: every record a council writes carries the TTL
 * attribute its own retention settings give, and a council that sets none gets the defaults.
 */

const TOWN: Council = { id: 'harbourne-tc', name: 'Harbourne Town Council', digestTo: ['clerk@harbourne-tc.example'], registeredAt: '2026-11-01T09:00:00Z' };
const PARISH: Council = { id: 'harbourne-pc', name: 'Harbourne Parish Council', digestTo: ['clerk@harbourne-parish.example'], registeredAt: '2026-11-01T09:00:00Z' };

const SCANNED = new Date('2026-11-19T10:00:00Z');
const MONDAY = new Date('2026-11-23T08:00:00Z');
const DAY = 86_400;
const epoch = (at: Date) => at.getTime() / 1000;
const context = { functionName: 'retention', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;

/** Items that are the council's standing registration, not a record of what was captured or found. */
const KEPT = /^(COUNCIL|CONFIG(#v\d+)?|ACCOUNT|CURSOR|CHAIN|RULES)$/;

const mailer: Mailer = { send: async (_message: EmailMessage) => ({ messageId: 'message-1' }) };
const reports: ReportStorage = { put: async () => undefined, linkTo: async (key: string) => `https://reports.example/${key}` };


describe('retention', () => {
  let dynamo: LocalDynamoDb;
  let documents: DynamoDBDocumentClient;

  const itemsOf = async (councilId: string) => {
    const { Items = [] } = await documents.send(
      new ScanCommand({ TableName: 'retention', FilterExpression: 'pk = :council OR begins_with(pk, :under)', ExpressionAttributeValues: { ':council': `C#${councilId}`, ':under': `C#${councilId}#` } }),
    );
    return Items;
  };
  /** Each kind of record (the sort key up to its first `#`) with the distinct TTLs its items carry. */
  const ttlsByKind = async (councilId: string) => {
    const kinds = new Map<string, Set<number | undefined>>();
    for (const item of await itemsOf(councilId)) {
      if (KEPT.test(String(item.sk))) continue;
      const kind = String(item.sk).split('#')[0]!;
      kinds.set(kind, (kinds.get(kind) ?? new Set()).add(item.expiresAt as number | undefined));
    }
    return Object.fromEntries([...kinds].map(([kind, ttls]) => [kind, [...ttls]]));
  };

  beforeAll(async () => {
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'retention');
    documents = DynamoDBDocumentClient.from(dynamo.client);
    let now = SCANNED;
    const store = new DynamoDbAuditStore({ client: documents, tableName: 'retention', clock: () => now });
    for (const council of [TOWN, PARISH]) await store.putCouncil(council);
    // The town keeps copies of posts 30 days and its findings a year; the parish sets nothing.
    await store.forCouncil(TOWN.id).putCouncilConfig(testConfig({ retention: { postsDays: 30, findingsDays: 365 } }));
    await store.forCouncil(PARISH.id).putCouncilConfig(testConfig());
    for (const council of [TOWN, PARISH]) await store.forCouncil(council.id).putAccount(MASTODON);

    const dispatched: ScanRequest[] = [];
    await createDispatch({ store, queue: { send: async (requests) => void dispatched.push(...requests) } })({}, context);
    const connector = new FixedConnector(byKey([[MASTODON, postsOf(MASTODON, 'm')]]));
    // The deployment's RETENTION_DAYS (120 here) is only the default for a council that sets none.
    const scanned = await createScan({ store, connectors: oneConnectorForAll(connector), retentionDays: 120, clock: () => SCANNED })(sqsEvent(dispatched), context);
    expect(scanned.batchItemFailures).toEqual([]);
    // The daily reconciliation, the same hour: the post with the phone number was deleted on the
    // platform (its finding resolves itself, its copy is marked), and the councils' rules versions are recorded.
    const reconciling: ScanRequest[] = [];
    await createDispatch({ store, queue: { send: async (requests) => void reconciling.push(...requests) }, clock: () => SCANNED })({ task: 'reconcile', everyCouncil: true }, context);
    const [kept, deleted, alsoKept] = postsOf(MASTODON, 'm');
    const listing: Connector = { fetchNewPosts: async () => ({ posts: [kept!, alsoKept!], cursor: undefined, complete: true }) };
    const reconciled = await createScan({ store, connectors: oneConnectorForAll(listing), retentionDays: 120, clock: () => SCANNED })(sqsEvent(reconciling), context);
    expect(reconciled.batchItemFailures).toEqual([]);
    expect((await store.forCouncil(TOWN.id).getPost('mastodon', MASTODON.handle, deleted!.id))?.deletedNoticedAt).toBe(SCANNED.toISOString());
    now = MONDAY;
    for (const council of [TOWN, PARISH]) {
      const view = store.forCouncil(council.id);
      const [finding] = await view.listOpenFindings();
      await view.setFindingStatus(finding!.id, 'acknowledged', 'Town Clerk', 'seen');
      await storeCouncilReport({ store: view, storage: reports, month: '2026-11', now: MONDAY, renderPdf: async () => new Uint8Array([37, 80, 68, 70]) });
    }
    await createDigest({ store, mailer, from: 'council-audit@audit.example', reports, clock: () => MONDAY })({}, context);
  }, 60_000);
  afterAll(() => dynamo.stop());

  it("gives every record type of a council the TTL of that council's own settings", async () => {
    const findings = epoch(SCANNED) + 365 * DAY;
    expect(await ttlsByKind(TOWN.id)).toEqual({
      POST: [epoch(SCANNED) + 30 * DAY],
      // the hash chain outlives the copies it vouches for, as long as the findings
      LINK: [findings],
      FINDING: [findings],
      EVENT: [findings],
      RUN: [findings],
      DIGEST: [epoch(MONDAY) + 365 * DAY],
      REPORT: [epoch(MONDAY) + 365 * DAY],
    });
  });

  it("gives a council that sets nothing the deployment's post retention and six years for everything else", async () => {
    const sixYears = 2192 * DAY;
    const ttls = await ttlsByKind(PARISH.id);
    expect(ttls.POST).toEqual([epoch(SCANNED) + 120 * DAY]);
    for (const kind of ['LINK', 'FINDING', 'EVENT', 'RUN']) expect(ttls[kind], kind).toEqual([epoch(SCANNED) + sixYears]);
    for (const kind of ['DIGEST', 'REPORT']) expect(ttls[kind], kind).toEqual([epoch(MONDAY) + sixYears]);
  });

  it('refuses a retention setting that is not a whole number of days, by name', () => {
    const refused = () => parseCouncilConfig({ ...COUNCIL_INPUT, retention: { postsDays: 0.5 } });
    expect(refused).toThrow(ConfigValidationError);
    expect(refused).toThrow(/retention\.postsDays/);
    expect(() => parseCouncilConfig({ ...COUNCIL_INPUT, retention: { posts: 30 } })).toThrow(/posts/);
    expect(() => parseCouncilConfig({ ...COUNCIL_INPUT, retention: { deletedPostsGraceDays: -1 } })).toThrow(/retention\.deletedPostsGraceDays/);
  });

  it("keeps a deleted post's copy 7 days after its deletion was noticed, unless the council sets another grace", () => {
    expect(retentionOf(testConfig()).deletedGraceDays).toBe(7);
    expect(retentionOf(testConfig({ retention: { deletedPostsGraceDays: 0 } })).deletedGraceDays).toBe(0);
    expect(retentionOf(testConfig({ retention: { deletedPostsGraceDays: 30 } })).deletedGraceDays).toBe(30);
  });
});
