import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAccount, type Account } from '../../shared/domain/account';
import { ConnectorError } from '../../shared/domain/errors';
import type { Post } from '../../shared/domain/post';
import { parsePost } from '../../shared/domain/post';
import type { ConnectorDeps, FetchOptions, FetchResult } from '../../shared/connectors/connector';
import { PlatformAuthError, PlatformRateLimitedError, PlatformResponseError, PlatformUnavailableError } from '../../shared/connectors/errors';
import { createFacebookConnector } from '../../shared/connectors/facebook/facebook-connector';
import { FACEBOOK_POST_FIELDS, FacebookPostsPageSchema } from '../../shared/connectors/facebook/schemas';
import { GraphErrorBodySchema } from '../../shared/connectors/graph/error-body';
import { decodeGraphCursor, encodeGraphCursor } from '../../shared/connectors/graph/cursor';
import { DEFAULT_THROTTLE_WAIT_MS, graphPolicy } from '../../shared/connectors/graph/policy';
import { parseGraphTime } from '../../shared/connectors/graph/time';
import { graphApiRoot, nextPageUrl, parseGraphPayload } from '../../shared/connectors/graph/timeline';
import { createPlatformHttp } from '../../shared/connectors/http/create-http';
import type { HttpOptions, HttpResponse } from '../../shared/connectors/http/platform-http';
import { failure as failed } from '../support/failure';
import { recordedAnswers } from '../support/recorded-answers';
import { startReplayServer, type ReplayResponse, type ReplayServer } from '../support/replay-server';

// Recorded Graph API payloads (fictional Harbourne Town Council), validated below by the production schemas.
const { fixture, names: recordedNames } = recordedAnswers('facebook');

const TOKEN = 'fb-test-page-token-7Hq2Zr9xW4';
const NOW = new Date('2025-03-10T12:00:00Z');
const PAGE_ID = '104857600000001';
const POSTS_PATH = `/v23.0/${PAGE_ID}/posts`;
const AFTER_PAGE_2 = 'QVFIUmhhcmJvdXJuZV9wYWdlXzI';
const AFTER_PAGE_3 = 'QVFIUmhhcmJvdXJuZV9wYWdlXzM';
const postId = (n: number) => `${PAGE_ID}_8800000000000${String(n).padStart(2, '0')}`;

function account(fields: Partial<Account> = {}): Account {
  return parseAccount({
    platform: 'facebook',
    handle: PAGE_ID,
    displayName: 'Harbourne Town Council',
    approvedBy: 'Town Clerk',
    approvedOn: '2024-01-10',
    registeredAt: '2024-01-10T09:00:00Z',
    ...fields,
    // As read back from the store: the connector must still refuse a handle registered before the handle rule.
  }, { handleAsRegistered: true });
}

let server: ReplayServer;
let sleeps: number[];

beforeEach(async () => {
  server = await startReplayServer();
  sleeps = [];
});
afterEach(async () => {
  await server.close();
});

function deps(http: Partial<HttpOptions> = {}, token: string | null = TOKEN): ConnectorDeps {
  return {
    http: (policy, bearerToken) =>
      createPlatformHttp({
        policy,
        ...(bearerToken ? { bearerToken } : {}),
        allowLoopback: true,
        maxRateLimitWaitMs: 5 * 60_000,
        timeoutMs: 2_000,
        clock: () => NOW,
        random: () => 0.5,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        ...http,
      }),
    token: async (platform) => (platform === 'facebook' && token !== null ? token : undefined),
    clock: () => NOW,
    baseUrl: server.baseUrl,
  };
}

/** The three recorded pages, served by their `after` cursor as Facebook would. */
function routeThreePages(path = POSTS_PATH): void {
  const pages: Record<string, ReplayResponse> = { '': fixture('posts-page-1'), [AFTER_PAGE_2]: fixture('posts-page-2'), [AFTER_PAGE_3]: fixture('posts-page-3') };
  server.handle(path, (request) => pages[request.query.get('after') ?? ''] ?? { status: 404, body: { error: 'unknown page' } });
}

