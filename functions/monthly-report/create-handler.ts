import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from '../../shared/zod';
import { MONTH_PATTERN } from '../../shared/domain/calendar';
import { CouncilIdSchema } from '../../shared/domain/council';
import { storeCouncilReport } from '../../shared/report/monthly-report';
import type { ReportStorage } from '../../shared/report/report-storage';
import { environmentSchema } from '../../shared/runtime/environment';
import { logger } from '../../shared/runtime/logger';
import type { AuditStore } from '../../shared/store/audit-store';
import { forEachCouncil } from '../../shared/tenancy/each-council';

/** What the deployed function reads at cold start (handler.ts). */
export const ENVIRONMENT = environmentSchema(['TABLE_NAME', 'REPORTS_BUCKET', 'AWS_REGION'], ['DYNAMODB_ENDPOINT']);

export interface MonthlyReportDeps {
  store: Pick<AuditStore, 'getCouncil' | 'listCouncils' | 'forCouncil'>;
  reports: ReportStorage;
  clock?: () => Date;
}

/**
 * The schedule sends `{}`: last month's report of every registered council. An operator may name a
 * council, a month to (re)make, or both: `{ "council": "harbourne-tc", "month": "2026-10" }`.
 */
export const MonthlyReportEventSchema = z.looseObject({
  council: z.optional(CouncilIdSchema),
  month: z.optional(z.string().check(z.regex(MONTH_PATTERN, 'expected a month such as 2026-10'))),
});

export function createHandler(deps: MonthlyReportDeps) {
  const clock = deps.clock ?? (() => new Date());
  return middy(async (event: unknown) => {
    const { council, month } = MonthlyReportEventSchema.parse(event ?? {});
    const now = clock();
    const outcomes = await forEachCouncil(
      deps.store,
      'the monthly report',
      async ({ id }) => {
        // One at a time (concurrency 1 below): each report prints in its own headless Chromium.
        const { record, facts } = await storeCouncilReport({ store: deps.store.forCouncil(id), storage: deps.reports, now, ...(month ? { month } : {}) });
        logger.info('monthly report', { council: id, month: record.month, key: record.key, findings: facts.summary.findings });
        return { council: id, month: record.month, key: record.key, htmlKey: record.htmlKey };
      },
      { ...(council ? { council } : {}), concurrency: 1, onError: (id, error) => logger.error('monthly report failed', { council: id, error: String(error) }) },
    );
    return { reports: outcomes.flatMap((o) => (o.ok ? [o.value] : [])) };
  }).use(injectLambdaContext(logger));
}
