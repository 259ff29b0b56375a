import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler } from '../../functions/monthly-report/handler';
import type { ReportStorage } from '../../shared/report/report-storage';
import { runtimeFromEnvironment, type Runtime } from '../../shared/runtime/runtime';
import { EnvironmentError } from '../../shared/runtime/environment';
import { testConfig } from '../support/fixtures';
import { MemoryAuditStore } from '../support/memory-store';

// The handler's job is choosing the month and wiring the adapters; printing is tested in test/report.
vi.mock('../../shared/report/render-pdf', () => ({ renderReportPdf: async () => new TextEncoder().encode('%PDF-1.7\n%%EOF\n') }));

const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

const context = { functionName: 'monthly-report', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;
const ENV = { TABLE_NAME: 'council-audit-test', REPORTS_BUCKET: 'harbourne-council-audit-reports', AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };

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

function runtimeAt(instant: string, overrides: Partial<Runtime>, env: NodeJS.ProcessEnv = ENV): Runtime {
  const clock = () => new Date(instant);
  return { ...runtimeFromEnvironment(env, clock), clock, ...overrides };
}

describe('monthly-report handler', () => {
  it('reports on December when the schedule fires on 1 January', async () => {
    const store = await councilStore();
    const storage = new KeysOnly();

    const result = await createHandler(() => runtimeAt('2027-01-01T06:00:00Z', { store, reportStorage: () => storage }))({}, context);

    expect(result).toEqual({ month: '2026-12', key: 'reports/2026-12/council-audit-report-2026-12.pdf', htmlKey: 'reports/2026-12/council-audit-report-2026-12.html' });
    expect(storage.keys).toEqual(['reports/2026-12/council-audit-report-2026-12.pdf', 'reports/2026-12/council-audit-report-2026-12.html']);
    expect((await store.latestReport())?.month).toBe('2026-12');
  });

  it('reports on September when the schedule fires just after midnight on 1 October, British Summer Time', async () => {
    const store = await councilStore();

    const result = await createHandler(() => runtimeAt('2026-09-30T23:15:00Z', { store, reportStorage: () => new KeysOnly() }))({}, context);

    expect(result.month).toBe('2026-09');
  });

  it('makes the month an operator names, and the same keys again when rerun', async () => {
    const store = await councilStore();
    const storage = new KeysOnly();
    const handler = createHandler(() => runtimeAt('2026-11-20T10:00:00Z', { store, reportStorage: () => storage }));

    await handler({ month: '2026-10' }, context);
    const rerun = await handler({ month: '2026-10' }, context);

    expect(rerun.month).toBe('2026-10');
    expect(new Set(storage.keys)).toEqual(new Set(['reports/2026-10/council-audit-report-2026-10.pdf', 'reports/2026-10/council-audit-report-2026-10.html']));
    expect(await store.latestReport()).toMatchObject({ month: '2026-10', generatedAt: '2026-11-20T10:00:00.000Z' });
  });

  it('rejects a month that is not one, naming the field', async () => {
    const store = await councilStore();

    const attempt = createHandler(() => runtimeAt('2026-11-20T10:00:00Z', { store, reportStorage: () => new KeysOnly() }))({ month: '2026-13' }, context);

    await expect(attempt).rejects.toThrow('expected a month such as 2026-10');
  });

  it('stores in the REPORTS_BUCKET bucket through the runtime\'s S3 adapter', async () => {
    s3.on(PutObjectCommand).resolves({});
    const store = await councilStore();

    await createHandler(() => runtimeAt('2027-01-01T06:00:00Z', { store }))({}, context);

    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(puts.map((p) => [p.Bucket, p.Key, p.ContentType, p.ServerSideEncryption])).toEqual([
      ['harbourne-council-audit-reports', 'reports/2026-12/council-audit-report-2026-12.pdf', 'application/pdf', 'AES256'],
      ['harbourne-council-audit-reports', 'reports/2026-12/council-audit-report-2026-12.html', 'text/html; charset=utf-8', 'AES256'],
    ]);
  });

  it('fails with the variable\'s name when REPORTS_BUCKET is not set', async () => {
    const store = await councilStore();
    const { REPORTS_BUCKET: _unset, ...withoutBucket } = ENV;

    const attempt = createHandler(() => runtimeAt('2027-01-01T06:00:00Z', { store }, withoutBucket))({}, context);

    await expect(attempt).rejects.toThrow(EnvironmentError);
    await expect(attempt).rejects.toThrow('REPORTS_BUCKET: is missing');
    expect(await store.latestReport()).toBeUndefined();
  });
});
