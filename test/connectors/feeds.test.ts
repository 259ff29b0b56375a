import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorDeps, FetchOptions } from '../../shared/connectors/connector';
import { PlatformRateLimitedError, PlatformResponseError, UrlRefusedError } from '../../shared/connectors/errors';
import { parseFeedDate } from '../../shared/connectors/feeds/dates';
import { SEEN_LIMIT } from '../../shared/connectors/feeds/feed-scan';
import { parseFeed } from '../../shared/connectors/feeds/parse-feed';
import { createRssConnector } from '../../shared/connectors/feeds/rss-connector';
import { channelFeedUrl, createYouTubeConnector } from '../../shared/connectors/feeds/youtube-connector';
import { createPlatformHttp } from '../../shared/connectors/http/create-http';
import type { HttpOptions } from '../../shared/connectors/http/platform-http';
import type { Account } from '../../shared/domain/account';
import { ConnectorError } from '../../shared/domain/errors';
import { parsePost, type Post } from '../../shared/domain/post';
import { failure } from '../support/failure';
import { startReplayServer, type ReplayServer } from '../support/replay-server';

// ---- recorded feeds ------------------------------------------------------------------------------

const FIXTURES = new URL('../fixtures/api/', import.meta.url);
const feedXml = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');

const NOW = new Date('2026-03-10T12:00:00Z');
const NEWS = '/feed/';
const NOTICES = '/atom.xml';
const VIDEOS = '/feeds/videos.xml';
const CHANNEL_ID = 'UCHarbourneTownCouncil01';
const ETAG = 'W/"5f2c-18e1d3b2a40"';
const LAST_MODIFIED = 'Mon, 09 Mar 2026 15:02:11 GMT';

const GUID = {
  quiz: 'https://www.harbourne-tc.example/?p=1420',
  closure: 'https://www.harbourne-tc.example/?p=1412',
  agenda: 'https://www.harbourne-tc.example/?p=1405',
  planting: 'https://www.harbourne-tc.example/?p=1398',
} as const;

/** A recorded RSS answer as a website serves it. */
const rss = (file: string, headers: Record<string, string> = {}) => ({
  status: 200,
  headers: { 'content-type': 'application/rss+xml; charset=UTF-8', ...headers },
  body: feedXml(`rss/${file}`),
});

// ---- a real server on 127.0.0.1 and the real HTTP client ---------------------------------------

let server: ReplayServer;
let waits: number[];

beforeEach(async () => {
  server = await startReplayServer();
  waits = [];
});
afterEach(() => server.close());

function depsWith(http: Partial<HttpOptions> = {}, deps: Partial<ConnectorDeps> = {}): ConnectorDeps {
  return {
    http: (policy, bearerToken) =>
      createPlatformHttp({ policy, bearerToken, allowLoopback: true, timeoutMs: 300, sleep: async (ms) => void waits.push(ms), clock: () => NOW, random: () => 1, ...http }),
    token: async () => undefined,
    clock: () => NOW,
    baseUrl: server.baseUrl,
    ...deps,
  };
}

const website = (path = NEWS): Account => ({ platform: 'rss', handle: `${server.baseUrl}${path}`, status: 'active', registeredAt: '2025-04-01T09:00:00Z' });
const channel = (handle = CHANNEL_ID): Account => ({ platform: 'youtube', handle, status: 'active', registeredAt: '2025-04-01T09:00:00Z' });

const byId = (posts: Post[]) => new Map(posts.map((p) => [p.id, p]));


// ---- the tests -----------------------------------------------------------------------------------

describe('the recorded feeds', () => {
  const files = ['rss', 'youtube'].flatMap((dir) => readdirSync(new URL(`${dir}/`, FIXTURES)).map((f) => `${dir}/${f}`));

  it.each(files.filter((f) => !f.includes('malformed')))('%s parses as a feed with entries', (file) => {
    const feed = parseFeed(feedXml(file), `https://www.harbourne-tc.example/${file}`, file.startsWith('youtube') ? 'youtube' : 'rss');
    expect(feed.entries.length).toBeGreaterThan(0);
    expect(feed.entries.every((e) => e.id !== undefined && parseFeedDate(e.date) !== undefined)).toBe(true);
  });

  it('use only fictional contact details', () => {
    const text = files.map(feedXml).join('\n');
    const addresses = text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [];
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(address).toMatch(/\.example$/);
    for (const phone of text.match(/\b0\d{4} ?\d{6}\b/g) ?? []) expect(phone).toMatch(/^07700 ?900\d{3}$/);
  });
});

