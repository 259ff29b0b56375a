import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorDeps, FetchOptions } from '../../shared/connectors/connector';
import { PlatformAuthError, PlatformRateLimitedError, PlatformResponseError, PlatformUnavailableError } from '../../shared/connectors/errors';
import { createPlatformHttp } from '../../shared/connectors/http/create-http';
import type { HttpOptions, HttpResponse } from '../../shared/connectors/http/platform-http';
import { xPolicy } from '../../shared/connectors/x/policy';
import { XProblemSchema, XTimelineSchema, XUserLookupSchema, type XTimeline } from '../../shared/connectors/x/schemas';
import { tweetToPost } from '../../shared/connectors/x/to-post';
import { createXConnector, usernameOf } from '../../shared/connectors/x/x-connector';
import type { Account } from '../../shared/domain/account';
import { ConnectorError } from '../../shared/domain/errors';
import { parsePost, type Post } from '../../shared/domain/post';
import { failure } from '../support/failure';
import { recordedAnswers, type RecordedAnswer } from '../support/recorded-answers';
import { startReplayServer, type ReplayResponse, type ReplayServer } from '../support/replay-server';

// ---- recorded payloads -------------------------------------------------------------------------

type Fixture = RecordedAnswer;
const { fixture, names: recordedNames } = recordedAnswers('x');

/** A recorded timeline page with its body typed, for tests that change a tweet. */
function timelinePage(name: string): Omit<Fixture, 'body'> & { body: XTimeline } {
  const page = fixture(name);
  return { ...page, body: XTimelineSchema.parse(page.body) };
}

const NOW = new Date('2026-03-10T12:00:00Z');
const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAHbTcSeCrEtBeArEr%2Fx9Zq';
const HANDLE = '@HarbourneTC';
const USER_ID = '1486000000000000001';
const LOOKUP = '/2/users/by/username/HarbourneTC';
const TWEETS = `/2/users/${USER_ID}/tweets`;

/** The tweets of the three recorded pages, newest first. */
const ID = {
  closure: '1898000000000000090',
  planting: '1898000000000000080',
  reply: '1898000000000000070',
  retweet: '1898000000000000060',
  quote: '1898000000000000050',
  playArea: '1898000000000000040',
  allotments: '1898000000000000030',
  councilTax: '1898000000000000020',
} as const;
const EDIT = { original: '1898000000000000100', latest: '1898000000000000110' } as const;

const account: Account = { platform: 'x', handle: HANDLE, status: 'active', registeredAt: '2025-04-01T09:00:00Z' };

const cursorFor = (sinceId?: string) =>
  JSON.stringify({ v: 1, userId: USER_ID, username: 'HarbourneTC', name: 'Harbourne Town Council', ...(sinceId ? { sinceId } : {}) });

// ---- a real server on 127.0.0.1 and the real HTTP client ---------------------------------------

let server: ReplayServer;
let waits: number[];

beforeEach(async () => {
  server = await startReplayServer();
  waits = [];
});
afterEach(() => server.close());

function connectorWith(http: Partial<HttpOptions> = {}, deps: Partial<ConnectorDeps> = {}) {
  return createXConnector({
    http: (policy, bearerToken) =>
      createPlatformHttp({ policy, bearerToken, allowLoopback: true, timeoutMs: 300, sleep: async (ms) => void waits.push(ms), clock: () => NOW, random: () => 1, ...http }),
    token: async (platform) => (platform === 'x' ? TOKEN : undefined),
    clock: () => NOW,
    baseUrl: server.baseUrl,
    ...deps,
  });
}

/** Serves the three recorded pages by `pagination_token`, the way X answers them. */
function serveThreePages(pages = [timelinePage('timeline-page-1'), timelinePage('timeline-page-2'), timelinePage('timeline-page-3')]) {
  server.route(LOOKUP, fixture('user-lookup'));
  server.handle(TWEETS, (request) => {
    const token = request.query.get('pagination_token');
    if (token === null) return pages[0]!;
    const index = pages.findIndex((p) => p.body.meta?.next_token === token);
    return pages[index + 1] ?? { status: 400, body: { title: 'Invalid Request', detail: `unknown pagination_token ${token}` } };
  });
}

const tweetRequests = () => server.requests.filter((r) => r.path === TWEETS);

