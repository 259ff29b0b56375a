import { formatLocal, isCalendarDate, MONTH_PATTERN, monthLabel } from '../../domain/calendar';
import { DEFAULT_DIGEST_SCHEDULE } from '../../domain/council';
import { ValidationError } from '../../domain/errors';
import { MAX_REPORT_DAYS } from '../../report/build-report';
import {
  listCouncilReports,
  monthlyReportDownload,
  periodReportDownload,
  REPORT_FORMAT_TITLES,
  REPORT_FORMATS,
  ReportNotAvailableError,
  type ReportDownload,
  type ReportFormat,
} from '../../report/council-reports';
import { choices, errorSummary, type FieldError } from '../components';
import type { NavItem, PageContext, Route } from '../context';
import { dateInput, issueErrors, table } from '../fields';
import { securityHeaders } from '../headers';
import { html } from '../html';
import type { ConsoleResponse } from '../http';

/**
 * The reports area: the monthly Full Council reports, and a report for any period. Its address,
 * /councils/<council>/reports, is what the weekly digest and the monthly email link to: it does not
 * expire (signing in is what protects it), unlike a pre-signed link to the stored file.
 */
export const REPORTS_NAV: NavItem = { id: 'reports', text: 'Reports', href: (c) => `/councils/${c}/reports`, action: 'read-reports' };

export const REPORTS_ROUTES: readonly Route[] = [
  { method: 'GET', path: '/councils/:council/reports', action: 'read-reports', handle: (c) => reportsPage(c) },
  { method: 'GET', path: '/councils/:council/reports/period', action: 'read-reports', handle: periodReport },
  { method: 'GET', path: '/councils/:council/reports/:month/:format', action: 'read-reports', handle: monthlyReport },
];

interface PeriodValues {
  from: { day: string; month: string; year: string };
  to: { day: string; month: string; year: string };
  format: string;
}

async function reportsPage(context: PageContext, refused?: { errors: FieldError[]; values: PeriodValues; status?: number }): Promise<ConsoleResponse> {
  const reports = await listCouncilReports(context.deps, context.principal, context.councilId);
  const base = `/councils/${context.councilId}/reports`;
  const timezone = context.council.timezone ?? DEFAULT_DIGEST_SCHEDULE.timezone;
  const errors = refused?.errors ?? [];
  const values: PeriodValues = refused?.values ?? { from: blankDate(), to: blankDate(), format: 'html' };
  const formats = REPORT_FORMATS.filter((f) => f !== 'pdf' || context.deps.renderPdf !== undefined);
  const monthly = REPORT_FORMATS.filter((f) => f !== 'pdf' || context.deps.reports !== undefined);

  const body = html`${errorSummary(errors)}<h1 class="govuk-heading-l">Reports</h1><p class="govuk-body">The monthly report for Full Council: what the checks found, what was done about it, and what is still open. The web page and PDF are the report as it was made; the spreadsheet and data files show each finding’s status today.</p><h2 class="govuk-heading-m">Monthly reports</h2>${
    reports.length
      ? table({
          caption: 'Monthly reports',
          captionHidden: true,
          head: ['Month', 'Made', 'Download'],
          rows: reports.map((r) => [
            monthLabel(r.month),
            formatLocal(r.generatedAt, timezone),
            html`<ul class="govuk-list">${monthly.map(
              (f) => html`<li><a class="govuk-link" href="${base}/${r.month}/${f}" download>${REPORT_FORMAT_TITLES[f]}<span class="govuk-visually-hidden">, ${monthLabel(r.month)}</span></a></li>`,
            )}</ul>`,
          ]),
        })
      : html`<p class="govuk-body">No monthly report has been made yet. The first is made on the 1st of next month.</p>`
  }<h2 class="govuk-heading-m">A report for any period</h2><p class="govuk-body">Up to ${MAX_REPORT_DAYS} days, for example a quarter or a year.</p><form method="get" action="${base}/period" novalidate>${dateInput({
    name: 'from',
    id: 'from',
    legend: 'From',
    hint: 'For example 1 4 2026.',
    value: values.from,
    errors,
  })}${dateInput({ name: 'to', id: 'to', legend: 'To (inclusive)', hint: 'For example 30 6 2026.', value: values.to, errors })}${choices({
    type: 'radio',
    name: 'format',
    legend: 'Format',
    small: true,
    items: formats.map((f) => ({ value: f, text: capitalise(REPORT_FORMAT_TITLES[f]), checked: values.format === f })),
    errors,
  })}<button type="submit" class="govuk-button" data-module="govuk-button">Download the report</button></form>`;
  return context.page({ title: 'Reports', body, section: 'reports', error: errors.length > 0, ...(errors.length ? { status: refused?.status ?? 400 } : {}) });
}

