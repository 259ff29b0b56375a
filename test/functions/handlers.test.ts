import { ConditionalCheckFailedException, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { MessageRejected, SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Context, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler as createDispatch } from '../../functions/scan-dispatch/create-handler';
import { createHandler as createScan, type ScanAccountHandlerDeps } from '../../functions/scan-account/create-handler';
import { createHandler as createDigest, type WeeklyDigestDeps } from '../../functions/weekly-digest/create-handler';
import { oneConnectorForAll } from '../../shared/connectors/registry';
import { sesMailer } from '../../shared/email/ses-mailer';
import type { ScanQueue, ScanRequest } from '../../shared/queue/scan-queue';
import { latestReportLink, REPORT_LINK_SECONDS } from '../../shared/report/report-link';
import { logger } from '../../shared/runtime/logger';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { testConfig } from '../support/fixtures';
import { BLUESKY, byKey, FACEBOOK, FixedConnector, HARBOURNE, MASTODON, postsOf, registryWith } from '../support/scan-fixtures';
import type { MemoryAuditStore } from '../support/memory-store';

const dynamo = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESv2Client);
afterEach(() => {
  dynamo.reset();
  ses.reset();
});

const context = { functionName: 'test', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 30_000 } as unknown as Context;
const AWS = { region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
const now = () => new Date('2026-11-23T08:00:00Z'); // Monday: the digest reports on 2026-W47

/** The real DynamoDB adapter, on the mocked client. */
const dynamoStore = () => dynamoDbStore({ ...AWS, tableName: 'council-audit-test' });
const scanDeps = (deps: Pick<ScanAccountHandlerDeps, 'connectors'> & Partial<ScanAccountHandlerDeps>): ScanAccountHandlerDeps => ({ store: dynamoStore(), retentionDays: 400, clock: now, ...deps });
/** The real SES adapter, on the mocked client. */
const digestDeps = (deps: Pick<WeeklyDigestDeps, 'store'> & Partial<WeeklyDigestDeps>): WeeklyDigestDeps => ({
  mailer: sesMailer(AWS),
  from: 'audit@harbourne-tc.example',
  clock: now,
  ...deps,
});

const sqsEvent = (bodies: string[]): SQSEvent => ({
  Records: bodies.map((body, i) => ({
    messageId: `msg-${i}`, receiptHandle: `r-${i}`, body,
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1795420800000', SenderId: 'AIDAEXAMPLE', ApproximateFirstReceiveTimestamp: '1795420800001' },
    messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:eu-west-2:111111111111:scan', awsRegion: 'eu-west-2',
  })),
});
const request = (a: { platform: string; handle: string }, councilId = HARBOURNE.id) => JSON.stringify({ councilId, platform: a.platform, handle: a.handle });

describe('scan-dispatch handler', () => {
  it('refuses an event whose task is not one a schedule sends, naming the field and the value, and queues nothing', async () => {
    const { store } = await registryWith([MASTODON]);
    const sent: unknown[] = [];
    const dispatch = createDispatch({ store, queue: { send: async (r) => void sent.push(...r) } });
    await expect(dispatch({ task: 'discovr' }, context)).rejects.toThrow(/task.*"discovr"|"discovr".*task/);
    expect(sent).toEqual([]);
  });

  it('sends one request per account to the queue', async () => {
    const { store } = await registryWith([MASTODON, BLUESKY, FACEBOOK]);
    const sent: unknown[] = [];
    const queue: ScanQueue = { send: async (r) => void sent.push(...r) };
    const result = await createDispatch({ store, queue })({}, context);
    expect(result).toEqual({ councils: 1, accounts: 3 });
    expect(sent).toHaveLength(3);
  });

  it('fans out per council and account, each request naming its council', async () => {
    const { store } = await registryWith([MASTODON, BLUESKY]);
    await store.putCouncil({ ...HARBOURNE, id: 'stow-pc', name: 'Stow Parish Council' });
    await store.forCouncil('stow-pc').putAccount(MASTODON);
    const sent: ScanRequest[] = [];
    const result = await createDispatch({ store, queue: { send: async (r) => void sent.push(...r) } })({}, context);
    expect(result).toEqual({ councils: 2, accounts: 3 });
    expect(sent.map((r) => `${r.councilId} ${'platform' in r ? r.platform : r.kind}`).sort()).toEqual(['harbourne-tc bluesky', 'harbourne-tc mastodon', 'stow-pc mastodon']);
  });

  it('fails the invocation when DynamoDB throttles, so the scheduler retries it', async () => {
    dynamo.on(QueryCommand).rejects(new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} }));
    const queue: ScanQueue = { send: async () => undefined };
    await expect(createDispatch({ store: dynamoStore(), queue })({}, context)).rejects.toThrow('Rate exceeded');
  });
});

