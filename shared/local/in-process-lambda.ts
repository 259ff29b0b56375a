import { randomUUID } from 'node:crypto';
import type { Context, SQSEvent } from 'aws-lambda';

/**
 * What Lambda hands a handler, made up for running the real handlers in this process: the local twin
 * (`local`) and the simulation (`simulation`) name their functions, queues and logs after themselves.
 */

/** One SQS record carrying `body` as JSON, as Lambda delivers it to a queue consumer. */
export function sqsRecord(body: unknown, source: string): SQSEvent['Records'][number] {
  const messageId = randomUUID();
  return {
    messageId,
    receiptHandle: messageId,
    body: JSON.stringify(body),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(Date.now()),
      SenderId: source,
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:eu-west-2:000000000000:${source}-scan-queue`,
    awsRegion: 'eu-west-2',
  };
}

/** A Lambda context for the function `name`, with the memory and timeout it is deployed with. */
export function lambdaContext(name: string, source: string, size: { memoryMb?: number; timeoutSeconds?: number } = {}): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `${source}-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-2:000000000000:function:${source}-${name}`,
    memoryLimitInMB: String(size.memoryMb ?? 512),
    awsRequestId: randomUUID(),
    logGroupName: `/${source}/${name}`,
    logStreamName: source,
    getRemainingTimeInMillis: () => (size.timeoutSeconds ?? 60) * 1000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
