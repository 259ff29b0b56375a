import middy from '@middy/core';
import { processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SQSBatchItemFailure, SQSEvent } from 'aws-lambda';
import * as z from '../../shared/zod';
import { CouncilIdSchema, type CouncilId } from '../../shared/domain/council';
import { MonthSchema, ReportRequestSchema, type ReportRequest } from '../../shared/queue/council-jobs';
import { loggedBatchProcessor } from '../../shared/queue/logged-batch-processor';
import { isSqsEvent } from '../../shared/queue/sqs-record';
import type { Mailer } from '../../shared/email/mailer';
import { deliverCouncilReport, reportEmailPending, type ReportMail } from '../../shared/report/report-email';
import type { ReportStorage } from '../../shared/report/report-storage';
import { environmentSchema } from '../../shared/runtime/environment';
import { logger } from '../../shared/runtime/logger';
import type { AuditStore } from '../../shared/store/audit-store';
import { forEachCouncil } from '../../shared/tenancy/each-council';

/** What the deployed function reads at cold start (handler.ts). */
export const ENVIRONMENT = environmentSchema(['TABLE_NAME', 'REPORTS_BUCKET', 'AWS_REGION'], ['DYNAMODB_ENDPOINT', 'DIGEST_FROM', 'SES_CONFIGURATION_SET', 'SES_ENDPOINT', 'CONSOLE_URL']);

export interface MonthlyReportDeps {
  store: Pick<AuditStore, 'getCouncil' | 'listCouncils' | 'forCouncil'>;
  reports: ReportStorage;
  /**
   * How the report reaches the councillors: each council's report goes by email to the recipients its
   * configuration lists (the PDF attached, a link to the console's reports page). Absent: stored only.
   */
  mail?: ReportMail;
  clock?: () => Date;
}

/** The deployment's mail for the report, from its environment: none without a sender (DIGEST_FROM). */
export function reportMailOf(env: { DIGEST_FROM?: string | undefined; CONSOLE_URL?: string | undefined }, mailer: () => Mailer): ReportMail | undefined {
  if (!env.DIGEST_FROM) return undefined;
  return { mailer: mailer(), from: env.DIGEST_FROM, ...(env.CONSOLE_URL ? { consoleUrl: env.CONSOLE_URL } : {}) };
}

/**
 * An operator's direct invocation: `{}` makes last month's report of every registered council (a small
 * deployment); a council, a month to (re)make, or both may be named:
 * `{ "council": "harbourne-tc", "month": "2026-10" }`. The hourly tick (council-jobs) does not call
 * this: it queues one ReportRequest per council that is due, and the queue delivers them here.
 */
export const MonthlyReportEventSchema = z.looseObject({
  council: z.optional(CouncilIdSchema),
  month: z.optional(MonthSchema),
});

/** One council's report, as the handler reports it. */
export interface ReportOutcome {
  council: string;
  month: string;
  key: string;
  htmlKey?: string | undefined;
  /** What became of its email: sent, sent before (or being sent), or nobody to send it to. */
  email?: 'sent' | 'already-sent' | 'no-recipients';
  messageId?: string;
}

export function createHandler(deps: MonthlyReportDeps) {
  const clock = deps.clock ?? (() => new Date());
  const processor = loggedBatchProcessor('report request', ReportRequestSchema);

  const makeReport = async (id: CouncilId, now: Date, month?: string): Promise<ReportOutcome> => {
    const { report, email } = await deliverCouncilReport({
      store: deps.store.forCouncil(id),
      storage: deps.reports,
      now,
      ...(month ? { month } : {}),
      ...(deps.mail ? { mail: deps.mail } : {}),
    });
    const { record, facts } = report;
    const sent = email?.status === 'sent' ? { messageId: email.messageId } : {};
    logger.info('monthly report', { council: id, month: record.month, key: record.key, findings: facts.summary.findings, ...(email ? { email: email.status } : {}), ...sent });
    return { council: id, month: record.month, key: record.key, htmlKey: record.htmlKey, ...(email ? { email: email.status } : {}), ...sent };
  };

  /**
   * A batch from the report queue: one council's report per record, one after another (each prints in
   * headless Chromium, which wants the function's memory to itself). A month already stored is skipped,
   * so a request queued twice prints once, unless its email is still to send (it failed, or its claim
   * lapsed): then the month is made again and sent, so SQS's retry of a failed email sends it. The
   * email's claim makes a second copy impossible either way. An operator remakes a month by invoking
   * the function directly (which emails only a month not emailed yet). A record that fails fails alone
   * and is retried by SQS.
   */
  const fromQueue = async (event: SQSEvent, context: Context): Promise<{ reports: ReportOutcome[]; batchItemFailures: SQSBatchItemFailure[] }> => {
    const reports: ReportOutcome[] = [];
    const now = clock();
    const reportRequest = async ({ body }: { body: ReportRequest }) => {
      if (!(await deps.store.getCouncil(body.council))) {
        logger.warn('council no longer registered', { council: body.council, month: body.month });
        return;
      }
      const view = deps.store.forCouncil(body.council);
      const latest = await view.latestReport();
      const stored = latest !== undefined && latest.month >= body.month;
      if (stored && !(latest.month === body.month && deps.mail && (await reportEmailPending(view, body.month, now)))) {
        logger.info('monthly report already stored', { council: body.council, month: body.month, latest: latest.month });
        return;
      }
      reports.push(await makeReport(body.council, now, body.month));
    };
    const { batchItemFailures } = await processPartialResponse(event, reportRequest, processor, { context, processInParallel: false });
    return { reports, batchItemFailures };
  };

  return middy(async (event: unknown, context: Context): Promise<{ reports: ReportOutcome[]; batchItemFailures?: SQSBatchItemFailure[] }> => {
    if (isSqsEvent(event)) return fromQueue(event as SQSEvent, context);
    const { council, month } = MonthlyReportEventSchema.parse(event ?? {});
    const now = clock();
    // One at a time (concurrency 1): each report prints in its own headless Chromium.
    const outcomes = await forEachCouncil(deps.store, 'the monthly report', ({ id }) => makeReport(id, now, month), {
      ...(council ? { council } : {}),
      concurrency: 1,
      onError: (id, error) => logger.error('monthly report failed', { council: id, error: String(error) }),
    });
    return { reports: outcomes.flatMap((o) => (o.ok ? [o.value] : [])) };
  }).use(injectLambdaContext(logger));
}
