// The deployed scan-dispatch function: reads its environment at cold start (naming any variable that
// is missing) and wires the only adapters it uses, the store and the queue.
import { sqsScanQueue } from '../../shared/queue/sqs-queue';
import { readEnvironment } from '../../shared/runtime/environment';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { createHandler, ENVIRONMENT } from './create-handler';

const env = readEnvironment(ENVIRONMENT);

export const handler = createHandler({
  store: dynamoDbStore({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT, tableName: env.TABLE_NAME }),
  queue: sqsScanQueue({ region: env.AWS_REGION, endpoint: env.SQS_ENDPOINT, queueUrl: env.SCAN_QUEUE_URL }),
});