async function firstScan(options?: FetchOptions): Promise<Map<string, Post>> {
  const { posts } = await connectorWith().fetchNewPosts(account, undefined, options);
  return new Map(posts.map((p) => [p.id, p]));
}


// ---- the tests -----------------------------------------------------------------------------------

describe('the recorded X payloads', () => {
  const names = recordedNames;

  it.each(names)('%s keeps the shape the connector parses', (name) => {
    const { status, headers, body } = fixture(name);
    expect(typeof status).toBe('number');
    expect(Object.keys(headers).every((h) => h === h.toLowerCase())).toBe(true);
    if (name.startsWith('timeline-')) expect(XTimelineSchema.safeParse(body).error).toBeUndefined();
    else if (name.startsWith('user-')) expect(XUserLookupSchema.safeParse(body).error).toBeUndefined();
    else expect(XProblemSchema.safeParse(body).error).toBeUndefined();
  });

  it('use only fictional contact details', () => {
    const text = names.map((n) => JSON.stringify(fixture(n).body)).join('\n');
    const addresses = text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [];
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(address).toMatch(/\.example$/);
    for (const phone of text.match(/\b0\d{4} ?\d{6}\b/g) ?? []) expect(phone).toMatch(/^07700 ?900\d{3}$/);
  });
});

describe('the X connector: paging', () => {
  it('looks the username up, then follows next_token over three pages, oldest first', async () => {
    serveThreePages();

    const { posts, cursor } = await connectorWith().fetchNewPosts(account, undefined);

    // The council-tax reminder of 20 February is older than the 14-day first scan.
    expect(posts.map((p) => p.id)).toEqual([
      ID.allotments, ID.playArea, ID.quote, ID.retweet, ID.reply, ID.planting, ID.closure,
    ]);
    expect(server.requests[0]?.path).toBe(LOOKUP);
    expect(tweetRequests().map((r) => r.query.get('pagination_token'))).toEqual([
      null,
      '7140dibdnow9c7btw4b0ky3qzvq4hmr5cdgr82y8kbb8e',
      '7140dibdnow9c7btw4b0ky3qzvq4hmr5cdgr82y8kbb8f',
    ]);
    for (const request of tweetRequests()) {
      expect(request.query.get('max_results')).toBe('100');
      expect(request.query.get('tweet.fields')).toBe('created_at,entities,attachments,referenced_tweets,edit_history_tweet_ids,note_tweet,author_id');
      expect(request.query.get('expansions')).toBe('attachments.media_keys,referenced_tweets.id,referenced_tweets.id.author_id');
      expect(request.query.get('media.fields')).toBe('alt_text,url,type');
      expect(request.query.has('since_id')).toBe(false);
    }
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(JSON.parse(cursor!)).toEqual({ v: 1, userId: USER_ID, username: 'HarbourneTC', name: 'Harbourne Town Council', sinceId: ID.closure });
    for (const post of posts) expect(parsePost(post)).toEqual(post);
  });

  it('stops a first scan at --limit without reading further pages, keeping the newest', async () => {
    serveThreePages();

    const { posts, cursor } = await connectorWith().fetchNewPosts(account, undefined, { limit: 2 });

    expect(posts.map((p) => p.id)).toEqual([ID.planting, ID.closure]);
    expect(tweetRequests()).toHaveLength(1);
    expect(JSON.parse(cursor!).sinceId).toBe(ID.closure);
  });

  it('stops a first scan at its time bound', async () => {
    serveThreePages();

    const posts = await firstScan({ firstScan: { days: 2, maxPosts: 200 } });

    // 2 days before 2026-03-10T12:00Z: the retweet of 7 March is older, so page 3 is never asked for.
    expect([...posts.keys()]).toEqual([ID.reply, ID.planting, ID.closure]);
    expect(tweetRequests()).toHaveLength(2);
  });
});

