import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAccount, type Account } from '../../shared/domain/account';
import { ConnectorError } from '../../shared/domain/errors';
import { parsePost, type Post } from '../../shared/domain/post';
import type { ConnectorDeps, FetchOptions, FetchResult } from '../../shared/connectors/connector';
import { PlatformAuthError, PlatformRateLimitedError, PlatformResponseError } from '../../shared/connectors/errors';
import { GraphErrorBodySchema } from '../../shared/connectors/graph/error-body';
import { decodeGraphCursor, encodeGraphCursor } from '../../shared/connectors/graph/cursor';
import { DEFAULT_THROTTLE_WAIT_MS } from '../../shared/connectors/graph/policy';
import { createInstagramConnector } from '../../shared/connectors/instagram/instagram-connector';
import { INSTAGRAM_MEDIA_FIELDS, InstagramMediaPageSchema } from '../../shared/connectors/instagram/schemas';
import { createPlatformHttp } from '../../shared/connectors/http/create-http';
import type { HttpOptions } from '../../shared/connectors/http/platform-http';
import { failure as failed } from '../support/failure';
import { recordedAnswers } from '../support/recorded-answers';
import { startReplayServer, type ReplayResponse, type ReplayServer } from '../support/replay-server';

// Recorded Graph API payloads (fictional Harbourne Town Council), validated below by the production schemas.
const { fixture, names: recordedNames } = recordedAnswers('instagram');

const TOKEN = 'ig-test-user-token-Qp4Lm8Vt2';
const NOW = new Date('2025-03-10T12:00:00Z');
const IG_USER = '17841400000000001';
const MEDIA_PATH = `/v23.0/${IG_USER}/media`;
const AFTER_PAGE_2 = 'QVFIUmlnX3BhZ2VfMg';
const AFTER_PAGE_3 = 'QVFIUmlnX3BhZ2VfMw';
const mediaId = (n: number) => `1790000000000${String(n).padStart(4, '0')}`;

function account(fields: Partial<Account> = {}): Account {
  return parseAccount({ platform: 'instagram', handle: IG_USER, approvedBy: 'Town Clerk', approvedOn: '2024-01-10', registeredAt: '2024-01-10T09:00:00Z', ...fields });
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

function deps(http: Partial<HttpOptions> = {}): ConnectorDeps {
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
    token: async (platform) => (platform === 'instagram' ? TOKEN : undefined),
    clock: () => NOW,
    baseUrl: server.baseUrl,
  };
}

function routeThreePages(): void {
  const pages: Record<string, ReplayResponse> = { '': fixture('media-page-1'), [AFTER_PAGE_2]: fixture('media-page-2'), [AFTER_PAGE_3]: fixture('media-page-3') };
  server.handle(MEDIA_PATH, (request) => pages[request.query.get('after') ?? ''] ?? { status: 404, body: { error: 'unknown page' } });
}

function fetchMedia(options?: FetchOptions, cursor?: string, registered = account(), connectorDeps = deps()): Promise<FetchResult> {
  return createInstagramConnector(connectorDeps).fetchNewPosts(registered, cursor, options);
}

