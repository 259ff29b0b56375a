import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from '../../shared/zod';
import { CouncilIdSchema } from '../../shared/domain/council';
import { sendCouncilDigest } from '../../shared/digest/weekly-digest';
import type { Mailer } from '../../shared/email/mailer';
import type { ReportStorage } from '../../shared/report/report-storage';
import { environmentSchema } from '../../shared/runtime/environment';
import { logger } from '../../shared/runtime/logger';
import type { AuditStore } from '../../shared/store/audit-store';
import { forEachCouncil } from '../../shared/tenancy/each-council';

/** What the deployed function reads at cold start (handler.ts); without a reports bucket the digest carries no report link. */
export const ENVIRONMENT = environmentSchema(['TABLE_NAME', 'DIGEST_FROM', 'AWS_REGION'], ['REPORTS_BUCKET', 'SES_CONFIGURATION_SET', 'DYNAMODB_ENDPOINT', 'SES_ENDPOINT']);

export interface WeeklyDigestDeps {
  store: Pick<AuditStore, 'getCouncil' | 'listCouncils' | 'forCouncil'>;
  mailer: Mailer;
  /** The deployment's sender; each council's recipients are in its registration. */
  from: string;
  /** Where the monthly reports are, for the digest's link to each council's latest. */
  reports?: ReportStorage;
  clock?: () => Date;
}

/**
 * The schedule sends `{}`: last week's digest of every registered council, each to its own recipients.
 * An operator may name a council, a week to (re)send, or both: `{ "council": "harbourne-tc", "week": "2026-W05" }`.
 */
export const DigestEventSchema = z.looseObject({
  council: z.optional(CouncilIdSchema),
  week: z.optional(z.string().check(z.regex(/^\d{4}-W\d{2}$/, 'expected an ISO week such as 2026-W05'))),
});

export function createHandler(deps: WeeklyDigestDeps) {
  const clock = deps.clock ?? (() => new Date());
  return middy(async (event: unknown) => {
    const { council, week } = DigestEventSchema.parse(event ?? {});
    const now = clock();
    const outcomes = await forEachCouncil(
      deps.store,
      'the weekly digest',
      async ({ id, digestTo }) => {
        const result = await sendCouncilDigest({
          store: deps.store.forCouncil(id),
          mailer: deps.mailer,
          from: deps.from,
          to: digestTo,
          now,
          ...(deps.reports ? { reports: deps.reports } : {}),
          ...(week ? { week } : {}),
        });
        logger.info('weekly digest', { council: id, week: result.week.id, status: result.status });
        return { council: id, week: result.week.id, status: result.status, ...(result.messageId ? { messageId: result.messageId } : {}) };
      },
      { ...(council ? { council } : {}), onError: (id, error) => logger.error('weekly digest failed', { council: id, error: String(error) }) },
    );
    return { digests: outcomes.flatMap((o) => (o.ok ? [o.value] : [])) };
  }).use(injectLambdaContext(logger));
}
