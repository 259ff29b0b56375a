// The deployed console function: reads its environment at cold start (naming any variable that is
// missing), then on its first request reads its secret (once per instance) and builds the console
// on the DynamoDB store, Cognito's invitations and managed login.
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { cognitoInvitations } from '../../shared/console/cognito-invitations';
import type { ConsoleHandler } from '../../shared/console/http';
import { clientConfig } from '../../shared/runtime/aws';
import { readEnvironment } from '../../shared/runtime/environment';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { readConsoleSecret } from './console-secret';
import { createHandler, ENVIRONMENT } from './create-handler';

const env = readEnvironment(ENVIRONMENT);
const store = dynamoDbStore({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT, tableName: env.TABLE_NAME });
const invitations = cognitoInvitations({ region: env.AWS_REGION, userPoolId: env.COGNITO_USER_POOL_ID });

export const handler = createHandler(async (): Promise<ConsoleHandler> => {
  const secret = await readConsoleSecret(new SecretsManagerClient(clientConfig({ region: env.AWS_REGION })), env.CONSOLE_SECRET_ARN);
  void [store, invitations, secret];
  // Placeholder until the console application (shared/console/app.ts) is merged.
  return async () => ({ status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' }, cookies: [], body: 'The console is not built yet.' });
});
