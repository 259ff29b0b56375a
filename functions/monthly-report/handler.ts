// The deployed monthly-report function: reads its environment at cold start (naming any variable that
// is missing) and wires the store and the reports bucket.
import { s3ReportStorage } from '../../shared/report/s3-storage';
import { readEnvironment } from '../../shared/runtime/environment';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { createHandler, ENVIRONMENT } from './create-handler';

const env = readEnvironment(ENVIRONMENT);

export const handler = createHandler({
  store: dynamoDbStore({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT, tableName: env.TABLE_NAME }),
  reports: s3ReportStorage({ region: env.AWS_REGION, bucket: env.REPORTS_BUCKET }),
});
