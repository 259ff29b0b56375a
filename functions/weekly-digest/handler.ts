import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { z } from 'zod';
import { EnvironmentError } from '../../shared/runtime/environment';
import { parseIsoWeek, previousIsoWeek } from '../../shared/domain/iso-week';
import { sendWeeklyDigest } from '../../shared/digest/weekly-digest';
import { CouncilNotConfiguredError } from '../../shared/scanning/scan-account';
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
    const config = await store.getCouncilConfig();
    if (!config) throw new CouncilNotConfiguredError('the council configuration has not been stored yet');
    const now = clock();
    const week = requested ? parseIsoWeek(requested) : previousIsoWeek(now, config.timezone);
    const result = await sendWeeklyDigest({
      store,
      mailer: runtime().mailer(),
      config,
      week,
      from: env.DIGEST_FROM,
      to: env.DIGEST_TO.split(',').map((s) => s.trim()).filter(Boolean),
      now,
    });
    logger.info('weekly digest', { week: week.id, status: result.status });
    return { week: week.id, status: result.status, ...(result.messageId ? { messageId: result.messageId } : {}) };
  }).use(injectLambdaContext(logger));
}

export const handler = createHandler(lazyRuntime());