describe('scan-account handler', () => {
  it('scans every account of the batch even when one connector throws, and records that capture as failing', async () => {
    const { store, council } = await registryWith([MASTODON, BLUESKY, FACEBOOK]);
    const connector = new FixedConnector(
      byKey([[MASTODON, postsOf(MASTODON, 'm')], [FACEBOOK, postsOf(FACEBOOK, 'f')]]),
      new Set([`bluesky\u0000${BLUESKY.handle.slice(1)}`]),
    );
    const result = await createScan(scanDeps({ store, connectors: oneConnectorForAll(connector) }))(sqsEvent([MASTODON, BLUESKY, FACEBOOK].map((a) => request(a))), context);
    expect(result.batchItemFailures).toEqual([]);
    const runs = await council.listScanRuns('2026-W48');
    expect(runs.map((r) => [r.platform, r.outcome]).sort()).toEqual([['bluesky', 'failed'], ['facebook', 'ok'], ['mastodon', 'ok']]);
  });

  it('reports a malformed message alone as a batch item failure, and logs the field it got wrong', async () => {
    const { store, council } = await registryWith([MASTODON]);
    const connector = new FixedConnector(byKey([[MASTODON, postsOf(MASTODON, 'm')]]));
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const result = await createScan(scanDeps({ store, connectors: oneConnectorForAll(connector) }))(
      sqsEvent(['{"councilId":"harbourne-tc","platform":"myspace","handle":"@x"}', request(MASTODON), 'not json', '{"councilId":"Harbourne TC","platform":"mastodon","handle":"@x"}']),
      context,
    );
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'msg-0' }, { itemIdentifier: 'msg-2' }, { itemIdentifier: 'msg-3' }]);
    expect((await council.listScanRuns('2026-W48')).map((r) => r.platform)).toEqual(['mastodon']);
    const reasons = logged.mock.calls.map(([, detail]) => detail as { messageId: string; error: string });
    expect(reasons.map((r) => r.messageId)).toEqual(['msg-0', 'msg-2', 'msg-3']);
    expect(reasons[0]!.error).toMatch(/body\.platform/);
    expect(reasons[2]!.error).toMatch(/body\.councilId: expected a council id/);
    logged.mockRestore();
  });

  it('reads a discovery request beside account scans, and fails it alone when no account search is wired', async () => {
    const { store, council } = await registryWith([MASTODON]);
    const connector = new FixedConnector(byKey([[MASTODON, postsOf(MASTODON, 'm')]]));
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const result = await createScan(scanDeps({ store, connectors: oneConnectorForAll(connector) }))(
      sqsEvent([JSON.stringify({ kind: 'discover', councilId: HARBOURNE.id }), request(MASTODON), JSON.stringify({ kind: 'rediscover', councilId: HARBOURNE.id })]),
      context,
    );
    expect(result.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['msg-0', 'msg-2']);
    expect((await council.listScanRuns('2026-W48')).map((r) => r.platform)).toEqual(['mastodon']);
    const reasons = Object.fromEntries(logged.mock.calls.map(([, detail]) => [(detail as { messageId: string }).messageId, (detail as { error: string }).error]));
    expect(reasons['msg-0']).toMatch(/no account search wired for discovery/);
    expect(reasons['msg-2']).toMatch(/body\.kind/);
    logged.mockRestore();
  });

  it('passes over a discovery request for a council with no configuration yet, without searching or retrying', async () => {
    const { store } = await registryWith([MASTODON]);
    await store.putCouncil({ ...HARBOURNE, id: 'stow-pc', name: 'Stow Parish Council' });
    const queries: string[] = [];
    const searches = {
      mastodon: {
        searchAccounts: async (query: string) => {
          queries.push(query);
          return [];
        },
      },
    };
    const warned = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const result = await createScan(scanDeps({ store, connectors: oneConnectorForAll(new FixedConnector(new Map())), discovery: { searches } }))(
      sqsEvent([JSON.stringify({ kind: 'discover', councilId: 'stow-pc' })]),
      context,
    );
    expect(result.batchItemFailures).toEqual([]);
    expect(queries).toEqual([]);
    expect(warned).toHaveBeenCalledWith('council not configured, so not searched for', { council: 'stow-pc' });
    warned.mockRestore();
  });

  it('fails the whole invocation when DynamoDB throttles every record, so SQS retries them all', async () => {
    dynamo.onAnyCommand().rejects(new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} }));
    const connector = new FixedConnector(byKey([[MASTODON, postsOf(MASTODON, 'm')]]));
    const handler = createScan(scanDeps({ connectors: oneConnectorForAll(connector) }));
    await expect(handler(sqsEvent([request(MASTODON), request(BLUESKY)]), context)).rejects.toThrow('All records failed processing');
    expect(connector.calls).toBe(0);
  });

  it('reports only the throttled record for retry when the others succeed', async () => {
    const { store, council } = await registryWith([MASTODON, BLUESKY]);
    const connector = new FixedConnector(byKey([[MASTODON, postsOf(MASTODON, 'm')], [BLUESKY, postsOf(BLUESKY, 'b')]]));
    const setCursor = council.setCursor.bind(council);
    council.setCursor = async (platform, handle, cursor) => {
      if (platform === 'bluesky') throw new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} });
      return setCursor(platform, handle, cursor);
    };
    const result = await createScan(scanDeps({ store, connectors: oneConnectorForAll(connector) }))(sqsEvent([request(MASTODON), request(BLUESKY)]), context);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'msg-1' }]);
    expect(await council.getCursor('bluesky', BLUESKY.handle)).toBeUndefined();
    expect(await council.getCursor('mastodon', MASTODON.handle)).toBe('2');
  });

  it('treats a conditional check failure on a finding as already stored, not as an error', async () => {
    // Every finding write is refused as a duplicate by the real DynamoDB adapter.
    dynamo.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    const real = dynamoStore().forCouncil(HARBOURNE.id);
    const { store, council } = await registryWith([MASTODON]);
    council.putFinding = (f) => real.putFinding(f);
    const connector = new FixedConnector(byKey([[MASTODON, postsOf(MASTODON, 'm')]]));
    const result = await createScan(scanDeps({ store, connectors: oneConnectorForAll(connector) }))(sqsEvent([request(MASTODON)]), context);
    expect(result.batchItemFailures).toEqual([]);
    expect(dynamo.commandCalls(PutCommand).length).toBeGreaterThan(0);
    const [run] = await council.listScanRuns('2026-W48');
    expect(run).toMatchObject({ outcome: 'ok', postsNew: 3, findingsNew: 0 });
  });
});