describe('the RSS connector: RSS 2.0', () => {
  it('reads a first scan of items as posts, oldest first, within the 14-day bound', async () => {
    server.route(NEWS, rss('harbourne-news.xml', { etag: ETAG, 'last-modified': LAST_MODIFIED }));

    const { posts } = await createRssConnector(depsWith()).fetchNewPosts(website(), undefined);

    // The Christmas-lights item of 15 January is older than the first scan reaches.
    expect(posts.map((p) => p.id)).toEqual([GUID.planting, GUID.agenda, GUID.closure]);
    for (const post of posts) expect(parsePost(post)).toEqual(post);
  });

  it('maps title, link, guid, pubDate and the escaped HTML description', async () => {
    server.route(NEWS, rss('harbourne-news.xml'));

    const posts = byId((await createRssConnector(depsWith()).fetchNewPosts(website(), undefined)).posts);

    expect(posts.get(GUID.closure)).toEqual({
      id: GUID.closure,
      platform: 'rss',
      account: `${server.baseUrl}${NEWS}`,
      accountName: 'Harbourne Town Council',
      createdAt: '2026-03-09T15:00:00.000Z',
      text:
        'Quay Street resurfacing – road closed on Saturday\n\n' +
        'Quay Street will be closed on Saturday 14 March for resurfacing. Buses will use the diversion route & stops on Mill Lane.',
      url: 'https://www.harbourne-tc.example/news/quay-street-resurfacing/',
      media: [
        { type: 'image', url: 'https://www.harbourne-tc.example/wp-content/uploads/2026/03/quay-street.jpg', altText: 'Map of the Quay Street diversion' },
      ],
      links: ['https://www.harbourne-tc.example/travel/diversions/'],
    });
    // A CDATA description, a GMT date and an enclosure.
    expect(posts.get(GUID.agenda)).toMatchObject({
      createdAt: '2026-03-06T11:30:00.000Z',
      text: expect.stringContaining('Questions from the public to clerk@harbourne-tc.example by Friday.'),
      media: [{ type: 'other', url: 'https://www.harbourne-tc.example/wp-content/uploads/2026/03/agenda-2026-03-17.pdf' }],
    });
    expect(posts.get(GUID.planting)?.createdAt).toBe('2026-03-04T09:15:02.000Z');
  });

  it('names the website as the registered display name when there is one', async () => {
    server.route(NEWS, rss('harbourne-news.xml'));

    const { posts } = await createRssConnector(depsWith()).fetchNewPosts({ ...website(), displayName: 'Harbourne TC website' }, undefined);

    expect(new Set(posts.map((p) => p.accountName))).toEqual(new Set(['Harbourne TC website']));
  });
});

describe('the RSS connector: real payloads', () => {
  it('reads a WordPress feed of escaped HTML, with more than 1,000 entity references, served after blank lines', async () => {
    const body = readFileSync(new URL('../fixtures/feeds/wordpress-escaped.xml', import.meta.url), 'utf8');
    server.route(NEWS, { status: 200, headers: { 'content-type': 'application/rss+xml; charset=UTF-8' }, body });

    const { posts } = await createRssConnector(depsWith()).fetchNewPosts(website(), undefined);

    expect(posts.map((p) => p.url)).toEqual([1, 2, 3, 4, 5].map((n) => `https://www.harbourne-tc.example/meetings/${n}/`));
    expect(posts[0]?.text).toContain('Item 1.4 – Mayor’s announcements\n\nItem 1.5 – Finance: payments & receipts');
  });

  it('reads a feed in the character set its Content-Type names, through the real HTTP client', async () => {
    const body = new Uint8Array(readFileSync(new URL('../fixtures/feeds/windows-1252.xml', import.meta.url)));
    // The bytes are not UTF-8: read as UTF-8 they would come out as U+FFFD.
    expect(Buffer.from(body).toString('utf8')).toContain('\uFFFD');
    server.route(NEWS, { status: 200, headers: { 'content-type': 'text/xml; charset=windows-1252' }, body });

    const { posts } = await createRssConnector(depsWith()).fetchNewPosts(website(), undefined);

    expect(posts[0]?.text).toContain('Mayor’s “thank you” – €500 raised');
    expect(posts[0]?.text).not.toContain('\uFFFD');
  });
});