describe('the X connector: incremental fetches', () => {
  it('asks only for tweets since the cursor, reusing the cached user id, and returns an edit for rescanning', async () => {
    server.route(TWEETS, fixture('timeline-incremental'));

    const { posts, cursor } = await connectorWith().fetchNewPosts(account, cursorFor(ID.closure));

    expect(server.requests.some((r) => r.path === LOOKUP)).toBe(false);
    expect(tweetRequests()[0]?.query.get('since_id')).toBe(ID.closure);
    // The edit keeps the id of the tweet's first version, so that it replaces what was captured.
    expect(posts).toEqual([
      expect.objectContaining({
        id: EDIT.original,
        text: 'Correction: Quay Street will be closed on Sunday, not Saturday. Sorry for any confusion.',
        url: `https://x.com/HarbourneTC/status/${EDIT.latest}`,
      }),
    ]);
    expect(JSON.parse(cursor!).sinceId).toBe(EDIT.latest);
  });

  it('keeps only the latest version when an edit and its original arrive together', async () => {
    const page = timelinePage('timeline-incremental');
    const latest = page.body.data![0]!;
    page.body.data!.push({ ...structuredClone(latest), id: EDIT.original, text: 'Quay Street will be closed on Saturday.', edit_history_tweet_ids: [EDIT.original] });
    server.route(TWEETS, page);

    const { posts } = await connectorWith().fetchNewPosts(account, cursorFor(ID.closure));

    expect(posts.map((p) => [p.id, p.url])).toEqual([[EDIT.original, `https://x.com/HarbourneTC/status/${EDIT.latest}`]]);
  });

  it('returns nothing and no new cursor when there is nothing new', async () => {
    server.route(TWEETS, fixture('timeline-empty'));

    const result = await connectorWith().fetchNewPosts(account, cursorFor(ID.closure));

    expect(result).toEqual({ posts: [], cursor: undefined });
  });

  it('looks the username up again when the registered handle has changed', async () => {
    server.route('/2/users/by/username/HarbourneTown', { body: { data: { id: '1486000000000000002', name: 'Harbourne Town Council', username: 'HarbourneTown' } } });
    server.route('/2/users/1486000000000000002/tweets', fixture('timeline-empty'));

    const { cursor } = await connectorWith().fetchNewPosts({ ...account, handle: '@HarbourneTown' }, cursorFor(ID.closure));

    expect(server.requests.map((r) => r.path)).toEqual(['/2/users/by/username/HarbourneTown', '/2/users/1486000000000000002/tweets']);
    expect(JSON.parse(cursor!)).toMatchObject({ userId: '1486000000000000002', username: 'HarbourneTown' });
  });
});