describe('weekly-digest handler', () => {
  /** Harbourne, registered with two recipients, and last week's findings of its Mastodon account. */
  async function storeWithFindings(): Promise<MemoryAuditStore> {
    const { store } = await registryWith([MASTODON]);
    await store.putCouncil({ ...HARBOURNE, digestTo: ['clerk@harbourne-tc.example', 'deputy@harbourne-tc.example'] });
    const connector = new FixedConnector(byKey([[MASTODON, postsOf(MASTODON, 'm')]]));
    const lastWeek = () => new Date('2026-11-19T10:00:00Z');
    await createScan(scanDeps({ store, connectors: oneConnectorForAll(connector), clock: lastWeek }))(sqsEvent([request(MASTODON)]), context);
    return store;
  }

  it("sends last week's digest to every recipient once, however often it is invoked", async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const store = await storeWithFindings();
    const handler = createDigest(digestDeps({ store }));
    expect(await handler({}, context)).toEqual({ digests: [{ council: 'harbourne-tc', week: '2026-W47', status: 'sent', messageId: 'ses-1' }] });
    expect(await handler({}, context)).toMatchObject({ digests: [{ council: 'harbourne-tc', week: '2026-W47', status: 'already-sent' }] });
    const calls = ses.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input.Destination?.ToAddresses).toEqual(['clerk@harbourne-tc.example', 'deputy@harbourne-tc.example']);
  });

  it('marks the week failed when SES refuses the message, and sends on the next attempt', async () => {
    ses.on(SendEmailCommand).rejectsOnce(new MessageRejected({ message: 'Email address is not verified.', $metadata: {} })).resolves({ MessageId: 'ses-2' });
    const store = await storeWithFindings();
    const handler = createDigest(digestDeps({ store }));
    const quiet = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    await expect(handler({}, context)).rejects.toThrow(/the weekly digest failed for 1 of 1 council: harbourne-tc \(DigestSendError: .*Email address is not verified/);
    quiet.mockRestore();
    const harbourne = store.forCouncil(HARBOURNE.id);
    expect(await harbourne.getDigest('2026-W47')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await handler({}, context)).toMatchObject({ digests: [{ status: 'sent', messageId: 'ses-2' }] });
    expect(await harbourne.getDigest('2026-W47')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('sends a named week on request, and refuses a malformed week', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-3' });
    const store = await storeWithFindings();
    const handler = createDigest(digestDeps({ store }));
    expect(await handler({ week: '2026-W46' }, context)).toMatchObject({ digests: [{ week: '2026-W46', status: 'sent' }] });
    await expect(handler({ week: 'last week' }, context)).rejects.toThrow('expected an ISO week such as 2026-W05');
  });
});

describe('weekly-digest handler, for a deployment serving several councils', () => {
  /** Harbourne with last week's findings, and Stow, a parish with no accounts, each with its own clerk. */
  async function twoCouncils(): Promise<MemoryAuditStore> {
    const { store } = await registryWith([MASTODON]);
    await store.putCouncil({ id: 'stow-pc', name: 'Stow Parish Council', digestTo: ['clerk@stow-parish.example'], registeredAt: '2026-01-01T00:00:00Z' });
    await store.forCouncil('stow-pc').putCouncilConfig(testConfig({ council: { name: 'Stow Parish Council' } }));
    const connector = new FixedConnector(byKey([[MASTODON, postsOf(MASTODON, 'm')]]));
    await createScan(scanDeps({ store, connectors: oneConnectorForAll(connector), clock: () => new Date('2026-11-19T10:00:00Z') }))(sqsEvent([request(MASTODON)]), context);
    return store;
  }
  const sentTo = () => ses.commandCalls(SendEmailCommand).map((call) => ({ to: call.args[0].input.Destination?.ToAddresses }));

  it("sends every council's digest to its own recipients, each with its own findings", async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-4' });
    const store = await twoCouncils();

    const result = await createDigest(digestDeps({ store }))({}, context);

    expect(result.digests.map((d) => [d.council, d.week, d.status])).toEqual([['harbourne-tc', '2026-W47', 'sent'], ['stow-pc', '2026-W47', 'sent']]);
    expect(sentTo().map((m) => m.to)).toEqual([['clerk@harbourne-tc.example'], ['clerk@stow-parish.example']]);
    const [harbourne, stow] = ses.commandCalls(SendEmailCommand).map((call) => Buffer.from(call.args[0].input.Content?.Raw?.Data ?? new Uint8Array()).toString('utf8'));
    expect(harbourne).toContain('Harbourne Town Council');
    expect(stow).toContain('Stow Parish Council');
    expect(stow).not.toContain('07700');
    expect(stow).not.toContain('Harbourne Town Council');
  });

  it('sends only the council an operator names, and refuses one that is not registered', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-5' });
    const store = await twoCouncils();
    const handler = createDigest(digestDeps({ store }));

    expect(await handler({ council: 'stow-pc' }, context)).toMatchObject({ digests: [{ council: 'stow-pc', status: 'sent' }] });
    expect(sentTo().map((m) => m.to)).toEqual([['clerk@stow-parish.example']]);
    expect(await store.forCouncil(HARBOURNE.id).getDigest('2026-W47')).toBeUndefined();
    await expect(handler({ council: 'little-ashby-pc' }, context)).rejects.toThrow('no council little-ashby-pc is registered');
  });

  it("sends the other councils' digests when one council's fails, then fails naming it so the schedule retries", async () => {
    const store = await twoCouncils();
    await store.putCouncil({ id: 'unconfigured-pc', name: 'Unconfigured Parish Council', digestTo: ['clerk@unconfigured.example'], registeredAt: '2026-01-01T00:00:00Z' });
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-6' });
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);

    const attempt = createDigest(digestDeps({ store }))({}, context);

    await expect(attempt).rejects.toThrow('the weekly digest failed for 1 of 3 councils: unconfigured-pc (CouncilNotConfiguredError: the configuration of council unconfigured-pc has not been stored yet)');
    expect(sentTo().map((m) => m.to)).toEqual([['clerk@harbourne-tc.example'], ['clerk@stow-parish.example']]);
    expect(logged.mock.calls.map(([message, detail]) => [message, (detail as { council: string }).council])).toEqual([['weekly digest failed', 'unconfigured-pc']]);
    logged.mockRestore();
  });
});

