import type { CouncilConfig } from '../domain/config';
import type { CouncilId } from '../domain/council';
import { monthLabel } from '../domain/calendar';
import { CouncilAuditError } from '../domain/errors';
import { expiresAfter, retentionOf } from '../domain/retention';
import { DIGEST_LEASE_MINUTES, isStaleReportEmailClaim, type ReportEmailRecord } from '../domain/records';
import type { EmailMessage, Mailer } from '../email/mailer';
import { describeSeverityCounts, htmlText as text, escapeHtml, tidy } from '../rendering/display';
import { requireCouncilConfig, type CouncilStore } from '../store/audit-store';
import type { ReportFacts } from './build-report';
import { storeCouncilReport, type MonthlyReport } from './monthly-report';
import { consoleReportsUrl } from './report-link';

/**
 * The email that takes the month's Full Council report to the councillors: a few lines saying what it
 * covers, the PDF attached (to print and table) and, when the deployment has a console, its reports
 * page, which holds every month's report and does not expire.
 */
export interface ReportEmailContent {
  subject: string;
  html: string;
  text: string;
  filename: string;
}

export interface ReportEmailInput {
  /** The records of the council the report is for. */
  store: CouncilStore;
  mailer: Mailer;
  config: CouncilConfig;
  /** The deployment's sender (the digest's). */
  from: string;
  /** `2026-11` */
  month: string;
  facts: ReportFacts;
  pdf: Uint8Array;
  now: Date;
  /** The deployment's console: the email links its reports page. */
  consoleUrl?: string;
}

export type ReportEmailResult =
  | { status: 'sent'; month: string; messageId: string; to: string[] }
  /** Another run claimed or sent this month's email; nothing was sent. */
  | { status: 'already-sent'; month: string; record?: ReportEmailRecord }
  /** The council's configuration names nobody to receive the report. */
  | { status: 'no-recipients'; month: string };

/**
 * The month's report email could not be sent. The claim was released (marked failed), so running it
 * again (SQS redelivering the request) sends it.
 */
export class ReportEmailError extends CouncilAuditError {}

/**
 * Emails the month's Full Council report to the council's report recipients, at most once a month.
 *
 * Primary course:
 * 1. Take the recipients from the council's configuration; with none, stop (no-recipients).
 * 2. Claim the month's report email; if another run has claimed it (within its lease) or sent it, stop.
 * 3. Compose the email (summary, PDF attached, link to the console's reports page) and send it.
 * 4. Record it as sent, with the message id.
 *
 * Extension: a failure in 3 marks the claim failed (released) and throws a ReportEmailError, so a retry
 * sends; a failure in 4 leaves the claim `sending` until its lease passes (DIGEST_LEASE_MINUTES).
 */
export async function emailMonthlyReport(input: ReportEmailInput): Promise<ReportEmailResult> {
  const { store, mailer, config, from, month, facts, pdf, now, consoleUrl } = input;
  const to = [...config.reportRecipients];
  if (to.length === 0) return { status: 'no-recipients', month };
  const at = now.toISOString();

  if (!(await store.claimReportEmail(month, at, { expiresAt: expiresAfter(now, retentionOf(config).recordsDays) }))) {
    const record = await store.getReportEmail(month);
    return { status: 'already-sent', month, ...(record ? { record } : {}) };
  }

  let messageId: string;
  try {
    const content = composeReportEmail(facts, { councilId: store.councilId, month, ...(consoleUrl ? { consoleUrl } : {}) });
    const message: EmailMessage = {
      from,
      to,
      subject: content.subject,
      html: content.html,
      text: content.text,
      attachments: [{ filename: content.filename, contentType: 'application/pdf', content: pdf }],
    };
    ({ messageId } = await mailer.send(message));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    let released = 'It has been marked failed; run it again to retry.';
    try {
      await store.markReportEmailFailed(month, reason, at);
    } catch (markError) {
      released = `It could not be marked failed either (${markError instanceof Error ? markError.message : String(markError)}), so it is sent again once its claim lapses (${DIGEST_LEASE_MINUTES} minutes).`;
    }
    throw new ReportEmailError(`the report for ${month} of council ${store.councilId} could not be emailed: ${reason}. ${released}`, { cause: error });
  }

  await store.markReportEmailSent(month, messageId, at);
  return { status: 'sent', month, messageId, to };
}

