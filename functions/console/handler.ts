// The deployed console function: reads its environment at cold start (naming any variable that is
// missing), then on its first request reads its secrets (once per instance: its own, and the value
// CloudFront's origin header must carry, without which a request is refused) and builds the console on
// the DynamoDB store, Cognito's managed login and Cognito's invitations. CloudFront serves the static
// assets from S3: the function is given their names only. The Secrets Manager and Cognito SDKs are
// loaded when first used (the first request, the first invitation), not at cold start, and so is the
// S3 SDK (the first stored report served).
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createConsole } from '../../shared/console/app';
import { cognitoInvitations } from '../../shared/console/cognito-invitations';
import { clientConfig } from '../../shared/runtime/aws';
import { readEnvironment } from '../../shared/runtime/environment';
import { logger } from '../../shared/runtime/logger';
import { lazyS3ReportReader } from '../../shared/report/s3-report-reader';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { readConsoleSecret, readOriginSecret, secretsManagerSdk } from './console-secret';
import { CONSOLE_AUTH_PATHS, createHandler, ENVIRONMENT } from './create-handler';

const env = readEnvironment(ENVIRONMENT);
const baseUrl = env.CONSOLE_URL.replace(/\/+$/, '');
// One client for both secrets (the console's own and CloudFront's origin value), made when the first is read.
let secretsClient: Promise<SecretsManagerClient> | undefined;
const secretsManager = () =>
  (secretsClient ??= secretsManagerSdk().then(({ SecretsManagerClient }) => new SecretsManagerClient(clientConfig({ region: env.AWS_REGION }))));

export const handler = createHandler(async () => {
  const secret = await readConsoleSecret(await secretsManager(), env.CONSOLE_SECRET_ARN);
  return createConsole({
    store: dynamoDbStore({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT, tableName: env.TABLE_NAME }),
    baseUrl,
    sessionSecret: secret.sessionSecret,
    signIn: {
      issuerUrl: env.COGNITO_ISSUER,
      clientId: env.COGNITO_CLIENT_ID,
      clientSecret: secret.clientSecret,
      redirectUri: `${baseUrl}${CONSOLE_AUTH_PATHS.callback}`,
      postLogoutRedirectUri: `${baseUrl}${CONSOLE_AUTH_PATHS.signedOut}`,
      // Cognito's discovery document names no end-session endpoint: its managed login signs out here.
      logoutUrl: `${env.COGNITO_DOMAIN.replace(/\/+$/, '')}/logout`,
    },
    invitations: cognitoInvitations({ region: env.AWS_REGION, userPoolId: env.COGNITO_USER_POOL_ID }),
    // The reports page serves the stored monthly reports (PDF and HTML) from the reports bucket.
    reports: lazyS3ReportReader({ region: env.AWS_REGION, bucket: env.REPORTS_BUCKET }),
    assets: { manifest: { stylesheet: env.CONSOLE_STYLESHEET, script: env.CONSOLE_SCRIPT } },
    log: (message, error) => logger.error(message, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  });
}, {
  // Only requests through CloudFront carry its header: API Gateway's own address serves nothing.
  originSecret: async () => readOriginSecret(await secretsManager(), env.CONSOLE_ORIGIN_SECRET_ARN),
});
