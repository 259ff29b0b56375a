// The deployed scan-account function: reads its environment at cold start (naming any variable that
// is missing) and wires the store, the hosts' shared request budget and the platform connectors (and
// their account search, for discovery), with tokens from Secrets Manager.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { tokensFromEnvironment, tokensFromSecret } from '../../shared/connectors/credentials';
import { accountSearches, platformRegistry } from '../../shared/connectors/platforms';
import { clientConfig } from '../../shared/runtime/aws';
import { readEnvironment } from '../../shared/runtime/environment';
import { dynamoDbHostBudget } from '../../shared/store/dynamodb-host-budget';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { createHandler, ENVIRONMENT, HOST_WAIT_MS } from './create-handler';

const env = readEnvironment(ENVIRONMENT);
const table = { region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT, tableName: env.TABLE_NAME };
const platforms = {
  token: env.PLATFORM_SECRET_ARN
    ? tokensFromSecret(new SecretsManagerClient(clientConfig({ region: env.AWS_REGION })), env.PLATFORM_SECRET_ARN)
    : tokensFromEnvironment(process.env),
  // Every instance of this function shares each host's budget through the table, searches included.
  hostBudget: dynamoDbHostBudget({ ...table, maxWaitMs: HOST_WAIT_MS }),
};

export const handler = createHandler({
  store: dynamoDbStore(table),
  connectors: platformRegistry(platforms),
  discovery: { searches: accountSearches(platforms) },
  retentionDays: env.RETENTION_DAYS,
});
