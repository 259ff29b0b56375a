// The deployed monthly-report function: reads its environment at cold start (naming any variable that
// is missing) and wires the store, the reports bucket and, when it has a sender, SES for the report email.
import { sesMailer } from '../../shared/email/ses-mailer';
import { s3ReportStorage } from '../../shared/report/s3-storage';
import { readEnvironment } from '../../shared/runtime/environment';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { createHandler, ENVIRONMENT, reportMailOf } from './create-handler';

const env = readEnvironment(ENVIRONMENT);
const mail = reportMailOf(env, () => sesMailer({ region: env.AWS_REGION, endpoint: env.SES_ENDPOINT, configurationSetName: env.SES_CONFIGURATION_SET }));

export const handler = createHandler({
  store: dynamoDbStore({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT, tableName: env.TABLE_NAME }),
  reports: s3ReportStorage({ region: env.AWS_REGION, bucket: env.REPORTS_BUCKET }),
  ...(mail ? { mail } : {}),
});
