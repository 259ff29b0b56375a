import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBlueskyConnector } from '../../shared/connectors/bluesky/bluesky-connector';
import { blueskyPolicy } from '../../shared/connectors/bluesky/policy';
import {
  AuthorFeedResponseSchema,
  GetProfileResponseSchema,
  SearchActorsResponseSchema,
  XrpcErrorSchema,
  type FeedViewPost,
} from '../../shared/connectors/bluesky/schemas';
import { toPost } from '../../shared/connectors/bluesky/to-post';
import type { FetchOptions } from '../../shared/connectors/connector';
import { PlatformAuthError, PlatformResponseError } from '../../shared/connectors/errors';
import { createPlatformHttp } from '../../shared/connectors/http/create-http';
import type { HttpOptions, HttpResponse } from '../../shared/connectors/http/platform-http';
import { parseAccount } from '../../shared/domain/account';
import { parsePost, type Post } from '../../shared/domain/post';
import { recordedAnswers, type RecordedAnswer } from '../support/recorded-answers';
import { startReplayServer, type ReplayResponse, type ReplayServer } from '../support/replay-server';

// ---------------------------------------------------------------------------------------------------
// Recorded payloads: read once, cloned for every use.

type Recorded = RecordedAnswer;
const { fixture, names: recordedNames } = recordedAnswers('bluesky');

/** A recorded getAuthorFeed page as the body the tests edit (`feed` items as plain objects). */
// The tests reshape recorded payloads freely, to make them malformed: their items are untyped on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FeedBody = { cursor?: string; feed: Record<string, any>[] };
function feedBody(name: string): FeedBody {
  return fixture(name).body as FeedBody;
}

const replay = ({ status, headers, body }: Recorded): ReplayResponse => ({ status, headers, body });

/** Parsed feed items by the text they start with, for mapping tests. */
function feedItem(page: string, textStart: string): FeedViewPost {
  const item = AuthorFeedResponseSchema.parse(fixture(page).body).feed.find((i) => i.post.record.text.startsWith(textStart));
  if (!item) throw new Error(`no item starting ${JSON.stringify(textStart)} in ${page}`);
  return item;
}

// ---------------------------------------------------------------------------------------------------
// The world: a replay server on 127.0.0.1, the real polite client, no real waiting.

const COUNCIL = '@harbournetc.bsky.social';
const COUNCIL_DID = 'did:plc:uhkrff523nwmhwcgv5jmsxw6';
const NOW = new Date('2026-02-20T12:00:00Z');
const FEED_PATH = '/xrpc/app.bsky.feed.getAuthorFeed';
const SEARCH_PATH = '/xrpc/app.bsky.actor.searchActors';
const BINS_URI = 'https://harbourne-tc.example/news/bin-collection-changes-2026';

const account = parseAccount({
  platform: 'bluesky',
  handle: COUNCIL,
  displayName: 'Harbourne Town Council',
  approvedBy: 'Town Clerk',
  approvedOn: '2025-04-01',
  registeredAt: '2025-04-01T09:00:00Z',
});

let server: ReplayServer;
let waits: number[];

beforeEach(async () => {
  server = await startReplayServer();
  waits = [];
});
afterEach(() => server.close());

function connector(http: Partial<HttpOptions> = {}) {
  return createBlueskyConnector({
    http: (policy, bearerToken) =>
      createPlatformHttp({
        policy,
        bearerToken,
        allowLoopback: true,
        sleep: async (ms) => void waits.push(ms),
        clock: () => NOW,
        random: () => 1,
        timeoutMs: 300,
        ...http,
      }),
    token: async () => undefined,
    clock: () => NOW,
    baseUrl: server.baseUrl,
  });
}

/** Serves feed pages keyed by the `cursor` query parameter ('' for the first page). */
function serveFeed(pages: Record<string, Recorded>): void {
  server.handle(FEED_PATH, (request) => {
    const page = pages[request.query.get('cursor') ?? ''];
    return page ? replay(page) : { status: 400, body: { error: 'InvalidRequest', message: `unexpected cursor ${request.query.get('cursor')}` } };
  });
}

function serveThreePages(): void {
  serveFeed({
    '': fixture('author-feed-page-1'),
    [feedBody('author-feed-page-1').cursor!]: fixture('author-feed-page-2'),
    [feedBody('author-feed-page-2').cursor!]: fixture('author-feed-page-3'),
  });
}

