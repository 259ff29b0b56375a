import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { z } from 'zod';
import { EnvironmentError } from '../../shared/runtime/environment';
import { parseIsoWeek, previousIsoWeek } from '../../shared/domain/calendar';
import { sendWeeklyDigest } from '../../shared/digest/weekly-digest';
import type { ReportLink } from '../../shared/digest/build-digest';
import type { ReportStorage } from '../../shared/report/report-storage';
import type { AuditStore } from '../../shared/store/audit-store';
import { requireCouncilConfig } from '../../shared/scanning/scan-account';
import { logger } from '../../shared/runtime/logger';
import { lazyRuntime, type Runtime } from '../../shared/runtime/runtime';

/** The schedule sends `{}` (last week's digest); an operator may name a week to (re)send: `{ "week": "2026-W05" }`. */
export const DigestEventSchema = z.object({ week: z.string().regex(/^\d{4}-W\d{2}$/, 'expected an ISO week such as 2026-W05').optional() }).loose();

export function createHandler(runtime: () => Runtime) {
  return middy(async (event: unknown) => {
    const { week: requested } = DigestEventSchema.parse(event ?? {});
    const { store, env, clock } = runtime();
    if (!env.DIGEST_FROM || !env.DIGEST_TO) {
      throw new EnvironmentError('invalid environment', [{ field: env.DIGEST_FROM ? 'DIGEST_TO' : 'DIGEST_FROM', message: 'is missing' }]);
    }
    const config = await requireCouncilConfig(store);
    const now = clock();
    const week = requested ? parseIsoWeek(requested) : previousIsoWeek(now, config.timezone);
    const reportLink = env.REPORTS_BUCKET ? await latestReportLink(store, runtime().reportStorage(), now) : undefined;
    const result = await sendWeeklyDigest({
      store,
      mailer: runtime().mailer(),
      config,
      week,
      from: env.DIGEST_FROM,
      to: env.DIGEST_TO.split(',').map((s) => s.trim()).filter(Boolean),
      now,
      ...(reportLink ? { reportLink } : {}),
    });
    logger.info('weekly digest', { week: week.id, status: result.status });
    return { week: week.id, status: result.status, ...(result.messageId ? { messageId: result.messageId } : {}) };
  }).use(injectLambdaContext(logger));
}

/**
 * A pre-signed link stops working when the credentials that signed it expire, and a Lambda signs with
 * its role's session: a longer promise than this would be broken. The digest says when it expires.
 */
export const REPORT_LINK_SECONDS = 12 * 60 * 60;

/** A link to the newest stored Full Council report, if there is one. */
export async function latestReportLink(store: AuditStore, storage: ReportStorage, now: Date): Promise<ReportLink | undefined> {
  const report = await store.latestReport();
  if (!report) return undefined;
  return {
    month: report.month,
    url: await storage.linkTo(report.key, REPORT_LINK_SECONDS),
    expiresAt: new Date(now.getTime() + REPORT_LINK_SECONDS * 1000).toISOString(),
  };
}

export const handler = createHandler(lazyRuntime());
