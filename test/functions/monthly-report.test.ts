import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler, type MonthlyReportDeps } from '../../functions/monthly-report/create-handler';
import type { ReportStorage } from '../../shared/report/report-storage';
import { s3ReportStorage } from '../../shared/report/s3-storage';
import { logger } from '../../shared/runtime/logger';
import { parseCouncilConfig } from '../../shared/domain/config';
import { COUNCIL_INPUT, testConfig } from '../support/fixtures';
import { MemoryAuditStore } from '../support/memory-store';
import { HARBOURNE } from '../support/scan-fixtures';

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

/** The registry with Harbourne, configured. */
async function councilStore(): Promise<MemoryAuditStore> {
  const store = new MemoryAuditStore();
  await store.putCouncil(HARBOURNE);
  await store.forCouncil(HARBOURNE.id).putCouncilConfig(testConfig());
  return store;
}

/** Harbourne, and a parish council in New York time (for a month that ends later there). */
async function twoCouncils(): Promise<MemoryAuditStore> {
  const store = await councilStore();
  await store.putCouncil({ id: 'stow-pc', name: 'Stow Parish Council', digestTo: ['clerk@stow-parish.example'], registeredAt: '2026-01-01T00:00:00Z' });
  await store.forCouncil('stow-pc').putCouncilConfig(parseCouncilConfig({ ...COUNCIL_INPUT, council: { name: 'Stow Parish Council' }, timezone: 'America/New_York' }));
  return store;
}

const harbourne = (store: MemoryAuditStore) => store.forCouncil(HARBOURNE.id);

/** The handler's adapters at a fixed time; reports go to the real S3 adapter (on the mocked client) unless a test gives other storage. */
function depsAt(instant: string, deps: Pick<MonthlyReportDeps, 'store'> & Partial<MonthlyReportDeps>): MonthlyReportDeps {
  return { reports: s3ReportStorage({ ...AWS, bucket: 'harbourne-council-audit-reports' }), clock: () => new Date(instant), ...deps };
}

describe('monthly-report handler', () => {
  it('reports on December when the schedule fires on 1 January', async () => {
    const store = await councilStore();
    const storage = new KeysOnly();

    const result = await createHandler(depsAt('2027-01-01T06:00:00Z', { store, reports: storage }))({}, context);

    expect(result).toEqual({
      reports: [{ council: 'harbourne-tc', month: '2026-12', key: 'reports/harbourne-tc/2026-12/council-audit-report-2026-12.pdf', htmlKey: 'reports/harbourne-tc/2026-12/council-audit-report-2026-12.html' }],
    });
    expect(storage.keys).toEqual(['reports/harbourne-tc/2026-12/council-audit-report-2026-12.pdf', 'reports/harbourne-tc/2026-12/council-audit-report-2026-12.html']);
    expect((await harbourne(store).latestReport())?.month).toBe('2026-12');
  });

  it('reports on September when the schedule fires just after midnight on 1 October, British Summer Time', async () => {
    const store = await councilStore();

    const result = await createHandler(depsAt('2026-09-30T23:15:00Z', { store, reports: new KeysOnly() }))({}, context);

    expect(result.reports.map((r) => r.month)).toEqual(['2026-09']);
  });

  it('makes the month an operator names, and the same keys again when rerun', async () => {
    const store = await councilStore();
    const storage = new KeysOnly();
    const handler = createHandler(depsAt('2026-11-20T10:00:00Z', { store, reports: storage }));

    await handler({ month: '2026-10' }, context);
    const rerun = await handler({ month: '2026-10' }, context);

    expect(rerun.reports.map((r) => r.month)).toEqual(['2026-10']);
    expect(new Set(storage.keys)).toEqual(new Set(['reports/harbourne-tc/2026-10/council-audit-report-2026-10.pdf', 'reports/harbourne-tc/2026-10/council-audit-report-2026-10.html']));
    expect(await harbourne(store).latestReport()).toMatchObject({ month: '2026-10', generatedAt: '2026-11-20T10:00:00.000Z' });
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
      ['harbourne-council-audit-reports', 'reports/harbourne-tc/2026-12/council-audit-report-2026-12.pdf', 'application/pdf', 'AES256'],
      ['harbourne-council-audit-reports', 'reports/harbourne-tc/2026-12/council-audit-report-2026-12.html', 'text/html; charset=utf-8', 'AES256'],
    ]);
  });
});

describe('monthly-report handler, for a deployment serving several councils', () => {
  it("makes every council's report on the schedule, each under its own keys and for its own time zone's month", async () => {
    const store = await twoCouncils();
    const storage = new KeysOnly();

    // 1 January 03:00 UTC: the new year in London, still 31 December in New York.
    const result = await createHandler(depsAt('2027-01-01T03:00:00Z', { store, reports: storage }))({}, context);

    expect(result.reports.map((r) => [r.council, r.month])).toEqual([['harbourne-tc', '2026-12'], ['stow-pc', '2026-11']]);
    expect(storage.keys.filter((k) => k.startsWith('reports/stow-pc/'))).toEqual(['reports/stow-pc/2026-11/council-audit-report-2026-11.pdf', 'reports/stow-pc/2026-11/council-audit-report-2026-11.html']);
    expect((await store.forCouncil('stow-pc').latestReport())?.month).toBe('2026-11');
    expect((await harbourne(store).latestReport())?.month).toBe('2026-12');
  });

  it('makes only the council an operator names', async () => {
    const store = await twoCouncils();
    const storage = new KeysOnly();

    const result = await createHandler(depsAt('2026-11-20T10:00:00Z', { store, reports: storage }))({ council: 'stow-pc', month: '2026-10' }, context);

    expect(result.reports.map((r) => r.council)).toEqual(['stow-pc']);
    expect(storage.keys.every((k) => k.startsWith('reports/stow-pc/'))).toBe(true);
    expect(await harbourne(store).latestReport()).toBeUndefined();
  });

  it('refuses a council that is not registered, and an id that is not one, naming it', async () => {
    const store = await twoCouncils();
    const handler = createHandler(depsAt('2026-11-20T10:00:00Z', { store, reports: new KeysOnly() }));

    await expect(handler({ council: 'little-ashby-pc' }, context)).rejects.toThrow('no council little-ashby-pc is registered');
    await expect(handler({ council: 'Little Ashby' }, context)).rejects.toThrow('expected a council id such as harbourne-tc');
  });

  it("still makes the other councils' reports when one council's fails, then fails naming it", async () => {
    const store = await twoCouncils();
    await store.putCouncil({ id: 'unconfigured-pc', name: 'Unconfigured Parish Council', digestTo: ['clerk@unconfigured.example'], registeredAt: '2026-01-01T00:00:00Z' });
    const storage = new KeysOnly();
    const quiet = vi.spyOn(logger, 'error').mockImplementation(() => undefined);

    const attempt = createHandler(depsAt('2027-01-01T06:00:00Z', { store, reports: storage }))({}, context);

    await expect(attempt).rejects.toThrow('the monthly report failed for 1 of 3 councils: unconfigured-pc (CouncilNotConfiguredError: the configuration of council unconfigured-pc has not been stored yet)');
    expect((await store.forCouncil('stow-pc').latestReport())?.month).toBe('2026-12');
    expect((await harbourne(store).latestReport())?.month).toBe('2026-12');
    quiet.mockRestore();
  });
});
