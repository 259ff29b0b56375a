import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from '../../shared/zod';
import { MONTH_PATTERN, previousMonth } from '../../shared/domain/calendar';
import { storeMonthlyReport } from '../../shared/report/monthly-report';
import type { ReportStorage } from '../../shared/report/report-storage';
import { environmentSchema } from '../../shared/runtime/environment';
import { logger } from '../../shared/runtime/logger';
import { requireCouncilConfig, type AuditStore } from '../../shared/store/audit-store';

/** What the deployed function reads at cold start (handler.ts). */
export const ENVIRONMENT = environmentSchema(['TABLE_NAME', 'REPORTS_BUCKET', 'AWS_REGION'], ['DYNAMODB_ENDPOINT']);

export interface MonthlyReportDeps {
  store: AuditStore;
  reports: ReportStorage;
  clock?: () => Date;
}

/** The schedule sends `{}` (last month's report); an operator may name a month to (re)make: `{ "month": "2026-10" }`. */
export const MonthlyReportEventSchema = z.looseObject({ month: z.optional(z.string().check(z.regex(MONTH_PATTERN, 'expected a month such as 2026-10'))) });

export function createHandler(deps: MonthlyReportDeps) {
  const clock = deps.clock ?? (() => new Date());
  return middy(async (event: unknown) => {
    const { month: requested } = MonthlyReportEventSchema.parse(event ?? {});
    const config = await requireCouncilConfig(deps.store);
    const now = clock();
    const month = requested ?? previousMonth(now, config.timezone);
    const { record, facts } = await storeMonthlyReport({ store: deps.store, storage: deps.reports, config, month, now });
    logger.info('monthly report', { month, key: record.key, findings: facts.summary.findings });
    return { month, key: record.key, htmlKey: record.htmlKey };
  }).use(injectLambdaContext(logger));
}
