import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler as createDispatch } from '../../functions/scan-dispatch/create-handler';
import { createHandler as createScan } from '../../functions/scan-account/create-handler';
import { accountSearches } from '../../shared/connectors/platforms';
import { tokensFromEnvironment } from '../../shared/connectors/credentials';
import type { Account } from '../../shared/domain/account';
import { parseIsoWeek } from '../../shared/domain/calendar';
import type { Council } from '../../shared/domain/council';
import { ScanDeferredError } from '../../shared/domain/errors';
import type { Platform } from '../../shared/domain/post';
import { buildDigestFacts } from '../../shared/digest/build-digest';
import { renderDigestText } from '../../shared/digest/render-text';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import type { ScanRequest } from '../../shared/queue/scan-queue';
import { discoverySlot, hourOfWeek } from '../../shared/scanning/dispatch-scan';
import { DynamoDbAuditStore, type DynamoDbCouncilStore } from '../../shared/store/dynamodb-store';
import { testConfig } from '../support/fixtures';
import { startReplayServer, type RecordedRequest, type ReplayResponse, type ReplayServer } from '../support/replay-server';
import { sqsEvent } from '../support/sqs-event';

/*
 * The weekly impostor discovery, through the real dispatch and scan-account handlers, on dynalite,
 * against three real HTTP servers on 127.0.0.1: mastodon.social, a second Mastodon instance
 * (fedi.example, where the town has an account) and the Bluesky AppView. Each search server answers
 * like a real one: every account whose handle or display name has a word of the query, so the town
 * ("Harbourne Town Council") and the parish ("Harbourne Parish Council") are both shown each other's
 * accounts, and only the unapproved-account rule tells them apart.
 */

const TOWN: Council = { id: 'harbourne-tc', name: 'Harbourne Town Council', digestTo: ['clerk@harbourne-tc.example'], registeredAt: '2026-11-01T09:00:00Z' };
const PARISH: Council = { id: 'harbourne-pc', name: 'Harbourne Parish Council', digestTo: ['clerk@harbourne-parish.example'], registeredAt: '2026-11-01T09:00:00Z' };

const approved = { status: 'active', approvedBy: 'Town Clerk', approvedOn: '2025-04-01', registeredAt: '2026-11-01T09:00:00Z' } as const;
const TOWN_ACCOUNTS: Account[] = [
  { platform: 'mastodon', handle: '@harbournetc@mastodon.social', displayName: 'Harbourne Town Council', ...approved },
  { platform: 'mastodon', handle: '@events@fedi.example', displayName: 'Harbourne TC Events', ...approved },
  { platform: 'bluesky', handle: '@harbournetc.bsky.social', displayName: 'Harbourne Town Council', ...approved },
  // Registered, not yet approved: its own scan judges it, so discovery leaves it alone.
  { platform: 'mastodon', handle: '@htc_allotments@mastodon.social', displayName: 'HTC Allotments', status: 'active', registeredAt: '2026-11-01T09:00:00Z' },
];
const PARISH_ACCOUNTS: Account[] = [{ platform: 'mastodon', handle: '@harbourneparish@mastodon.social', displayName: 'Harbourne Parish Council', ...approved }];
const PARISH_CONFIG = testConfig({ council: { name: 'Harbourne Parish Council', aliases: ['Harbourne PC'] }, approvedAccounts: [] });

/** What each search server holds: `[handle as the instance gives it, display name]`. */
const MASTODON_SOCIAL: [string, string][] = [
  ['harbournetc', 'Harbourne Town Council'],
  ['harbourne_town_council', 'Harbourne Town Council (Official)'],
  ['htc_allotments', 'HTC Allotments'],
  ['harbourneparish', 'Harbourne Parish Council'],
  ['harbourne_pc_news', 'Harbourne PC News'],
  ['jo', 'Jo, who loves Harbourne'],
];
const FEDI: [string, string][] = [
  ['events', 'Harbourne TC Events'],
  ['htc_watch', 'HTC Watch'],
];
const BLUESKY: [string, string][] = [
  ['harbournetc.bsky.social', 'Harbourne Town Council'],
  ['harbournetc-news.bsky.social', 'Harbourne TC News'],
  ['rajbhatt.bsky.social', 'Raj Bhatt'],
];

