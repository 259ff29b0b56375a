import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ORIGIN_HEADER, type ConsoleEvent, type ConsoleResult } from '../../../functions/console/create-handler';
import { cookieNames, Sealer } from '../../../shared/console/session';
import { ensureTable, startDynalite } from '../../../shared/local/dynalite';
import { monthlyReportKeys } from '../../../shared/report/monthly-report';
import { DynamoDbAuditStore } from '../../../shared/store/dynamodb-store';
import { CLERK, HARBOURNE } from '../../review/review-store';
import { functionUrlEvent, httpApiEvent, TEST_ORIGIN_SECRET } from './events';
import { CONSOLE_ENVIRONMENT } from './console-environment';

// The deployed composition root, loaded as Lambda loads it, with the stack's variables. Secrets
// Manager is answered by aws-sdk-client-mock (no stand-in here); no page below reaches DynamoDB or Cognito.
const secrets = mockClient(SecretsManagerClient);
const ENV = { AWS_REGION: 'eu-west-2', ...CONSOLE_ENVIRONMENT };
const context = { functionName: 'console', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 25_000 } as unknown as Context;

async function deployedHandler(env: Record<string, string> = {}): Promise<(event: ConsoleEvent, context: Context) => Promise<ConsoleResult>> {
  vi.resetModules();
  for (const [key, value] of Object.entries({ ...ENV, ...env })) vi.stubEnv(key, value);
  return ((await import('../../../functions/console/handler')) as { handler: (event: ConsoleEvent, context: Context) => Promise<ConsoleResult> }).handler;
}

// The value CloudFront's origin header carries: the test events carry it too.
beforeEach(() => {
  secrets.on(GetSecretValueCommand, { SecretId: ENV.CONSOLE_ORIGIN_SECRET_ARN }).resolves({ SecretString: TEST_ORIGIN_SECRET });
});

afterEach(() => {
  secrets.reset();
  vi.unstubAllEnvs();
});

