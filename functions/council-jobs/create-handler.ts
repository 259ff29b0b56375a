import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from '../../shared/zod';
import type { DigestRequest, JobQueue, ReportRequest } from '../../shared/queue/council-jobs';
import { environmentSchema } from '../../shared/runtime/environment';
import { logger } from '../../shared/runtime/logger';
import { queueDueWork, STALE_DIGEST_MESSAGE } from '../../shared/scheduling/queue-due-work';
import type { AuditStore } from '../../shared/store/audit-store';

/** What the deployed function reads at cold start (handler.ts). */
export const ENVIRONMENT = environmentSchema(['TABLE_NAME', 'DIGEST_QUEUE_URL', 'REPORT_QUEUE_URL', 'AWS_REGION'], ['DYNAMODB_ENDPOINT', 'SQS_ENDPOINT']);

export interface CouncilJobsDeps {
  store: Pick<AuditStore, 'listCouncils' | 'forCouncil'>;
  digests: JobQueue<DigestRequest>;
  reports: JobQueue<ReportRequest>;
  clock?: () => Date;
}

/** EventBridge Scheduler delivers the schedule's own input; nothing in it is needed (the time is the clock's). */
export const TickEventSchema = z.looseObject({});

/**
 * The hourly tick: queues each council's weekly digest and monthly report when its own schedule, in
 * its own time zone, says they are due and they have not been done. The work itself runs in the
 * weekly-digest and monthly-report functions, one council per message.
 */
export function createHandler(deps: CouncilJobsDeps) {
  const clock = deps.clock ?? (() => new Date());
  return middy(async (event: unknown) => {
    TickEventSchema.parse(event ?? {});
    const { councils, digests, reports, staleDigests } = await queueDueWork({ ...deps, now: clock() });
    for (const { council, record } of staleDigests) {
      logger.error(STALE_DIGEST_MESSAGE, { council, week: record.week, attempts: record.attempts, claimedAt: record.updatedAt, leaseUntil: record.leaseUntil, requeued: true });
    }
    logger.info('council jobs queued', { councils, digests: digests.length, reports: reports.length });
    return { councils, digests: digests.length, reports: reports.length, staleDigests: staleDigests.length };
  }).use(injectLambdaContext(logger));
}
