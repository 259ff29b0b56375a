import type { Context, SQSEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandler as createScan, HOST_WAIT_MS } from '../../functions/scan-account/create-handler';
import { createBlueskyConnector } from '../../shared/connectors/bluesky/bluesky-connector';
import { inMemoryHostBudget } from '../../shared/connectors/http/host-budget';
import { createMastodonConnector } from '../../shared/connectors/mastodon/mastodon-connector';
import { connectorDeps } from '../../shared/connectors/platforms';
import { connectorsFrom } from '../../shared/connectors/registry';
import type { Account } from '../../shared/domain/account';
import { logger } from '../../shared/runtime/logger';
import { recordedAnswers } from '../support/recorded-answers';
import { startReplayServer, type ReplayServer } from '../support/replay-server';
import { BLUESKY, MASTODON, registryWith } from '../support/scan-fixtures';

const mastodon = recordedAnswers('mastodon');
const bluesky = recordedAnswers('bluesky');

const context = { functionName: 'scan-account', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 120_000 } as unknown as Context;
const WEEK = '2026-W07';
const LOOKUP = '/api/v1/accounts/lookup';
const STATUSES = '/api/v1/accounts/109311224466880112/statuses';
const AUTHOR_FEED = '/xrpc/app.bsky.feed.getAuthorFeed';

const sqsEvent = (accounts: Account[]): SQSEvent => ({
  Records: accounts.map((a, i) => ({
    messageId: `msg-${i}`, receiptHandle: `r-${i}`, body: JSON.stringify({ councilId: 'harbourne-tc', platform: a.platform, handle: a.handle }),
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1770724800000', SenderId: 'AIDAEXAMPLE', ApproximateFirstReceiveTimestamp: '1770724800001' },
    messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:eu-west-2:111111111111:scan', awsRegion: 'eu-west-2',
  })),
});

let mastodonServer: ReplayServer;
let blueskyServer: ReplayServer;
beforeEach(async () => {
  [mastodonServer, blueskyServer] = await Promise.all([startReplayServer(), startReplayServer()]);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all([mastodonServer.close(), blueskyServer.close()]);
});

/**
 * Harbourne's Mastodon and Bluesky accounts, each on its own host (a replay server), scanned by the
 * real handler and connectors, with one host budget that may wait as long as the deployed function's.
 */
async function deployment() {
  let now = Date.parse('2026-02-10T12:00:00Z');
  const clock = () => new Date(now);
  const sleeps: number[] = [];
  const sleep = async (ms: number) => void sleeps.push(ms);
  const hostBudget = inMemoryHostBudget({ clock, sleep, maxWaitMs: HOST_WAIT_MS });
  const deps = connectorDeps({ token: async () => undefined, allowLoopback: true, clock, sleep, hostBudget });
  const connectors = connectorsFrom({ mastodon: createMastodonConnector(deps), bluesky: createBlueskyConnector(deps) });
  const accounts = { mastodon: { ...MASTODON, baseUrl: mastodonServer.baseUrl }, bluesky: { ...BLUESKY, baseUrl: blueskyServer.baseUrl } };
  const { store, council } = await registryWith([accounts.mastodon, accounts.bluesky]);
  const handler = createScan({ store, connectors, retentionDays: 400, clock });
  return { handler, council, accounts, sleeps, advance: (ms: number) => void (now += ms) };
}

describe('a scan whose host asks every scan to wait', () => {
  it('is deferred to a redelivery, not recorded as a failed capture, and its batch neighbours on other hosts are scanned', async () => {
    // Prepare: the Mastodon instance answers 429 with a reset 30 seconds away (longer than the function waits)
    const { handler, council, sleeps } = await deployment();
    mastodonServer.route(LOOKUP, mastodon.fixture('rate-limited'), mastodon.fixture('lookup'));
    blueskyServer.route(AUTHOR_FEED, bluesky.fixture('author-feed-page-3'));
    const info = vi.spyOn(logger, 'info');
    const error = vi.spyOn(logger, 'error');

    // Act
    const result = await handler(sqsEvent([MASTODON, BLUESKY]), context);

    // Assess
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'msg-0' }]);
    const runs = await council.listScanRuns(WEEK);
    expect(runs.map((r) => [r.platform, r.outcome])).toEqual([['bluesky', 'ok']]);
    expect(await council.getCursor('mastodon', MASTODON.handle)).toBeUndefined();
    expect(mastodonServer.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(info).toHaveBeenCalledWith('scan deferred', expect.objectContaining({ platform: 'mastodon', retryAt: '2026-02-10T12:00:30.000Z' }));
    expect(error).not.toHaveBeenCalled();
  });

  it('is scanned when SQS delivers it again after the host has reopened', async () => {
    // Prepare
    const { handler, council, advance } = await deployment();
    mastodonServer.route(LOOKUP, mastodon.fixture('rate-limited'), mastodon.fixture('lookup'));
    mastodonServer.route(STATUSES, mastodon.fixture('statuses-page-1'), mastodon.fixture('statuses-empty'));
    const first = await handler(sqsEvent([MASTODON]), context);

    // Act: the visibility timeout (12 minutes) passes, and the same request comes back
    advance(12 * 60_000);
    const again = await handler(sqsEvent([MASTODON]), context);

    // Assess
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: 'msg-0' }]);
    expect(again.batchItemFailures).toEqual([]);
    const runs = await council.listScanRuns(WEEK);
    expect(runs.map((r) => [r.platform, r.outcome])).toEqual([['mastodon', 'ok']]);
    expect(runs[0]!.postsFetched).toBeGreaterThan(0);
    expect(await council.getCursor('mastodon', MASTODON.handle)).toBeDefined();
  });

  it('does not fail the whole invocation when every record of the batch is deferred', async () => {
    // Prepare: both hosts throttle
    const { handler, council } = await deployment();
    mastodonServer.route(LOOKUP, mastodon.fixture('rate-limited'));
    blueskyServer.route(AUTHOR_FEED, bluesky.fixture('author-feed-rate-limited'));

    // Act
    const result = await handler(sqsEvent([MASTODON, BLUESKY]), context);

    // Assess
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'msg-0' }, { itemIdentifier: 'msg-1' }]);
    expect(await council.listScanRuns(WEEK)).toEqual([]);
  });
});
