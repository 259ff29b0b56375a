import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredFinding } from '../../shared/domain/records';
import { FolderReportStorage } from '../../shared/report/folder-storage';
import { calendarMonth, previousMonth } from '../../shared/domain/calendar';
import { MonthlyReportError, monthlyReportKeys, storeMonthlyReport } from '../../shared/report/monthly-report';
import type { ReportStorage } from '../../shared/report/report-storage';
import { MAX_LINK_SECONDS, ReportStorageError, S3ReportStorage } from '../../shared/report/s3-storage';
import { scanRun, storedFinding } from '../digest/digest-fixtures';
import { testConfig } from '../support/fixtures';
import { MemoryCouncilStore } from '../support/memory-store';

const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

const BUCKET = 'harbourne-council-audit-reports';
/** 1 February 2027, just after midnight: the schedule reports on January 2027. */
const NOW = new Date('2027-02-01T06:00:00Z');
const FAKE_PDF = new TextEncoder().encode('%PDF-1.7\n% a stand-in for Chromium\n%%EOF\n');
const fakePdf = async () => FAKE_PDF;

function s3Storage(): S3ReportStorage {
  return new S3ReportStorage(new S3Client({ region: 'eu-west-2', credentials: { accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'fictional-secret-for-signing' } }), BUCKET);
}

/** Records what is put, and can be told to fail. */
class RecordingStorage implements ReportStorage {
  readonly objects = new Map<string, { body: Uint8Array | string; contentType: string }>();
  failWith: Error | undefined;

  async put(key: string, body: Uint8Array | string, contentType: string): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.objects.set(key, { body, contentType });
  }

  async linkTo(key: string): Promise<string> {
    return `https://reports.example/${key}`;
  }
}

/** January 2027 at Harbourne: findings on the 1st, mid-month and on the 31st, and one either side of the month. */
async function januaryStore(): Promise<{ store: MemoryCouncilStore; inJanuary: StoredFinding[] }> {
  const store = new MemoryCouncilStore({ clock: () => NOW });
  await store.putCouncilConfig(testConfig());
  const inJanuary = [
    storedFinding({ id: 'jan-first', detectedAt: '2027-01-01T00:30:00Z', detectedWeek: '2026-W53', postedAt: '2026-12-31T23:50:00Z' }),
    storedFinding({ id: 'jan-mid', severity: 'medium', rule: 'risky-link', detectedAt: '2027-01-14T10:00:00Z', detectedWeek: '2027-W02', postedAt: '2027-01-14T09:00:00Z' }),
    storedFinding({ id: 'jan-last', severity: 'low', rule: 'copyright-attribution', detectedAt: '2027-01-31T23:30:00Z', detectedWeek: '2027-W04', postedAt: '2027-01-31T22:00:00Z' }),
  ];
  const outside = [
    storedFinding({ id: 'dec-last', detectedAt: '2026-12-31T23:30:00Z', detectedWeek: '2026-W53', postedAt: '2026-12-31T20:00:00Z' }),
    storedFinding({ id: 'feb-first', detectedAt: '2027-02-01T00:10:00Z', detectedWeek: '2027-W05', postedAt: '2027-01-31T23:55:00Z' }),
  ];
  for (const finding of [...inJanuary, ...outside]) await store.putFinding(finding);
  await store.recordScanRun(scanRun({ runId: 'run-jan', startedAt: '2027-01-14T06:00:00Z', finishedAt: '2027-01-14T06:00:09Z', week: '2027-W02', postsNew: 12 }));
  return { store, inJanuary };
}

