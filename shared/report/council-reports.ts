import { calendarMonth, MONTH_PATTERN, type DatePeriod } from '../domain/calendar';
import type { CouncilId } from '../domain/council';
import { CouncilAuditError } from '../domain/errors';
import type { ReportRecord } from '../domain/records';
import type { Principal } from '../domain/roles';
import { authorise } from '../review/authorise';
import type { ReviewDeps } from '../review/review-finding';
import { requireCouncil, requireCouncilConfig, type CouncilStore } from '../store/audit-store';
import { buildReportFacts, checkReportPeriod, ReportPeriodError, type ReportFacts } from './build-report';
import { renderReportCsv } from './render-csv';
import { renderReportHtml } from './render-html';
import { renderReportJson } from './render-json';
import type { ReportReader } from './report-storage';

/**
 * The Full Council reports as people read them (issue #11): the stored monthly reports, and a report
 * for any period, in each format the command line's `council-audit report` writes. For anyone who may
 * read the council's reports, councillors included. Each use case authorises first, then reads.
 */

export const REPORT_FORMATS = ['html', 'pdf', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FORMAT_TITLES: Record<ReportFormat, string> = { html: 'web page (HTML)', pdf: 'PDF', csv: 'spreadsheet (CSV)', json: 'data (JSON)' };

const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export interface ReportDeps extends ReviewDeps {
  /** Where stored monthly reports are read from; without it, a month's HTML is made afresh and its PDF is not offered. */
  reports?: ReportReader;
  /** Prints a report to PDF (Chromium); without it, a period's report is not offered as PDF. */
  renderPdf?: (html: string) => Promise<Uint8Array>;
}

/** A report as a file to download. */
export interface ReportDownload {
  body: string | Uint8Array;
  contentType: string;
  /** `council-audit-report-harbourne-tc-2026-10.pdf` */
  fileName: string;
}

/** A report asked for that is not stored, or a format this deployment cannot make. */
export class ReportNotAvailableError extends CouncilAuditError {}

/** The council's stored monthly reports, newest first. */
export async function listCouncilReports(deps: ReviewDeps, principal: Principal, councilId: CouncilId): Promise<ReportRecord[]> {
  const council = await councilFor(deps, principal, councilId);
  return council.listReports();
}

/**
 * A stored month's report. The HTML and PDF are the files stored when the month's report was made
 * (what Full Council was given); the CSV and JSON are made from the store when asked for, for that
 * calendar month, with each finding's status as it is now.
 */
export async function monthlyReportDownload(deps: ReportDeps, principal: Principal, councilId: CouncilId, month: string, format: ReportFormat): Promise<ReportDownload> {
  const council = await councilFor(deps, principal, councilId);
  if (!MONTH_PATTERN.test(month)) throw new ReportPeriodError('invalid report month', [{ field: 'month', value: JSON.stringify(month.slice(0, 40)), message: 'expected a month as YYYY-MM' }]);
  const record = (await council.listReports()).find((r) => r.month === month);
  if (!record) throw new ReportNotAvailableError(`council ${councilId} has no stored report for ${month}`);
  const fileName = `council-audit-report-${councilId}-${month}.${format}`;

  if (format === 'pdf' || (format === 'html' && record.htmlKey !== undefined && deps.reports)) {
    const stored = deps.reports ? await deps.reports.get(format === 'pdf' ? record.key : record.htmlKey!) : undefined;
    if (!stored) throw new ReportNotAvailableError(`the ${format.toUpperCase()} of the report for ${month} of council ${councilId} cannot be read here`);
    return { body: format === 'html' ? new TextDecoder().decode(stored) : stored, contentType: CONTENT_TYPES[format], fileName };
  }
  const facts = await factsFor(council, calendarMonth(month), deps);
  return { body: rendered(facts, format), contentType: CONTENT_TYPES[format], fileName };
}

/** A report for any period (checked: two dates in order, at most MAX_REPORT_DAYS), made from the store now. */
export async function periodReportDownload(deps: ReportDeps, principal: Principal, councilId: CouncilId, period: DatePeriod, format: ReportFormat): Promise<ReportDownload> {
  const council = await councilFor(deps, principal, councilId);
  checkReportPeriod(period);
  if (format === 'pdf' && !deps.renderPdf) throw new ReportNotAvailableError('a PDF cannot be made here: choose HTML, CSV or JSON');
  const facts = await factsFor(council, period, deps);
  const fileName = `council-audit-report-${councilId}-${period.from}-to-${period.to}.${format}`;
  const body = format === 'pdf' ? await deps.renderPdf!(renderReportHtml(facts)) : rendered(facts, format);
  return { body, contentType: CONTENT_TYPES[format], fileName };
}

function rendered(facts: ReportFacts, format: Exclude<ReportFormat, 'pdf'>): string {
  switch (format) {
    case 'html':
      return renderReportHtml(facts);
    case 'csv':
      return renderReportCsv(facts);
    case 'json':
      return renderReportJson(facts);
  }
}

async function factsFor(council: CouncilStore, period: DatePeriod, deps: ReviewDeps): Promise<ReportFacts> {
  const config = await requireCouncilConfig(council);
  return buildReportFacts(council, config, period, (deps.clock ?? (() => new Date()))());
}

async function councilFor(deps: ReviewDeps, principal: Principal, councilId: CouncilId): Promise<CouncilStore> {
  authorise(principal, councilId, 'read-reports');
  await requireCouncil(deps.store, councilId);
  return deps.store.forCouncil(councilId);
}
