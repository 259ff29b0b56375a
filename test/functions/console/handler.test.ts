import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleEvent, ConsoleResult } from '../../../functions/console/create-handler';
import { functionUrlEvent, httpApiEvent } from './events';

// The deployed composition root, loaded as Lambda loads it, with the stack's variables. Secrets
// Manager is answered by aws-sdk-client-mock (no stand-in here); no page below reaches DynamoDB or Cognito.
const secrets = mockClient(SecretsManagerClient);
const ENV = {
  AWS_REGION: 'eu-west-2',
  TABLE_NAME: 'council-audit',
  CONSOLE_URL: 'https://audit.harbourne-tc.example',
  CONSOLE_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-2:111111111111:secret:console-AbCdEf',
  COGNITO_USER_POOL_ID: 'eu-west-2_Harbourne1',
  COGNITO_ISSUER: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Harbourne1',
  COGNITO_CLIENT_ID: '1example23456789abcdefghij',
  COGNITO_DOMAIN: 'https://council-audit-111111111111.auth.eu-west-2.amazoncognito.com',
  CONSOLE_STYLESHEET: '/assets/console-0123456789ab.css',
  CONSOLE_SCRIPT: '/assets/init-0123456789ab.js',
  REPORTS_BUCKET: 'council-audit-reports-111111111111',
};
const context = { functionName: 'console', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 25_000 } as unknown as Context;

async function deployedHandler(): Promise<(event: ConsoleEvent, context: Context) => Promise<ConsoleResult>> {
  vi.resetModules();
  for (const [key, value] of Object.entries(ENV)) vi.stubEnv(key, value);
  return ((await import('../../../functions/console/handler')) as { handler: (event: ConsoleEvent, context: Context) => Promise<ConsoleResult> }).handler;
}

afterEach(() => {
  secrets.reset();
  vi.unstubAllEnvs();
});

describe('the deployed console function', () => {
  it("serves the start page through the real console, linking the stack's asset names, with its security headers", async () => {
    // Prepare
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ sessionSecret: 's'.repeat(64), clientSecret: 'client-secret' }) });
    const handler = await deployedHandler();

    // Act
    const result = await handler(httpApiEvent({ rawPath: '/', rawQueryString: '', cookies: undefined }), context);

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(false);
    expect(result.body).toContain(`href="${ENV.CONSOLE_STYLESHEET}"`);
    expect(result.body).toContain(`src="${ENV.CONSOLE_SCRIPT}"`);
    expect(result.headers?.['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(secrets.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input)).toEqual([{ SecretId: ENV.CONSOLE_SECRET_ARN }]);
  });

  it('reads its secret once, however many requests follow', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ sessionSecret: 's'.repeat(64), clientSecret: 'client-secret' }) });
    const handler = await deployedHandler();
    await handler(httpApiEvent({ rawPath: '/', rawQueryString: '', cookies: undefined }), context);
    await handler(functionUrlEvent({ rawPath: '/signed-out' }), context);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('sends a signed-out person who asks for a council page to sign in', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ sessionSecret: 's'.repeat(64), clientSecret: 'client-secret' }) });
    const handler = await deployedHandler();
    const result = await handler(httpApiEvent({ cookies: undefined }), context);
    expect(result.statusCode).toBe(303);
    expect(result.headers?.location).toMatch(/^\/sign-in\?returnTo=%2Fcouncils%2Fharbourne-tc%2Ffindings/);
  });

  it('shows its error page, not the cause, when its secret is unusable, and reads it again on the next request', async () => {
    // Prepare: a placeholder left in the secret, then the real value
    secrets.on(GetSecretValueCommand).resolvesOnce({ SecretString: 'change-me' }).resolves({ SecretString: JSON.stringify({ sessionSecret: 's'.repeat(64), clientSecret: 'client-secret' }) });
    const handler = await deployedHandler();

    // Act
    const first = await handler(httpApiEvent({ rawPath: '/', rawQueryString: '', cookies: undefined }), context);
    const second = await handler(httpApiEvent({ rawPath: '/', rawQueryString: '', cookies: undefined }), context);

    // Assess
    expect(first.statusCode).toBe(500);
    expect(first.body).not.toMatch(/change-me|secretsmanager|sessionSecret/);
    expect(second.statusCode).toBe(200);
  });
});
