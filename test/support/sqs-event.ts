import type { SQSEvent } from 'aws-lambda';

/** An SQS batch as Lambda delivers it, one record per request (its body the request as JSON). */
export function sqsEvent(requests: readonly unknown[]): SQSEvent {
  return {
    Records: requests.map((request, i) => ({
      messageId: `msg-${i}`, receiptHandle: `r-${i}`, body: JSON.stringify(request),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1795420800000', SenderId: 'AIDAEXAMPLE', ApproximateFirstReceiveTimestamp: '1795420800001' },
      messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:eu-west-2:111111111111:scan', awsRegion: 'eu-west-2',
    })),
  };
}