/** Every entry with a word of the query (of three letters or more) in its handle or name. */
function matching(entries: readonly [string, string][], query: string): [string, string][] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length >= 3);
  return entries.filter(([handle, name]) => words.some((w) => handle.toLowerCase().includes(w) || name.toLowerCase().includes(w)));
}

/** `GET /api/v2/search?q=…&type=accounts` as Mastodon answers it. */
function mastodonSearch(instance: string, entries: readonly [string, string][]) {
  return (request: RecordedRequest): ReplayResponse => ({
    body: {
      accounts: matching(entries, request.query.get('q') ?? '').map(([acct, name], i) => ({
        id: `1093112244668801${10 + i}`,
        username: acct,
        acct,
        display_name: name,
        url: `https://${instance}/@${acct}`,
      })),
      statuses: [],
      hashtags: [],
    },
  });
}

/** `app.bsky.actor.searchActors` as the AppView answers it; a query in `failing` gets a 503. */
function blueskySearch(failing: ReadonlySet<string>) {
  return (request: RecordedRequest): ReplayResponse => {
    const q = request.query.get('q') ?? '';
    if (failing.has(q)) return { status: 503, body: { error: 'InternalServerError', message: 'Upstream unavailable' } };
    return { body: { actors: matching(BLUESKY, q).map(([handle, name], i) => ({ did: `did:plc:discoverytest${i}`, handle, displayName: name })) } };
  };
}