async function periodReport(context: PageContext): Promise<ConsoleResponse> {
  const query = context.request.query;
  const date = (name: string) => ({ day: query.get(`${name}.day`) ?? '', month: query.get(`${name}.month`) ?? '', year: query.get(`${name}.year`) ?? '' });
  const values: PeriodValues = { from: date('from'), to: date('to'), format: query.get('format') ?? '' };
  const errors: FieldError[] = [];
  const from = isoOf(values.from);
  const to = isoOf(values.to);
  if (!from) errors.push({ field: 'from-day', message: `From ${shown(values.from)}: enter a real date, as day, month and year` });
  if (!to) errors.push({ field: 'to-day', message: `To ${shown(values.to)}: enter a real date, as day, month and year` });
  if (!(REPORT_FORMATS as readonly string[]).includes(values.format)) errors.push({ field: 'format', message: `Format ${JSON.stringify(values.format.slice(0, 20))}: choose one of the formats` });
  if (errors.length) return reportsPage(context, { errors, values });
  try {
    return download(await periodReportDownload(context.deps, context.principal, context.councilId, { from: from!, to: to! }, values.format as ReportFormat));
  } catch (error) {
    if (error instanceof ValidationError) {
      return reportsPage(context, { errors: issueErrors(error.issues, (f) => (f === 'to' ? 'to-day' : 'from-day'), (f) => (f === 'to' ? 'To' : 'From')), values });
    }
    if (error instanceof ReportNotAvailableError) return reportsPage(context, { errors: [{ field: 'format', message: `Format: ${error.message}` }], values });
    throw error;
  }
}

async function monthlyReport(context: PageContext): Promise<ConsoleResponse> {
  const { month, format } = context.params as { month: string; format: string };
  // An address that cannot name a report (a month or a format mistyped) is bad input; a month with no report, not found.
  const wrong: string[] = [];
  if (!MONTH_PATTERN.test(month)) wrong.push(`The month ${JSON.stringify(month.slice(0, 20))} is not a month written as YYYY-MM.`);
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) wrong.push(`The format ${JSON.stringify(format.slice(0, 20))} is not one of ${REPORT_FORMATS.join(', ')}.`);
  if (wrong.length) return notFoundPage(context, 400, wrong.join(' '));
  try {
    return download(await monthlyReportDownload(context.deps, context.principal, context.councilId, month, format as ReportFormat));
  } catch (error) {
    if (error instanceof ReportNotAvailableError) return notFoundPage(context, 404, `There is no report for ${monthLabel(month)} in that format.`);
    throw error;
  }
}

function notFoundPage(context: PageContext, status: 400 | 404, why: string): ConsoleResponse {
  return context.page({
    status,
    title: 'Report not found',
    body: html`<h1 class="govuk-heading-l">Report not found</h1><p class="govuk-body">${why}</p><p class="govuk-body"><a class="govuk-link" href="/councils/${context.councilId}/reports">See the council’s reports</a>.</p>`,
    section: 'reports',
  });
}

/** A report as a file: downloaded (never shown on the console's origin), with the console's security headers. */
function download(report: ReportDownload): ConsoleResponse {
  return {
    status: 200,
    headers: {
      'content-type': report.contentType,
      'content-disposition': `attachment; filename="${report.fileName.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
      ...securityHeaders([]),
    },
    cookies: [],
    body: report.body,
  };
}

function blankDate() {
  return { day: '', month: '', year: '' };
}

function isoOf(parts: { day: string; month: string; year: string }): string | undefined {
  const [d, m, y] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return undefined;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

function shown(parts: { day: string; month: string; year: string }): string {
  return JSON.stringify(`${parts.day}/${parts.month}/${parts.year}`.slice(0, 40));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
