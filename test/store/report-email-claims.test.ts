import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import type { CouncilStore } from '../../shared/store/audit-store';
import { DynamoDbAuditStore } from '../../shared/store/dynamodb-store';
import { MemoryAuditStore } from '../support/memory-store';

const HARBOURNE = 'harbourne-tc';

let dynamo: LocalDynamoDb;
let tables = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo?.stop();
});

/** The DynamoDB adapter on a table of its own, and the in-memory test store: they must agree. */
const stores: [string, () => Promise<CouncilStore>][] = [
  [
    'DynamoDB',
    async () => {
      tables += 1;
      const tableName = `report-email-${process.pid}-${tables}`;
      await ensureTable(dynamo.client, tableName);
      return new DynamoDbAuditStore({ client: DynamoDBDocumentClient.from(dynamo.client), tableName }).forCouncil(HARBOURNE);
    },
  ],
  ['memory', async () => new MemoryAuditStore().forCouncil(HARBOURNE)],
];

describe.each(stores)('a month’s report email claim (%s)', (_name, freshStore) => {
  it('is claimed by one sender at a time, and not again once sent', async () => {
    const store = await freshStore();

    const first = await store.claimReportEmail('2026-11', '2026-12-01T07:05:00Z', { expiresAt: 1_990_000_000 });
    const second = await store.claimReportEmail('2026-11', '2026-12-01T07:05:30Z');
    await store.markReportEmailSent('2026-11', 'ses-report-0001', '2026-12-01T07:05:10Z');
    const afterSent = await store.claimReportEmail('2026-11', '2026-12-01T09:00:00Z');

    expect([first, second, afterSent]).toEqual([true, false, false]);
    expect(await store.getReportEmail('2026-11')).toEqual({
      month: '2026-11',
      status: 'sent',
      attempts: 1,
      updatedAt: '2026-12-01T07:05:10Z',
      messageId: 'ses-report-0001',
      expiresAt: 1_990_000_000,
    });
  });

  it('may be claimed again after a failure, or once a claim nobody completed has passed its lease', async () => {
    const store = await freshStore();
    await store.claimReportEmail('2026-11', '2026-12-01T07:05:00Z');
    await store.markReportEmailFailed('2026-11', 'SES throttled the request', '2026-12-01T07:05:02Z');
    const failed = await store.getReportEmail('2026-11');

    const afterFailure = await store.claimReportEmail('2026-11', '2026-12-01T07:06:00Z');
    const withinLease = await store.claimReportEmail('2026-11', '2026-12-01T07:20:59Z');
    const afterLease = await store.claimReportEmail('2026-11', '2026-12-01T07:21:00Z');

    expect(failed).toMatchObject({ status: 'failed', error: 'SES throttled the request', attempts: 1 });
    expect([afterFailure, withinLease, afterLease]).toEqual([true, false, true]);
    expect(await store.getReportEmail('2026-11')).toEqual({ month: '2026-11', status: 'sending', attempts: 3, updatedAt: '2026-12-01T07:21:00Z', leaseUntil: '2026-12-01T07:36:00.000Z' });
  });

  it('is kept per month, apart from the report record of the same month', async () => {
    const store = await freshStore();
    await store.recordReport({ month: '2026-11', key: 'reports/harbourne-tc/2026-11/council-audit-report-2026-11.pdf', generatedAt: '2026-12-01T07:05:00Z' });
    await store.claimReportEmail('2026-11', '2026-12-01T07:05:00Z');

    expect(await store.getReportEmail('2026-10')).toBeUndefined();
    expect(await store.claimReportEmail('2026-10', '2026-12-01T07:05:00Z')).toBe(true);
    expect(await store.latestReport()).toEqual({ month: '2026-11', key: 'reports/harbourne-tc/2026-11/council-audit-report-2026-11.pdf', generatedAt: '2026-12-01T07:05:00Z' });
  });
});