describe('weekly-digest handler and the monthly report', () => {
  it('links the newest stored report, signed for a bounded time, when a reports bucket is configured', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-9' });
    const { store, council } = await registryWith([MASTODON]);
    await council.recordReport({ month: '2026-10', key: 'reports/2026-10/council-audit-report-2026-10.pdf', generatedAt: '2026-11-01T07:00:00Z' });
    const links: { key: string; seconds: number }[] = [];
    const storage = { put: async () => undefined, linkTo: async (key: string, seconds: number) => (links.push({ key, seconds }), `https://reports.example/${key}?signature=x`) };
    await createDigest(digestDeps({ store, reports: storage }))({}, context);
    expect(links).toEqual([{ key: 'reports/2026-10/council-audit-report-2026-10.pdf', seconds: REPORT_LINK_SECONDS }]);
    expect(REPORT_LINK_SECONDS).toBeLessThanOrEqual(12 * 3600);
    const sent = ses.commandCalls(SendEmailCommand)[0]!.args[0].input.Content?.Raw?.Data;
    // The parts are quoted-printable: a long line is folded with `=` at its end, wherever the text puts it.
    const raw = Buffer.from(sent ?? new Uint8Array()).toString('utf8').replace(/=\r?\n/g, '');
    expect(raw).toContain('reports.example/reports/2026-10/council-audit-report-2026-10.pdf');
  });

  it('sends the digest without a link when no report is stored yet', async () => {
    expect(await latestReportLink((await registryWith([])).council, { put: async () => undefined, linkTo: async () => 'never' }, now())).toBeUndefined();
  });
});
