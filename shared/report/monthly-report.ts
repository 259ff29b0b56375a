import type { CouncilConfig } from '../domain/config';
import type { CouncilId } from '../domain/council';
import { CouncilAuditError } from '../domain/errors';
import { expiresAfter, retentionOf } from '../domain/retention';
import { calendarMonth, localDate, previousMonth } from '../domain/calendar';
import type { ReportRecord } from '../domain/records';
import { requireCouncilConfig, type CouncilStore } from '../store/audit-store';
import { buildReportFacts, type ReportFacts } from './build-report';
import { renderReportHtml } from './render-html';
import { renderReportPdf } from './render-pdf';
import type { ReportStorage } from './report-storage';

/** The month's report could not be built, rendered or stored; running it again retries it (nothing half-done is recorded). */
export class MonthlyReportError extends CouncilAuditError {}

/**
 * Where a council's report for a month is stored: one folder per council and month, the same names on
 * every run (a rerun replaces), so no council's report can replace another's.
 */
export function monthlyReportKeys(councilId: CouncilId, month: string): { pdf: string; html: string } {
  const base = `reports/${councilId}/${month}/council-audit-report-${month}`;
  return { pdf: `${base}.pdf`, html: `${base}.html` };
}

export interface MonthlyReportInput {
  /** The records of the council the report is for. */
  store: CouncilStore;
  storage: ReportStorage;
  config: CouncilConfig;
  /** `2026-10` (usually `previousMonth(now, config.timezone)`). */
  month: string;
  now: Date;
  /** The PDF printer; Chromium unless replaced (a test that does not need a real PDF). */
  renderPdf?: (html: string) => Promise<Uint8Array>;
}

export interface MonthlyReport {
  record: ReportRecord;
  facts: ReportFacts;
  html: string;
  pdf: Uint8Array;
}

/**
 * Stores the month's compliance report for Full Council, as PDF (to circulate) and HTML (to read online).
 *
 * Primary course:
 * 1. Take the calendar month, 1st to last day, in the council's time zone.
 * 2. Build the facts from the store.
 * 3. Render the HTML, and print it to PDF.
 * 4. Store both under `reports/<council>/<month>/`.
 * 5. Record the report, so the next digest can link to it.
 *
 * Idempotent: the keys depend only on the council and the month, so a rerun replaces the objects and the record.
 * Extension: the record is written last, so a failure before it leaves no record pointing at a
 * missing or stale object (an object already written is simply replaced by the retry).
 */
export async function storeMonthlyReport(input: MonthlyReportInput): Promise<MonthlyReport> {
  const { store, storage, config, month, now, renderPdf = renderReportPdf } = input;
  const period = calendarMonth(month);
  if (period.from > localDate(now, config.timezone)) {
    throw new MonthlyReportError(`the report for ${month} cannot be made before the month has begun`);
  }
  const keys = monthlyReportKeys(store.councilId, month);

  let facts: ReportFacts;
  let html: string;
  let pdf: Uint8Array;
  try {
    facts = await buildReportFacts(store, config, period, now);
    html = renderReportHtml(facts);
    pdf = await renderPdf(html);
  } catch (error) {
    throw new MonthlyReportError(`the report for ${month} could not be prepared: ${messageOf(error)}`, { cause: error });
  }

  try {
    await storage.put(keys.pdf, pdf, 'application/pdf');
    await storage.put(keys.html, html, 'text/html; charset=utf-8');
  } catch (error) {
    throw new MonthlyReportError(`the report for ${month} could not be stored: ${messageOf(error)}`, { cause: error });
  }

  const record: ReportRecord = { month, key: keys.pdf, htmlKey: keys.html, generatedAt: now.toISOString(), expiresAt: expiresAfter(now, retentionOf(config).recordsDays) };
  await store.recordReport(record);
  return { record, facts, html, pdf };
}

/**
 * The scheduled report of one council: its configuration read from the store, and the month named or
 * else the month just ended in the council's time zone.
 */
export async function storeCouncilReport(input: Omit<MonthlyReportInput, 'config' | 'month'> & { month?: string }): Promise<MonthlyReport> {
  const config = await requireCouncilConfig(input.store);
  const month = input.month ?? previousMonth(input.now, config.timezone);
  return storeMonthlyReport({ ...input, config, month });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