describe('the deployed console function', () => {
  it("serves the start page through the real console, linking the stack's asset names, with its security headers", async () => {
    // Prepare
    secrets.on(GetSecretValueCommand, { SecretId: ENV.CONSOLE_SECRET_ARN }).resolves({ SecretString: JSON.stringify({ sessionSecret: 's'.repeat(64), clientSecret: 'client-secret' }) });
    const handler = await deployedHandler();

    // Act
    const result = await handler(httpApiEvent({ rawPath: '/', rawQueryString: '', cookies: undefined }), context);

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(false);
    expect(result.body).toContain(`href="${ENV.CONSOLE_STYLESHEET}"`);
    expect(result.body).toContain(`src="${ENV.CONSOLE_SCRIPT}"`);
    expect(result.headers?.['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(secrets.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input.SecretId).sort()).toEqual([ENV.CONSOLE_ORIGIN_SECRET_ARN, ENV.CONSOLE_SECRET_ARN].sort());
  });

  it('reads its secrets once, however many requests follow', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: ENV.CONSOLE_SECRET_ARN }).resolves({ SecretString: JSON.stringify({ sessionSecret: 's'.repeat(64), clientSecret: 'client-secret' }) });
    const handler = await deployedHandler();
    await handler(httpApiEvent({ rawPath: '/', rawQueryString: '', cookies: undefined }), context);
    await handler(functionUrlEvent({ rawPath: '/signed-out' }), context);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it("refuses a request sent to API Gateway's own address, which carries no CloudFront origin header", async () => {
    secrets.on(GetSecretValueCommand, { SecretId: ENV.CONSOLE_SECRET_ARN }).resolves({ SecretString: JSON.stringify({ sessionSecret: 's'.repeat(64), clientSecret: 'client-secret' }) });
    const handler = await deployedHandler();
    const event = httpApiEvent({ rawPath: '/', rawQueryString: '', cookies: undefined });
    const { [ORIGIN_HEADER]: _sent, ...headers } = event.headers ?? {};
    const result = await handler({ ...event, headers }, context);
    expect(result.statusCode).toBe(403);
    expect(result.body).not.toContain(TEST_ORIGIN_SECRET);
  });

  it('refuses to serve with an origin secret too short to be one, naming nothing of it, and reads it again next time', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: ENV.CONSOLE_SECRET_ARN }).resolves({ SecretString: JSON.stringify({ sessionSecret: 's'.repeat(64), clientSecret: 'client-secret' }) });
    secrets.on(GetSecretValueCommand, { SecretId: ENV.CONSOLE_ORIGIN_SECRET_ARN }).resolvesOnce({ SecretString: 'change-me' }).resolves({ SecretString: TEST_ORIGIN_SECRET });
    const handler = await deployedHandler();
    const first = await handler(httpApiEvent({ rawPath: '/', rawQueryString: '', cookies: undefined }), context);
    const second = await handler(httpApiEvent({ rawPath: '/', rawQueryString: '', cookies: undefined }), context);
    expect(first.statusCode).toBe(500);
    expect(first.body).not.toMatch(/change-me|secretsmanager/);
    expect(second.statusCode).toBe(200);
  });

  it('sends a signed-out person who asks for a council page to sign in', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: ENV.CONSOLE_SECRET_ARN }).resolves({ SecretString: JSON.stringify({ sessionSecret: 's'.repeat(64), clientSecret: 'client-secret' }) });
    const handler = await deployedHandler();
    const result = await handler(httpApiEvent({ cookies: undefined }), context);
    expect(result.statusCode).toBe(303);
    expect(result.headers?.location).toMatch(/^\/sign-in\?returnTo=%2Fcouncils%2Fharbourne-tc%2Ffindings/);
  });

  it('shows its error page, not the cause, when its secret is unusable, and reads it again on the next request', async () => {
    // Prepare: a placeholder left in the secret, then the real value
    secrets.on(GetSecretValueCommand, { SecretId: ENV.CONSOLE_SECRET_ARN }).resolvesOnce({ SecretString: 'change-me' }).resolves({ SecretString: JSON.stringify({ sessionSecret: 's'.repeat(64), clientSecret: 'client-secret' }) });
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

describe('the deployed console function and the reports bucket', () => {
  it('serves a stored monthly report from REPORTS_BUCKET to a signed-in member', async () => {
    // Prepare: the table on dynalite with Harbourne, its Town Clerk and January's report record; the
    // reports bucket as an S3 endpoint on 127.0.0.1 holding January's PDF.
    const dynamo = await startDynalite();
    const pdf = new TextEncoder().encode('%PDF-1.7 Harbourne, January 2026 (stored in S3)');
    const keys = monthlyReportKeys(HARBOURNE.id, '2026-01');
    const asked: string[] = [];
    const bucket: Server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      asked.push(`${request.method} ${path}`);
      if (path === `/${ENV.REPORTS_BUCKET}/${keys.pdf}`) {
        response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.byteLength });
        response.end(pdf);
      } else {
        response.writeHead(404, { 'content-type': 'application/xml' });
        response.end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
      }
    });
    await new Promise<void>((resolve) => bucket.listen(0, '127.0.0.1', resolve));
    try {
      const tableName = `console-handler-${process.pid}`;
      await ensureTable(dynamo.client, tableName);
      const store = new DynamoDbAuditStore({ client: DynamoDBDocumentClient.from(dynamo.client), tableName });
      await store.putCouncil(HARBOURNE);
      await store.forCouncil(HARBOURNE.id).putMember({ userId: CLERK.userId, name: CLERK.name, role: 'town-clerk', addedBy: 'setup', addedAt: '2026-01-01T00:00:00Z' });
      await store.forCouncil(HARBOURNE.id).recordReport({ month: '2026-01', key: keys.pdf, htmlKey: keys.html, generatedAt: '2026-02-01T07:00:00.000Z' });
      secrets.on(GetSecretValueCommand, { SecretId: ENV.CONSOLE_SECRET_ARN }).resolves({ SecretString: JSON.stringify({ sessionSecret: 's'.repeat(64), clientSecret: 'client-secret' }) });
      const handler = await deployedHandler({
        TABLE_NAME: tableName,
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        // The SDK's own variable for an S3 endpoint: the handler is given the bucket's name only.
        AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${(bucket.address() as AddressInfo).port}`,
        AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
        AWS_SECRET_ACCESS_KEY: 'fictional-secret-for-signing',
      });
      const session = new Sealer('s'.repeat(64)).seal('session', { sid: 's1', email: CLERK.userId, name: CLERK.name, council: HARBOURNE.id, operator: false, expiresAt: Math.floor(Date.now() / 1000) + 600 });
      const cookies = [`${cookieNames(ENV.CONSOLE_URL).session}=${session}`];

      // Act
      const result = await handler(httpApiEvent({ rawPath: `/councils/${HARBOURNE.id}/reports/2026-01/pdf`, rawQueryString: '', cookies }), context);

      // Assess
      expect(result.statusCode, result.body).toBe(200);
      expect(result.headers?.['content-type']).toBe('application/pdf');
      expect(result.isBase64Encoded).toBe(true);
      expect(Buffer.from(result.body!, 'base64')).toEqual(Buffer.from(pdf));
      expect(asked).toEqual([`GET /${ENV.REPORTS_BUCKET}/${keys.pdf}`]);
    } finally {
      await new Promise((resolve) => bucket.close(resolve));
      await dynamo.stop();
    }
  });
});
