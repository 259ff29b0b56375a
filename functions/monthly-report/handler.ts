import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { z } from 'zod';
import { MONTH_PATTERN, previousMonth } from '../../shared/domain/calendar';
import { storeMonthlyReport } from '../../shared/report/monthly-report';
import { requireCouncilConfig } from '../../shared/scanning/scan-account';
import { logger } from '../../shared/runtime/logger';
import { lazyRuntime, type Runtime } from '../../shared/runtime/runtime';

/** The schedule sends `{}` (last month's report); an operator may name a month to (re)make: `{ "month": "2026-10" }`. */
export const MonthlyReportEventSchema = z.object({ month: z.string().regex(MONTH_PATTERN, 'expected a month such as 2026-10').optional() }).loose();

export function createHandler(runtime: () => Runtime) {
  return middy(async (event: unknown) => {
    const { month: requested } = MonthlyReportEventSchema.parse(event ?? {});
    const { store, clock } = runtime();
    const storage = runtime().reportStorage();
    const config = await requireCouncilConfig(store);
    const now = clock();
    const month = requested ?? previousMonth(now, config.timezone);
    const { record, facts } = await storeMonthlyReport({ store, storage, config, month, now });
    logger.info('monthly report', { month, key: record.key, findings: facts.summary.findings });
    return { month, key: record.key, htmlKey: record.htmlKey };
  }).use(injectLambdaContext(logger));
}

export const handler = createHandler(lazyRuntime());