/** The report email's subject, parts and attachment name, from the report's facts. */
export function composeReportEmail(facts: ReportFacts, options: { councilId: CouncilId; month: string; consoleUrl?: string }): ReportEmailContent {
  const month = monthLabel(options.month);
  const council = tidy(facts.council);
  const reportsPage = options.consoleUrl === undefined ? undefined : consoleReportsUrl(options.consoleUrl, options.councilId);
  const s = facts.summary;
  const previous = facts.comparison.previous;

  const heading = `${council}: social media compliance report for ${month}`;
  const paragraphs: string[] = [
    'Dear Councillors,',
    `The social media compliance report for ${month} is attached as a PDF, ready to print and table at Full Council. It covers ${tidy(facts.period.label)}.`,
    s.findings === 0
      ? `Nothing was found in ${month}: ${countOf(s.postsChecked, 'new or edited post')} on ${countOf(s.accountsScanned, 'account')} were checked.`
      : `In ${month}, ${countOf(s.findings, 'finding')} (${describeSeverityCounts(s.bySeverity)}) from ${countOf(s.postsChecked, 'new or edited post')} on ${countOf(s.accountsScanned, 'account')}; ${s.stillOpen} still ${s.stillOpen === 1 ? 'needs' : 'need'} attention.`,
    `In ${tidy(previous.period.label)}, the period before, there ${previous.findings === 1 ? 'was 1 finding' : previous.findings === 0 ? 'were none' : `were ${previous.findings} findings`}.`,
  ];
  const closing = 'You receive this on the 1st of each month because the council lists you to receive its compliance report; the Town Clerk can change who receives it.';

  const plain = [
    heading,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(reportsPage ? ["Every month's report is on the council's reports page in Council Audit (sign in; the link does not expire):", reportsPage, ''] : []),
    '--',
    closing,
    '',
  ].join('\n');

  const p = (content: string, style = '') => `<p style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;margin:0 0 16px 0;${style}">${content}</p>`;
  const html =
    `<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text(heading)}</title></head>` +
    `<body style="margin:0;padding:16px;background:#ffffff;"><main style="max-width:600px;margin:0 auto;">` +
    `<h1 style="font-family:Arial,Helvetica,sans-serif;font-size:20px;color:#1a1a1a;margin:0 0 16px 0;">${text(heading)}</h1>` +
    paragraphs.map((para) => p(text(para))).join('') +
    (reportsPage
      ? p(`Every month's report is on <a href="${escapeHtml(reportsPage)}" style="color:#1a5fb4;">the council's reports page in Council Audit</a> (sign in; the link does not expire).`)
      : '') +
    p(text(closing), 'font-size:14px;color:#444444;border-top:1px solid #b1b4b6;padding-top:12px;') +
    `</main></body></html>\n`;

  return { subject: heading, html, text: plain, filename: `council-audit-report-${options.month}.pdf` };
}

/** `2 findings`, `1 finding` */
function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** How the report is emailed: the deployment's mailer and sender, and its console for the reports page link. */
export interface ReportMail {
  mailer: Mailer;
  from: string;
  consoleUrl?: string;
}

/** A month's report stored and, when the deployment mails, emailed to the council's report recipients. */
export interface DeliveredReport {
  report: MonthlyReport;
  email?: ReportEmailResult;
}

/**
 * The scheduled report of one council, primary course:
 * 1. store the month's report (storeCouncilReport: the month named, or the month just ended);
 * 2. when the deployment mails, email it to the council's report recipients, at most once a month
 *    (emailMonthlyReport).
 *
 * Extension: a failed email throws after the report is stored; running it again stores the report again
 * (the same keys, replaced) and sends the email, whose claim was released.
 */
export async function deliverCouncilReport(input: Parameters<typeof storeCouncilReport>[0] & { mail?: ReportMail }): Promise<DeliveredReport> {
  const { mail, ...reportInput } = input;
  const report = await storeCouncilReport(reportInput);
  if (!mail) return { report };
  const config = await requireCouncilConfig(input.store);
  const email = await emailMonthlyReport({
    store: input.store,
    mailer: mail.mailer,
    config,
    from: mail.from,
    month: report.record.month,
    facts: report.facts,
    pdf: report.pdf,
    now: input.now,
    ...(mail.consoleUrl ? { consoleUrl: mail.consoleUrl } : {}),
  });
  return { report, email };
}

/**
 * Whether a month whose report is already stored still has its email to send: the council lists
 * recipients and the email was never claimed, failed, or was left `sending` past its lease.
 */
export async function reportEmailPending(store: CouncilStore, month: string, now: Date): Promise<boolean> {
  const config = await requireCouncilConfig(store);
  if (config.reportRecipients.length === 0) return false;
  const record = await store.getReportEmail(month);
  return record === undefined || record.status === 'failed' || isStaleReportEmailClaim(record, now);
}