describe('the RSS connector: incremental fetches', () => {
  it('stores the validators and sends them back; a 304 returns nothing and keeps the cursor', async () => {
    let served = 0;
    server.handle(NEWS, (request) => {
      served += 1;
      return request.headers['if-none-match'] === ETAG ? { status: 304, headers: { etag: ETAG } } : rss('harbourne-news.xml', { etag: ETAG, 'last-modified': LAST_MODIFIED });
    });
    const connector = createRssConnector(depsWith());

    const first = await connector.fetchNewPosts(website(), undefined);
    const second = await connector.fetchNewPosts(website(), first.cursor);

    expect(JSON.parse(first.cursor!)).toMatchObject({ v: 1, etag: ETAG, lastModified: LAST_MODIFIED });
    expect(server.requests[1]?.headers['if-none-match']).toBe(ETAG);
    expect(server.requests[1]?.headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect(second).toEqual({ posts: [], cursor: undefined });
    expect(served).toBe(2);
  });

  it('returns only the items not seen before, de-duplicated on guid', async () => {
    server.route(NEWS, rss('harbourne-news.xml', { etag: ETAG }), rss('harbourne-news-updated.xml', { etag: 'W/"6a01-18e1e0c9b10"' }));
    const connector = createRssConnector(depsWith());
    const first = await connector.fetchNewPosts(website(), undefined);

    const second = await connector.fetchNewPosts(website(), first.cursor);

    expect(second.posts).toEqual([
      expect.objectContaining({
        id: GUID.quiz,
        // 09:30 British Summer Time, an RFC 822 zone name British sites use.
        createdAt: '2026-03-10T08:30:00.000Z',
        text: 'Mayor’s charity quiz night\n\nTeams of up to six, £5 a head. Book on the events page.',
        links: ['https://www.harbourne-tc.example/events/quiz/'],
      }),
    ]);
    expect(JSON.parse(second.cursor!)).toMatchObject({ etag: 'W/"6a01-18e1e0c9b10"', seen: expect.any(Array) });
    expect(JSON.parse(second.cursor!).seen).toHaveLength(5);
  });

  it('remembers the items a first scan left out, so that they are never reported later', async () => {
    server.route(NEWS, rss('harbourne-news.xml'));
    const connector = createRssConnector(depsWith());

    const first = await connector.fetchNewPosts(website(), undefined, { limit: 1 });
    const second = await connector.fetchNewPosts(website(), first.cursor);

    expect(first.posts.map((p) => p.id)).toEqual([GUID.closure]);
    expect(second).toEqual({ posts: [], cursor: undefined });
  });

  it('keeps the cursor bounded, remembering every item still in the feed first', async () => {
    server.route(NEWS, rss('harbourne-news.xml'));
    const old = Array.from({ length: SEEN_LIMIT }, (_, i) => `old-item-${i}`);

    const { posts, cursor } = await createRssConnector(depsWith()).fetchNewPosts(website(), JSON.stringify({ v: 1, seen: old }));

    const seen = JSON.parse(cursor!).seen as string[];
    expect(posts).toHaveLength(4);
    expect(seen).toHaveLength(SEEN_LIMIT);
    expect(seen.slice(4)).toEqual(old.slice(0, SEEN_LIMIT - 4));
  });

  it('identifies an item without a guid by its link, and dates one when first seen when the feed dates nothing', async () => {
    const feed = feedXml('rss/harbourne-news.xml')
      .replace(/<guid[^>]*>[^<]*<\/guid>/g, '')
      .replace(/<pubDate>[^<]*<\/pubDate>/g, '')
      .replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/g, '');
    server.route(NEWS, { status: 200, headers: { 'content-type': 'application/rss+xml' }, body: feed });
    const connector = createRssConnector(depsWith());

    const first = await connector.fetchNewPosts(website(), undefined);
    const second = await connector.fetchNewPosts(website(), first.cursor);

    expect(first.posts.map((p) => p.id)).toContain('https://www.harbourne-tc.example/news/quay-street-resurfacing/');
    expect(first.posts.every((p) => p.createdAt === NOW.toISOString())).toBe(true);
    expect(second.posts).toEqual([]);
  });
});

