import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from '../../shared/zod';
import { parseIsoWeek, previousIsoWeek } from '../../shared/domain/calendar';
import { sendWeeklyDigest } from '../../shared/digest/weekly-digest';
import type { Mailer } from '../../shared/email/mailer';
import { latestReportLink } from '../../shared/report/report-link';
import type { ReportStorage } from '../../shared/report/report-storage';
import { environmentSchema } from '../../shared/runtime/environment';
import { logger } from '../../shared/runtime/logger';
import { requireCouncilConfig, type AuditStore } from '../../shared/store/audit-store';

/** What the deployed function reads at cold start (handler.ts); without a reports bucket the digest carries no report link. */
export const ENVIRONMENT = environmentSchema(['TABLE_NAME', 'DIGEST_FROM', 'DIGEST_TO', 'AWS_REGION'], ['REPORTS_BUCKET', 'SES_CONFIGURATION_SET', 'DYNAMODB_ENDPOINT', 'SES_ENDPOINT']);

export interface WeeklyDigestDeps {
  store: AuditStore;
  mailer: Mailer;
  from: string;
  to: readonly string[];
  /** Where the monthly report is, for the digest's link to it. */
  reports?: ReportStorage;
  clock?: () => Date;
}

/** The schedule sends `{}` (last week's digest); an operator may name a week to (re)send: `{ "week": "2026-W05" }`. */
export const DigestEventSchema = z.looseObject({ week: z.optional(z.string().check(z.regex(/^\d{4}-W\d{2}$/, 'expected an ISO week such as 2026-W05'))) });

export function createHandler(deps: WeeklyDigestDeps) {
  const clock = deps.clock ?? (() => new Date());
  return middy(async (event: unknown) => {
    const { week: requested } = DigestEventSchema.parse(event ?? {});
    const config = await requireCouncilConfig(deps.store);
    const now = clock();
    const week = requested ? parseIsoWeek(requested) : previousIsoWeek(now, config.timezone);
    const reportLink = deps.reports ? await latestReportLink(deps.store, deps.reports, now) : undefined;
    const result = await sendWeeklyDigest({
      store: deps.store,
      mailer: deps.mailer,
      config,
      week,
      from: deps.from,
      to: [...deps.to],
      now,
      ...(reportLink ? { reportLink } : {}),
    });
    logger.info('weekly digest', { week: week.id, status: result.status });
    return { week: week.id, status: result.status, ...(result.messageId ? { messageId: result.messageId } : {}) };
  }).use(injectLambdaContext(logger));
}