const context = { functionName: 'scheduled-discovery', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;
const SUNDAY = new Date('2026-11-22T06:00:00Z'); // 2026-W47 in London
const NEXT_SUNDAY = new Date('2026-11-29T06:00:00Z'); // 2026-W48


describe("a council's hour of discovery", () => {
  it('counts the hours of the week from Monday 00:00 UTC, whatever the season', () => {
    expect(hourOfWeek(new Date('2026-11-23T00:30:00Z'))).toBe(0);
    expect(hourOfWeek(new Date('2026-11-29T23:30:00Z'))).toBe(167);
    expect(hourOfWeek(new Date('2026-03-29T01:30:00Z'))).toBe(6 * 24 + 1); // the Sunday the clocks go forward in the UK
  });

  it('spreads a thousand councils over the week, none in an hour much busier than the rest', () => {
    const perHour = new Array<number>(168).fill(0);
    for (let i = 0; i < 1000; i++) perHour[discoverySlot(`parish-${i}`)]! += 1;
    expect(Math.max(...perHour)).toBeLessThanOrEqual(20); // about 6 an hour on average
  });
});

describe('weekly impostor discovery', () => {
  let dynamo: LocalDynamoDb;
  let store: DynamoDbAuditStore;
  let town: DynamoDbCouncilStore;
  let parish: DynamoDbCouncilStore;
  let social: ReplayServer;
  let fedi: ReplayServer;
  let bluesky: ReplayServer;
  /** The parish's alias search fails on Bluesky. */
  const failingOnBluesky = new Set(['Harbourne PC']);
  let dispatched: ScanRequest[] = [];

  const scanFunction = (now: Date) =>
    createScan({
      store,
      connectors: () => {
        throw new Error('no account is scanned in a discovery');
      },
      discovery: {
        searches: accountSearches({ token: tokensFromEnvironment({}), allowLoopback: true, sleep: async () => {} }),
        baseUrlOf: (platform: Platform, where: string) =>
          platform === 'bluesky' ? bluesky.baseUrl : where === 'mastodon.social' ? social.baseUrl : where === 'fedi.example' ? fedi.baseUrl : undefined,
      },
      retentionDays: 30,
      clock: () => now,
    });
  const discover = async (now: Date) => {
    dispatched = [];
    // As an operator would: every council now, not only those whose hour of the week it is.
    const dispatchResult = await createDispatch({ store, queue: { send: async (requests) => void dispatched.push(...requests) } })({ task: 'discover', everyCouncil: true }, context);
    const scanned = await scanFunction(now)(sqsEvent(dispatched), context);
    return { dispatchResult, scanned };
  };
  const openHandles = async (council: DynamoDbCouncilStore) =>
    (await council.listOpenFindings()).filter((f) => f.rule === 'unapproved-account').map((f) => `${f.platform} ${f.account}`).sort();

  beforeAll(async () => {
    [social, fedi, bluesky] = await Promise.all([startReplayServer(), startReplayServer(), startReplayServer()]);
    social.handle('/api/v2/search', mastodonSearch('mastodon.social', MASTODON_SOCIAL));
    fedi.handle('/api/v2/search', mastodonSearch('fedi.example', FEDI));
    bluesky.handle('/xrpc/app.bsky.actor.searchActors', blueskySearch(failingOnBluesky));

    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'discovery');
    store = new DynamoDbAuditStore({ client: DynamoDBDocumentClient.from(dynamo.client), tableName: 'discovery' });
    town = store.forCouncil(TOWN.id);
    parish = store.forCouncil(PARISH.id);
    await store.putCouncil(TOWN);
    await store.putCouncil(PARISH);
    await town.putCouncilConfig(testConfig());
    await parish.putCouncilConfig(PARISH_CONFIG);
    for (const account of TOWN_ACCOUNTS) await town.putAccount(account);
    for (const account of PARISH_ACCOUNTS) await parish.putAccount(account);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([social?.close(), fedi?.close(), bluesky?.close()]);
    await dynamo?.stop();
  });

  it('is dispatched once a week for each council by the hourly schedule, a few councils an hour', async () => {
    const queued = new Map<string, number[]>();
    const monday = Date.parse('2026-11-23T00:30:00Z');
    for (let hour = 0; hour < 168; hour++) {
      const requests: ScanRequest[] = [];
      const dispatch = createDispatch({ store, queue: { send: async (r) => void requests.push(...r) }, clock: () => new Date(monday + hour * 3_600_000) });
      await dispatch({ task: 'discover' }, context);
      for (const r of requests) queued.set(`${r.kind} ${r.councilId}`, [...(queued.get(`${r.kind} ${r.councilId}`) ?? []), hour]);
    }
    expect([...queued.keys()].sort()).toEqual(['discover harbourne-pc', 'discover harbourne-tc']);
    expect([...queued.values()].map((hours) => hours.length)).toEqual([1, 1]);
    expect(queued.get('discover harbourne-tc')).toEqual([discoverySlot('harbourne-tc')]);
  });

  it('is dispatched as one request per registered council, and each council\'s candidates become its findings', async () => {
    const { dispatchResult, scanned } = await discover(SUNDAY);

    expect(dispatchResult).toEqual({ task: 'discover', councils: 2 });
    expect(dispatched).toEqual(expect.arrayContaining([{ kind: 'discover', councilId: 'harbourne-tc' }, { kind: 'discover', councilId: 'harbourne-pc' }]));
    expect(dispatched).toHaveLength(2);
    expect(scanned.batchItemFailures).toEqual([]);
    // The town's impostors: on mastodon.social, on the instance of its own events account, on Bluesky.
    expect(await openHandles(town)).toEqual([
      'bluesky @harbournetc-news.bsky.social',
      'mastodon @harbourne_town_council@mastodon.social',
      'mastodon @htc_watch@fedi.example',
    ]);
    // The parish shares "Harbourne" and "Council" with the town, and saw all of its accounts: only its own impostor is its finding.
    expect(await openHandles(parish)).toEqual(['mastodon @harbourne_pc_news@mastodon.social']);
  });

  it('searched the name and every alias on each place, fedi.example for the town only', () => {
    const queries = (server: ReplayServer) => server.requests.map((r) => r.query.get('q')).sort();
    expect(queries(fedi)).toEqual(['HTC', 'Harbourne TC', 'Harbourne Town Council']);
    expect(queries(social)).toEqual(['HTC', 'Harbourne PC', 'Harbourne Parish Council', 'Harbourne TC', 'Harbourne Town Council']);
  });

  it('raises no finding for an approved account, nor for a registered one awaiting approval', async () => {
    const accounts = [...(await town.listOpenFindings()), ...(await parish.listOpenFindings())].map((f) => f.account);
    for (const account of [...TOWN_ACCOUNTS, ...PARISH_ACCOUNTS]) expect(accounts).not.toContain(account.handle);
    expect(accounts).not.toContain('@jo@mastodon.social');
  });

  it('stores a discovered account\'s finding with its profile as evidence and no post', async () => {
    const [finding] = (await town.listOpenFindings()).filter((f) => f.account === '@htc_watch@fedi.example');
    expect(finding).toMatchObject({ rule: 'unapproved-account', severity: 'high', platform: 'mastodon', status: 'open', detectedWeek: '2026-W47' });
    expect(finding?.evidence).toContain('https://fedi.example/@htc_watch');
    expect(finding?.postId).toBeUndefined();
  });

  it('shows the failed search in the parish\'s weekly digest as a capture failure, and nothing failed for the town', async () => {
    const week = parseIsoWeek('2026-W47');
    const monday = new Date('2026-11-23T08:00:00Z');
    const facts = await buildDigestFacts(parish, PARISH_CONFIG, week, monday);

    expect(facts.failingCaptures).toEqual([
      expect.objectContaining({ platform: 'bluesky', handle: 'search for "Harbourne PC"', failedRuns: 1, recovered: false }),
    ]);
    expect(facts.failingCaptures[0]?.lastError).toContain('503');
    expect(facts.headline).toMatchObject({ captureFailed: true, failedRuns: 1, accountsScanned: 0 });
    expect(renderDigestText(facts)).toContain('search for "Harbourne PC" on Bluesky');
    expect((await buildDigestFacts(town, testConfig(), week, monday)).failingCaptures).toEqual([]);
  });

  it("lists the town's discovered accounts among the unapproved accounts of its weekly digest", async () => {
    const facts = await buildDigestFacts(town, testConfig(), parseIsoWeek('2026-W47'), new Date('2026-11-23T08:00:00Z'));

    expect(facts.unapprovedAccounts.map((a) => a.account).sort()).toEqual([
      '@harbourne_town_council@mastodon.social',
      '@harbournetc-news.bsky.social',
      '@htc_watch@fedi.example',
    ]);
    expect(facts.verdict).toBe('findings');
  });

  it('leaves a discovery deferred by a busy host for the queue to deliver again, storing nothing', async () => {
    // The host's shared budget is spent when the parish's name is searched for, and answers the town's searches.
    const busy = {
      searchAccounts: async (query: string) => {
        if (query.includes('PC') || query.includes('Parish')) throw new ScanDeferredError('mastodon.social asks to wait 4 minutes', new Date('2026-12-01T09:04:00Z'));
        return [];
      },
    };
    const tuesday = new Date('2026-12-01T09:00:00Z'); // 2026-W49
    const scan = createScan({
      store,
      connectors: () => {
        throw new Error('no account is scanned in a discovery');
      },
      discovery: { searches: { mastodon: busy } },
      retentionDays: 30,
      clock: () => tuesday,
    });

    const result = await scan(sqsEvent([{ kind: 'discover', councilId: PARISH.id }, { kind: 'discover', councilId: TOWN.id }]), context);

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'msg-0' }]);
    expect(await parish.listScanRuns('2026-W49')).toEqual([]);
  });

  it('does not raise a candidate again when it is discovered the next week', async () => {
    const before = await openHandles(town);

    await discover(NEXT_SUNDAY);

    expect(await openHandles(town)).toEqual(before);
    expect((await town.listFindingsDetectedIn('2026-W48')).filter((f) => f.rule === 'unapproved-account')).toEqual([]);
    expect(await openHandles(parish)).toEqual(['mastodon @harbourne_pc_news@mastodon.social']);
  });
});
