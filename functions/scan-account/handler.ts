// The deployed scan-account function: reads its environment at cold start (naming any variable that
// is missing) and wires the store and the platform connectors (and their account search, for
// discovery), with tokens from Secrets Manager.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { tokensFromEnvironment, tokensFromSecret } from '../../shared/connectors/credentials';
import { accountSearches, platformRegistry } from '../../shared/connectors/platforms';
import { readEnvironment } from '../../shared/runtime/environment';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { createHandler, ENVIRONMENT } from './create-handler';

const env = readEnvironment(ENVIRONMENT);
const token = env.PLATFORM_SECRET_ARN
  ? tokensFromSecret(new SecretsManagerClient({ region: env.AWS_REGION }), env.PLATFORM_SECRET_ARN)
  : tokensFromEnvironment(process.env);

export const handler = createHandler({
  store: dynamoDbStore({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT, tableName: env.TABLE_NAME }),
  connectors: platformRegistry({ token }),
  discovery: { searches: accountSearches({ token }) },
  retentionDays: env.RETENTION_DAYS,
});
