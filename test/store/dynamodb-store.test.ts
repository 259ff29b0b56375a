import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AccountValidationError } from '../../shared/domain/account';
import { AccountNotFoundError } from '../../shared/domain/errors';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { DynamoDbAuditStore, FindingNotFoundError, StoredItemValidationError } from '../../shared/store/dynamodb-store';
import { chainHashOf, GENESIS_HASH } from '../../shared/evidence/chain';
import { councilKeys } from '../../shared/store/keys';
import { testConfig } from '../support/fixtures';
import { makeAccount, makeFinding, makeScanRun, MASTODON_HANDLE, storedPost } from './store-fixtures';

/** The council the records of these tests belong to. */
const HARBOURNE = 'harbourne-tc';

let dynamo: LocalDynamoDb;
let tables = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.stop();
});

/** A store on a table of its own, with a clock that ticks one minute per reading. */
async function freshStore() {
  tables += 1;
  const tableName = `audit-store-${process.pid}-${tables}`;
  await ensureTable(dynamo.client, tableName);
  const documents = DynamoDBDocumentClient.from(dynamo.client);
  let minute = 0;
  const clock = () => new Date(Date.UTC(2026, 1, 9, 9, minute++));
  const root = new DynamoDbAuditStore({ client: documents, tableName, clock });
  return { root, store: root.forCouncil(HARBOURNE), documents, tableName };
}

