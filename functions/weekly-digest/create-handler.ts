import middy from '@middy/core';
import { processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SQSBatchItemFailure, SQSEvent } from 'aws-lambda';
import * as z from '../../shared/zod';
import { CouncilIdSchema, type Council } from '../../shared/domain/council';
import { sendCouncilDigest } from '../../shared/digest/weekly-digest';
import type { Mailer } from '../../shared/email/mailer';
import { DigestRequestSchema, IsoWeekIdSchema, type DigestRequest } from '../../shared/queue/council-jobs';
import { loggedBatchProcessor } from '../../shared/queue/logged-batch-processor';
import { isSqsEvent } from '../../shared/queue/sqs-record';
import type { ReportStorage } from '../../shared/report/report-storage';
import { environmentSchema } from '../../shared/runtime/environment';
import { logger } from '../../shared/runtime/logger';
import type { AuditStore } from '../../shared/store/audit-store';
import { forEachCouncil } from '../../shared/tenancy/each-council';

/** What the deployed function reads at cold start (handler.ts); without a reports bucket the digest carries no report link. */
export const ENVIRONMENT = environmentSchema(['TABLE_NAME', 'DIGEST_FROM', 'AWS_REGION'], ['REPORTS_BUCKET', 'SES_CONFIGURATION_SET', 'DYNAMODB_ENDPOINT', 'SES_ENDPOINT', 'CONSOLE_URL']);

export interface WeeklyDigestDeps {
  store: Pick<AuditStore, 'getCouncil' | 'listCouncils' | 'forCouncil'>;
  mailer: Mailer;
  /** The deployment's sender; each council's recipients are in its registration. */
  from: string;
  /** Where the monthly reports are, for the digest's link to each council's latest. */
  reports?: ReportStorage;
  /** The deployment's console (`https://audit.example`): each digest item links to its page there. */
  consoleUrl?: string;
  clock?: () => Date;
}

/**
 * An operator's direct invocation: `{}` sends last week's digest of every registered council (a small
 * deployment, or the local twin); a council, a week to (re)send, or both may be named:
 * `{ "council": "harbourne-tc", "week": "2026-W05" }`. `"force": true` sends that council's week even
 * if it was sent or is stuck `sending`, and needs both named. The hourly tick (council-jobs) does not
 * call this: it queues one DigestRequest per council that is due, and the queue delivers them here in batches.
 */
export const DigestEventSchema = z
  .looseObject({
    council: z.optional(CouncilIdSchema),
    week: z.optional(IsoWeekIdSchema),
    force: z.optional(z.boolean()),
  })
  .check(
    z.refine((event) => !event.force || (event.council !== undefined && event.week !== undefined), {
      message: 'a forced digest names the council and the week it re-sends (council and week are required with force)',
      path: ['force'],
    }),
  );

/** One council's digest, as the handler reports it. */
export interface DigestOutcome {
  council: string;
  week: string;
  status: 'sent' | 'already-sent';
  messageId?: string;
}

export function createHandler(deps: WeeklyDigestDeps) {
  const clock = deps.clock ?? (() => new Date());
  const processor = loggedBatchProcessor('digest request', DigestRequestSchema);

  const sendDigest = async ({ id, digestTo }: Pick<Council, 'id' | 'digestTo'>, now: Date, week?: string, force = false): Promise<DigestOutcome> => {
    const result = await sendCouncilDigest({
      store: deps.store.forCouncil(id),
      mailer: deps.mailer,
      from: deps.from,
      to: digestTo,
      now,
      ...(deps.reports ? { reports: deps.reports } : {}),
      ...(deps.consoleUrl ? { consoleUrl: deps.consoleUrl } : {}),
      ...(week ? { week } : {}),
      ...(force ? { force } : {}),
    });
    logger.info('weekly digest', { council: id, week: result.week.id, status: result.status, ...(force ? { forced: true } : {}) });
    return { council: id, week: result.week.id, status: result.status, ...(result.messageId ? { messageId: result.messageId } : {}) };
  };

  /**
   * A batch from the digest queue: one council's digest per record, one after another (SES sends a
   * few a second; the event source's concurrency keeps the fleet under that). A record that fails
   * (SES refused, a council not configured, a malformed message) fails alone and is retried by SQS.
   */
  const fromQueue = async (event: SQSEvent, context: Context): Promise<{ digests: DigestOutcome[]; batchItemFailures: SQSBatchItemFailure[] }> => {
    const digests: DigestOutcome[] = [];
    const now = clock();
    const sendRequest = async ({ body }: { body: DigestRequest }) => {
      const council = await deps.store.getCouncil(body.council);
      if (!council) {
        // Removed between the tick and now: nothing to send, nothing to retry.
        logger.warn('council no longer registered', { council: body.council, week: body.week });
        return;
      }
      digests.push(await sendDigest(council, now, body.week));
    };
    const { batchItemFailures } = await processPartialResponse(event, sendRequest, processor, { context, processInParallel: false });
    return { digests, batchItemFailures };
  };

  return middy(async (event: unknown, context: Context): Promise<{ digests: DigestOutcome[]; batchItemFailures?: SQSBatchItemFailure[] }> => {
    if (isSqsEvent(event)) return fromQueue(event as SQSEvent, context);
    const { council, week, force } = DigestEventSchema.parse(event ?? {});
    const now = clock();
    const outcomes = await forEachCouncil(deps.store, 'the weekly digest', (c) => sendDigest(c, now, week, force === true), {
      ...(council ? { council } : {}),
      onError: (id, error) => logger.error('weekly digest failed', { council: id, error: String(error) }),
    });
    return { digests: outcomes.flatMap((o) => (o.ok ? [o.value] : [])) };
  }).use(injectLambdaContext(logger));
}