/** What a fetch that must fail threw, checked never to carry the token. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await failed(promise);
  expect(`${error.message}\n${error.stack ?? ''}`).not.toContain(TOKEN);
  return error;
}

function byId(posts: Post[], n: number): Post {
  const post = posts.find((p) => p.id === mediaId(n));
  if (!post) throw new Error(`media ${n} not returned`);
  return post;
}

describe('instagram fixtures', () => {
  it.each(recordedNames)('%s keeps the Graph API shape', (name) => {
    const { status, body } = fixture(name);
    const schema = status >= 200 && status < 300 ? InstagramMediaPageSchema : GraphErrorBodySchema;
    expect(schema.safeParse(body).error).toBeUndefined();
  });
});

describe('instagram connector', () => {
  it('reads the media edge over three pages of paging.next, oldest first, with the documented fields', async () => {
    routeThreePages();
    const { posts, cursor } = await fetchMedia();
    expect(posts.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6].map(mediaId));
    for (const post of posts) expect(parsePost(post)).toEqual(post);
    expect(server.requests.map((r) => r.query.get('after'))).toEqual([null, AFTER_PAGE_2, AFTER_PAGE_3]);
    const first = server.requests[0]!;
    expect(first.query.get('fields')).toBe(INSTAGRAM_MEDIA_FIELDS);
    expect(first.query.has('since')).toBe(false);
    for (const request of server.requests) {
      expect(request.path).toBe(MEDIA_PATH);
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request.query.has('access_token')).toBe(false);
    }
    expect(decodeGraphCursor('instagram', cursor!)).toEqual({ newestSecond: Date.parse('2025-03-09T18:00:00Z') / 1000, ids: new Set([mediaId(6)]) });
  });

  it('maps the caption, permalink and timestamp, naming the account by its registered id', async () => {
    routeThreePages();
    const post = byId((await fetchMedia(undefined, undefined, account({ handle: `@${IG_USER}` }))).posts, 4);
    expect(post).toEqual({
      id: mediaId(4),
      platform: 'instagram',
      account: `@${IG_USER}`,
      accountName: '@harbournetc',
      createdAt: '2025-03-06T09:15:02Z',
      text: 'The new benches on the Quay are in.',
      url: 'https://www.instagram.com/p/HbTc0004/',
      media: [{ type: 'image', url: expect.stringContaining('490000004_harbourne_n.jpg') }],
    });
  });

  it('prefers the display name the council registered', async () => {
    routeThreePages();
    const { posts } = await fetchMedia(undefined, undefined, account({ displayName: 'Harbourne Town Council' }));
    expect(new Set(posts.map((p) => p.accountName))).toEqual(new Set(['Harbourne Town Council']));
  });

  it('maps a carousel to its children, images and video, with no alt text', async () => {
    routeThreePages();
    const post = byId((await fetchMedia()).posts, 6);
    expect(post.media).toEqual([
      { type: 'image', url: expect.stringContaining('490000061') },
      { type: 'image', url: expect.stringContaining('490000062') },
      { type: 'video', url: expect.stringContaining('490000063_harbourne_n.mp4') },
    ]);
    for (const media of post.media!) expect(media).not.toHaveProperty('altText');
  });

  it('maps a reel to a video, and a video without media_url (withheld) to a video without a URL', async () => {
    routeThreePages();
    const { posts } = await fetchMedia();
    expect(byId(posts, 5).media).toEqual([{ type: 'video', url: expect.stringContaining('490000005_harbourne_n.mp4') }]);
    expect(byId(posts, 3).media).toEqual([{ type: 'video' }]);
  });

  it('tolerates a media type it does not know and a missing caption', async () => {
    routeThreePages();
    expect(byId((await fetchMedia()).posts, 1)).toMatchObject({ text: '', media: [{ type: 'other', url: expect.stringContaining('490000001') }] });
  });

  it('sets no reply, repost or quote markers: Instagram has none', async () => {
    routeThreePages();
    for (const post of (await fetchMedia()).posts) {
      expect(post.replyTo).toBeUndefined();
      expect(post.repostOf).toBeUndefined();
      expect(post.quoteOf).toBeUndefined();
    }
  });

  it('fetches incrementally, paging only until a timestamp at or before the cursor', async () => {
    // Prepare: the last scan ended at media 4; media 8 came in the same second, media 7 later.
    server.route(MEDIA_PATH, fixture('media-incremental'));
    const cursor = encodeGraphCursor({ newestSecond: Date.parse('2025-03-06T09:15:02Z') / 1000, ids: new Set([mediaId(4)]) });
    // Act
    const result = await fetchMedia(undefined, cursor);
    // Assess
    expect(result.posts.map((p) => p.id)).toEqual([mediaId(8), mediaId(7)]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.query.has('since')).toBe(false);
    expect(decodeGraphCursor('instagram', result.cursor!)).toEqual({ newestSecond: Date.parse('2025-03-10T07:45:00Z') / 1000, ids: new Set([mediaId(7)]) });
  });

  it('bounds a first scan by days and by --limit', async () => {
    routeThreePages();
    expect((await fetchMedia({ firstScan: { days: 5, maxPosts: 200 } })).posts.map((p) => p.id)).toEqual([4, 5, 6].map(mediaId));
    expect((await fetchMedia({ limit: 1 })).posts.map((p) => p.id)).toEqual([mediaId(6)]);
    expect(server.requests.at(-1)!.query.get('limit')).toBe('1');
  });

  it('waits out a business-use-case throttle (code 80002) for its estimated time, then carries on', async () => {
    server.route(MEDIA_PATH, fixture('error-throttled'), fixture('media-page-3'));
    const { posts } = await fetchMedia();
    expect(sleeps).toEqual([2 * 60_000]);
    expect(posts.map((p) => p.id)).toEqual([1, 2].map(mediaId));
  });

  it('waits the default time for a throttle (code 613) that gives no estimate', async () => {
    server.route(MEDIA_PATH, fixture('error-throttled-613'), fixture('media-page-3'));
    await fetchMedia();
    expect(sleeps).toEqual([DEFAULT_THROTTLE_WAIT_MS]);
  });

  it('gives up with PlatformRateLimitedError after waiting out repeated throttles', async () => {
    server.route(MEDIA_PATH, fixture('error-throttled-613'));
    const error = await failure(fetchMedia());
    expect(error).toBeInstanceOf(PlatformRateLimitedError);
    expect(sleeps.length).toBeGreaterThan(0);
  });

  it('refuses an invalidated token (code 190) as PlatformAuthError', async () => {
    server.route(MEDIA_PATH, fixture('error-token-expired'));
    const error = await failure(fetchMedia());
    expect(error).toBeInstanceOf(PlatformAuthError);
    expect(error.message).toContain('190/460');
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 5xx and then succeeds', async () => {
    server.route(MEDIA_PATH, fixture('error-server'), fixture('media-page-3'));
    const { posts } = await fetchMedia();
    expect(posts).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it('retries a request that timed out', async () => {
    server.route(MEDIA_PATH, { ...fixture('media-page-3'), delayMs: 1_000 }, fixture('media-page-3'));
    const { posts } = await fetchMedia(undefined, undefined, account(), deps({ timeoutMs: 100 }));
    expect(posts).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it('reports malformed JSON as PlatformResponseError naming the URL', async () => {
    server.route(MEDIA_PATH, { status: 200, body: '<html>Sorry, something went wrong.</html>' });
    const error = await failure(fetchMedia());
    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain(`${server.baseUrl}${MEDIA_PATH}`);
  });

  it('reports a changed shape naming the field', async () => {
    const page = fixture('media-page-1');
    delete page.body.data[0].children.data[1].media_type;
    server.route(MEDIA_PATH, page);
    const error = await failure(fetchMedia());
    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain('data[0].children.data[1].media_type: is missing');
  });

  it('never repeats the token, even when the platform echoes it back', async () => {
    server.handle(MEDIA_PATH, (request) => ({
      status: 400,
      body: { error: { message: `Unsupported request with ${String(request.headers.authorization)}`, type: 'GraphMethodException', code: 100 } },
    }));
    const error = await failure(fetchMedia());
    expect(error.message).toContain('Bearer •••');
  });

  it('asks for the numeric Instagram user id rather than a username, before any request', async () => {
    const error = await failure(fetchMedia(undefined, undefined, account({ handle: '@harbournetc' })));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toContain('numeric id');
    expect(server.requests).toHaveLength(0);
  });
});
