// The deployed weekly-digest function: reads its environment at cold start (naming any variable that
// is missing) and wires the store, SES and, when a reports bucket is set, the report storage.
import { sesMailer } from '../../shared/email/ses-mailer';
import { s3ReportStorage } from '../../shared/report/s3-storage';
import { readEnvironment } from '../../shared/runtime/environment';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { createHandler, ENVIRONMENT } from './create-handler';

const env = readEnvironment(ENVIRONMENT);

export const handler = createHandler({
  store: dynamoDbStore({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT, tableName: env.TABLE_NAME }),
  mailer: sesMailer({ region: env.AWS_REGION, endpoint: env.SES_ENDPOINT, configurationSetName: env.SES_CONFIGURATION_SET }),
  from: env.DIGEST_FROM,
  ...(env.CONSOLE_URL ? { consoleUrl: env.CONSOLE_URL } : {}),
  ...(env.REPORTS_BUCKET ? { reports: s3ReportStorage({ region: env.AWS_REGION, bucket: env.REPORTS_BUCKET }) } : {}),
});