const feedRequests = () => server.requests.filter((r) => r.path === FEED_PATH);
const texts = (posts: Post[]) => posts.map((p) => p.text.slice(0, 30));
const fetchPosts = (cursor?: string, options?: FetchOptions) => connector().fetchNewPosts(account, cursor, options);

// ---------------------------------------------------------------------------------------------------

describe('Bluesky recorded payloads', () => {
  it('are all valid under the schemas production uses', () => {
    // Prepare
    const schemaFor = (name: string) =>
      name.startsWith('search-actors')
        ? SearchActorsResponseSchema
        : name === 'get-profile'
          ? GetProfileResponseSchema
          : name.startsWith('author-feed')
            ? AuthorFeedResponseSchema
            : undefined;

    // Act / Assess
    expect(recordedNames.length).toBeGreaterThanOrEqual(10);
    for (const name of recordedNames) {
      const recorded = fixture(name);
      const schema = recorded.status === 200 ? schemaFor(name) : XrpcErrorSchema;
      expect(schema, name).toBeDefined();
      expect(schema!.safeParse(recorded.body).error, name).toBeUndefined();
      expect(recorded.headers['ratelimit-reset'], name).toMatch(/^\d{10}$/);
    }
  });
});

describe('Bluesky connector: paging', () => {
  it('says its listing is complete only when the paging reached the window or the feed’s end, not a bound (reconciliation deletes by it)', async () => {
    serveThreePages();
    expect((await fetchPosts(undefined, { firstScan: { days: 3650, maxPosts: 1000 } })).complete).toBe(true);
    expect((await fetchPosts(undefined, { firstScan: { days: 14, maxPosts: 1000 } })).complete).toBe(true);
    expect((await fetchPosts(undefined, { firstScan: { days: 3650, maxPosts: 2 } })).complete).toBe(false);
  });

  it('pages back through three pages by cursor and returns the posts oldest first', async () => {
    // Prepare
    serveThreePages();

    // Act
    const result = await fetchPosts();

    // Assess
    const requests = feedRequests();
    expect(requests).toHaveLength(3);
    expect(requests.map((r) => r.query.get('cursor'))).toEqual([null, feedBody('author-feed-page-1').cursor, feedBody('author-feed-page-2').cursor]);
    for (const r of requests) {
      expect(r.query.get('actor')).toBe('harbournetc.bsky.social');
      expect(r.query.get('limit')).toBe('100');
      expect(r.query.get('filter')).toBe('posts_with_replies');
    }
    expect(texts(result.posts)).toEqual([
      'Full council meets on Tuesday ',
      'Congratulations to Harbourne F',
      'Our new events calendar is liv',
      'Time-lapse of the Christmas li',
      'Our photos from the Spring Fai',
      'The new benches are in on the ',
      'Great turnout for the beach cl',
      'Thanks for letting us know. Th',
      '🗑️ Bin collection days change',
      'Half-term craft sessions at Ha',
    ]);
    for (const post of result.posts) expect(parsePost(post)).toEqual(post);
    expect(new Set(result.posts.map((p) => p.id)).size).toBe(result.posts.length);
    expect(JSON.parse(result.cursor!)).toMatchObject({ v: 1, newest: '2026-02-20T09:30:00.412Z' });
  });

  it('stops at the first-scan bound: the welcome post of 5 January is older than 14 days', async () => {
    // Prepare
    serveThreePages();

    // Act
    const result = await fetchPosts();

    // Assess
    expect(result.posts.some((p) => p.text.startsWith('Welcome'))).toBe(false);
    expect(result.posts.every((p) => Date.parse(p.createdAt) >= Date.parse('2026-02-06T12:00:00Z'))).toBe(true);
  });

  it('skips a pinned post at the top of the feed, keeping the post once, in its own place', async () => {
    // Prepare: a first scan reaching back far enough to include the pinned post's own date
    serveThreePages();

    // Act
    const result = await fetchPosts(undefined, { firstScan: { days: 60, maxPosts: 200 } });

    // Assess: the pin (page 1, first item) neither ended the scan by its old date nor came back twice
    const welcome = result.posts.filter((p) => p.text.startsWith('Welcome'));
    expect(welcome).toHaveLength(1);
    expect(result.posts[0]).toBe(welcome[0]);
    expect(result.posts).toHaveLength(11);
    expect(feedRequests()).toHaveLength(3);
  });

  it('stops at the first post already seen on the next scan', async () => {
    // Prepare: a first scan, then two new posts on top of the feed
    serveThreePages();
    const first = await fetchPosts();
    server.requests.length = 0;
    serveFeed({ '': fixture('author-feed-newer'), [feedBody('author-feed-newer').cursor!]: fixture('author-feed-page-2') });

    // Act
    const second = await fetchPosts(first.cursor);

    // Assess
    expect(texts(second.posts)).toEqual(['Fore Street is closed for resu', 'Harbourne Market returns to th']);
    expect(feedRequests()).toHaveLength(1);
    expect(JSON.parse(second.cursor!)).toMatchObject({ newest: '2026-02-21T09:00:01.300Z' });
  });

  it('returns nothing and no cursor when nothing is new', async () => {
    // Prepare
    serveFeed({ '': fixture('author-feed-newer') });
    const first = await fetchPosts(undefined, { limit: 2 });

    // Act
    const again = await fetchPosts(first.cursor);

    // Assess
    expect(first.posts).toHaveLength(2);
    expect(again).toEqual({ posts: [], cursor: undefined, complete: true });
  });

  it('stops at a post older than the cursor when the posts it saw have been deleted', async () => {
    // Prepare: the last scan's newest post (08:30 on 20 February) has since been deleted
    serveThreePages();
    const deleted = `at://${COUNCIL_DID}/app.bsky.feed.post/3lzzzzzzzzzzz`;
    const cursor = JSON.stringify({ v: 1, newest: '2026-02-20T08:30:00.000Z', seen: [deleted] });

    // Act
    const result = await fetchPosts(cursor);

    // Assess: the repost at 09:30 is new; the bins post at 08:15 is older than the cursor, so the scan ends there
    expect(texts(result.posts)).toEqual(['Half-term craft sessions at Ha']);
    expect(feedRequests()).toHaveLength(1);
    expect(JSON.parse(result.cursor!).seen).toEqual([result.posts[0]!.id, deleted]);
  });

  it('keeps a post indexed far in the future without letting it freeze the cursor', async () => {
    // Prepare: the newest item claims to be indexed in 2099; a later scan finds a new post under it
    const stuck = feedBody('author-feed-page-1');
    delete stuck.cursor;
    stuck.feed[0]!.post.indexedAt = '2099-01-01T00:00:00.000Z';
    delete stuck.feed[0]!.reason;
    serveFeed({ '': { status: 200, headers: {}, body: stuck } as Recorded });
    const first = await fetchPosts();
    const fresh = feedBody('author-feed-newer').feed.find((item) => item.post.record.text.startsWith('Fore Street'))!;
    serveFeed({ '': { status: 200, headers: {}, body: { feed: [stuck.feed[0], fresh, ...stuck.feed.slice(1)] } } as Recorded });

    // Act
    const second = await fetchPosts(first.cursor);
    const third = await fetchPosts(second.cursor);

    // Assess: the 2099 post was kept once; the cursor never moved past now; the new post is found, once
    expect(first.posts.map((p) => p.id)).toContain(stuck.feed[0]!.post.uri);
    expect(Date.parse(JSON.parse(first.cursor!).newest)).toBeLessThanOrEqual(NOW.getTime() + 86_400_000);
    expect(texts(second.posts)).toEqual(['Fore Street is closed for resu']);
    expect(third).toEqual({ posts: [], cursor: undefined, complete: true });
  });

  it('repairs a cursor an earlier scan already pushed into the future', async () => {
    // Prepare: a cursor written before the fix, at 2099, having seen only that post
    const stuck = feedBody('author-feed-page-1');
    delete stuck.cursor;
    stuck.feed[0]!.post.indexedAt = '2099-01-01T00:00:00.000Z';
    delete stuck.feed[0]!.reason;
    const fresh = feedBody('author-feed-newer').feed.find((item) => item.post.record.text.startsWith('Fore Street'))!;
    serveFeed({ '': { status: 200, headers: {}, body: { feed: [stuck.feed[0], fresh] } } as Recorded });
    const frozen = JSON.stringify({ v: 1, newest: '2099-01-01T00:00:00.000Z', seen: [stuck.feed[0]!.post.uri] });

    // Act
    const result = await fetchPosts(frozen);

    // Assess
    expect(texts(result.posts)).toEqual(['Fore Street is closed for resu']);
    expect(JSON.parse(result.cursor!).newest).toBe(fresh.post.indexedAt);
  });

  it('treats a cursor it did not write as a first scan', async () => {
    // Prepare
    serveThreePages();

    // Act
    const result = await fetchPosts('1771581600|at://elsewhere');

    // Assess
    expect(result.posts).toHaveLength(10);
  });

  it('honours --since and --limit', async () => {
    // Prepare
    serveThreePages();

    // Act
    const since = await fetchPosts(undefined, { since: new Date('2026-02-17T00:00:00Z') });
    const limited = await fetchPosts(undefined, { limit: 3 });

    // Assess
    expect(texts(since.posts)).toEqual([
      'The new benches are in on the ',
      'Great turnout for the beach cl',
      'Thanks for letting us know. Th',
      '🗑️ Bin collection days change',
      'Half-term craft sessions at Ha',
    ]);
    expect(since.posts.every((p) => Date.parse(p.createdAt) >= Date.parse('2026-02-17T00:00:00Z'))).toBe(true);
    expect(texts(limited.posts)).toEqual(['Thanks for letting us know. Th', '🗑️ Bin collection days change', 'Half-term craft sessions at Ha']);
  });

  it('reads from the account’s own AppView when the registration names one', async () => {
    // Prepare: the deps point nowhere useful; the account points at the replay server
    serveFeed({ '': fixture('author-feed-page-3') });
    const elsewhere = createBlueskyConnector({
      http: (policy) => createPlatformHttp({ policy, allowLoopback: true, sleep: async () => {} }),
      token: async () => undefined,
      clock: () => NOW,
      baseUrl: 'http://127.0.0.1:9/unused',
    });

    // Act
    const result = await elsewhere.fetchNewPosts({ ...account, baseUrl: `${server.baseUrl}/` }, undefined);

    // Assess
    expect(result.posts).toHaveLength(3);
  });
});

