import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorDeps, FetchOptions } from '../../shared/connectors/connector';
import { PlatformAuthError, PlatformRateLimitedError, PlatformResponseError, PlatformUnavailableError } from '../../shared/connectors/errors';
import { createPlatformHttp } from '../../shared/connectors/http/create-http';
import type { HttpOptions } from '../../shared/connectors/http/platform-http';
import { compareIds, parseMastodonHandle } from '../../shared/connectors/mastodon/handles';
import { createMastodonConnector } from '../../shared/connectors/mastodon/mastodon-connector';
import {
  MastodonAccountSchema,
  MastodonErrorSchema,
  MastodonSearchSchema,
  MastodonStatusesSchema,
  type MastodonStatus,
} from '../../shared/connectors/mastodon/schemas';
import type { Account } from '../../shared/domain/account';
import { ConnectorError } from '../../shared/domain/errors';
import { parsePost, type Post } from '../../shared/domain/post';
import { recordedAnswers, type RecordedAnswer } from '../support/recorded-answers';
import { startReplayServer, type ReplayServer } from '../support/replay-server';

// ---- recorded payloads -------------------------------------------------------------------------

type Fixture = RecordedAnswer;
const { fixture, names: recordedNames } = recordedAnswers('mastodon');

/** A recorded page of statuses with its statuses typed, for tests that change one. */
function statusPage(name: string): Omit<Fixture, 'body'> & { body: MastodonStatus[] } {
  const page = fixture(name);
  return { ...page, body: MastodonStatusesSchema.parse(page.body) };
}

const NOW = new Date('2026-02-10T12:00:00Z');
const HANDLE = '@harbournetc@mastodon.social';
const ACCOUNT_ID = '109311224466880112';
const STATUSES = `/api/v1/accounts/${ACCOUNT_ID}/statuses`;
const LOOKUP = '/api/v1/accounts/lookup';

/** The statuses of the three recorded pages, newest first. */
const ID = {
  consultation: '116045571848996017',
  reply: '116041667707339629',
  boost: '116034675382684900',
  quote: '116024123801600512',
  roadClosure: '116011185006182464',
  poll: '116000922031425508',
  threadReply: '115989165507215362',
  gritBins: '115989145190400001',
  agenda: '115979158847488099',
} as const;
const INCREMENTAL = { litterPick: '116045759454904326', townHallClosed: '116046102528000005' } as const;

const account: Account = { platform: 'mastodon', handle: HANDLE, status: 'active', registeredAt: '2025-04-01T09:00:00Z' };

const cursorFor = (sinceId?: string) => JSON.stringify({ v: 1, handle: HANDLE, accountId: ACCOUNT_ID, ...(sinceId ? { sinceId } : {}) });

// ---- a real server on 127.0.0.1 and the real HTTP client ---------------------------------------

let server: ReplayServer;
let waits: number[];

beforeEach(async () => {
  server = await startReplayServer();
  waits = [];
});
afterEach(() => server.close());

function connectorWith(http: Partial<HttpOptions> = {}, deps: Partial<ConnectorDeps> = {}) {
  return createMastodonConnector({
    http: (policy, bearerToken) =>
      createPlatformHttp({ policy, bearerToken, allowLoopback: true, timeoutMs: 300, sleep: async (ms) => void waits.push(ms), clock: () => NOW, random: () => 1, ...http }),
    token: async () => undefined,
    clock: () => NOW,
    baseUrl: server.baseUrl,
    ...deps,
  });
}

/** Serves the three recorded pages by `max_id`, the way Mastodon answers them. */
function serveThreePages(pages = [statusPage('statuses-page-1'), statusPage('statuses-page-2'), statusPage('statuses-page-3')]) {
  server.route(LOOKUP, fixture('lookup'));
  server.handle(STATUSES, (request) => {
    const maxId = request.query.get('max_id');
    if (maxId === null) return pages[0]!;
    const index = pages.findIndex((p) => p.body.at(-1)?.id === maxId);
    return pages[index + 1] ?? { status: 200, body: [] };
  });
}

const statusRequests = () => server.requests.filter((r) => r.path === STATUSES);

async function firstScan(options?: FetchOptions): Promise<Map<string, Post>> {
  const { posts } = await connectorWith().fetchNewPosts(account, undefined, options);
  return new Map(posts.map((p) => [p.id, p]));
}

// ---- the tests -----------------------------------------------------------------------------------

