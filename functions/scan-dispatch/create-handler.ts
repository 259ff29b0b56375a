import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from '../../shared/zod';
import type { ScanQueue } from '../../shared/queue/scan-queue';
import { environmentSchema } from '../../shared/runtime/environment';
import { logger } from '../../shared/runtime/logger';
import { dispatchScan } from '../../shared/scanning/dispatch-scan';
import type { AuditStore } from '../../shared/store/audit-store';

/** What the deployed function reads at cold start (handler.ts). */
export const ENVIRONMENT = environmentSchema(['TABLE_NAME', 'SCAN_QUEUE_URL', 'AWS_REGION'], ['DYNAMODB_ENDPOINT', 'SQS_ENDPOINT']);

export interface ScanDispatchDeps {
  store: Pick<AuditStore, 'getCouncil' | 'listCouncils' | 'forCouncil'>;
  queue: ScanQueue;
}

/** EventBridge Scheduler delivers the schedule's own input; nothing in it is needed. */
export const DispatchEventSchema = z.looseObject({});

export function createHandler(deps: ScanDispatchDeps) {
  return middy(async (event: unknown) => {
    DispatchEventSchema.parse(event ?? {});
    const { councils, requests } = await dispatchScan(deps);
    logger.info('scan dispatched', { councils, accounts: requests.length });
    return { councils, accounts: requests.length };
  }).use(injectLambdaContext(logger));
}