describe('the RSS connector: Atom', () => {
  it('reads entries by id, alternate link, published (else updated) and content (else summary)', async () => {
    server.route(NOTICES, { status: 200, headers: { 'content-type': 'application/atom+xml' }, body: feedXml('rss/harbourne-atom.xml') });

    const { posts } = await createRssConnector(depsWith()).fetchNewPosts(website(NOTICES), undefined);

    expect(posts).toEqual([
      {
        id: 'tag:notices.harbourne-tc.example,2026-03-02:/audit',
        platform: 'rss',
        account: `${server.baseUrl}${NOTICES}`,
        accountName: 'Harbourne Town Council: Notices',
        createdAt: '2026-03-02T10:00:00.000Z',
        text: 'Notice of conclusion of audit\n\nThe annual governance and accountability return for the year ended 31 March 2025 is available for inspection.',
        url: 'https://notices.harbourne-tc.example/2026/03/02/audit/',
      },
      {
        id: 'tag:notices.harbourne-tc.example,2026-03-09:/allotments',
        platform: 'rss',
        account: `${server.baseUrl}${NOTICES}`,
        accountName: 'Harbourne Town Council: Notices',
        createdAt: '2026-03-09T17:00:00.000Z',
        text: 'Allotments & community orchard: waiting list open\n\nThe waiting list for plots at Harbourne allotments is open. Apply online or call 07700 900789.',
        url: 'https://notices.harbourne-tc.example/2026/03/09/allotments/',
        links: ['https://notices.harbourne-tc.example/forms/allotments/'],
      },
    ]);
  });
});

