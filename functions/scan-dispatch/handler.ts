import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { z } from 'zod';
import { dispatchScan } from '../../shared/scanning/dispatch-scan';
import { logger } from '../../shared/runtime/logger';
import { lazyRuntime, type Runtime } from '../../shared/runtime/runtime';

/** EventBridge Scheduler delivers the schedule's own input; nothing in it is needed. */
export const DispatchEventSchema = z.object({}).loose();

export function createHandler(runtime: () => Runtime) {
  return middy(async (event: unknown) => {
    DispatchEventSchema.parse(event ?? {});
    const { store } = runtime();
    const requests = await dispatchScan({ store, queue: runtime().queue() });
    logger.info('scan dispatched', { accounts: requests.length });
    return { accounts: requests.length };
  }).use(injectLambdaContext(logger));
}

export const handler = createHandler(lazyRuntime());