describe('calendarMonth', () => {
  it('runs from the 1st to the last day of the month, leap years included', () => {
    expect(calendarMonth('2027-01')).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(calendarMonth('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(calendarMonth('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(calendarMonth('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('refuses what is not a month', () => {
    expect(() => calendarMonth('2026-13')).toThrow('not a month: "2026-13"');
    expect(() => calendarMonth('2026-1')).toThrow(RangeError);
  });
});

describe('previousMonth', () => {
  it('goes back across a year boundary', () => {
    expect(previousMonth(new Date('2027-01-01T06:00:00Z'), 'Europe/London')).toBe('2026-12');
  });

  it('judges the month by the date in Europe/London, not in UTC', () => {
    // 00:15 on 1 October in British Summer Time is still 30 September in UTC.
    const firstOfOctoberBst = new Date('2026-09-30T23:15:00Z');

    expect(previousMonth(firstOfOctoberBst, 'Europe/London')).toBe('2026-09');
    expect(previousMonth(firstOfOctoberBst, 'UTC')).toBe('2026-08');
  });
});

describe('storeMonthlyReport', () => {
  it('stores the month as PDF and HTML under reports/<council>/<month>/ and records it for the next digest', async () => {
    // Prepare
    const { store, inJanuary } = await januaryStore();
    const storage = new RecordingStorage();

    // Act
    const report = await storeMonthlyReport({ store, storage, config: testConfig(), month: '2027-01', now: NOW, renderPdf: fakePdf });

    // Assess
    expect([...storage.objects.keys()]).toEqual(['reports/harbourne-tc/2027-01/council-audit-report-2027-01.pdf', 'reports/harbourne-tc/2027-01/council-audit-report-2027-01.html']);
    expect(storage.objects.get('reports/harbourne-tc/2027-01/council-audit-report-2027-01.pdf')).toEqual({ body: FAKE_PDF, contentType: 'application/pdf' });
    expect(storage.objects.get('reports/harbourne-tc/2027-01/council-audit-report-2027-01.html')).toEqual({ body: report.html, contentType: 'text/html; charset=utf-8' });
    expect(report.facts.period).toMatchObject({ from: '2027-01-01', to: '2027-01-31', days: 31 });
    expect(report.facts.findings.map((f) => f.id)).toEqual(inJanuary.map((f) => f.id));
    expect(report.html).toContain('Harbourne Town Council');
    const record = { month: '2027-01', key: 'reports/harbourne-tc/2027-01/council-audit-report-2027-01.pdf', htmlKey: 'reports/harbourne-tc/2027-01/council-audit-report-2027-01.html', generatedAt: NOW.toISOString(),
      // kept six years (the default retention of records), as DynamoDB TTL
      expiresAt: NOW.getTime() / 1000 + 2192 * 86_400 };
    expect(report.record).toEqual(record);
    expect(await store.latestReport()).toEqual(record);
  });

  it('replaces the objects and the record when run again for the same month', async () => {
    const { store } = await januaryStore();
    const storage = new RecordingStorage();
    await storeMonthlyReport({ store, storage, config: testConfig(), month: '2027-01', now: NOW, renderPdf: fakePdf });
    const rerunAt = new Date('2027-02-03T09:00:00Z');
    await store.setFindingStatus('jan-mid', 'resolved', 'Town Clerk', 'link replaced');

    const rerun = await storeMonthlyReport({ store, storage, config: testConfig(), month: '2027-01', now: rerunAt, renderPdf: fakePdf });

    expect(storage.objects.size).toBe(2);
    expect(storage.objects.get(monthlyReportKeys('harbourne-tc', '2027-01').html)!.body).toBe(rerun.html);
    expect(rerun.facts.summary.byStatus.resolved).toBe(1);
    expect(await store.latestReport()).toEqual({ ...rerun.record, generatedAt: rerunAt.toISOString() });
  });

  it('records nothing when the report cannot be stored, so a rerun retries it', async () => {
    const { store } = await januaryStore();
    const storage = new RecordingStorage();
    storage.failWith = new ReportStorageError('could not store reports/harbourne-tc/2027-01/council-audit-report-2027-01.pdf: Access Denied');

    const attempt = storeMonthlyReport({ store, storage, config: testConfig(), month: '2027-01', now: NOW, renderPdf: fakePdf });

    await expect(attempt).rejects.toThrow(MonthlyReportError);
    await expect(attempt).rejects.toThrow('the report for 2027-01 could not be stored: could not store reports/harbourne-tc/2027-01/council-audit-report-2027-01.pdf: Access Denied');
    expect(await store.latestReport()).toBeUndefined();
  });

  it('records nothing when the PDF cannot be printed', async () => {
    const { store } = await januaryStore();
    const storage = new RecordingStorage();

    const attempt = storeMonthlyReport({ store, storage, config: testConfig(), month: '2027-01', now: NOW, renderPdf: async () => Promise.reject(new Error('Chromium exited')) });

    await expect(attempt).rejects.toThrow('the report for 2027-01 could not be prepared: Chromium exited');
    expect(storage.objects.size).toBe(0);
    expect(await store.latestReport()).toBeUndefined();
  });

  it('refuses a month that has not begun in the council\'s time zone', async () => {
    const { store } = await januaryStore();

    const attempt = storeMonthlyReport({ store, storage: new RecordingStorage(), config: testConfig(), month: '2027-03', now: NOW, renderPdf: fakePdf });

    await expect(attempt).rejects.toThrow('the report for 2027-03 cannot be made before the month has begun');
  });

  it('prints a real PDF of the month with Chromium', async () => {
    const { store } = await januaryStore();
    const storage = new RecordingStorage();

    const report = await storeMonthlyReport({ store, storage, config: testConfig(), month: '2027-01', now: NOW });

    const document = await getDocument({ data: report.pdf.slice(), isEvalSupported: false }).promise;
    const firstPage = (await (await document.getPage(1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    const pages = document.numPages;
    await document.destroy();

    expect(storage.objects.get(monthlyReportKeys('harbourne-tc', '2027-01').pdf)!.body).toBe(report.pdf);
    expect(firstPage.replace(/\s+/g, ' ')).toContain('Harbourne Town Council');
    expect(firstPage.replace(/\s+/g, ' ')).toContain(`Page 1 of ${pages}`);
  });
});

describe('S3ReportStorage', () => {
  it('puts the PDF and the HTML in the bucket with their content types and server-side encryption', async () => {
    // Prepare
    s3.on(PutObjectCommand).resolves({});
    const { store } = await januaryStore();

    // Act
    const report = await storeMonthlyReport({ store, storage: s3Storage(), config: testConfig(), month: '2027-01', now: NOW, renderPdf: fakePdf });

    // Assess
    const puts = s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    expect(puts).toEqual([
      {
        Bucket: BUCKET,
        Key: 'reports/harbourne-tc/2027-01/council-audit-report-2027-01.pdf',
        Body: FAKE_PDF,
        ContentType: 'application/pdf',
        ContentDisposition: 'inline; filename="council-audit-report-2027-01.pdf"',
        ServerSideEncryption: 'AES256',
      },
      {
        Bucket: BUCKET,
        Key: 'reports/harbourne-tc/2027-01/council-audit-report-2027-01.html',
        Body: report.html,
        ContentType: 'text/html; charset=utf-8',
        ContentDisposition: 'inline; filename="council-audit-report-2027-01.html"',
        ServerSideEncryption: 'AES256',
      },
    ]);
  });

  it('puts the same keys again on a rerun (S3 replaces them)', async () => {
    s3.on(PutObjectCommand).resolves({});
    const { store } = await januaryStore();
    const storage = s3Storage();

    await storeMonthlyReport({ store, storage, config: testConfig(), month: '2027-01', now: NOW, renderPdf: fakePdf });
    await storeMonthlyReport({ store, storage, config: testConfig(), month: '2027-01', now: new Date('2027-02-02T06:00:00Z'), renderPdf: fakePdf });

    const keys = s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input.Key);
    expect(keys).toEqual([monthlyReportKeys('harbourne-tc', '2027-01').pdf, monthlyReportKeys('harbourne-tc', '2027-01').html, monthlyReportKeys('harbourne-tc', '2027-01').pdf, monthlyReportKeys('harbourne-tc', '2027-01').html]);
  });

  it('names the key and the bucket when S3 refuses the object', async () => {
    s3.on(PutObjectCommand).rejects(new S3ServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: {}, message: 'Access Denied' }));

    const attempt = s3Storage().put('reports/2027-01/council-audit-report-2027-01.pdf', FAKE_PDF, 'application/pdf');

    await expect(attempt).rejects.toThrow(ReportStorageError);
    await expect(attempt).rejects.toThrow(`could not store reports/2027-01/council-audit-report-2027-01.pdf in s3://${BUCKET}: Access Denied`);
  });

  it('links to the PDF with a pre-signed GetObject URL that expires when asked, at most in 7 days', async () => {
    const key = monthlyReportKeys('harbourne-tc', '2027-01').pdf;

    const week = new URL(await s3Storage().linkTo(key, MAX_LINK_SECONDS));
    const hour = new URL(await s3Storage().linkTo(key, 3600));

    expect(week.hostname).toBe(`${BUCKET}.s3.eu-west-2.amazonaws.com`);
    expect(week.pathname).toBe(`/${key}`);
    expect(week.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(week.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(week.searchParams.get('X-Amz-Expires'))).toBe(604_800);
    expect(Number(hour.searchParams.get('X-Amz-Expires'))).toBe(3600);
    expect(s3.calls()).toHaveLength(0);
  });

  it('refuses a link lifetime beyond 7 days or below a second', async () => {
    const key = monthlyReportKeys('harbourne-tc', '2027-01').pdf;

    await expect(s3Storage().linkTo(key, MAX_LINK_SECONDS + 1)).rejects.toThrow('a report link must expire within 1 to 604800 seconds (7 days), not 604801');
    await expect(s3Storage().linkTo(key, 0)).rejects.toThrow(RangeError);
    await expect(s3Storage().linkTo(key, 1.5)).rejects.toThrow(RangeError);
  });
});

describe('FolderReportStorage', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'council-audit-reports-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes the month\'s report under the folder and links to it with a file:// URL', async () => {
    const { store } = await januaryStore();
    const storage = new FolderReportStorage(folder);

    const report = await storeMonthlyReport({ store, storage, config: testConfig(), month: '2027-01', now: NOW, renderPdf: fakePdf });
    const link = await storage.linkTo(report.record.key, 3600);

    expect((await readdir(join(folder, 'reports', 'harbourne-tc', '2027-01'))).sort()).toEqual(['council-audit-report-2027-01.html', 'council-audit-report-2027-01.pdf']);
    expect(link).toMatch(/^file:\/\//);
    expect(new Uint8Array(await readFile(fileURLToPath(link)))).toEqual(FAKE_PDF);
    expect(await readFile(join(folder, report.record.htmlKey!), 'utf8')).toBe(report.html);
  });

  it('replaces the files on a rerun', async () => {
    const storage = new FolderReportStorage(folder);
    await storage.put('reports/2027-01/council-audit-report-2027-01.html', '<p>first</p>', 'text/html; charset=utf-8');

    await storage.put('reports/2027-01/council-audit-report-2027-01.html', '<p>second</p>', 'text/html; charset=utf-8');

    expect(await readFile(join(folder, 'reports/2027-01/council-audit-report-2027-01.html'), 'utf8')).toBe('<p>second</p>');
    expect(await readdir(join(folder, 'reports/2027-01'))).toEqual(['council-audit-report-2027-01.html']);
  });

  it('refuses a key that would leave the folder, and the same link lifetimes as S3', async () => {
    const storage = new FolderReportStorage(folder);

    await expect(storage.put('../elsewhere.pdf', FAKE_PDF, 'application/pdf')).rejects.toThrow('report key "../elsewhere.pdf" is not a path inside');
    await expect(storage.linkTo('reports/2027-01/council-audit-report-2027-01.pdf', MAX_LINK_SECONDS + 1)).rejects.toThrow(RangeError);
  });
});