describe('the RSS connector: answers it cannot use', () => {
  it('throws PlatformResponseError naming the URL and the line for malformed XML', async () => {
    server.route(NEWS, rss('malformed.xml'));

    const error = await failure(() => createRssConnector(depsWith()).fetchNewPosts(website(), undefined));

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain(`${server.baseUrl}${NEWS}`);
    expect(error.message).toMatch(/not well-formed XML \(line \d+: /);
  });

  it('throws PlatformResponseError for a web page that is not a feed', async () => {
    server.route(NEWS, { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><head><title>Harbourne Town Council</title></head><body><p>Welcome</p></body></html>' });

    const error = await failure(() => createRssConnector(depsWith()).fetchNewPosts(website(), undefined));

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain('is not an RSS or Atom feed (its root element is <html>)');
  });

  it('throws PlatformResponseError naming the field when the feed has no channel', async () => {
    server.route(NEWS, { status: 200, body: '<?xml version="1.0"?><rss version="2.0"><title>Harbourne</title></rss>' });

    const error = await failure(() => createRssConnector(depsWith()).fetchNewPosts(website(), undefined));

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain(`${server.baseUrl}${NEWS}`);
    expect(error.message).toContain('rss.channel');
  });

  it('waits out a 429 with Retry-After, then carries on', async () => {
    server.route(NEWS, { status: 429, headers: { 'retry-after': '5' } }, rss('harbourne-news.xml'));

    const { posts } = await createRssConnector(depsWith()).fetchNewPosts(website(), undefined);

    expect(waits).toEqual([5_000]);
    expect(posts).toHaveLength(3);
  });

  it('gives up with PlatformRateLimitedError when a 503 asks for longer than a scan waits', async () => {
    server.route(NEWS, { status: 503, headers: { 'retry-after': 'Tue, 10 Mar 2026 13:00:00 GMT' } });

    const error = await failure(() => createRssConnector(depsWith()).fetchNewPosts(website(), undefined));

    expect(error).toBeInstanceOf(PlatformRateLimitedError);
    expect((error as PlatformRateLimitedError).resetAt?.toISOString()).toBe('2026-03-10T13:00:00.000Z');
  });
});

describe('the feed connectors: URL safety', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data', 'rss'],
    ['https://10.0.0.5/feed.xml', 'rss'],
    ['https://169.254.169.254/feeds/videos.xml?channel_id=UCHarbourneTownCouncil01', 'youtube'],
    ['https://[fd00:ec2::254]/latest/meta-data', 'rss'],
  ] as const)('refuses %s with UrlRefusedError, without any request', async (url, platform) => {
    const connector = platform === 'rss' ? createRssConnector(depsWith()) : createYouTubeConnector(depsWith());

    const error = await failure(() => connector.fetchNewPosts({ ...website(), platform, handle: url }, undefined));

    expect(error).toBeInstanceOf(UrlRefusedError);
    // Refused before sending: no retry, no backoff, nothing reached any server.
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses plain http to the loopback address when loopback is not allowed (as in Lambda)', async () => {
    server.route(NEWS, rss('harbourne-news.xml'));

    const error = await failure(() => createRssConnector(depsWith({ allowLoopback: false })).fetchNewPosts(website(), undefined));

    expect(error).toBeInstanceOf(UrlRefusedError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('the YouTube connector', () => {
  const serveChannel = () =>
    server.route(VIDEOS, { status: 200, headers: { 'content-type': 'text/xml; charset=UTF-8' }, body: feedXml('youtube/harbourne-channel.xml') });

  it('reads the channel feed by channel id, a video per post', async () => {
    serveChannel();

    const { posts, cursor } = await createYouTubeConnector(depsWith()).fetchNewPosts(channel(), undefined);

    expect(server.requests.map((r) => [r.path, r.query.get('channel_id')])).toEqual([[VIDEOS, CHANNEL_ID]]);
    // The Christmas-lights video of November is older than the first scan reaches.
    expect(posts).toEqual([
      {
        id: 'hTc0FullC01',
        platform: 'youtube',
        account: CHANNEL_ID,
        accountName: 'Harbourne Town Council',
        createdAt: '2026-03-04T18:02:11.000Z',
        text:
          'Full Council meeting – 3 March 2026\n\n' +
          'Recording of the Full Council meeting held on 3 March 2026 at Harbourne Town Hall.\nAgenda and minutes: https://www.harbourne-tc.example/meetings/',
        url: 'https://www.youtube.com/watch?v=hTc0FullC01',
        media: [{ type: 'video', url: 'https://www.youtube.com/watch?v=hTc0FullC01' }],
      },
      {
        id: 'hTc0Quay002',
        platform: 'youtube',
        account: CHANNEL_ID,
        accountName: 'Harbourne Town Council',
        createdAt: '2026-03-09T12:00:05.000Z',
        text: 'Quay Street resurfacing explained\n\nWhy Quay Street is closing on Saturday, and where the buses will stop instead.',
        url: 'https://www.youtube.com/shorts/hTc0Quay002',
        media: [{ type: 'video', url: 'https://www.youtube.com/watch?v=hTc0Quay002' }],
      },
    ]);
    for (const post of posts) expect(parsePost(post)).toEqual(post);
    expect(JSON.parse(cursor!).seen).toHaveLength(3);
  });

  it('accepts the feed URL itself as the handle, and reports nothing twice', async () => {
    serveChannel();
    const connector = createYouTubeConnector(depsWith());
    const handle = `${server.baseUrl}${VIDEOS}?channel_id=${CHANNEL_ID}`;

    const first = await connector.fetchNewPosts(channel(handle), undefined, { firstScan: { days: 365, maxPosts: 200 } } satisfies FetchOptions);
    const second = await connector.fetchNewPosts(channel(handle), first.cursor);

    expect(first.posts.map((p) => p.id)).toEqual(['hTc0Lights3', 'hTc0FullC01', 'hTc0Quay002']);
    expect(second).toEqual({ posts: [], cursor: undefined });
  });

  it('builds the feed URL from a channel id or the channel page, and refuses anything else', () => {
    expect(channelFeedUrl(CHANNEL_ID)).toBe(`https://www.youtube.com/feeds/videos.xml?channel_id=${CHANNEL_ID}`);
    expect(channelFeedUrl(`https://www.youtube.com/channel/${CHANNEL_ID}/videos`)).toBe(`https://www.youtube.com/feeds/videos.xml?channel_id=${CHANNEL_ID}`);
    expect(() => channelFeedUrl('@harbournetc')).toThrow(ConnectorError);
    expect(() => channelFeedUrl('UCtooShort')).toThrow(/not a YouTube channel id/);
  });
});

describe('feed dates', () => {
  it.each([
    ['Tue, 10 Mar 2026 09:30:00 +0000', '2026-03-10T09:30:00.000Z'],
    ['Wed, 4 Mar 2026 09:15:02 GMT', '2026-03-04T09:15:02.000Z'],
    ['Sat, 04 Jul 2026 09:30:00 BST', '2026-07-04T08:30:00.000Z'],
    ['04 Jul 26 09:30 EDT', '2026-07-04T13:30:00.000Z'],
    ['Tue, 10 Mar 2026 09:30:00 -0500', '2026-03-10T14:30:00.000Z'],
    ['2026-03-09T17:00:00+01:00', '2026-03-09T16:00:00.000Z'],
    ['2026-03-09T17:00:00.250Z', '2026-03-09T17:00:00.250Z'],
    ['Tue, 29 Feb 2028 12:00:00 GMT', '2028-02-29T12:00:00.000Z'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z'],
  ])('reads %s', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(iso);
  });

  it.each([
    '',
    'next Tuesday',
    'Tue, 10 Foo 2026 09:30:00 +0000',
    'Tue, 10 Mar 2026 25:30:00 +0000',
    // Days the calendar does not have, which Date would roll over into the next month
    'Mon, 30 Feb 2026 09:30:00 +0000',
    '29 Feb 2025 09:30 GMT',
    'Fri, 31 Apr 2026 09:30:00 BST',
    '2026-02-30T09:00:00Z',
    '2026-04-31',
  ])('gives up on %j', (raw) => {
    expect(parseFeedDate(raw)).toBeUndefined();
  });
});
