// The deployed scan-account function: reads its environment at cold start (naming any variable that
// is missing) and wires the store and the platform connectors, with tokens from Secrets Manager.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { tokensFromEnvironment, tokensFromSecret } from '../../shared/connectors/credentials';
import { platformRegistry } from '../../shared/connectors/platforms';
import { readEnvironment } from '../../shared/runtime/environment';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { createHandler, ENVIRONMENT } from './create-handler';

const env = readEnvironment(ENVIRONMENT);

export const handler = createHandler({
  store: dynamoDbStore({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT, tableName: env.TABLE_NAME }),
  connectors: platformRegistry({
    token: env.PLATFORM_SECRET_ARN
      ? tokensFromSecret(new SecretsManagerClient({ region: env.AWS_REGION }), env.PLATFORM_SECRET_ARN)
      : tokensFromEnvironment(process.env),
  }),
  retentionDays: env.RETENTION_DAYS,
});