describe('Bluesky connector: politeness and failures', () => {
  it('waits out a 429 for the Retry-After seconds, then carries on', async () => {
    // Prepare
    server.route(FEED_PATH, replay(fixture('author-feed-rate-limited')), replay(fixture('author-feed-page-3')));

    // Act
    const result = await fetchPosts();

    // Assess
    expect(waits).toEqual([30_000]);
    expect(feedRequests()).toHaveLength(2);
    expect(result.posts).toHaveLength(3);
  });

  it('retries a 5xx and returns the page that follows', async () => {
    // Prepare
    server.route(FEED_PATH, replay(fixture('author-feed-server-error')), replay(fixture('author-feed-page-3')));

    // Act
    const result = await fetchPosts();

    // Assess
    expect(feedRequests()).toHaveLength(2);
    expect(waits).toHaveLength(1);
    expect(result.posts).toHaveLength(3);
  });

  it('retries a request that times out', async () => {
    // Prepare
    server.route(FEED_PATH, { ...replay(fixture('author-feed-page-3')), delayMs: 2_000 }, replay(fixture('author-feed-page-3')));

    // Act
    const result = await fetchPosts();

    // Assess
    expect(feedRequests()).toHaveLength(2);
    expect(waits).toHaveLength(1);
    expect(result.posts).toHaveLength(3);
  });

  it('reports malformed JSON as a PlatformResponseError naming the URL', async () => {
    // Prepare
    server.route(FEED_PATH, { status: 200, headers: { 'content-type': 'application/json' }, body: '{"feed": [{"post": ' });

    // Act
    const failure = fetchPosts();

    // Assess
    await expect(failure).rejects.toThrow(PlatformResponseError);
    await expect(failure).rejects.toThrow(`${server.baseUrl}${FEED_PATH}?actor=harbournetc.bsky.social`);
  });

  it('reports a changed shape naming the field', async () => {
    // Prepare: the third item has lost its uri
    const page = feedBody('author-feed-page-1');
    delete page.feed[2]!.post.uri;
    server.route(FEED_PATH, { body: page });

    // Act
    const failure = fetchPosts();

    // Assess
    await expect(failure).rejects.toThrow(PlatformResponseError);
    await expect(failure).rejects.toThrow('feed[2].post.uri: is missing');
  });

  it('reports a malformed known embed by the field inside it', async () => {
    // Prepare: the repost's image has lost its fullsize URL
    const page = feedBody('author-feed-page-1');
    delete page.feed[1]!.post.embed.images[0].fullsize;
    server.route(FEED_PATH, { body: page });

    // Act / Assess
    await expect(fetchPosts()).rejects.toThrow('feed[1].post.embed.images[0].fullsize: is missing');
  });

  it('tolerates fields it does not know', async () => {
    // Prepare
    const page = feedBody('author-feed-page-3');
    page.feed[0]!.post.bookmarkCount = 3;
    page.feed[0]!.feedContext = 't-news';
    server.route(FEED_PATH, { body: page });

    // Act / Assess
    expect((await fetchPosts()).posts).toHaveLength(3);
  });

  it('reports an unknown account with the AppView’s own words', async () => {
    // Prepare
    server.route(FEED_PATH, replay(fixture('author-feed-unknown-actor')));

    // Act / Assess
    await expect(fetchPosts()).rejects.toThrow(/HTTP 400 .*Profile not found/);
  });

  it('treats a 401 as credentials to reconnect', async () => {
    // Prepare
    server.route(FEED_PATH, { status: 401, body: { error: 'AuthMissing', message: 'Authentication Required' } });

    // Act / Assess
    await expect(fetchPosts()).rejects.toThrow(PlatformAuthError);
  });
});

