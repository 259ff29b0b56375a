import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushCouncilConfig } from '../../shared/configuration/push-config';
import { startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { MAX_REPORT_DAYS, ReportPeriodError } from '../../shared/report/build-report';
import { listCouncilReports, monthlyReportDownload, periodReportDownload, ReportNotAvailableError } from '../../shared/report/council-reports';
import { FolderReportStorage } from '../../shared/report/folder-storage';
import { storeMonthlyReport } from '../../shared/report/monthly-report';
import { requireCouncilConfig, CouncilNotFoundError } from '../../shared/store/audit-store';
import { makeFinding } from '../store/store-fixtures';
import { ADMIN, ASHBY_CLERK, CLERK, COUNCILLOR, HARBOURNE, OPERATOR, reviewStore } from '../review/review-store';
import { MemoryAuditStore } from '../support/memory-store';

let dynamo: LocalDynamoDb;
let folder: string;

beforeAll(async () => {
  dynamo = await startDynalite();
  folder = await mkdtemp(join(tmpdir(), 'council-reports-'));
});

afterAll(async () => {
  await dynamo.stop();
  await rm(folder, { recursive: true, force: true });
});

const PDF = new TextEncoder().encode('%PDF-1.7 a stand-in for the printed report');
const fakePdf = async () => PDF;

/** Harbourne with one finding in February 2026 and the reports for January and February stored. */
async function withReports() {
  const setup = await reviewStore(dynamo, '2026-03-02T09:00:00Z');
  await pushCouncilConfig(setup.store, HARBOURNE.id, { council: { name: 'Harbourne Town Council' } }, { by: 'setup', clock: setup.clock });
  const council = setup.store.forCouncil(HARBOURNE.id);
  await council.putFinding(makeFinding({ evidence: 'call Sam on 07700 900***' }));
  const storage = new FolderReportStorage(join(folder, String(Math.random()).slice(2)));
  const config = await requireCouncilConfig(council);
  for (const month of ['2026-01', '2026-02']) await storeMonthlyReport({ store: council, storage, config, month, now: setup.clock(), renderPdf: fakePdf });
  return { ...setup, deps: { store: setup.store, clock: setup.clock, reports: storage, renderPdf: fakePdf } };
}

describe('council reports', () => {
  it('lists the stored monthly reports, newest first, for councillors too', async () => {
    const { deps } = await withReports();
    const reports = await listCouncilReports(deps, COUNCILLOR, HARBOURNE.id);
    expect(reports.map((r) => r.month)).toEqual(['2026-02', '2026-01']);
  });

  it('serves a month as the stored PDF and HTML, and as CSV and JSON made from the store', async () => {
    const { deps } = await withReports();

    const pdf = await monthlyReportDownload(deps, COUNCILLOR, HARBOURNE.id, '2026-02', 'pdf');
    const html = await monthlyReportDownload(deps, COUNCILLOR, HARBOURNE.id, '2026-02', 'html');
    const csv = await monthlyReportDownload(deps, COUNCILLOR, HARBOURNE.id, '2026-02', 'csv');
    const json = await monthlyReportDownload(deps, COUNCILLOR, HARBOURNE.id, '2026-02', 'json');

    expect(pdf).toMatchObject({ body: PDF, contentType: 'application/pdf', fileName: 'council-audit-report-harbourne-tc-2026-02.pdf' });
    expect(html.body).toMatch(/<html[\s\S]*Harbourne Town Council[\s\S]*February 2026/);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(String(csv.body)).toContain('07700 900***');
    expect(JSON.parse(String(json.body))).toMatchObject({ period: { from: '2026-02-01', to: '2026-02-28' } });
  });

  it('says so for a month with no stored report, or a month that is not one', async () => {
    const { deps } = await withReports();
    await expect(monthlyReportDownload(deps, CLERK, HARBOURNE.id, '2025-12', 'pdf')).rejects.toThrow(ReportNotAvailableError);
    await expect(monthlyReportDownload(deps, CLERK, HARBOURNE.id, '2026-13', 'pdf')).rejects.toThrow('month = "2026-13": expected a month as YYYY-MM');
    // Without somewhere to read stored files, the PDF is not offered.
    await expect(monthlyReportDownload({ store: deps.store }, CLERK, HARBOURNE.id, '2026-02', 'pdf')).rejects.toThrow(ReportNotAvailableError);
  });

  it('makes a report for any period, refusing dates out of order or a period too long, by field and value', async () => {
    const { deps } = await withReports();
    const csv = await periodReportDownload(deps, ADMIN, HARBOURNE.id, { from: '2026-02-01', to: '2026-02-14' }, 'csv');
    expect(csv.fileName).toBe('council-audit-report-harbourne-tc-2026-02-01-to-2026-02-14.csv');
    expect(String(csv.body)).toContain('personal-data');
    expect((await periodReportDownload(deps, ADMIN, HARBOURNE.id, { from: '2026-02-01', to: '2026-02-14' }, 'pdf')).body).toBe(PDF);

    await expect(periodReportDownload(deps, ADMIN, HARBOURNE.id, { from: '2026-02-14', to: '2026-02-01' }, 'html')).rejects.toThrow('from = "2026-02-14"');
    await expect(periodReportDownload(deps, ADMIN, HARBOURNE.id, { from: '2020-01-01', to: '2026-02-01' }, 'html')).rejects.toThrow(`longer than ${MAX_REPORT_DAYS} days`);
    await expect(periodReportDownload(deps, ADMIN, HARBOURNE.id, { from: '1 Feb', to: '' }, 'html')).rejects.toThrow(ReportPeriodError);
    await expect(periodReportDownload({ store: deps.store, clock: deps.clock }, ADMIN, HARBOURNE.id, { from: '2026-02-01', to: '2026-02-14' }, 'pdf')).rejects.toThrow(
      'a PDF cannot be made here',
    );
  });

  it('refuses outsiders and the operator as if the council did not exist', async () => {
    const { deps } = await withReports();
    await expect(listCouncilReports(deps, ASHBY_CLERK, HARBOURNE.id)).rejects.toThrow(CouncilNotFoundError);
    await expect(monthlyReportDownload(deps, OPERATOR, HARBOURNE.id, '2026-02', 'pdf')).rejects.toThrow(CouncilNotFoundError);
    await expect(periodReportDownload(deps, { ...COUNCILLOR, memberships: {} }, HARBOURNE.id, { from: '2026-02-01', to: '2026-02-14' }, 'csv')).rejects.toThrow(CouncilNotFoundError);
  });

  it('lists reports in the memory store as the DynamoDB store does', async () => {
    const store = new MemoryAuditStore();
    const council = store.forCouncil(HARBOURNE.id);
    for (const month of ['2026-02', '2025-11', '2026-01']) await council.recordReport({ month, key: `reports/${month}.pdf`, generatedAt: '2026-03-01T00:00:00Z' });
    expect((await council.listReports()).map((r) => r.month)).toEqual(['2026-02', '2026-01', '2025-11']);
  });
});
