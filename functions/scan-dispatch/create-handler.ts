import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from '../../shared/zod';
import { issuesFromZod, ValidationError } from '../../shared/domain/errors';
import type { ScanQueue } from '../../shared/queue/scan-queue';
import { environmentSchema } from '../../shared/runtime/environment';
import { logger } from '../../shared/runtime/logger';
import { dispatchDiscovery, dispatchReconcile, dispatchScan } from '../../shared/scanning/dispatch-scan';
import type { AuditStore } from '../../shared/store/audit-store';

/** What the deployed function reads at cold start (handler.ts). */
export const ENVIRONMENT = environmentSchema(['TABLE_NAME', 'SCAN_QUEUE_URL', 'AWS_REGION'], ['DYNAMODB_ENDPOINT', 'SQS_ENDPOINT']);

export interface ScanDispatchDeps {
  store: Pick<AuditStore, 'getCouncil' | 'listCouncils' | 'forCouncil'>;
  queue: ScanQueue;
  /** Which hour of the week it is, for discovery; the system clock unless a test fixes it. */
  clock?: () => Date;
}

/**
 * EventBridge Scheduler delivers the schedule's own input: `{}` from the scan schedule (a scan of
 * every account), `{ "task": "discover" }` from the hourly discovery schedule (a search for the
 * impostors of the councils whose hour of the week it is), `{ "task": "reconcile" }` from the hourly
 * reconciliation schedule (the councils whose hour of the day it is listed again, and a rescan queued
 * once for each council whose posts were checked with other rules). An operator may add
 * `"everyCouncil": true` to search for, or reconcile, every council's now.
 */
export const DispatchEventSchema = z.looseObject({
  task: z.optional(z.enum(['scan', 'discover', 'reconcile'])),
  everyCouncil: z.optional(z.boolean()),
});

export function createHandler(deps: ScanDispatchDeps) {
  return middy(async (event: unknown) => {
    const parsed = DispatchEventSchema.safeParse(event ?? {});
    if (!parsed.success) throw new ValidationError('the dispatch event is not one the schedules send', issuesFromZod(parsed.error, event ?? {}));
    if (parsed.data.task === 'reconcile') {
      const now = (deps.clock ?? (() => new Date()))();
      const { councils, reconciles, rescans } = await dispatchReconcile(deps, { now, everyCouncil: parsed.data.everyCouncil === true });
      logger.info('reconciliation dispatched', { councils, accounts: reconciles.length, rescans: rescans.length });
      return { task: 'reconcile', councils, accounts: reconciles.length, rescans: rescans.length };
    }
    if (parsed.data.task === 'discover') {
      const now = (deps.clock ?? (() => new Date()))();
      const { councils } = await dispatchDiscovery(deps, { now, everyCouncil: parsed.data.everyCouncil === true });
      logger.info('discovery dispatched', { councils });
      return { task: 'discover', councils };
    }
    const { councils, requests } = await dispatchScan(deps);
    logger.info('scan dispatched', { councils, accounts: requests.length });
    return { councils, accounts: requests.length };
  }).use(injectLambdaContext(logger));
}