describe('Bluesky rate-limit policy', () => {
  const response = (status: number, headers: Record<string, string>, body: unknown): HttpResponse => ({
    status,
    url: 'https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed',
    text: JSON.stringify(body),
    header: (name) => headers[name.toLowerCase()],
  });

  it('waits for Retry-After seconds when it is given', () => {
    const limited = fixture('author-feed-rate-limited');
    expect(blueskyPolicy.rateLimitWaitMs(response(limited.status, limited.headers, limited.body), NOW)).toBe(30_000);
  });

  it('falls back to RateLimit-Reset (epoch seconds) without Retry-After', () => {
    const limited = fixture('author-feed-rate-limited');
    delete limited.headers['retry-after'];
    limited.headers['ratelimit-reset'] = String(NOW.getTime() / 1000 + 45);
    expect(blueskyPolicy.rateLimitWaitMs(response(limited.status, limited.headers, limited.body), NOW)).toBe(45_000);
  });

  it('does not call a success or an ordinary error throttling', () => {
    const page = fixture('author-feed-page-3');
    const unknown = fixture('author-feed-unknown-actor');
    expect(blueskyPolicy.rateLimitWaitMs(response(page.status, page.headers, page.body), NOW)).toBeUndefined();
    expect(blueskyPolicy.rateLimitWaitMs(response(unknown.status, unknown.headers, unknown.body), NOW)).toBeUndefined();
    expect(blueskyPolicy.authFailure(response(unknown.status, unknown.headers, unknown.body))).toBeUndefined();
  });
});

