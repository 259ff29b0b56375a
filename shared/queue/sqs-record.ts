import { ParsingError } from '@aws-lambda-powertools/batch';
import type { parser } from '@aws-lambda-powertools/batch/parser';
import * as z from '../zod';

/*
 * SQS records as Lambda delivers them, checked by Powertools' batch processor. The schema's fields
 * and checks are Powertools' own SqsRecordSchema and JSONStringified, written again in zod/mini:
 * theirs are classic zod, which would put ~450 KB back into the bundle.
 */

const SqsMessageAttributeSchema = z.object({
  stringValue: z.nullable(z.optional(z.string())),
  binaryValue: z.nullable(z.optional(z.string())),
  stringListValues: z.optional(z.array(z.string())),
  binaryListValues: z.optional(z.array(z.string())),
  dataType: z.union([z.literal('String'), z.literal('Number'), z.literal('Binary'), z.string()]),
});

const SqsAttributesSchema = z.object({
  ApproximateReceiveCount: z.string(),
  ApproximateFirstReceiveTimestamp: z.string(),
  MessageDeduplicationId: z.optional(z.string()),
  MessageGroupId: z.optional(z.string()),
  SenderId: z.string(),
  SentTimestamp: z.string(),
  SequenceNumber: z.optional(z.string()),
  AWSTraceHeader: z.optional(z.string()),
  DeadLetterQueueSourceArn: z.optional(z.string()),
});

/** A record whose body is checked against `body`. */
export function sqsRecordSchema<B extends z.ZodMiniType>(body: B) {
  return z.object({
    messageId: z.string(),
    receiptHandle: z.string(),
    body,
    attributes: SqsAttributesSchema,
    messageAttributes: z.record(z.string(), SqsMessageAttributeSchema),
    md5OfBody: z.string(),
    md5OfMessageAttributes: z.nullable(z.optional(z.string())),
    eventSource: z.literal('aws:sqs'),
    eventSourceARN: z.string(),
    awsRegion: z.string(),
  });
}

/** A JSON text holding what `schema` accepts; text that is not JSON is an issue on the field, not a throw. */
export function jsonText<S extends z.ZodMiniType>(schema: S) {
  const parsed = z.transform((text: string, ctx): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      ctx.issues.push({ code: 'custom', message: `Invalid JSON - ${(error as Error).message}`, input: text, continue: false });
      return z.NEVER;
    }
  });
  return z.pipe(z.pipe(z.string(), parsed), schema);
}

/**
 * The batch processor's `parser` hook for its `schema` option, doing what Powertools'
 * `@aws-lambda-powertools/batch/parser` does with one: the record parsed, or a ParsingError naming each
 * field (`body.platform: Invalid option: …`). Not that module itself: esbuild bundles the imports of its
 * `innerSchema` branch (Powertools' classic-zod schemas) even though they never run.
 */
export const parseRecord: typeof parser = async (record, _eventType, logger, { schema }) => {
  if (schema === undefined) throw new ParsingError('parseRecord reads records with the schema option only');
  const result = await schema['~standard'].validate(record);
  if (result.issues === undefined) return result.value as typeof record;
  const message = result.issues.map((issue) => `${issue.path?.join('.')}: ${issue.message}`).join('; ');
  logger.debug(`Failed to parse record: ${message}`);
  throw new ParsingError(message);
};

/** Whether a function's event is a batch of SQS records (rather than an operator's direct invocation). */
export function isSqsEvent(event: unknown): event is { Records: unknown[] } {
  return typeof event === 'object' && event !== null && Array.isArray((event as { Records?: unknown }).Records);
}
