import middy from '@middy/core';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { AccountNotFoundError, issuesFromZod, describeIssue } from '../../shared/domain/errors';
import { ScanRequestSchema } from '../../shared/queue/scan-queue';
import { scanAccount } from '../../shared/scanning/scan-account';
import { logger } from '../../shared/runtime/logger';
import { lazyRuntime, type Runtime } from '../../shared/runtime/runtime';

export class MalformedScanRequestError extends Error {
  override name = 'MalformedScanRequestError';
}

/**
 * One SQS record, one account. A capture failure is recorded on the scan run by the use case and
 * is not an error here; a storage failure or a malformed message fails the record alone (partial
 * batch response), so SQS retries it and, in the end, parks it on the dead-letter queue.
 */
export function createHandler(runtime: () => Runtime) {
  const processor = new BatchProcessor(EventType.SQS);

  const scanRecord = async (record: SQSRecord) => {
    const request = parseRequest(record);
    const { store, connectors, env, clock } = runtime();
    try {
      const run = await scanAccount({ store, connectors, clock, retentionDays: env.RETENTION_DAYS }, request);
      logger.info('account scanned', {
        platform: run.platform,
        account: run.handle,
        outcome: run.outcome,
        postsFetched: run.postsFetched,
        postsNew: run.postsNew,
        findingsNew: run.findingsNew,
      });
    } catch (error) {
      if (error instanceof AccountNotFoundError) {
        // Unregistered between dispatch and scan: nothing to scan, nothing to retry.
        logger.warn('account no longer registered', { platform: request.platform, account: request.handle });
        return;
      }
      throw error;
    }
  };

  return middy(async (event: SQSEvent, context: Context) =>
    processPartialResponse(event, scanRecord, processor, { context }),
  ).use(injectLambdaContext(logger));
}

function parseRequest(record: SQSRecord) {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    throw new MalformedScanRequestError(`message ${record.messageId}: body is not JSON`);
  }
  const parsed = ScanRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new MalformedScanRequestError(`message ${record.messageId}: ${issuesFromZod(parsed.error, body).map(describeIssue).join('; ')}`);
  }
  return parsed.data;
}

export const handler = createHandler(lazyRuntime());