describe('Bluesky posts as canonical posts', () => {
  it('takes the indexed time for a post whose own date does not exist (30 February), rather than rolling it over', () => {
    const item = structuredClone(feedItem('author-feed-page-3', 'Our new events'));
    item.post.record.createdAt = '2026-02-30T09:00:00+00:00';
    expect(toPost(item, COUNCIL).createdAt).toBe(item.post.indexedAt);
  });

  it('maps a council post: id, account, name, time and permalink', () => {
    const item = feedItem('author-feed-page-3', 'Our new events');
    const post = toPost(item, COUNCIL);
    const rkey = item.post.uri.split('/').pop();
    expect(post).toMatchObject({
      id: item.post.uri,
      platform: 'bluesky',
      account: COUNCIL,
      accountName: 'Harbourne Town Council',
      createdAt: '2026-02-13T09:00:00.000Z',
      url: `https://bsky.app/profile/harbournetc.bsky.social/post/${rkey}`,
    });
    expect(post.id).toMatch(new RegExp(`^at://${COUNCIL_DID}/app\\.bsky\\.feed\\.post/[a-z2-7]{13}$`));
  });

  it('tolerates an embed type it does not know, keeping the text and the links it carries', () => {
    const item = feedItem('author-feed-page-3', 'Our new events');
    expect(item.post.embed).toMatchObject({ $type: 'unknown', unknownType: 'app.bsky.embed.gallery#view' });
    const post = toPost(item, COUNCIL);
    expect(post.text).toBe('Our new events calendar is live: every market, meeting and fair in one place.');
    expect(post.media).toBeUndefined();
    expect(post.links).toEqual(['https://harbourne-tc.example/events']);
  });

  it('keeps every image of a gallery, and of any embed it does not know, with its alt text', () => {
    const body = feedBody('author-feed-page-3');
    const raw = body.feed.find((i) => String(i.post.record.text).startsWith('Our new events'))!;
    const image = (n: number, alt: string) => ({
      $type: 'app.bsky.embed.gallery#viewImage',
      thumb: `https://cdn.bsky.app/img/feed_thumbnail/plain/${COUNCIL_DID}/bafkreigallery${n}@jpeg`,
      fullsize: `https://cdn.bsky.app/img/feed_fullsize/plain/${COUNCIL_DID}/bafkreigallery${n}@jpeg`,
      alt,
      aspectRatio: { width: 4, height: 3 },
    });
    raw.post.embed = { $type: 'app.bsky.embed.gallery#view', items: [image(1, 'Market stalls on Quay Street'), image(2, ''), image(3, 'The town crier')] };
    const item = AuthorFeedResponseSchema.parse(body).feed.find((i) => i.post.record.text.startsWith('Our new events'))!;

    const post = toPost(item, COUNCIL);

    const fullsize = (n: number) => `https://cdn.bsky.app/img/feed_fullsize/plain/${COUNCIL_DID}/bafkreigallery${n}@jpeg`;
    expect(post.media).toEqual([
      { type: 'image', url: fullsize(1), altText: 'Market stalls on Quay Street' },
      { type: 'image', url: fullsize(2) },
      { type: 'image', url: fullsize(3), altText: 'The town crier' },
    ]);
  });

  it('says a post carries something when an embed it does not know holds nothing it can read', () => {
    const body = feedBody('author-feed-page-3');
    const raw = body.feed.find((i) => String(i.post.record.text).startsWith('Our new events'))!;
    raw.post.embed = { $type: 'app.bsky.embed.poll#view', options: [{ label: 'Yes' }, { label: 'No' }] };
    const item = AuthorFeedResponseSchema.parse(body).feed.find((i) => i.post.record.text.startsWith('Our new events'))!;

    expect(toPost(item, COUNCIL).media).toEqual([{ type: 'other' }]);
  });

  it('maps a repost as the council’s act, crediting the original author', () => {
    const item = feedItem('author-feed-page-1', 'Half-term craft');
    const post = toPost(item, COUNCIL);
    expect(post).toMatchObject({
      account: COUNCIL,
      accountName: 'Harbourne Town Council',
      createdAt: '2026-02-20T09:30:00.412Z',
      repostOf: { account: '@harbourne-library.bsky.social' },
      media: [{ type: 'image', altText: 'Children making paper lanterns at a library table' }],
    });
    expect(post.id).not.toBe(item.post.uri);
    expect(post.id).toContain(item.post.uri);
    expect(post.id).toContain(COUNCIL_DID);
    expect(post.url).toMatch(/^https:\/\/bsky\.app\/profile\/harbourne-library\.bsky\.social\/post\/[a-z2-7]{13}$/);
    expect(post.replyTo).toBeUndefined();
  });

  it('maps a reply to the parent post’s author', () => {
    const post = toPost(feedItem('author-feed-page-1', 'Thanks for letting us know'), COUNCIL);
    expect(post.replyTo).toEqual({ account: '@harbourne-walkers.bsky.social' });
    expect(post.repostOf).toBeUndefined();
  });

  it('names the parent by its DID when the feed does not carry the parent post', () => {
    const item = feedItem('author-feed-page-1', 'Thanks for letting us know');
    delete item.reply;
    expect(toPost(item, COUNCIL).replyTo?.account).toMatch(/^did:plc:[a-z2-7]{24}$/);
  });

  it('maps a quote to the quoted author and text', () => {
    const post = toPost(feedItem('author-feed-page-2', 'Great turnout'), COUNCIL);
    expect(post.quoteOf).toEqual({
      account: '@coastwatch-harbourne.bsky.social',
      text: "Saturday's beach clean at Kettle Cove collected 42 bags of litter. Thank you to the 60 volunteers!",
    });
  });

  it('keeps a quote of a deleted post, naming its author by DID', () => {
    const post = toPost(feedItem('author-feed-page-3', 'Congratulations'), COUNCIL);
    expect(post.quoteOf?.account).toMatch(/^did:plc:[a-z2-7]{24}$/);
    expect(post.quoteOf?.text).toBeUndefined();
  });

  it('maps a quote with media to both the quote and the images', () => {
    const post = toPost(feedItem('author-feed-page-2', 'Our photos from the Spring Fair'), COUNCIL);
    expect(post.quoteOf).toMatchObject({ account: '@harbourne-library.bsky.social', text: expect.stringContaining('Spring Fair on the green') });
    expect(post.media).toEqual([
      { type: 'image', url: expect.stringContaining('/img/feed_fullsize/'), altText: 'Stalls being set out on the green' },
    ]);
  });

  it('maps images with and without alt text, at full size', () => {
    const post = toPost(feedItem('author-feed-page-2', 'The new benches'), COUNCIL);
    expect(post.media).toHaveLength(2);
    expect(post.media![0]).toEqual({ type: 'image', url: expect.stringMatching(/^https:\/\/cdn\.bsky\.app\/img\/feed_fullsize\//) });
    expect(post.media![0]).not.toHaveProperty('altText');
    expect(post.media![1]).toMatchObject({ type: 'image', altText: 'Two oak benches facing the harbour' });
  });

  it('maps a video with its alt text', () => {
    const post = toPost(feedItem('author-feed-page-2', 'Time-lapse'), COUNCIL);
    expect(post.media).toEqual([
      { type: 'video', url: expect.stringMatching(/playlist\.m3u8$/), altText: 'Time-lapse of workers removing lights from the High Street' },
    ]);
  });

  it('restores a shortened link after an emoji, counting UTF-8 bytes, and lists it once with its card', () => {
    const post = toPost(feedItem('author-feed-page-1', '🗑️'), COUNCIL);
    expect(post.text).toBe(`🗑️ Bin collection days change from Monday 2 March. Find your new day: ${BINS_URI}`);
    expect(post.links).toEqual([BINS_URI]);
  });

  it('keeps link text that is not the address as written, with the address in links', () => {
    const post = toPost(feedItem('author-feed-page-3', 'Full council meets'), COUNCIL);
    expect(post.text).toContain('Agenda on our website. #Harbourne');
    expect(post.text).toContain('@rajbhatt.bsky.social');
    expect(post.links).toEqual(['https://harbourne-tc.example/meetings/full-council-2026-02-17']);
  });

  it('ignores a link facet whose byte range splits a character', () => {
    const item = feedItem('author-feed-page-1', '🗑️');
    item.post.record.facets![0]!.index = { byteStart: 1, byteEnd: 30 };
    const post = toPost(item, COUNCIL);
    expect(post.text).toBe(item.post.record.text);
    expect(post.links).toEqual([BINS_URI]);
  });
});

describe('Bluesky account search', () => {
  it('finds accounts by name across pages, as handles with profile links', async () => {
    // Prepare
    server.handle(SEARCH_PATH, (request) => replay(fixture(request.query.get('cursor') ? 'search-actors-page-2' : 'search-actors')));

    // Act
    const found = await connector().searchAccounts('Harbourne Town Council', { limit: 10 });

    // Assess
    const searches = server.requests.filter((r) => r.path === SEARCH_PATH);
    expect(searches.map((r) => [r.query.get('q'), r.query.get('cursor')])).toEqual([
      ['Harbourne Town Council', null],
      ['Harbourne Town Council', '2'],
    ]);
    expect(found).toEqual([
      {
        platform: 'bluesky',
        handle: '@harbournetc.bsky.social',
        displayName: 'Harbourne Town Council',
        profileUrl: 'https://bsky.app/profile/harbournetc.bsky.social',
      },
      {
        platform: 'bluesky',
        handle: '@harbourne-council.bsky.social',
        displayName: 'Harbourne Town Council (Official)',
        profileUrl: 'https://bsky.app/profile/harbourne-council.bsky.social',
      },
      { platform: 'bluesky', handle: '@harbourne-library.bsky.social', profileUrl: 'https://bsky.app/profile/harbourne-library.bsky.social' },
    ]);
  });

  it('stops at the limit and asks for no more than it needs', async () => {
    // Prepare
    server.route(SEARCH_PATH, replay(fixture('search-actors')));

    // Act
    const found = await connector().searchAccounts('Harbourne', { limit: 1 });

    // Assess
    expect(found.map((a) => a.handle)).toEqual(['@harbournetc.bsky.social']);
    expect(server.requests.map((r) => r.query.get('limit'))).toEqual(['1']);
  });

  it('does not search for a blank name', async () => {
    expect(await connector().searchAccounts('   ')).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});
