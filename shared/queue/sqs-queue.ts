import type { AwsSettings } from '../runtime/aws';
import { describeRequest, type ScanQueue, type ScanRequest } from './scan-queue';
import { sqsJobQueue } from './sqs-job-queue';

/** The scan queue on an SQS queue, with a client of its own: the job queue adapter, naming a refused request by its account. */
export function sqsScanQueue(settings: AwsSettings & { queueUrl: string }): ScanQueue {
  return sqsJobQueue<ScanRequest>({ ...settings, what: 'scan request', describe: describeRequest });
}
