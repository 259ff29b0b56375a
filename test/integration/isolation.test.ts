import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler as createDispatch } from '../../functions/scan-dispatch/create-handler';
import { createHandler as createScan } from '../../functions/scan-account/create-handler';
import { createHandler as createDigest } from '../../functions/weekly-digest/create-handler';
import { oneConnectorForAll } from '../../shared/connectors/registry';
import type { Account } from '../../shared/domain/account';
import type { Council } from '../../shared/domain/council';
import type { StoredFinding } from '../../shared/domain/records';
import type { EmailMessage, Mailer } from '../../shared/email/mailer';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import type { ScanRequest } from '../../shared/queue/scan-queue';
import { storeCouncilReport } from '../../shared/report/monthly-report';
import type { ReportStorage } from '../../shared/report/report-storage';
import { DynamoDbAuditStore, type DynamoDbCouncilStore } from '../../shared/store/dynamodb-store';
import { COUNCIL_INPUT, testConfig } from '../support/fixtures';
import { BLUESKY, byKey, FixedConnector, MASTODON, postsOf } from '../support/scan-fixtures';
import { sqsEvent } from '../support/sqs-event';

/*
 * Two councils in one table, on dynalite, through the real handlers: both register the same Mastodon
 * handle (so the same posts, and findings with the same deterministic ids, reach both), their names
 * share "Harbourne" and "Council", and their accounts are scanned in the same batch, at the same time.
 * Nothing one council stores may be seen through, or changed by, the other.
 */

const TOWN: Council = { id: 'harbourne-tc', name: 'Harbourne Town Council', digestTo: ['clerk@harbourne-tc.example'], registeredAt: '2026-11-01T09:00:00Z' };
const PARISH: Council = { id: 'harbourne-pc', name: 'Harbourne Parish Council', digestTo: ['clerk@harbourne-parish.example'], registeredAt: '2026-11-01T09:00:00Z' };

/** The town approved its Mastodon account and has a Bluesky one; the parish registered the same Mastodon handle, unapproved. */
const TOWN_ACCOUNTS: Account[] = [MASTODON, BLUESKY];
const PARISH_ACCOUNTS: Account[] = [{ platform: 'mastodon', handle: MASTODON.handle, displayName: 'Harbourne Parish Council', status: 'active', registeredAt: '2026-11-01T09:00:00Z' }];
/** The parish publishes the number the shared account posts, so for the parish it is no personal data. */
const PARISH_CONFIG = testConfig({
  council: { name: 'Harbourne Parish Council', aliases: ['Harbourne PC'] },
  publishedContacts: [...COUNCIL_INPUT.publishedContacts, '07700 900731'],
});

