import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CouncilAuditError } from '../domain/errors';
import { clientConfig, type AwsSettings } from '../runtime/aws';
import type { JobQueue } from './council-jobs';

/** A job queue on SQS, with a client of its own; `describe` names a request in an error (`harbourne-tc 2026-W05`). */
export function sqsJobQueue<T>(settings: AwsSettings & { queueUrl: string; what: string; describe: (request: T) => string }): SqsJobQueue<T> {
  return new SqsJobQueue<T>(new SQSClient(clientConfig(settings)), settings.queueUrl, settings.what, settings.describe);
}

/** The SQS adapter: one JSON message per request, in batches of ten, and an error naming any request SQS refused. */
export class SqsJobQueue<T> implements JobQueue<T> {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
    private readonly what: string,
    private readonly describe: (request: T) => string,
  ) {}

  async send(requests: readonly T[]): Promise<void> {
    const refused: string[] = [];
    for (let i = 0; i < requests.length; i += 10) {
      const batch = requests.slice(i, i + 10);
      const result = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((request, j) => ({ Id: String(i + j), MessageBody: JSON.stringify(request) })),
        }),
      );
      for (const failed of result.Failed ?? []) refused.push(`${this.describe(requests[Number(failed.Id)]!)} (${failed.Code})`);
    }
    // Every batch is tried first, so one refusal does not hold back the other councils' work.
    if (refused.length > 0) throw new CouncilAuditError(`SQS refused ${refused.length} ${this.what}(s): ${refused.join(', ')}`);
  }
}