function fetchPosts(options?: FetchOptions, cursor?: string, registered = account(), connectorDeps = deps()): Promise<FetchResult> {
  return createFacebookConnector(connectorDeps).fetchNewPosts(registered, cursor, options);
}

/** What a fetch that must fail threw, checked never to carry the token. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await failed(promise);
  expect(`${error.message}\n${error.stack ?? ''}`).not.toContain(TOKEN);
  return error;
}

function byId(posts: Post[], n: number): Post {
  const post = posts.find((p) => p.id === postId(n));
  if (!post) throw new Error(`post ${n} not returned`);
  return post;
}

describe('facebook fixtures', () => {
  it.each(recordedNames)('%s keeps the Graph API shape', (name) => {
    const { status, body } = fixture(name);
    const schema = status >= 200 && status < 300 ? FacebookPostsPageSchema : GraphErrorBodySchema;
    expect(schema.safeParse(body).error).toBeUndefined();
  });
});

describe('facebook connector', () => {
  it('reads a page over three pages of paging.next, oldest first, and asks for the documented fields', async () => {
    // Prepare
    routeThreePages();
    // Act
    const { posts, cursor } = await fetchPosts();
    // Assess
    expect(posts.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map(postId));
    for (const post of posts) expect(parsePost(post)).toEqual(post);
    expect(server.requests.map((r) => r.query.get('after'))).toEqual([null, AFTER_PAGE_2, AFTER_PAGE_3]);
    const first = server.requests[0]!;
    expect(first.path).toBe(POSTS_PATH);
    expect(first.query.get('fields')).toBe(FACEBOOK_POST_FIELDS);
    expect(first.query.get('since')).toBe(String(Date.parse('2025-02-24T12:00:00Z') / 1000));
    expect(first.query.get('limit')).toBe('50');
    expect(decodeGraphCursor('facebook', cursor!)).toEqual({ newestSecond: Date.parse('2025-03-09T17:45:10Z') / 1000, ids: new Set([postId(8)]) });
  });

  it('says its listing is complete only when the paging came to its end, not the post budget (reconciliation deletes by it)', async () => {
    routeThreePages();
    expect((await fetchPosts({ firstScan: { days: 3650, maxPosts: 1000 } })).complete).toBe(true);
    expect((await fetchPosts({ firstScan: { days: 3650, maxPosts: 3 } })).complete).toBe(false);
  });

  it('sends the token as a bearer header and follows paging.next on its own host, without the access_token it carries', async () => {
    routeThreePages();
    await fetchPosts();
    expect(fixture('posts-page-1').body.paging.next).toMatch(/^https:\/\/graph\.facebook\.com\/v23\.0\/.*access_token=/);
    expect(server.requests).toHaveLength(3);
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request.query.has('access_token')).toBe(false);
      expect(request.path).toBe(POSTS_PATH);
    }
    expect(server.requests[1]!.query.get('fields')).toBe(FACEBOOK_POST_FIELDS);
  });

  it('normalises created_time without a colon in the offset to ISO-8601 and names the account as registered', async () => {
    // Facebook answers a username with next links on the page id.
    routeThreePages('/v23.0/HarbourneTownCouncil/posts');
    routeThreePages();
    const { posts } = await fetchPosts(undefined, undefined, account({ handle: '@HarbourneTownCouncil' }));
    const post = byId(posts, 5);
    expect(post).toMatchObject({
      createdAt: '2025-03-06T09:15:02Z',
      account: '@HarbourneTownCouncil',
      accountName: 'Harbourne Town Council',
      text: 'The new benches on the Quay are in, just in time for spring.',
      url: `https://www.facebook.com/${PAGE_ID}/posts/880000000000005`,
    });
    expect(server.requests[0]!.path).toBe('/v23.0/HarbourneTownCouncil/posts');
  });

  it("maps a link card to a link unwrapped from Facebook's redirect, without the card's preview image as media", async () => {
    routeThreePages();
    const post = byId((await fetchPosts()).posts, 8);
    expect(post.links).toEqual(['https://harbourne-tc.example/consultations/skate-park']);
    expect(post.media).toBeUndefined();
    expect(post.repostOf).toBeUndefined();
  });

  it('unwraps an l.facebook.com link when Facebook gives no unshimmed_url', async () => {
    const page = fixture('posts-page-1');
    delete page.body.data[0].attachments.data[0].unshimmed_url;
    server.route(POSTS_PATH, { ...page, body: { data: [page.body.data[0]] } });
    const [post] = (await fetchPosts()).posts;
    expect(post!.links).toEqual(['https://harbourne-tc.example/consultations/skate-park']);
  });

  it("maps an album's photos to images, one per photo, with no alt text (the Graph API has none on attachments)", async () => {
    routeThreePages();
    const post = byId((await fetchPosts()).posts, 7);
    expect(post.media).toHaveLength(3);
    for (const [i, media] of post.media!.entries()) {
      expect(media.type).toBe('image');
      expect(media.url).toContain(`48000000${i + 1}_harbourne_n.jpg`);
      expect(media).not.toHaveProperty('altText');
    }
  });

  it('maps a single photo to an image and a video to its source', async () => {
    routeThreePages();
    const { posts } = await fetchPosts();
    expect(byId(posts, 5).media).toEqual([{ type: 'image', url: expect.stringContaining('480000010_harbourne_n.jpg') }]);
    expect(byId(posts, 4).media).toEqual([{ type: 'video', url: expect.stringContaining('harbourne-fireworks_n.mp4') }]);
  });

  it('keeps a post whose attachment type it does not know, its image as other media', async () => {
    routeThreePages();
    const { posts } = await fetchPosts();
    expect(byId(posts, 3)).toMatchObject({ text: 'The community noticeboard for March is up.', media: [{ type: 'other', url: expect.stringContaining('480000030_harbourne_n.jpg') }] });
    expect(byId(posts, 1).media).toEqual([{ type: 'other', url: expect.stringContaining('480000040_harbourne_n.jpg') }]);
  });

  it('marks a share of another page’s post (parent_id) as a repost of that page', async () => {
    routeThreePages();
    const post = byId((await fetchPosts()).posts, 6);
    expect(post.repostOf).toEqual({ account: '@104857600000099' });
    expect(post.text).toBe('Mill Lane will be closed to traffic next week: details from Harbourne Library below.');
  });

  it('recognises a shared_story pointing at another page’s Facebook post as a repost, and a share of its own post as not', async () => {
    const page = fixture('posts-page-1');
    const shared = page.body.data[2];
    delete shared.parent_id;
    delete shared.attachments.data[0].target.id;
    const ownShare = structuredClone(page.body.data[2]);
    ownShare.id = postId(12);
    ownShare.parent_id = `${PAGE_ID}_880000000000001`;
    server.route(POSTS_PATH, { ...page, body: { data: [shared, ownShare] } });
    const { posts } = await fetchPosts();
    expect(byId(posts, 6).repostOf).toEqual({ account: '@HarbourneLibrary' });
    expect(byId(posts, 12).repostOf).toBeUndefined();
  });

  it('fetches incrementally: since from the cursor, skipping what was seen at that second, stopping at the cursor', async () => {
    // Prepare: the last scan ended at post 5; a new post came at the same second and one later.
    server.route(POSTS_PATH, fixture('posts-incremental'));
    const cursor = encodeGraphCursor({ newestSecond: Date.parse('2025-03-06T09:15:02Z') / 1000, ids: new Set([postId(5)]) });
    // Act
    const result = await fetchPosts(undefined, cursor);
    // Assess
    expect(result.posts.map((p) => p.id)).toEqual([postId(11), postId(9)]);
    expect(server.requests).toHaveLength(1); // the page reached back past the cursor: its next is not followed
    expect(server.requests[0]!.query.get('since')).toBe(String(Date.parse('2025-03-06T09:15:02Z') / 1000));
    expect(decodeGraphCursor('facebook', result.cursor!).ids).toEqual(new Set([postId(9)]));
  });

  it('keeps the ids already seen when the newest post is still at the cursor’s second', async () => {
    const page = fixture('posts-incremental');
    server.route(POSTS_PATH, { ...page, body: { data: page.body.data.slice(1) } });
    const cursor = encodeGraphCursor({ newestSecond: Date.parse('2025-03-06T09:15:02Z') / 1000, ids: new Set([postId(5)]) });
    const result = await fetchPosts(undefined, cursor);
    expect(result.posts.map((p) => p.id)).toEqual([postId(11)]);
    expect(decodeGraphCursor('facebook', result.cursor!).ids).toEqual(new Set([postId(5), postId(11)]));
  });

  it('returns nothing and no cursor when nothing is new', async () => {
    server.route(POSTS_PATH, fixture('posts-empty'));
    const cursor = encodeGraphCursor({ newestSecond: Date.parse('2025-03-09T17:45:10Z') / 1000, ids: new Set([postId(8)]) });
    expect(await fetchPosts(undefined, cursor)).toEqual({ posts: [], cursor: undefined, complete: true });
  });

  it('bounds a first scan by days, and stops paging once a page reaches back before the window', async () => {
    routeThreePages();
    const { posts } = await fetchPosts({ firstScan: { days: 7, maxPosts: 200 } });
    expect(posts.map((p) => p.id)).toEqual([3, 4, 5, 6, 7, 8].map(postId));
  });

  it('bounds a first scan by its post budget, newest first, without fetching further pages', async () => {
    routeThreePages();
    const { posts } = await fetchPosts({ firstScan: { days: 14, maxPosts: 4 } });
    expect(posts.map((p) => p.id)).toEqual([5, 6, 7, 8].map(postId));
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.query.get('limit')).toBe('4');
  });

  it('honours --since and --limit', async () => {
    routeThreePages();
    const since = new Date('2025-03-06T00:00:00Z');
    const { posts } = await fetchPosts({ since, limit: 2 });
    expect(posts.map((p) => p.id)).toEqual([7, 8].map(postId));
    expect(server.requests[0]!.query.get('since')).toBe(String(since.getTime() / 1000));
  });

  it('waits out a throttling error (code 4) for the estimated_time_to_regain_access, then carries on', async () => {
    server.route(POSTS_PATH, fixture('error-throttled'), fixture('posts-page-3'));
    const { posts } = await fetchPosts();
    expect(sleeps).toEqual([3 * 60_000]);
    expect(posts.map((p) => p.id)).toEqual([1, 2].map(postId));
    expect(server.requests).toHaveLength(2);
  });

  it('gives up with PlatformRateLimitedError when the throttling lasts longer than a scan may wait', async () => {
    const throttled = fixture('error-throttled');
    throttled.headers['x-business-use-case-usage'] = JSON.stringify({ [PAGE_ID]: [{ type: 'pages', call_count: 100, total_cputime: 40, total_time: 40, estimated_time_to_regain_access: 19 }] });
    server.route(POSTS_PATH, throttled);
    const error = await failure(fetchPosts());
    expect(error).toBeInstanceOf(PlatformRateLimitedError);
    expect((error as PlatformRateLimitedError).resetAt).toEqual(new Date(NOW.getTime() + 19 * 60_000));
    expect(sleeps).toEqual([]);
  });

  it('refuses an expired token (code 190) as PlatformAuthError, without retrying', async () => {
    server.route(POSTS_PATH, fixture('error-token-expired'));
    const error = await failure(fetchPosts());
    expect(error).toBeInstanceOf(PlatformAuthError);
    expect(error.message).toContain('190/463');
    expect(error.message).toContain('needs reconnecting');
    expect(server.requests).toHaveLength(1);
  });

  it('refuses to start without a token', async () => {
    const error = await failure(fetchPosts(undefined, undefined, account(), deps({}, null)));
    expect(error).toBeInstanceOf(PlatformAuthError);
    expect(server.requests).toHaveLength(0);
  });

  it('retries a 5xx and then succeeds', async () => {
    server.route(POSTS_PATH, fixture('error-server'), fixture('posts-page-3'));
    const { posts } = await fetchPosts();
    expect(posts).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });

  it('says the platform is unavailable when the 5xx persists', async () => {
    server.route(POSTS_PATH, fixture('error-server'));
    const error = await failure(fetchPosts(undefined, undefined, account(), deps({ maxAttempts: 2 })));
    expect(error).toBeInstanceOf(PlatformUnavailableError);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a request that timed out', async () => {
    server.route(POSTS_PATH, { ...fixture('posts-page-3'), delayMs: 1_000 }, fixture('posts-page-3'));
    const { posts } = await fetchPosts(undefined, undefined, account(), deps({ timeoutMs: 100 }));
    expect(posts).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it('reports malformed JSON as PlatformResponseError naming the URL', async () => {
    server.route(POSTS_PATH, { status: 200, headers: { 'content-type': 'application/json' }, body: '{"data": [{"id": "1' });
    const error = await failure(fetchPosts());
    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain(`${server.baseUrl}${POSTS_PATH}`);
    expect(error.message).toContain('not valid JSON');
  });

  it('reports a changed shape naming the field', async () => {
    const page = fixture('posts-page-1');
    page.body.data[1].created_time = 1741428164;
    server.route(POSTS_PATH, page);
    const error = await failure(fetchPosts());
    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain('data[1].created_time');
    expect(error.message).toContain(POSTS_PATH);
  });

  it('reports an unknown page as PlatformResponseError carrying the Graph API message', async () => {
    server.route('/v23.0/HarbourneTC/posts', fixture('error-unknown-page'));
    const error = await failure(fetchPosts(undefined, undefined, account({ handle: 'HarbourneTC' })));
    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain('HTTP 400');
    expect(error.message).toContain('Unsupported get request');
  });

  it('never repeats the token, even when the platform echoes it back', async () => {
    server.handle(POSTS_PATH, (request) => ({
      status: 400,
      body: { error: { message: `Invalid parameter near ${String(request.headers.authorization)}`, type: 'OAuthException', code: 100, fbtrace_id: 'AHarbourneFictionalTrace02' } },
    }));
    const error = await failure(fetchPosts());
    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain('Invalid parameter near Bearer •••');
  });

  it('refuses a cursor it did not write', async () => {
    const error = await failure(fetchPosts(undefined, '2025-03-06T09:15:02Z'));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a handle that is not a page id or username before asking Facebook', async () => {
    const error = await failure(fetchPosts(undefined, undefined, account({ handle: 'harbourne/../me' })));
    expect(error.message).toContain('not a page id or page username');
    expect(server.requests).toHaveLength(0);
  });

  it('stops when paging.next keeps pointing at the same page', async () => {
    const page = fixture('posts-page-3');
    page.body.paging.next = `https://graph.facebook.com/v23.0/${PAGE_ID}/posts?after=SAME`;
    server.route(POSTS_PATH, page);
    const error = await failure(fetchPosts({ firstScan: { days: 365, maxPosts: 200 } }));
    expect(error.message).toContain('paging did not come to an end');
  });
});

describe('graph API root and paging', () => {
  it('uses graph.facebook.com/v23.0 by default, the account’s base URL first, and keeps a pinned version', () => {
    expect(graphApiRoot({}, {})).toBe('https://graph.facebook.com/v23.0');
    expect(graphApiRoot({ baseUrl: 'http://127.0.0.1:9000' }, { baseUrl: 'http://127.0.0.1:8000' })).toBe('http://127.0.0.1:9000/v23.0');
    expect(graphApiRoot({}, { baseUrl: 'https://graph.facebook.com/v24.0/' })).toBe('https://graph.facebook.com/v24.0');
  });

  it('moves a next URL onto the API root and drops its access_token', () => {
    expect(nextPageUrl('facebook', 'https://elsewhere.example/v22.0/1/posts?access_token=EAAsecret&after=X', 'http://127.0.0.1:9000/v23.0')).toBe(
      'http://127.0.0.1:9000/v23.0/1/posts?after=X',
    );
  });

  it('refuses a next that is not a URL naming the answer and the field, never the value and its token', () => {
    const asked = 'http://127.0.0.1:9000/v23.0/1/posts?limit=50';

    const error = (() => {
      try {
        nextPageUrl('facebook', '"https://graph.facebook.com/v23.0/1/posts?access_token=EAAsecret"', 'http://127.0.0.1:9000/v23.0', asked);
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error?.message).toBe(`facebook: the answer to GET ${asked} has an unexpected shape: paging.next: is not a URL`);
  });
});

describe('Graph API times', () => {
  it('refuses a day the calendar does not have, instead of rolling it over into March', () => {
    expect(parseGraphTime('2028-02-29T09:15:02+0000').toISOString()).toBe('2028-02-29T09:15:02.000Z');
    expect(Number.isNaN(parseGraphTime('2026-02-30T09:15:02+0000').getTime())).toBe(true);
    expect(Number.isNaN(parseGraphTime('2026-04-31T09:15:02+0000').getTime())).toBe(true);
  });

  it('names the post and field of an impossible date in a page', () => {
    const page = structuredClone(recordedAnswers('facebook').fixture('posts-page-1').body) as { data: { created_time: string }[] };
    page.data[1]!.created_time = '2026-02-30T09:15:02+0000';
    const asked = 'http://127.0.0.1:9000/v23.0/1/posts?limit=50';

    expect(() => parseGraphPayload('facebook', FacebookPostsPageSchema, page, asked)).toThrow(
      `facebook: the answer to GET ${asked} has an unexpected shape: data[1].created_time: is not a real date and time`,
    );
  });
});

describe('graph policy', () => {
  const policy = graphPolicy('facebook');
  const response = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
    status,
    url: 'https://graph.facebook.com/v23.0/1/posts',
    text: typeof body === 'string' ? body : JSON.stringify(body),
    header: (name) => headers[name.toLowerCase()],
  });
  const graphError = (code: number) => ({ error: { message: 'limit', type: 'OAuthException', code, fbtrace_id: 'x' } });

  it.each([4, 17, 32, 613, 80001, 80002])('treats code %i as throttling, whatever the status', (code) => {
    expect(policy.rateLimitWaitMs(response(400, graphError(code)), NOW)).toBe(DEFAULT_THROTTLE_WAIT_MS);
    expect(policy.rateLimitWaitMs(response(403, graphError(code)), NOW)).toBe(DEFAULT_THROTTLE_WAIT_MS);
  });

  it('reads the wait from X-App-Usage too, taking the longest estimate', () => {
    const headers = {
      'x-app-usage': '{"call_count":100,"total_cputime":5,"total_time":5,"estimated_time_to_regain_access":7}',
      'x-business-use-case-usage': '{"1":[{"type":"pages","call_count":100,"estimated_time_to_regain_access":2}]}',
    };
    expect(policy.rateLimitWaitMs(response(400, graphError(4), headers), NOW)).toBe(7 * 60_000);
  });

  it('falls back to the default wait for a malformed usage header or a zero estimate', () => {
    expect(policy.rateLimitWaitMs(response(400, graphError(4), { 'x-app-usage': '{oops' }), NOW)).toBe(DEFAULT_THROTTLE_WAIT_MS);
    expect(policy.rateLimitWaitMs(response(400, graphError(32), { 'x-page-usage': '{"estimated_time_to_regain_access":0}' }), NOW)).toBe(DEFAULT_THROTTLE_WAIT_MS);
  });

  it('leaves other errors and successful pages alone', () => {
    expect(policy.rateLimitWaitMs(response(400, graphError(100)), NOW)).toBeUndefined();
    expect(policy.rateLimitWaitMs(response(200, { data: [] }), NOW)).toBeUndefined();
    expect(policy.rateLimitWaitMs(response(502, '<html>Bad gateway</html>'), NOW)).toBeUndefined();
    expect(policy.authFailure(response(200, { data: [] }))).toBeUndefined();
    expect(policy.authFailure(response(400, graphError(100)))).toBeUndefined();
  });

  it('calls code 190 and a bare 401 an auth failure, masking a token a message repeats', () => {
    const echoed = { error: { message: 'Malformed access token EAAJ0abcdefghijklmnopqrstuvwxyz0123', type: 'OAuthException', code: 190 } };
    expect(policy.authFailure(response(400, echoed))).toBe('Graph API error 190 (OAuthException): Malformed access token •••');
    expect(policy.authFailure(response(401, ''))).toBe('HTTP 401');
  });
});
