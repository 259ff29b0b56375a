// The deployed council-jobs function (the hourly tick): reads its environment at cold start (naming
// any variable that is missing) and wires the store and the two queues it feeds.
import type { DigestRequest, ReportRequest } from '../../shared/queue/council-jobs';
import { sqsJobQueue } from '../../shared/queue/sqs-job-queue';
import { readEnvironment } from '../../shared/runtime/environment';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { createHandler, ENVIRONMENT } from './create-handler';

const env = readEnvironment(ENVIRONMENT);
const sqs = { region: env.AWS_REGION, endpoint: env.SQS_ENDPOINT };

export const handler = createHandler({
  store: dynamoDbStore({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT, tableName: env.TABLE_NAME }),
  digests: sqsJobQueue<DigestRequest>({ ...sqs, queueUrl: env.DIGEST_QUEUE_URL, what: 'digest request', describe: (r) => `${r.council} ${r.week}` }),
  reports: sqsJobQueue<ReportRequest>({ ...sqs, queueUrl: env.REPORT_QUEUE_URL, what: 'report request', describe: (r) => `${r.council} ${r.month}` }),
});