describe('the X connector: tweets as canonical posts', () => {
  it('puts the expanded URL in place of the t.co wrapper, in the text and in links', async () => {
    serveThreePages();

    const post = (await firstScan()).get(ID.closure)!;

    expect(post).toMatchObject({
      platform: 'x',
      account: HANDLE,
      accountName: 'Harbourne Town Council',
      createdAt: '2026-03-09T16:30:00.000Z',
      url: `https://x.com/HarbourneTC/status/${ID.closure}`,
      text: 'Quay Street will be closed on Saturday for resurfacing. Diversion details & bus stops: https://www.harbourne-tc.example/news/quay-street-resurfacing',
      links: ['https://www.harbourne-tc.example/news/quay-street-resurfacing'],
    });
    expect(post.text).not.toContain('t.co');
  });

  it('carries a photo with its alt text, dropping the t.co link to the photo itself', async () => {
    serveThreePages();

    const post = (await firstScan()).get(ID.planting)!;

    expect(post.text).toBe('Spring planting in Market Square is under way 🌷');
    expect(post.media).toEqual([
      { type: 'image', url: 'https://pbs.twimg.com/media/HbTcMarketSq1.jpg', altText: 'Volunteers planting tulips in the raised beds of Market Square' },
    ]);
    expect(post.links).toBeUndefined();
  });

  it('carries a video without alt text, and a media type X added later as other', async () => {
    serveThreePages();

    const post = (await firstScan()).get(ID.playArea)!;

    expect(post.media).toEqual([{ type: 'video' }, { type: 'other', url: 'https://pbs.twimg.com/media/HbTcSticker.png' }]);
    expect(post.text).toBe('Watch the Mayor open the new play area at Harbourne Rec, then try the new sticker');
  });

  it('carries an animated GIF with its alt text', async () => {
    serveThreePages();

    const post = (await firstScan()).get(ID.allotments)!;

    expect(post.media).toEqual([{ type: 'gif', url: 'https://pbs.twimg.com/tweet_video_thumb/HbTcAllotment.jpg', altText: 'A cartoon spade digging' }]);
  });

  it('marks a reply with the account replied to', async () => {
    serveThreePages();

    const post = (await firstScan()).get(ID.reply)!;

    expect(post.replyTo).toEqual({ account: '@harbourne_walker' });
    expect(post.repostOf).toBeUndefined();
  });

  it('marks a retweet with the account retweeted', async () => {
    serveThreePages();

    const post = (await firstScan()).get(ID.retweet)!;

    expect(post.repostOf).toEqual({ account: '@HarbourneFest' });
    expect(post.text.startsWith('RT @HarbourneFest:')).toBe(true);
  });

  it('marks a quote with the quoted account, keeping the link to the quoted tweet', async () => {
    serveThreePages();

    const post = (await firstScan()).get(ID.quote)!;

    expect(post.quoteOf).toEqual({ account: '@HarbourneScouts' });
    expect(post.links).toEqual(['https://twitter.com/HarbourneScouts/status/1897800000000000033']);
  });

  it('falls back to the referenced tweet id when nothing names the account', () => {
    const page = timelinePage('timeline-page-2');
    const [retweet, quote] = page.body.data!.map((t) => ({ ...t, text: t.text.replace(/^RT @\w+: /, ''), entities: {} }));
    const author = { handle: HANDLE, username: 'HarbourneTC' };

    expect(tweetToPost(retweet!, undefined, author).repostOf).toEqual({ account: '1897900000000000011' });
    expect(tweetToPost(quote!, undefined, author).quoteOf).toEqual({ account: '1897800000000000033' });
  });

  it('reads a long post whole, from note_tweet, with its links expanded by its own entities', () => {
    const [tweet] = timelinePage('timeline-page-1').body.data!;
    const whole =
      'The Quay Street resurfacing starts on Saturday 14 March and lasts three weeks. Buses divert along Mill Lane; ' +
      'the stops outside the library and the harbour office are closed. Residents with a parking permit can use the ' +
      'Station Road car park free of charge until the work ends. Full details & a map: https://t.co/QuayWorks1';
    const long = {
      ...tweet!,
      text: `${whole.slice(0, 270)}… https://t.co/Cut0ff0001`,
      entities: { urls: [{ url: 'https://t.co/Cut0ff0001', expanded_url: `https://x.com/HarbourneTC/status/${tweet!.id}` }] },
      note_tweet: { text: whole.replace('&', '&amp;'), entities: { urls: [{ url: 'https://t.co/QuayWorks1', expanded_url: 'https://www.harbourne-tc.example/roads/quay-street/' }] } },
    };

    const post = tweetToPost(long, undefined, { handle: HANDLE, username: 'HarbourneTC' });

    expect(post.text).toBe(whole.replace('https://t.co/QuayWorks1', 'https://www.harbourne-tc.example/roads/quay-street/'));
    expect(post.links).toEqual(['https://www.harbourne-tc.example/roads/quay-street/']);
  });

  it('reads a retweet as the retweeted post, whole, when the answer expands it', () => {
    const retweet = timelinePage('timeline-page-2').body.data![0]!;
    const original =
      'Tickets for the Harbourne Summer Festival go on sale on Friday at 9am. Volunteers wanted too! We need stewards, ' +
      'litter pickers and a first-aider for each day: sign up at https://t.co/Fest2026ok and we will be in touch.';
    const includes = {
      tweets: [
        {
          id: '1897900000000000011',
          text: original.slice(0, 120),
          author_id: '1400000000000000077',
          note_tweet: { text: original, entities: { urls: [{ url: 'https://t.co/Fest2026ok', expanded_url: 'https://harbourne-festival.example/volunteer' }] } },
        },
      ],
      users: [{ id: '1400000000000000077', username: 'HarbourneFest', name: 'Harbourne Summer Festival' }],
    };

    const post = tweetToPost(retweet, includes, { handle: HANDLE, username: 'HarbourneTC' });

    expect(post).toMatchObject({
      id: retweet.id,
      account: HANDLE,
      text: original.replace('https://t.co/Fest2026ok', 'https://harbourne-festival.example/volunteer'),
      links: ['https://harbourne-festival.example/volunteer'],
      repostOf: { account: '@HarbourneFest' },
    });
  });

  it('names the quoted account and text when the answer expands the referenced tweet', () => {
    const quote = timelinePage('timeline-page-2').body.data![1]!;
    const includes = {
      tweets: [{ id: '1897800000000000033', text: 'Forty bags of litter collected on the beach &amp; the prom today', author_id: '1400000000000000099' }],
      users: [{ id: '1400000000000000099', username: 'HarbourneScoutGroup', name: 'Harbourne Scouts' }],
    };

    const post = tweetToPost(quote, includes, { handle: HANDLE, username: 'HarbourneTC' });

    expect(post.quoteOf).toEqual({ account: '@HarbourneScoutGroup', text: 'Forty bags of litter collected on the beach & the prom today' });
  });
});