const SCANNED = () => new Date('2026-11-19T10:00:00Z'); // 2026-W47
const MONDAY = () => new Date('2026-11-23T08:00:00Z'); // the digest for 2026-W47
const context = { functionName: 'isolation', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;

class RecordingMailer implements Mailer {
  readonly sent: EmailMessage[] = [];
  async send(message: EmailMessage): Promise<{ messageId: string }> {
    this.sent.push(message);
    return { messageId: `message-${this.sent.length}` };
  }
}

class RecordingStorage implements ReportStorage {
  readonly keys: string[] = [];
  async put(key: string): Promise<void> {
    this.keys.push(key);
  }
  async linkTo(key: string): Promise<string> {
    return `https://reports.example/${key}`;
  }
}


describe('two councils in one table', () => {
  let dynamo: LocalDynamoDb;
  let documents: DynamoDBDocumentClient;
  let store: DynamoDbAuditStore;
  let town: DynamoDbCouncilStore;
  let parish: DynamoDbCouncilStore;
  const mailer = new RecordingMailer();
  const reports = new RecordingStorage();
  const dispatched: ScanRequest[] = [];

  /** Every item of a council's partitions, as the table holds them. */
  const itemsOf = async (councilId: string) => {
    const { Items = [] } = await documents.send(
      new ScanCommand({ TableName: 'isolation', FilterExpression: 'pk = :council OR begins_with(pk, :under)', ExpressionAttributeValues: { ':council': `C#${councilId}`, ':under': `C#${councilId}#` } }),
    );
    return Items.sort((a, b) => `${a.pk} ${a.sk}`.localeCompare(`${b.pk} ${b.sk}`));
  };
  const ids = (findings: readonly StoredFinding[]) => findings.map((f) => f.id).sort();

  beforeAll(async () => {
    // Prepare: both councils registered, configured, with their accounts.
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'isolation');
    documents = DynamoDBDocumentClient.from(dynamo.client);
    let clock = SCANNED;
    store = new DynamoDbAuditStore({ client: documents, tableName: 'isolation', clock: () => clock() });
    town = store.forCouncil(TOWN.id);
    parish = store.forCouncil(PARISH.id);
    await store.putCouncil(TOWN);
    await store.putCouncil(PARISH);
    await town.putCouncilConfig(testConfig());
    await parish.putCouncilConfig(PARISH_CONFIG);
    for (const account of TOWN_ACCOUNTS) await town.putAccount(account);
    for (const account of PARISH_ACCOUNTS) await parish.putAccount(account);

    // Act: one dispatch, one batch scanning both councils' accounts at once, then each digest and report.
    await createDispatch({ store, queue: { send: async (requests) => void dispatched.push(...requests) } })({}, context);
    const connector = new FixedConnector(byKey([[MASTODON, postsOf(MASTODON, 'm')], [BLUESKY, postsOf(BLUESKY, 'b')]]));
    const scanned = await createScan({ store, connectors: oneConnectorForAll(connector), retentionDays: 30, clock: SCANNED })(sqsEvent(dispatched), context);
    expect(scanned.batchItemFailures).toEqual([]);
    clock = MONDAY;
    await createDigest({ store, mailer, from: 'council-audit@audit.example', reports, clock: MONDAY })({}, context);
    for (const council of [town, parish]) {
      await storeCouncilReport({ store: council, storage: reports, month: '2026-11', now: MONDAY(), renderPdf: async () => new Uint8Array([37, 80, 68, 70]) });
    }
  }, 60_000);
  afterAll(() => dynamo.stop());

  it('are both scanned in the one run, each request naming its council', () => {
    expect(dispatched.map((r) => `${r.councilId} ${'platform' in r ? r.platform : r.kind}`).sort()).toEqual(['harbourne-pc mastodon', 'harbourne-tc bluesky', 'harbourne-tc mastodon']);
  });

  it('keep their registrations and configurations apart', async () => {
    expect((await store.listCouncils()).map((c) => [c.id, c.digestTo])).toEqual([
      ['harbourne-pc', ['clerk@harbourne-parish.example']],
      ['harbourne-tc', ['clerk@harbourne-tc.example']],
    ]);
    expect((await town.getCouncilConfig())?.council.name).toBe('Harbourne Town Council');
    expect((await parish.getCouncilConfig())?.council.name).toBe('Harbourne Parish Council');
  });

  it('each hold their own registration of the same handle, with their own approval and cursor', async () => {
    expect((await town.listAccounts()).map((a) => [a.platform, a.handle, a.approvedBy ?? null])).toEqual([
      ['bluesky', BLUESKY.handle, 'Town Clerk'],
      ['mastodon', MASTODON.handle, 'Town Clerk'],
    ]);
    expect((await parish.listAccounts()).map((a) => [a.platform, a.handle, a.approvedBy ?? null])).toEqual([['mastodon', MASTODON.handle, null]]);
    expect(await parish.getAccount('bluesky', BLUESKY.handle)).toBeUndefined();
    expect(await town.getCursor('mastodon', MASTODON.handle)).toBe('2');
    expect(await parish.getCursor('mastodon', MASTODON.handle)).toBe('2');
    expect(await parish.getCursor('bluesky', BLUESKY.handle)).toBeUndefined();
  });

  it("each store the shared account's posts, and only the council that registered an account holds its posts", async () => {
    for (const council of [town, parish]) expect((await council.getPost('mastodon', MASTODON.handle, 'm-2'))?.post.text).toContain('07700 900731');
    expect(await town.getPost('bluesky', BLUESKY.handle, 'b-1')).toBeDefined();
    expect(await parish.getPost('bluesky', BLUESKY.handle, 'b-1')).toBeUndefined();
  });

  it('each record their own scan runs, every post new to each', async () => {
    const townRuns = await town.listScanRuns('2026-W47');
    const parishRuns = await parish.listScanRuns('2026-W47');
    expect(townRuns.map((r) => [r.platform, r.postsNew]).sort()).toEqual([['bluesky', 3], ['mastodon', 3]]);
    expect(parishRuns.map((r) => [r.platform, r.postsNew])).toEqual([['mastodon', 3]]);
  });

  it('each judge by their own configuration, and list only their own findings, even under the same finding id', async () => {
    const townFindings = await town.listFindingsDetectedIn('2026-W47');
    const parishFindings = await parish.listFindingsDetectedIn('2026-W47');

    // The town: the phone numbers and the shortened links of both its accounts; no unapproved account.
    expect(townFindings.map((f) => `${f.rule} ${f.postId}`).sort()).toEqual(['personal-data b-2', 'personal-data m-2', 'risky-link b-3', 'risky-link m-3']);
    // The parish: the shortened link, and the shared account it has not approved; the number is its published contact.
    expect(parishFindings.map((f) => f.rule).sort()).toEqual(['risky-link', 'unapproved-account']);
    const shared = ids(townFindings).filter((id) => ids(parishFindings).includes(id));
    expect(shared).toHaveLength(1);
    for (const finding of townFindings.filter((f) => !shared.includes(f.id))) expect(await parish.getFinding(finding.id)).toBeUndefined();
    for (const finding of parishFindings.filter((f) => !shared.includes(f.id))) expect(await town.getFinding(finding.id)).toBeUndefined();
    expect(ids(await town.listOpenFindings())).toEqual(ids(townFindings));
    expect(ids(await parish.listOpenFindings())).toEqual(ids(parishFindings));
  });

  it("send each council's digest to its own recipients, with its own findings and name only", () => {
    expect(mailer.sent.map((m) => m.to)).toEqual([['clerk@harbourne-parish.example'], ['clerk@harbourne-tc.example']]);
    const [toParish, toTown] = mailer.sent;
    expect(toTown!.subject).toContain('Harbourne Town Council');
    expect(toTown!.text).toContain('4 new findings');
    expect(toTown!.text).not.toContain('Harbourne Parish Council');
    expect(toParish!.subject).toContain('Harbourne Parish Council');
    expect(toParish!.text).toContain('2 new findings');
    expect(toParish!.text).not.toContain('Personal data');
    expect(toParish!.text).not.toContain(BLUESKY.handle);
  });

  it('claim each digest and record each report for their own council only', async () => {
    expect(await town.getDigest('2026-W47')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await parish.getDigest('2026-W47')).toMatchObject({ status: 'sent', attempts: 1 });
    // The town's digest for another week, claimed: the parish's week is still unclaimed.
    expect(await town.claimDigest('2026-W48', MONDAY().toISOString())).toBe(true);
    expect(await parish.getDigest('2026-W48')).toBeUndefined();
    expect(await parish.claimDigest('2026-W48', MONDAY().toISOString())).toBe(true);

    expect((await town.latestReport())?.key).toBe('reports/harbourne-tc/2026-11/council-audit-report-2026-11.pdf');
    expect((await parish.latestReport())?.key).toBe('reports/harbourne-pc/2026-11/council-audit-report-2026-11.pdf');
    expect(new Set(reports.keys).size).toBe(4);
  });

  it("leave one council's records untouched when the other changes a finding's status, even one with the same id", async () => {
    // Prepare
    const parishIds = ids(await parish.listFindingsDetectedIn('2026-W47'));
    const [sharedId] = ids(await town.listFindingsDetectedIn('2026-W47')).filter((id) => parishIds.includes(id));
    const parishBefore = await itemsOf(PARISH.id);

    // Act
    await town.setFindingStatus(sharedId!, 'dismissed', 'Town Clerk', 'a link we chose to shorten');

    // Assess
    expect((await town.getFinding(sharedId!))?.status).toBe('dismissed');
    expect((await town.listFindingEvents(sharedId!)).map((e) => [e.status, e.by])).toEqual([['dismissed', 'Town Clerk']]);
    expect((await parish.getFinding(sharedId!))?.status).toBe('open');
    expect(await parish.listFindingEvents(sharedId!)).toEqual([]);
    expect(ids(await parish.listOpenFindings())).toContain(sharedId);
    expect(ids(await town.listOpenFindings())).not.toContain(sharedId);
    expect(await itemsOf(PARISH.id)).toEqual(parishBefore);
  });

  it("keep every item and index entry under its own council's keys", async () => {
    const { Items = [] } = await documents.send(new ScanCommand({ TableName: 'isolation' }));
    const [townItems, parishItems] = [await itemsOf(TOWN.id), await itemsOf(PARISH.id)];
    expect(townItems.length + parishItems.length).toBe(Items.length);
    for (const [councilId, items] of [[TOWN.id, townItems], [PARISH.id, parishItems]] as const) {
      for (const item of items) {
        for (const index of ['gsi1pk', 'gsi2pk'] as const) {
          const partition = item[index] as string | undefined;
          // Every index entry is the council's own, but for the registry's sharded list of councils.
          if (partition !== undefined && !partition.startsWith('COUNCILS#')) expect(partition.startsWith(`C#${councilId}#`), partition).toBe(true);
        }
      }
    }
  });
});