describe('the recorded Mastodon payloads', () => {
  const names = recordedNames;

  it.each(names)('%s keeps the shape the connector parses', (name) => {
    const { status, headers, body } = fixture(name);
    expect(typeof status).toBe('number');
    expect(Object.keys(headers).every((h) => h === h.toLowerCase())).toBe(true);
    if (name.startsWith('statuses-')) expect(MastodonStatusesSchema.safeParse(body).error).toBeUndefined();
    else if (name === 'lookup') expect(MastodonAccountSchema.safeParse(body).error).toBeUndefined();
    else if (name === 'search-accounts') expect(MastodonSearchSchema.safeParse(body).error).toBeUndefined();
    else expect(MastodonErrorSchema.safeParse(body).error).toBeUndefined();
  });

  it('use only fictional contact details', () => {
    const text = names.map((n) => JSON.stringify(fixture(n).body)).join('\n');
    // Fediverse accounts (`user@instance.social`) look like addresses too; every other address is on .example.
    const addresses = (text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []).filter((a) => !a.endsWith('.social'));
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(address).toMatch(/\.example$/);
    for (const phone of text.match(/\b0\d{4} ?\d{6}\b/g) ?? []) expect(phone).toMatch(/^07700 ?900\d{3}$/);
  });
});

describe('the Mastodon connector: paging', () => {
  it('says its listing is complete only when the paging reached the window or the end, not a bound (reconciliation deletes by it)', async () => {
    serveThreePages();
    // To the account's first status, and to the window's start: complete.
    expect((await connectorWith().fetchNewPosts(account, undefined, { firstScan: { days: 3650, maxPosts: 1000 } })).complete).toBe(true);
    expect((await connectorWith().fetchNewPosts(account, undefined, { firstScan: { days: 14, maxPosts: 1000 } })).complete).toBe(true);
    // Cut by the count of posts, or by a limit: not complete.
    expect((await connectorWith().fetchNewPosts(account, undefined, { firstScan: { days: 3650, maxPosts: 4 } })).complete).toBe(false);
    expect((await connectorWith().fetchNewPosts(account, cursorFor(ID.agenda), { limit: 2 })).complete).toBe(false);
  });

  it('looks the account up on its instance, then follows the next links over three pages, oldest first', async () => {
    serveThreePages();

    const { posts, cursor } = await connectorWith().fetchNewPosts(account, undefined);

    expect(posts.map((p) => p.id)).toEqual([
      ID.agenda, ID.gritBins, ID.threadReply, ID.poll, ID.roadClosure, ID.quote, ID.boost, ID.reply, ID.consultation,
    ]);
    const lookup = server.requests.find((r) => r.path === LOOKUP);
    expect(lookup?.query.get('acct')).toBe('harbournetc');
    expect(statusRequests().map((r) => r.query.get('max_id'))).toEqual([null, ID.boost, ID.poll]);
    expect(statusRequests().every((r) => r.query.get('limit') === '40' && !r.query.has('since_id'))).toBe(true);
    expect(server.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(JSON.parse(cursor!)).toEqual({ v: 1, handle: HANDLE, accountId: ACCOUNT_ID, sinceId: ID.consultation });
  });

  it('stops a first scan at the time bound without reading further pages', async () => {
    serveThreePages();

    const { posts } = await connectorWith().fetchNewPosts(account, undefined, { firstScan: { days: 7, maxPosts: 200 } });

    // 7 days before 2026-02-10T12:00Z: the poll of 2 February is older, so page 3 is never asked for.
    expect(posts.map((p) => p.id)).toEqual([ID.roadClosure, ID.quote, ID.boost, ID.reply, ID.consultation]);
    expect(statusRequests()).toHaveLength(2);
  });

  it('stops a first scan at 200 posts by default, over full pages of 40', async () => {
    // Prepare: 6 full pages of recent statuses with decreasing ids, each with Mastodon's next link.
    const template = statusPage('statuses-page-3').body[1]!;
    const newest = 116046000000000000n;
    const all = Array.from({ length: 240 }, (_, i) => ({
      ...structuredClone(template),
      id: String(newest - BigInt(i) * 1000n),
      created_at: new Date(NOW.getTime() - (i + 1) * 60_000).toISOString(),
    }));
    server.route(LOOKUP, fixture('lookup'));
    server.handle(STATUSES, (request) => {
      const maxId = request.query.get('max_id');
      const page = all.filter((s) => maxId === null || BigInt(s.id) < BigInt(maxId)).slice(0, 40);
      const next = page.length === 40 ? `<https://mastodon.social${STATUSES}?limit=40&max_id=${page.at(-1)!.id}>; rel="next", ` : '';
      return { headers: { link: `${next}<https://mastodon.social${STATUSES}?limit=40&min_id=${page[0]!.id}>; rel="prev"` }, body: page };
    });

    const { posts, cursor } = await connectorWith().fetchNewPosts(account, undefined);

    expect(posts).toHaveLength(200);
    expect(posts.at(-1)!.id).toBe(all[0]!.id);
    expect(posts[0]!.id).toBe(all[199]!.id);
    expect(statusRequests()).toHaveLength(5);
    expect(JSON.parse(cursor!).sinceId).toBe(all[0]!.id);
  });

  it('keeps the newest posts when --limit and --since bound a first scan', async () => {
    serveThreePages();

    const limited = await connectorWith().fetchNewPosts(account, undefined, { limit: 2 });
    const since = await connectorWith().fetchNewPosts(account, undefined, { since: new Date('2026-02-06T00:00:00Z') });

    expect(limited.posts.map((p) => p.id)).toEqual([ID.reply, ID.consultation]);
    expect(since.posts.map((p) => p.id)).toEqual([ID.quote, ID.boost, ID.reply, ID.consultation]);
  });
});

describe('the Mastodon connector: incremental fetches', () => {
  it('asks only for statuses newer than the cursor, reusing the cached account id', async () => {
    server.route(STATUSES, fixture('statuses-incremental'));

    const { posts, cursor } = await connectorWith().fetchNewPosts(account, cursorFor(ID.consultation));

    expect(posts.map((p) => p.id)).toEqual([INCREMENTAL.litterPick, INCREMENTAL.townHallClosed]);
    expect(server.requests.some((r) => r.path === LOOKUP)).toBe(false);
    expect(statusRequests()[0]!.query.get('since_id')).toBe(ID.consultation);
    expect(JSON.parse(cursor!)).toEqual({ v: 1, handle: HANDLE, accountId: ACCOUNT_ID, sinceId: INCREMENTAL.townHallClosed });
  });

  it('follows next pages back to the cursor and stops there', async () => {
    serveThreePages();

    const { posts } = await connectorWith().fetchNewPosts(account, cursorFor(ID.roadClosure));

    expect(posts.map((p) => p.id)).toEqual([ID.quote, ID.boost, ID.reply, ID.consultation]);
    expect(statusRequests().map((r) => r.query.get('max_id'))).toEqual([null, ID.boost]);
    expect(statusRequests().every((r) => r.query.get('since_id') === ID.roadClosure)).toBe(true);
  });

  it('returns no posts and no new cursor when nothing is new', async () => {
    server.route(STATUSES, fixture('statuses-empty'));

    const result = await connectorWith().fetchNewPosts(account, cursorFor(ID.consultation));

    expect(result).toEqual({ posts: [], cursor: undefined, complete: true });
  });

  it('keeps the oldest new posts under --limit, so that the cursor leaves no gap', async () => {
    serveThreePages();

    const { posts, cursor } = await connectorWith().fetchNewPosts(account, cursorFor(ID.roadClosure), { limit: 2 });

    expect(posts.map((p) => p.id)).toEqual([ID.quote, ID.boost]);
    expect(JSON.parse(cursor!).sinceId).toBe(ID.boost);
  });

  it('starts afresh from a cursor it cannot read', async () => {
    serveThreePages();

    const { posts } = await connectorWith().fetchNewPosts(account, 'not json');

    expect(posts).toHaveLength(9);
    expect(server.requests.some((r) => r.path === LOOKUP)).toBe(true);
  });
});

describe('the Mastodon connector: platform failures', () => {
  it('waits until the ISO-8601 X-RateLimit-Reset of a 429, then carries on', async () => {
    server.route(LOOKUP, fixture('lookup'));
    server.route(STATUSES, fixture('rate-limited'), fixture('statuses-page-3'));

    const { posts } = await connectorWith().fetchNewPosts(account, undefined);

    // The recorded reset is 2026-02-10T12:00:30.000000Z and the clock says 12:00:00.
    expect(waits).toEqual([30_000]);
    expect(posts).toHaveLength(3);
  });

  it('gives up with PlatformRateLimitedError when the reset is too far away to wait inside a scan', async () => {
    const limited = fixture('rate-limited');
    limited.headers['x-ratelimit-reset'] = '2026-02-10T12:04:00.000000Z';
    server.route(LOOKUP, fixture('lookup'));
    server.route(STATUSES, limited);

    const error = await connectorWith().fetchNewPosts(account, undefined).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PlatformRateLimitedError);
    expect((error as PlatformRateLimitedError).resetAt?.toISOString()).toBe('2026-02-10T12:04:00.000Z');
    expect(waits).toEqual([]);
  });

  it('retries a 5xx and returns the posts of the answer that follows', async () => {
    server.route(LOOKUP, fixture('lookup'));
    server.route(STATUSES, { status: 503, body: '<html><body>Service Unavailable</body></html>' }, fixture('statuses-page-3'));

    const { posts } = await connectorWith().fetchNewPosts(account, undefined);

    expect(posts.map((p) => p.id)).toEqual([ID.agenda, ID.gritBins, ID.threadReply]);
    expect(statusRequests()).toHaveLength(2);
    expect(waits).toHaveLength(1);
  });

  it('retries an answer slower than the timeout', async () => {
    server.route(LOOKUP, fixture('lookup'));
    server.route(STATUSES, { ...fixture('statuses-page-3'), delayMs: 1_000 }, fixture('statuses-page-3'));

    const { posts } = await connectorWith().fetchNewPosts(account, undefined);

    expect(posts).toHaveLength(3);
    expect(waits).toHaveLength(1);
  });

  it('throws PlatformUnavailableError when every attempt times out', async () => {
    server.route(LOOKUP, fixture('lookup'));
    server.route(STATUSES, { ...fixture('statuses-page-3'), delayMs: 1_000 });

    const error = await connectorWith({ maxAttempts: 2 }).fetchNewPosts(account, undefined).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PlatformUnavailableError);
    expect((error as Error).message).toContain('no answer within 300 ms');
    expect(statusRequests()).toHaveLength(2);
  });

  it('names the URL when the answer is not JSON', async () => {
    server.route(LOOKUP, fixture('lookup'));
    server.route(STATUSES, { headers: { 'content-type': 'application/json; charset=utf-8' }, body: '[{"id":"116045571848996017","created_at":' });

    const error = await connectorWith().fetchNewPosts(account, undefined).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect((error as Error).message).toContain(`${server.baseUrl}${STATUSES}?limit=40`);
    expect((error as Error).message).toContain('not valid JSON');
  });

  it('refuses an answer nested too deeply, naming the URL, instead of overflowing the stack', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    server.route(LOOKUP, fixture('lookup'));
    server.route(STATUSES, { headers: { 'content-type': 'application/json' }, body: `[{"id":"116045571848996017","content":${deep}}]` });

    const error = await connectorWith().fetchNewPosts(account, undefined).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect((error as Error).message).toBe(`mastodon: the answer to GET ${server.baseUrl}${STATUSES}?limit=40 is not valid JSON (nested more than 200 levels deep)`);
  });

  it('names the field when the shape of a status has changed', async () => {
    const page = fixture('statuses-page-3') as Fixture & { body: Record<string, unknown>[] };
    delete page.body[1]!.created_at;
    server.route(LOOKUP, fixture('lookup'));
    server.route(STATUSES, page);

    const error = await connectorWith().fetchNewPosts(account, undefined).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect((error as Error).message).toContain('[1].created_at: is missing');
    expect((error as Error).message).toContain(STATUSES);
  });

  it('throws PlatformAuthError for a 401 with the instance error', async () => {
    server.route(LOOKUP, fixture('unauthorized'));

    const error = await connectorWith().fetchNewPosts(account, undefined).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PlatformAuthError);
    expect((error as Error).message).toContain('This API requires an authenticated user');
  });

  it('says which handle it could not find', async () => {
    server.route(LOOKUP, fixture('lookup-not-found'));

    const error = await connectorWith().fetchNewPosts(account, undefined).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PlatformResponseError);
    expect((error as Error).message).toMatch(/cannot find @harbournetc@mastodon\.social.*HTTP 404.*Record not found/);
  });

  it('refuses a handle without an instance', async () => {
    await expect(connectorWith().fetchNewPosts({ ...account, handle: '@harbournetc' }, undefined)).rejects.toThrow(ConnectorError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('the Mastodon connector: statuses as canonical posts', () => {
  it('produces posts that pass the canonical schema', async () => {
    serveThreePages();

    const posts = [...(await firstScan()).values()];

    for (const post of posts) expect(parsePost(post)).toEqual(post);
    expect(posts.every((p) => p.platform === 'mastodon' && p.account === HANDLE && p.accountName === 'Harbourne Town Council')).toBe(true);
  });

  it('turns the HTML into text, keeps the permalink and lists the link card and hrefs but not hashtags', async () => {
    serveThreePages();

    const post = (await firstScan()).get(ID.consultation)!;

    expect(post.text).toBe(
      'The Quay car park consultation is open until 6 March. Have your say on parking charges, disabled bays and the new EV chargers: ' +
        'https://www.harbourne-tc.example/consultations/quay-parking-2026\n\n' +
        'Drop-in session at the Town Hall on Saturday 21 February, 10am–1pm. #Harbourne #consultation',
    );
    expect(post.url).toBe(`https://mastodon.social/@harbournetc/${ID.consultation}`);
    expect(post.createdAt).toBe('2026-02-10T09:15:02.481Z');
    expect(post.links).toEqual(['https://www.harbourne-tc.example/consultations/quay-parking-2026']);
  });

  it('keeps alt text where there is some and leaves it out where there is none', async () => {
    serveThreePages();

    const post = (await firstScan()).get(ID.consultation)!;

    expect(post.media).toHaveLength(2);
    expect(post.media![0]).toMatchObject({ type: 'image', altText: 'Aerial photo of the Quay car park at low tide, with about forty cars parked' });
    expect(post.media![0]!.url).toMatch(/^https:\/\/files\.mastodon\.social\/media_attachments\/.+\/original\//);
    expect(post.media![1]!.type).toBe('image');
    expect(post.media![1]).not.toHaveProperty('altText');
  });

  it('opens the text with the content warning and maps video and gifv', async () => {
    serveThreePages();

    const post = (await firstScan()).get(ID.roadClosure)!;

    expect(post.text).toMatch(/^CW: Road closure\n\nHarbourne Road will be closed/);
    expect(post.media?.map((m) => [m.type, m.altText])).toEqual([
      ['video', undefined],
      ['gif', 'Map of the diversion route via Church Hill'],
    ]);
  });

  it('credits a boost to the boosted account, carrying its text and media', async () => {
    serveThreePages();

    const post = (await firstScan()).get(ID.boost)!;

    expect(post.repostOf).toEqual({ account: '@harbournelibrary@libraries.social' });
    expect(post.text).toMatch(/^Half-term craft mornings are back at Harbourne Library!/);
    expect(post.url).toMatch(/^https:\/\/libraries\.social\/@harbournelibrary\/\d+$/);
    expect(post.createdAt).toBe('2026-02-08T11:03:55.600Z');
    expect(post.links).toEqual(['https://libraries.example/harbourne/half-term']);
    expect(post.replyTo).toBeUndefined();
  });

  it('tolerates media types it does not know, falling back to the remote URL', async () => {
    const first = statusPage('statuses-page-1');
    first.body[0]!.media_attachments[1]!.type = 'model3d';
    serveThreePages([first, statusPage('statuses-page-2'), statusPage('statuses-page-3')]);

    const posts = await firstScan();

    expect(posts.get(ID.consultation)!.media![1]!.type).toBe('other');
    // Mastodon's own `unknown`: remote media the instance has not fetched, so only remote_url is set.
    expect(posts.get(ID.boost)!.media).toEqual([
      { type: 'image', url: expect.stringMatching(/^https:\/\/files\.mastodon\.social\/cache\//) },
      {
        type: 'other',
        url: 'https://media.libraries.social/media_attachments/files/115/987/002/original/timetable.webp',
        altText: 'Half-term timetable: Tuesday collage, Wednesday clay, Thursday kites',
      },
    ]);
  });

  it('names the account a reply answers, from the mentions or the council itself in a thread', async () => {
    serveThreePages();

    const posts = await firstScan();

    expect(posts.get(ID.reply)!.replyTo).toEqual({ account: '@harbournewalker@mastodon.social' });
    expect(posts.get(ID.threadReply)!.replyTo).toEqual({ account: HANDLE });
    expect(posts.get(ID.consultation)!.replyTo).toBeUndefined();
  });

  it('falls back to the account id when the replied-to account is not mentioned', async () => {
    const first = statusPage('statuses-page-1');
    first.body[1]!.mentions = [];
    serveThreePages([first, statusPage('statuses-page-2'), statusPage('statuses-page-3')]);

    const post = (await firstScan()).get(ID.reply)!;

    expect(post.replyTo).toEqual({ account: '109524870331456789' });
  });

  it('carries a quoted status (Mastodon 4.4+) as quoteOf with its author and text', async () => {
    serveThreePages();

    const post = (await firstScan()).get(ID.quote)!;

    expect(post.quoteOf).toEqual({
      account: '@harbournegazette@newsie.social',
      text: 'The bandstand on Harbourne Green will be restored in time for the summer concert season, after the town council secured a heritage grant. Work starts in March.',
    });
    expect(post.text).toBe('Lovely to see the bandstand restoration in the Gazette. The concert programme will be published in April.');
  });

  it('leaves quoteOf out while a quote is pending approval', async () => {
    const second = statusPage('statuses-page-2');
    second.body[0]!.quote = { state: 'pending', quoted_status: null };
    serveThreePages([statusPage('statuses-page-1'), second, statusPage('statuses-page-3')]);

    expect((await firstScan()).get(ID.quote)!.quoteOf).toBeUndefined();
  });

  it('returns an edited post, with the options of its poll', async () => {
    serveThreePages();

    const post = (await firstScan()).get(ID.poll)!;

    expect(post.text).toContain("Harbourne in Bloom volunteers' meeting");
    expect(post.text).toContain('(Edited: the meeting is at the Scout Hut, not the Town Hall.)');
    expect(post.text).toMatch(/• Tuesday 7pm\n• Wednesday 6:30pm$/);
  });

  it('keeps public and unlisted posts and skips private and direct ones, while the cursor moves past them', async () => {
    const third = statusPage('statuses-page-3');
    third.body[0]!.visibility = 'direct';
    third.body[1]!.visibility = 'private';
    server.route(LOOKUP, fixture('lookup'));
    server.route(STATUSES, third);

    const { posts, cursor } = await connectorWith().fetchNewPosts(account, undefined);

    expect(posts.map((p) => p.id)).toEqual([ID.agenda]); // unlisted
    expect(JSON.parse(cursor!).sinceId).toBe(ID.threadReply);
  });
});

describe('the Mastodon connector: where it asks', () => {
  it('uses the account base URL over the instance in the handle', async () => {
    server.route(LOOKUP, fixture('lookup'));
    server.route(STATUSES, fixture('statuses-page-3'));

    const { posts } = await connectorWith({}, { baseUrl: undefined }).fetchNewPosts({ ...account, baseUrl: server.baseUrl }, undefined);

    expect(posts).toHaveLength(3);
  });

  it('reads a handle as user and instance, and compares long ids exactly', () => {
    expect(parseMastodonHandle('@HarbourneTC@Mastodon.Social')).toEqual({ username: 'HarbourneTC', instance: 'mastodon.social' });
    expect(compareIds('116045571848996017', '116045571848996016')).toBe(1);
    expect(compareIds('99', '116045571848996016')).toBe(-1);
  });
});

describe('the Mastodon connector: account search', () => {
  it('finds accounts by name, giving every handle its instance', async () => {
    server.route('/api/v2/search', fixture('search-accounts'));

    const found = await connectorWith().searchAccounts('Harbourne Town Council', { limit: 10 });

    expect(found).toEqual([
      { platform: 'mastodon', handle: HANDLE, displayName: 'Harbourne Town Council', profileUrl: 'https://mastodon.social/@harbournetc' },
      {
        platform: 'mastodon',
        handle: '@harbourne_town_council@mastodon.social',
        displayName: 'Harbourne Town Council (official)',
        profileUrl: 'https://mastodon.social/@harbourne_town_council',
      },
      { platform: 'mastodon', handle: '@harbournetc@fedi.example', displayName: 'Harbourne TC', profileUrl: 'https://fedi.example/@harbournetc' },
    ]);
    const query = server.requests[0]!.query;
    expect(query.get('q')).toBe('Harbourne Town Council');
    expect(query.get('type')).toBe('accounts');
    expect(query.get('limit')).toBe('10');
    expect(query.has('resolve')).toBe(false);
  });

  it('asks nothing for an empty query', async () => {
    expect(await connectorWith().searchAccounts('  ')).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});
