import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandler as createScan, HOST_WAIT_MS } from '../../functions/scan-account/create-handler';
import { HostBudgetUnavailableError } from '../../shared/connectors/errors';
import { createMastodonConnector } from '../../shared/connectors/mastodon/mastodon-connector';
import { connectorDeps } from '../../shared/connectors/platforms';
import { connectorsFrom } from '../../shared/connectors/registry';
import { logger } from '../../shared/runtime/logger';
import { dynamoDbHostBudget } from '../../shared/store/dynamodb-host-budget';
import { recordedAnswers } from '../support/recorded-answers';
import { startReplayServer, type ReplayServer } from '../support/replay-server';
import { MASTODON, registryWith } from '../support/scan-fixtures';

const documents = mockClient(DynamoDBDocumentClient);
const AWS = { region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, tableName: 'host-budget-failures' };
const clock = () => new Date('2026-02-10T12:00:00Z');
const context = { functionName: 'scan-account', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 120_000 } as unknown as Context;

let server: ReplayServer;
beforeEach(async () => {
  documents.reset();
  server = await startReplayServer();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await server.close();
});
afterAll(() => documents.restore());

function throttled() {
  return new ProvisionedThroughputExceededException({ message: 'The level of configured provisioned throughput for the table was exceeded', $metadata: {} });
}

describe('when DynamoDB fails under the host budget', () => {
  it('a request is refused with an error naming the host and the cause', async () => {
    // Prepare
    documents.on(UpdateCommand).rejects(throttled());
    const budget = dynamoDbHostBudget({ ...AWS, clock });

    // Act
    const error = await budget.acquire('mastodon.social').catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(HostBudgetUnavailableError);
    expect((error as Error).message).toBe(
      'the shared request budget of mastodon.social could not be read or updated: ProvisionedThroughputExceededException: The level of configured provisioned throughput for the table was exceeded',
    );
  });

  it('a pause that cannot be recorded is not swallowed', async () => {
    documents.on(UpdateCommand).rejects(throttled());
    await expect(dynamoDbHostBudget({ ...AWS, clock }).slowDown('api.x.com', 60_000)).rejects.toBeInstanceOf(HostBudgetUnavailableError);
  });

  it('a failing read after a refused slot is not taken for a free host', async () => {
    // Prepare: the slot is refused (the condition fails), then the read that would say how long to wait fails
    documents.on(UpdateCommand).rejects(Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' }));
    documents.on(GetCommand).rejects(throttled());

    // Act
    const error = await dynamoDbHostBudget({ ...AWS, clock }).acquire('public.api.bsky.app').catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(HostBudgetUnavailableError);
  });

  it("the scan stops before asking the platform, keeps the account's cursor, records no failed capture, and is retried", async () => {
    // Prepare: Harbourne's Mastodon account scanned before (its cursor stored); the table now throttles
    documents.on(UpdateCommand).rejects(throttled());
    const hostBudget = dynamoDbHostBudget({ ...AWS, clock, maxWaitMs: HOST_WAIT_MS });
    const deps = connectorDeps({ token: async () => undefined, allowLoopback: true, clock, sleep: async () => undefined, hostBudget });
    const account = { ...MASTODON, baseUrl: server.baseUrl };
    const { store, council } = await registryWith([account]);
    const cursor = JSON.stringify({ v: 1, handle: MASTODON.handle, accountId: '109311224466880112', sinceId: '116045571848996017' });
    await council.setCursor('mastodon', MASTODON.handle, cursor);
    server.route('/api/v1/accounts/109311224466880112/statuses', recordedAnswers('mastodon').fixture('statuses-incremental'));
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const handler = createScan({ store, connectors: connectorsFrom({ mastodon: createMastodonConnector(deps) }), retentionDays: 400, clock });
    const body = JSON.stringify({ councilId: 'harbourne-tc', platform: 'mastodon', handle: MASTODON.handle });
    const attributes = { ApproximateReceiveCount: '1', SentTimestamp: '1770724800000', SenderId: 'AIDAEXAMPLE', ApproximateFirstReceiveTimestamp: '1770724800001' };
    const event: SQSEvent = {
      Records: [{ messageId: 'msg-0', receiptHandle: 'r-0', body, attributes, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:eu-west-2:111111111111:scan', awsRegion: 'eu-west-2' }],
    };

    // Act
    const outcome = await handler(event, context).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );

    // Assess: SQS retries the whole (one-record) batch; nothing changed
    expect('error' in outcome ? String(outcome.error) : '').toContain('All records failed processing');
    expect(server.requests).toEqual([]);
    expect(await council.getCursor('mastodon', MASTODON.handle)).toBe(cursor);
    expect(await council.listScanRuns('2026-W07')).toEqual([]);
    const reasons = logged.mock.calls.map(([, detail]) => (detail as { error: string }).error);
    expect(reasons).toEqual([expect.stringMatching(/^HostBudgetUnavailableError: the shared request budget of 127\.0\.0\.1:\d+ could not be read or updated: ProvisionedThroughputExceededException/)]);
  });
});