describe('the X connector: politeness and failures', () => {
  it('waits until x-rate-limit-reset after a 429, then carries on', async () => {
    // The recorded 429 resets at 12:00:30, 30 s after NOW.
    server.route(LOOKUP, fixture('user-lookup'));
    server.route(TWEETS, fixture('rate-limited'), fixture('timeline-empty'));

    const result = await connectorWith().fetchNewPosts(account, undefined);

    expect(result.posts).toEqual([]);
    expect(waits).toEqual([31_000]);
    expect(tweetRequests()).toHaveLength(2);
  });

  it('gives up with PlatformRateLimitedError when the reset is too far away for a scan to wait', async () => {
    const limited = fixture('rate-limited');
    limited.headers['x-rate-limit-reset'] = String(NOW.getTime() / 1000 + 15 * 60);
    server.route(TWEETS, limited);

    const error = await failure(() => connectorWith().fetchNewPosts(account, cursorFor(ID.closure)));

    expect(error).toBeInstanceOf(PlatformRateLimitedError);
    expect((error as PlatformRateLimitedError).resetAt?.toISOString()).toBe('2026-03-10T12:15:01.000Z');
    expect(waits).toEqual([]);
  });

  it('retries a 5xx with backoff, then carries on', async () => {
    server.route(TWEETS, fixture('service-unavailable'), fixture('timeline-incremental'));

    const { posts } = await connectorWith().fetchNewPosts(account, cursorFor(ID.closure));

    expect(posts.map((p) => p.id)).toEqual([EDIT.original]);
    expect(waits).toHaveLength(1);
  });

  it('retries a request that timed out, then carries on', async () => {
    server.route(TWEETS, { ...fixture('timeline-incremental'), delayMs: 3_000 }, fixture('timeline-incremental'));

    const { posts } = await connectorWith().fetchNewPosts(account, cursorFor(ID.closure));

    expect(posts.map((p) => p.id)).toEqual([EDIT.original]);
    expect(waits).toHaveLength(1);
    expect(tweetRequests()).toHaveLength(2);
  });

  it('throws PlatformUnavailableError when X keeps failing', async () => {
    server.route(TWEETS, fixture('service-unavailable'));

    const error = await failure(() => connectorWith({ maxAttempts: 3 }).fetchNewPosts(account, cursorFor(ID.closure)));

    expect(error).toBeInstanceOf(PlatformUnavailableError);
    expect(tweetRequests()).toHaveLength(3);
  });

  it('throws PlatformResponseError naming the URL for a body that is not JSON', async () => {
    server.route(TWEETS, { status: 200, headers: { 'content-type': 'application/json' }, body: '{"data": [{"id": "1898' });

    const error = await failure(() => connectorWith().fetchNewPosts(account, cursorFor(ID.closure)));

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain(`${server.baseUrl}${TWEETS}`);
  });

  it('throws PlatformResponseError naming the field when the shape has changed', async () => {
    const page = timelinePage('timeline-page-1');
    const changed = page.body as unknown as { data: Record<string, unknown>[] };
    changed.data[1]!.createdAt = changed.data[1]!.created_at;
    delete changed.data[1]!.created_at;
    serveThreePages([page]);

    const error = await failure(() => connectorWith().fetchNewPosts(account, undefined));

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain('data[1].created_at');
    expect(error.message).toContain(TWEETS);
  });

  it('throws PlatformResponseError naming the field for an empty id in the edit history, not a post without an id', async () => {
    const page = timelinePage('timeline-page-1');
    const changed = page.body as unknown as { data: Record<string, unknown>[] };
    changed.data[0]!.edit_history_tweet_ids = [''];
    serveThreePages([page]);

    const error = await failure(() => connectorWith().fetchNewPosts(account, undefined));

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain('data[0].edit_history_tweet_ids[0]');
  });

  it('throws PlatformAuthError for a 401, and the account needs reconnecting', async () => {
    server.route(LOOKUP, fixture('unauthorized'));

    const error = await failure(() => connectorWith().fetchNewPosts(account, undefined));

    expect(error).toBeInstanceOf(PlatformAuthError);
    expect(error.message).toBe('x refused the credentials (HTTP 401 Unauthorized); the account needs reconnecting');
    expect(server.requests).toHaveLength(1);
  });

  it('throws PlatformAuthError without a request when no bearer token is configured', async () => {
    const error = await failure(() => connectorWith({}, { token: async () => undefined }).fetchNewPosts(account, undefined));

    expect(error).toBeInstanceOf(PlatformAuthError);
    expect(server.requests).toHaveLength(0);
  });

  it('never puts the bearer token in an error message', async () => {
    const scenarios: ReplayResponse[][] = [
      [fixture('unauthorized')],
      [fixture('service-unavailable')],
      [{ status: 200, body: 'not json' }],
      [{ status: 403, body: { title: 'Forbidden', detail: 'client-not-enrolled' } }],
      [{ ...fixture('rate-limited'), headers: { 'x-rate-limit-reset': String(NOW.getTime() / 1000 + 3600) } }],
    ];
    const messages: string[] = [];
    for (const responses of scenarios) {
      server.route(TWEETS, ...responses);
      const error = await failure(() => connectorWith({ maxAttempts: 2 }).fetchNewPosts(account, cursorFor(ID.closure)));
      expect(error).toBeInstanceOf(ConnectorError);
      messages.push(error.message, String(error.stack), JSON.stringify(error), String((error as { cause?: unknown }).cause ?? ''));
    }

    for (const message of messages) expect(message).not.toContain(TOKEN);
    expect(tweetRequests().every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('says which username X does not know', async () => {
    server.route('/2/users/by/username/HarbourneTCx', fixture('user-not-found'));

    const error = await failure(() => connectorWith().fetchNewPosts({ ...account, handle: '@HarbourneTCx' }, undefined));

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain('@HarbourneTCx');
    expect(error.message).toContain('Could not find user with username');
  });

  it('says why X returned no timeline at all (a suspended or protected account)', async () => {
    const detail = `Sorry, you are not authorized to see the user with id: [${USER_ID}].`;
    server.route(TWEETS, { status: 200, body: { errors: [{ title: 'Authorization Error', detail, type: 'https://api.x.com/2/problems/not-authorized-for-resource' }] } });

    const error = await failure(() => connectorWith().fetchNewPosts(account, cursorFor(ID.closure)));

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain(detail);
  });

  it('refuses a handle that is not an X username, without a request', async () => {
    const error = await failure(() => connectorWith().fetchNewPosts({ ...account, handle: '@harbourne town council' }, undefined));

    expect(error).toBeInstanceOf(ConnectorError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('the X handle and rate-limit policy', () => {
  it('reads a username from @name, name or a profile URL', () => {
    expect(['@HarbourneTC', 'HarbourneTC', 'https://x.com/HarbourneTC', 'https://twitter.com/HarbourneTC/'].map(usernameOf)).toEqual(
      Array(4).fill('HarbourneTC'),
    );
  });

  const response = (status: number, headers: Record<string, string> = {}): HttpResponse => ({
    status,
    url: 'https://api.x.com/2/users/1/tweets',
    text: '',
    header: (name) => headers[name.toLowerCase()],
  });

  it('treats only a 429 as throttling, and leaves a 429 without a reset to the ordinary backoff', () => {
    const reset = String(NOW.getTime() / 1000 + 120);

    expect(xPolicy.rateLimitWaitMs(response(429, { 'x-rate-limit-reset': reset }), NOW)).toBe(121_000);
    expect(xPolicy.rateLimitWaitMs(response(200, { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset }), NOW)).toBeUndefined();
    expect(xPolicy.rateLimitWaitMs(response(429), NOW)).toBeUndefined();
    expect(xPolicy.rateLimitWaitMs(response(429, { 'x-rate-limit-reset': String(NOW.getTime() / 1000 - 5) }), NOW)).toBe(1_000);
  });

  it('treats a 401 as refused credentials and a 403 as an ordinary answer', () => {
    expect(xPolicy.authFailure(response(401))).toBe('HTTP 401');
    expect(xPolicy.authFailure(response(403))).toBeUndefined();
  });
});
