import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler, type MonthlyReportDeps } from '../../functions/monthly-report/create-handler';
import type { ReportStorage } from '../../shared/report/report-storage';
import { s3ReportStorage } from '../../shared/report/s3-storage';
import { testConfig } from '../support/fixtures';
import { MemoryAuditStore } from '../support/memory-store';

// The handler's job is choosing the month and wiring the adapters; printing is tested in test/report.
vi.mock('../../shared/report/render-pdf', () => ({ renderReportPdf: async () => new TextEncoder().encode('%PDF-1.7\n%%EOF\n') }));

const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

const context = { functionName: 'monthly-report', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;
const AWS = { region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };

class KeysOnly implements ReportStorage {
  readonly keys: string[] = [];
  async put(key: string): Promise<void> {
    this.keys.push(key);
  }
  async linkTo(key: string): Promise<string> {
    return `https://reports.example/${key}`;
  }
}

async function councilStore(): Promise<MemoryAuditStore> {
  const store = new MemoryAuditStore();
  await store.putCouncilConfig(testConfig());
  return store;
}

/** The handler's adapters at a fixed time; reports go to the real S3 adapter (on the mocked client) unless a test gives other storage. */
function depsAt(instant: string, deps: Pick<MonthlyReportDeps, 'store'> & Partial<MonthlyReportDeps>): MonthlyReportDeps {
  return { reports: s3ReportStorage({ ...AWS, bucket: 'harbourne-council-audit-reports' }), clock: () => new Date(instant), ...deps };
}

describe('monthly-report handler', () => {
  it('reports on December when the schedule fires on 1 January', async () => {
    const store = await councilStore();
    const storage = new KeysOnly();

    const result = await createHandler(depsAt('2027-01-01T06:00:00Z', { store, reports: storage }))({}, context);

    expect(result).toEqual({ month: '2026-12', key: 'reports/2026-12/council-audit-report-2026-12.pdf', htmlKey: 'reports/2026-12/council-audit-report-2026-12.html' });
    expect(storage.keys).toEqual(['reports/2026-12/council-audit-report-2026-12.pdf', 'reports/2026-12/council-audit-report-2026-12.html']);
    expect((await store.latestReport())?.month).toBe('2026-12');
  });

  it('reports on September when the schedule fires just after midnight on 1 October, British Summer Time', async () => {
    const store = await councilStore();

    const result = await createHandler(depsAt('2026-09-30T23:15:00Z', { store, reports: new KeysOnly() }))({}, context);

    expect(result.month).toBe('2026-09');
  });

  it('makes the month an operator names, and the same keys again when rerun', async () => {
    const store = await councilStore();
    const storage = new KeysOnly();
    const handler = createHandler(depsAt('2026-11-20T10:00:00Z', { store, reports: storage }));

    await handler({ month: '2026-10' }, context);
    const rerun = await handler({ month: '2026-10' }, context);

    expect(rerun.month).toBe('2026-10');
    expect(new Set(storage.keys)).toEqual(new Set(['reports/2026-10/council-audit-report-2026-10.pdf', 'reports/2026-10/council-audit-report-2026-10.html']));
    expect(await store.latestReport()).toMatchObject({ month: '2026-10', generatedAt: '2026-11-20T10:00:00.000Z' });
  });

  it('rejects a month that is not one, naming the field', async () => {
    const store = await councilStore();

    const attempt = createHandler(depsAt('2026-11-20T10:00:00Z', { store, reports: new KeysOnly() }))({ month: '2026-13' }, context);

    await expect(attempt).rejects.toThrow('expected a month such as 2026-10');
  });

  it('stores in the reports bucket through the S3 adapter', async () => {
    s3.on(PutObjectCommand).resolves({});
    const store = await councilStore();

    await createHandler(depsAt('2027-01-01T06:00:00Z', { store }))({}, context);

    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(puts.map((p) => [p.Bucket, p.Key, p.ContentType, p.ServerSideEncryption])).toEqual([
      ['harbourne-council-audit-reports', 'reports/2026-12/council-audit-report-2026-12.pdf', 'application/pdf', 'AES256'],
      ['harbourne-council-audit-reports', 'reports/2026-12/council-audit-report-2026-12.html', 'text/html; charset=utf-8', 'AES256'],
    ]);
  });
});
