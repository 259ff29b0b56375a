import { BatchProcessor, EventType } from '@aws-lambda-powertools/batch';
import type { SQSRecord } from 'aws-lambda';
import type * as z from '../zod';
import { logger } from '../runtime/logger';
import { jsonText, parseRecord, sqsRecordSchema } from './sqs-record';

/**
 * Powertools' SQS batch processor for messages whose body `schema` accepts: a malformed message fails
 * alone, with the field named in the log, and every failed record is logged with `what` (`digest
 * request failed`) before SQS retries it or parks it on the dead-letter queue.
 */
export function loggedBatchProcessor(what: string, schema: z.ZodMiniType): BatchProcessor {
  return new LoggedBatchProcessor(what, schema);
}

class LoggedBatchProcessor extends BatchProcessor {
  constructor(
    private readonly what: string,
    schema: z.ZodMiniType,
  ) {
    super(EventType.SQS, { parser: parseRecord, schema: sqsRecordSchema(jsonText(schema)), logger });
  }

  override failureHandler(record: SQSRecord, error: Error) {
    logger.error(`${this.what} failed`, { messageId: record.messageId, error: `${error.name}: ${error.message}` });
    return super.failureHandler(record, error);
  }
}
