import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CouncilAuditError } from '../domain/errors';
import { clientConfig, type AwsSettings } from '../runtime/aws';
import { describeRequest, type ScanQueue, type ScanRequest } from './scan-queue';

/** The scan queue on an SQS queue, with a client of its own. */
export function sqsScanQueue(settings: AwsSettings & { queueUrl: string }): SqsScanQueue {
  return new SqsScanQueue(new SQSClient(clientConfig(settings)), settings.queueUrl);
}

/** The SQS adapter: batches of ten, and an error naming any message SQS refused. */
export class SqsScanQueue implements ScanQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(requests: readonly ScanRequest[]): Promise<void> {
    for (let i = 0; i < requests.length; i += 10) {
      const batch = requests.slice(i, i + 10);
      const result = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((request, j) => ({ Id: String(i + j), MessageBody: JSON.stringify(request) })),
        }),
      );
      if (result.Failed && result.Failed.length > 0) {
        const refused = result.Failed.map((f) => {
          const request = requests[Number(f.Id)];
          return `${request ? describeRequest(request) : `message ${f.Id}`} (${f.Code})`;
        });
        throw new CouncilAuditError(`SQS refused ${refused.length} scan request(s): ${refused.join(', ')}`);
      }
    }
  }
}