describe('the local table', () => {
  it('is created once however often ensureTable is called', async () => {
    // Prepare
    const tableName = `audit-ensure-${process.pid}`;

    // Act
    await ensureTable(dynamo.client, tableName);
    await ensureTable(dynamo.client, tableName);

    // Assess
    const { TableNames } = await dynamo.client.send(new ListTablesCommand({}));
    expect(TableNames?.filter((name) => name === tableName)).toHaveLength(1);
    const { Table } = await dynamo.client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.Projection?.ProjectionType])).toEqual([
      ['gsi1', 'ALL'],
      ['gsi2', 'ALL'],
    ]);
  });

  it('keeps its data on disk between runs when given a path', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'council-audit-dynalite-'));
    const first = await startDynalite({ path: dataDir });
    await ensureTable(first.client, 'audit-persisted');
    await new DynamoDbAuditStore({ client: DynamoDBDocumentClient.from(first.client), tableName: 'audit-persisted' }).forCouncil(HARBOURNE).setCursor('mastodon', MASTODON_HANDLE, '112');
    await first.stop();

    // Act
    const second = await startDynalite({ path: dataDir });
    try {
      await ensureTable(second.client, 'audit-persisted');
      const cursor = await new DynamoDbAuditStore({ client: DynamoDBDocumentClient.from(second.client), tableName: 'audit-persisted' }).forCouncil(HARBOURNE).getCursor('mastodon', MASTODON_HANDLE);

      // Assess
      expect(cursor).toBe('112');
    } finally {
      await second.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('council configuration', () => {
  it('is read back as it was stored', async () => {
    // Prepare
    const { store } = await freshStore();
    const config = testConfig();

    // Act
    await store.putCouncilConfig(config);

    // Assess
    expect(await store.getCouncilConfig()).toEqual(config);
  });

  it('is undefined before one is stored', async () => {
    const { store } = await freshStore();
    expect(await store.getCouncilConfig()).toBeUndefined();
  });

  it('names the key and the field when the stored configuration is corrupt', async () => {
    // Prepare
    const { store, documents, tableName } = await freshStore();
    await documents.send(new PutCommand({ TableName: tableName, Item: { ...councilKeys(HARBOURNE).config(), config: { council: { name: 'Harbourne Town Council' }, timezone: 'Mars/Olympus' } } }));

    // Act
    const reading = store.getCouncilConfig();

    // Assess
    await expect(reading).rejects.toBeInstanceOf(StoredItemValidationError);
    await expect(reading).rejects.toThrow(/pk=C#harbourne-tc sk=CONFIG.*config\.timezone = "Mars\/Olympus"/s);
  });
});

describe('accounts', () => {
  it('are found however their handle is written', async () => {
    // Prepare
    const { store } = await freshStore();

    // Act
    await store.putAccount(makeAccount({ handle: '@HarbourneTC@mastodon.social' }));

    // Assess
    expect(await store.getAccount('mastodon', 'harbournetc@mastodon.social')).toMatchObject({ platform: 'mastodon', handle: '@HarbourneTC@mastodon.social', status: 'active' });
    expect(await store.getAccount('bluesky', 'harbournetc@mastodon.social')).toBeUndefined();
  });

  it("keep the Town Clerk's approval when registered again without one", async () => {
    // Prepare
    const { store } = await freshStore();
    await store.putAccount(makeAccount({ approvedBy: 'Town Clerk', approvedOn: '2025-04-01' }));

    // Act
    await store.putAccount(makeAccount({ displayName: 'Harbourne TC', status: 'paused', registeredAt: '2026-02-01T09:00:00Z' }));

    // Assess
    expect(await store.getAccount('mastodon', MASTODON_HANDLE)).toEqual(
      makeAccount({ displayName: 'Harbourne TC', status: 'paused', approvedBy: 'Town Clerk', approvedOn: '2025-04-01', registeredAt: '2026-01-05T09:00:00Z' }),
    );
  });

  it('take the approval a new registration carries', async () => {
    // Prepare
    const { store } = await freshStore();
    await store.putAccount(makeAccount({ approvedBy: 'Town Clerk', approvedOn: '2025-04-01' }));

    // Act
    await store.putAccount(makeAccount({ approvedBy: 'Deputy Clerk', approvedOn: '2026-02-02' }));

    // Assess
    expect(await store.getAccount('mastodon', MASTODON_HANDLE)).toMatchObject({ approvedBy: 'Deputy Clerk', approvedOn: '2026-02-02' });
  });

  it('record who approved them and when', async () => {
    // Prepare
    const { store } = await freshStore();
    await store.putAccount(makeAccount());

    // Act
    const approved = await store.approveAccount('mastodon', MASTODON_HANDLE, 'Town Clerk', '2026-02-09');

    // Assess
    expect(approved).toEqual(makeAccount({ approvedBy: 'Town Clerk', approvedOn: '2026-02-09' }));
    expect(await store.getAccount('mastodon', MASTODON_HANDLE)).toEqual(approved);
  });

  it('refuse an approval dated in another format, before writing it', async () => {
    // Prepare
    const { store } = await freshStore();
    await store.putAccount(makeAccount());

    // Act
    const approving = store.approveAccount('mastodon', MASTODON_HANDLE, 'Town Clerk', '09/02/2026');

    // Assess
    await expect(approving).rejects.toBeInstanceOf(AccountValidationError);
    await expect(approving).rejects.toThrow('approvedOn = "09/02/2026": expected a date as YYYY-MM-DD');
    expect(await store.getAccount('mastodon', MASTODON_HANDLE)).toEqual(makeAccount());
  });

  it('cannot be approved before they are registered, and the error names the account', async () => {
    // Prepare
    const { store } = await freshStore();

    // Act
    const approving = store.approveAccount('bluesky', '@harbournetc.bsky.social', 'Town Clerk', '2026-02-09');

    // Assess
    await expect(approving).rejects.toBeInstanceOf(AccountNotFoundError);
    await expect(approving).rejects.toThrow(/bluesky.*@harbournetc\.bsky\.social/);
    expect(await store.getAccount('bluesky', '@harbournetc.bsky.social')).toBeUndefined();
  });

  it('are paused and resumed, keeping their approval', async () => {
    // Prepare
    const { store } = await freshStore();
    await store.putAccount(makeAccount({ approvedBy: 'Town Clerk', approvedOn: '2025-04-01' }));

    // Act
    const paused = await store.setAccountStatus('mastodon', '@HarbourneTC@mastodon.social', 'paused');
    const stored = await store.getAccount('mastodon', MASTODON_HANDLE);
    const resumed = await store.setAccountStatus('mastodon', MASTODON_HANDLE, 'active');

    // Assess
    expect(paused).toEqual(makeAccount({ approvedBy: 'Town Clerk', approvedOn: '2025-04-01', status: 'paused' }));
    expect(stored).toEqual(paused);
    expect(resumed.status).toBe('active');
  });

  it('cannot be paused before they are registered, and the error names the account', async () => {
    // Prepare
    const { store } = await freshStore();

    // Act
    const pausing = store.setAccountStatus('bluesky', '@harbournetc.bsky.social', 'paused');

    // Assess
    await expect(pausing).rejects.toBeInstanceOf(AccountNotFoundError);
    await expect(pausing).rejects.toThrow(/bluesky.*@harbournetc\.bsky\.social/);
    expect(await store.getAccount('bluesky', '@harbournetc.bsky.social')).toBeUndefined();
  });

  it('are removed from the registry, keeping their posts, findings and cursor as evidence', async () => {
    // Prepare
    const { store } = await freshStore();
    await store.putAccount(makeAccount());
    await store.setCursor('mastodon', MASTODON_HANDLE, '900');
    await store.putPost('mastodon', MASTODON_HANDLE, storedPost());
    await store.putFinding(makeFinding());

    // Act
    const removed = await store.removeAccount('mastodon', '@HarbourneTC@mastodon.social');
    const again = await store.removeAccount('mastodon', MASTODON_HANDLE);

    // Assess
    expect(removed).toEqual(makeAccount());
    expect(again).toBeUndefined();
    expect(await store.getAccount('mastodon', MASTODON_HANDLE)).toBeUndefined();
    expect(await store.listAccounts()).toEqual([]);
    expect(await store.getPost('mastodon', MASTODON_HANDLE, '111')).toBeDefined();
    expect(await store.getFinding(makeFinding().id)).toBeDefined();
    expect(await store.getCursor('mastodon', MASTODON_HANDLE)).toBe('900');
  });

  it('are all listed, and nothing else is', async () => {
    // Prepare
    const { store } = await freshStore();
    const handles = Array.from({ length: 40 }, (_, n) => `@harbourne-ward-${String(n).padStart(2, '0')}@mastodon.social`);
    for (const handle of handles) await store.putAccount(makeAccount({ handle }));
    await store.setCursor('mastodon', handles[0]!, '900');
    await store.putPost('mastodon', handles[0]!, storedPost());

    // Act
    const accounts = await store.listAccounts();

    // Assess
    expect(accounts.map((account) => account.handle)).toEqual(handles);
  });
});

describe('cursors', () => {
  it('remember where the last scan of an account stopped', async () => {
    // Prepare
    const { store } = await freshStore();
    const before = await store.getCursor('mastodon', MASTODON_HANDLE);

    // Act
    await store.setCursor('mastodon', MASTODON_HANDLE, '110');
    await store.setCursor('mastodon', MASTODON_HANDLE, '111');

    // Assess
    expect(before).toBeUndefined();
    expect(await store.getCursor('mastodon', MASTODON_HANDLE)).toBe('111');
  });
});

describe('posts', () => {
  it('are created the first time they are captured, with their retention time', async () => {
    // Prepare
    const { store } = await freshStore();
    const post = storedPost();

    // Act
    const outcome = await store.putPost('mastodon', MASTODON_HANDLE, post);

    // Assess
    expect(outcome).toBe('created');
    // the first link of the account's hash chain
    expect(await store.getPost('mastodon', MASTODON_HANDLE, '111')).toEqual({ ...post, seq: 1, previousHash: GENESIS_HASH, chainHash: chainHashOf(GENESIS_HASH, post.contentHash) });
  });

  it('are unchanged when the same content is captured again', async () => {
    // Prepare
    const { store } = await freshStore();
    const first = storedPost();
    await store.putPost('mastodon', MASTODON_HANDLE, first);

    // Act
    const outcome = await store.putPost('mastodon', MASTODON_HANDLE, storedPost({}, '2026-02-04T11:00:00Z'));

    // Assess
    expect(outcome).toBe('unchanged');
    expect(await store.getPost('mastodon', MASTODON_HANDLE, '111')).toEqual({ ...first, seq: 1, previousHash: GENESIS_HASH, chainHash: chainHashOf(GENESIS_HASH, first.contentHash) });
    expect(await store.listChain('mastodon', MASTODON_HANDLE)).toHaveLength(1);
  });

  it('are updated to the newer content when an edit is captured', async () => {
    // Prepare
    const { store } = await freshStore();
    await store.putPost('mastodon', MASTODON_HANDLE, storedPost());
    const edited = storedPost({ text: 'The allotment open day moves to Sunday.' }, '2026-02-04T11:00:00+01:00');

    // Act
    const outcome = await store.putPost('mastodon', MASTODON_HANDLE, edited);

    // Assess
    expect(outcome).toBe('updated');
    // the edit is the second link, after the first version's
    const firstLink = chainHashOf(GENESIS_HASH, storedPost().contentHash);
    expect(await store.getPost('mastodon', MASTODON_HANDLE, '111')).toEqual({ ...edited, seq: 2, previousHash: firstLink, chainHash: chainHashOf(firstLink, edited.contentHash) });
  });

  it('keep the newer content when an older capture arrives late', async () => {
    // Prepare
    const { store } = await freshStore();
    const edited = storedPost({ text: 'The allotment open day moves to Sunday.' }, '2026-02-04T11:00:00Z');
    await store.putPost('mastodon', MASTODON_HANDLE, edited);

    // Act
    const outcome = await store.putPost('mastodon', MASTODON_HANDLE, storedPost({}, '2026-02-03T11:00:00Z'));

    // Assess
    expect(outcome).toBe('unchanged');
    expect(await store.getPost('mastodon', MASTODON_HANDLE, '111')).toEqual({ ...edited, seq: 1, previousHash: GENESIS_HASH, chainHash: chainHashOf(GENESIS_HASH, edited.contentHash) });
  });

  it('keep empty text and drop absent optional fields', async () => {
    // Prepare
    const { store } = await freshStore();
    const post = storedPost({ text: '', url: undefined, media: [{ type: 'image', altText: undefined }] });

    // Act
    await store.putPost('mastodon', MASTODON_HANDLE, post);

    // Assess
    const stored = await store.getPost('mastodon', MASTODON_HANDLE, '111');
    expect(stored?.post.text).toBe('');
    expect(stored?.post.media).toEqual([{ type: 'image' }]);
    expect(stored?.post).not.toHaveProperty('url');
  });
});

describe('findings', () => {
  it('are stored with every field and read back', async () => {
    // Prepare
    const { store } = await freshStore();
    const finding = makeFinding();

    // Act
    const stored = await store.putFinding(finding);

    // Assess
    expect(stored).toBe(true);
    expect(await store.getFinding(finding.id)).toEqual(finding);
  });

  it('are never overwritten when raised again, whatever their status has become', async () => {
    // Prepare
    const { store } = await freshStore();
    await store.putFinding(makeFinding());
    await store.setFindingStatus('f-personal-data-111-0', 'dismissed', 'Town Clerk', 'the number is the allotment secretary’s published one');

    // Act
    const storedAgain = await store.putFinding(makeFinding({ detectedAt: '2026-02-10T11:00:00Z', detectedWeek: '2026-W07' }));

    // Assess
    expect(storedAgain).toBe(false);
    // The store's clock, one minute a call: the dismissal was its first.
    expect(await store.getFinding('f-personal-data-111-0')).toEqual(makeFinding({ status: 'dismissed', statusChangedAt: '2026-02-09T09:00:00.000Z' }));
    expect(await store.listFindingsDetectedIn('2026-W07')).toEqual([]);
  });

  it('detected in a week are all listed, past the 1 MB page of a query', async () => {
    // Prepare
    const { store, documents } = await freshStore();
    const evidence = 'call Sam on 07700 900*** '.repeat(160); // about 4 KB: 300 of them fill more than one page
    const ids = Array.from({ length: 300 }, (_, n) => `f-${String(n).padStart(3, '0')}`);
    for (const id of ids) await store.putFinding(makeFinding({ id, evidence }));
    await store.putFinding(makeFinding({ id: 'f-next-week', detectedWeek: '2026-W07' }));
    const send = vi.spyOn(documents, 'send');

    // Act
    const findings = await store.listFindingsDetectedIn('2026-W06');

    // Assess
    expect(findings.map((finding) => finding.id).sort()).toEqual(ids);
    expect(send.mock.calls.filter(([command]) => command instanceof QueryCommand).length).toBeGreaterThan(1);
  });

  it('still open or acknowledged are listed, whenever they were detected', async () => {
    // Prepare
    const { store } = await freshStore();
    await store.putFinding(makeFinding({ id: 'f-open', detectedWeek: '2026-W01' }));
    await store.putFinding(makeFinding({ id: 'f-acknowledged', detectedWeek: '2026-W03' }));
    await store.putFinding(makeFinding({ id: 'f-resolved' }));
    await store.putFinding(makeFinding({ id: 'f-dismissed' }));
    await store.putFinding(makeFinding({ id: 'f-stored-resolved', status: 'resolved' }));

    // Act
    await store.setFindingStatus('f-acknowledged', 'acknowledged', 'Town Clerk');
    await store.setFindingStatus('f-resolved', 'resolved', 'Town Clerk', 'post edited');
    await store.setFindingStatus('f-dismissed', 'dismissed', 'Town Clerk', 'false alarm');

    // Assess
    const open = await store.listOpenFindings();
    expect(open.map((finding) => [finding.id, finding.status])).toEqual([
      ['f-open', 'open'],
      ['f-acknowledged', 'acknowledged'],
    ]);
  });

  it('come back to the open list when reopened', async () => {
    // Prepare
    const { store } = await freshStore();
    await store.putFinding(makeFinding());
    await store.setFindingStatus('f-personal-data-111-0', 'resolved', 'Town Clerk');

    // Act
    const reopened = await store.setFindingStatus('f-personal-data-111-0', 'open', 'Town Clerk', 'the number is back after an edit');

    // Assess
    expect(reopened).toEqual(makeFinding({ status: 'open', statusChangedAt: '2026-02-09T09:01:00.000Z' }));
    expect((await store.listOpenFindings()).map((finding) => finding.id)).toEqual(['f-personal-data-111-0']);
  });

  it('keep an audit trail of who changed their status, when and why', async () => {
    // Prepare
    const { store } = await freshStore();
    await store.putFinding(makeFinding());

    // Act
    const acknowledged = await store.setFindingStatus('f-personal-data-111-0', 'acknowledged', 'Town Clerk', 'asked the author to edit');
    const resolved = await store.setFindingStatus('f-personal-data-111-0', 'resolved', 'Deputy Clerk');

    // Assess
    expect(acknowledged.status).toBe('acknowledged');
    expect(resolved).toEqual(makeFinding({ status: 'resolved', statusChangedAt: '2026-02-09T09:01:00.000Z' }));
    expect(await store.listFindingEvents('f-personal-data-111-0')).toEqual([
      { findingId: 'f-personal-data-111-0', status: 'acknowledged', previousStatus: 'open', by: 'Town Clerk', at: '2026-02-09T09:00:00.000Z', note: 'asked the author to edit' },
      { findingId: 'f-personal-data-111-0', status: 'resolved', previousStatus: 'acknowledged', by: 'Deputy Clerk', at: '2026-02-09T09:01:00.000Z' },
    ]);
  });

  it('cannot change status when they were never stored', async () => {
    // Prepare
    const { store } = await freshStore();

    // Act
    const changing = store.setFindingStatus('f-unknown', 'resolved', 'Town Clerk');

    // Assess
    await expect(changing).rejects.toBeInstanceOf(FindingNotFoundError);
    await expect(changing).rejects.toThrow(/f-unknown/);
    expect(await store.getFinding('f-unknown')).toBeUndefined();
    expect(await store.listFindingEvents('f-unknown')).toEqual([]);
  });

  it('name the key and the field when a stored one is corrupt', async () => {
    // Prepare
    const { store, documents, tableName } = await freshStore();
    await documents.send(new PutCommand({ TableName: tableName, Item: { ...councilKeys(HARBOURNE).finding('f-corrupt'), ...makeFinding({ id: 'f-corrupt' }), severity: 'extreme' } }));

    // Act
    const reading = store.getFinding('f-corrupt');

    // Assess
    await expect(reading).rejects.toBeInstanceOf(StoredItemValidationError);
    await expect(reading).rejects.toThrow(/pk=C#harbourne-tc#FINDING#f-corrupt sk=FINDING: severity = "extreme"/);
  });
});

describe('scan runs', () => {
  it('of a week are listed in the order they started, once each however often recorded', async () => {
    // Prepare
    const { store } = await freshStore();
    const later = makeScanRun({ runId: 'run-2', startedAt: '2026-02-05T11:00:00Z', finishedAt: '2026-02-05T11:00:09Z', outcome: 'failed', error: 'platform rate limit' });
    const earlier = makeScanRun();

    // Act
    await store.recordScanRun(later);
    await store.recordScanRun(earlier);
    await store.recordScanRun(earlier);
    await store.recordScanRun(makeScanRun({ runId: 'run-3', startedAt: '2026-02-10T11:00:00Z', week: '2026-W07' }));

    // Assess
    expect(await store.listScanRuns('2026-W06')).toEqual([earlier, later]);
  });
});

describe('weekly digest', () => {
  it('is claimed by the first caller only', async () => {
    // Prepare
    const { store } = await freshStore();

    // Act
    const first = await store.claimDigest('2026-W06', '2026-02-09T08:00:00Z');
    const second = await store.claimDigest('2026-W06', '2026-02-09T08:00:05Z');

    // Assess
    expect([first, second]).toEqual([true, false]);
    expect(await store.getDigest('2026-W06')).toEqual({ week: '2026-W06', status: 'sending', attempts: 1, updatedAt: '2026-02-09T08:00:00Z', leaseUntil: '2026-02-09T08:15:00.000Z' });
  });

  it('may be claimed again after a failed attempt, counting the attempts', async () => {
    // Prepare
    const { store } = await freshStore();
    await store.claimDigest('2026-W06', '2026-02-09T08:00:00Z');
    await store.markDigestFailed('2026-W06', 'SES throttled the request', '2026-02-09T08:00:02Z');
    const failed = await store.getDigest('2026-W06');

    // Act
    const reclaimed = await store.claimDigest('2026-W06', '2026-02-09T09:00:00Z');

    // Assess
    expect(failed).toMatchObject({ status: 'failed', error: 'SES throttled the request', attempts: 1 });
    expect(reclaimed).toBe(true);
    expect(await store.getDigest('2026-W06')).toEqual({ week: '2026-W06', status: 'sending', attempts: 2, updatedAt: '2026-02-09T09:00:00Z', leaseUntil: '2026-02-09T09:15:00.000Z' });
  });

  it('may be claimed again once a claim nobody completed has passed its lease, and not before', async () => {
    // Prepare: a sender claimed the week and died
    const { store } = await freshStore();
    await store.claimDigest('2026-W06', '2026-02-09T08:00:00Z');

    // Act
    const during = await store.claimDigest('2026-W06', '2026-02-09T08:14:59Z');
    const after = await store.claimDigest('2026-W06', '2026-02-09T08:15:00Z');
    const again = await store.claimDigest('2026-W06', '2026-02-09T08:16:00Z');

    // Assess
    expect([during, after, again]).toEqual([false, true, false]);
    expect(await store.getDigest('2026-W06')).toMatchObject({ status: 'sending', attempts: 2, leaseUntil: '2026-02-09T08:30:00.000Z' });
  });

  it('takes over a claim written before claims had a lease', async () => {
    const { store, documents, tableName } = await freshStore();
    const key = councilKeys(HARBOURNE).digest('2026-W06');
    await documents.send(new PutCommand({ TableName: tableName, Item: { ...key, week: '2026-W06', status: 'sending', attempts: 1, updatedAt: '2026-02-09T08:00:00Z' } }));

    expect(await store.claimDigest('2026-W06', '2026-02-16T08:00:00Z')).toBe(true);
  });

  it('is claimed whatever its state when forced (an operator re-sending a week)', async () => {
    // Prepare
    const { store } = await freshStore();
    await store.claimDigest('2026-W06', '2026-02-09T08:00:00Z');
    await store.markDigestSent('2026-W06', 'ses-message-0001', '2026-02-09T08:00:03Z');

    // Act
    const forced = await store.claimDigest('2026-W06', '2026-02-10T10:00:00Z', { force: true });

    // Assess
    expect(forced).toBe(true);
    expect(await store.getDigest('2026-W06')).toEqual({ week: '2026-W06', status: 'sending', attempts: 2, updatedAt: '2026-02-10T10:00:00Z', leaseUntil: '2026-02-10T10:15:00.000Z' });
  });

  it('is not claimed again once sent', async () => {
    // Prepare
    const { store } = await freshStore();
    await store.claimDigest('2026-W06', '2026-02-09T08:00:00Z');
    await store.markDigestSent('2026-W06', 'ses-message-0001', '2026-02-09T08:00:03Z');

    // Act
    const reclaimed = await store.claimDigest('2026-W06', '2026-02-09T09:00:00Z');

    // Assess
    expect(reclaimed).toBe(false);
    expect(await store.getDigest('2026-W06')).toEqual({ week: '2026-W06', status: 'sent', attempts: 1, updatedAt: '2026-02-09T08:00:03Z', messageId: 'ses-message-0001' });
  });

  it('has no record for a week never claimed', async () => {
    const { store } = await freshStore();
    expect(await store.getDigest('2026-W06')).toBeUndefined();
  });
});

describe('Full Council reports', () => {
  it('records a month once, replaces it when regenerated, and gives the newest month', async () => {
    const { store } = await freshStore();
    expect(await store.latestReport()).toBeUndefined();
    await store.recordReport({ month: '2026-09', key: 'reports/2026-09/report.pdf', generatedAt: '2026-10-01T07:00:00Z' });
    await store.recordReport({ month: '2026-10', key: 'reports/2026-10/report.pdf', generatedAt: '2026-11-01T07:00:00Z' });
    await store.recordReport({ month: '2026-10', key: 'reports/2026-10/report-v2.pdf', generatedAt: '2026-11-01T08:00:00Z' });
    expect(await store.latestReport()).toEqual({ month: '2026-10', key: 'reports/2026-10/report-v2.pdf', generatedAt: '2026-11-01T08:00:00Z' });
  });
});
