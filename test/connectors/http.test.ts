import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformAuthError, PlatformRateLimitedError, PlatformResponseError, PlatformUnavailableError, UrlRefusedError } from '../../shared/connectors/errors';
import { createPlatformHttp, safeUrl } from '../../shared/connectors/http/create-http';
import type { HttpOptions, PlatformPolicy } from '../../shared/connectors/http/platform-http';
import { checkUrl, classifyAddress } from '../../shared/connectors/http/url-policy';
import { htmlToText, linksInHtml } from '../../shared/connectors/html-to-text';
import { startReplayServer, type ReplayServer } from '../support/replay-server';

/** A policy like Bluesky's: 429 with Retry-After seconds; 401 for a bad token. */
const policy: PlatformPolicy = {
  platform: 'bluesky',
  rateLimitWaitMs: (r) => (r.status === 429 && r.header('retry-after') ? Number(r.header('retry-after')) * 1000 : undefined),
  authFailure: (r) => (r.status === 401 ? 'HTTP 401' : undefined),
};

describe('the polite HTTP client', () => {
  let server: ReplayServer;
  let waits: number[] = [];
  // A clock that does not move: a wait the platform announces is the wait taken, to the millisecond.
  const STILL = new Date('2026-11-21T10:00:00Z');
  const http = (extra: Partial<HttpOptions> = {}) =>
    createPlatformHttp({ policy, allowLoopback: true, sleep: async (ms) => void waits.push(ms), random: () => 1, timeoutMs: 300, clock: () => STILL, ...extra });

  beforeAll(async () => {
    server = await startReplayServer();
  });
  afterAll(() => server.close());
  const reset = () => {
    waits = [];
  };

  it('retries a 5xx with exponential backoff and returns the success', async () => {
    reset();
    server.route('/flaky', { status: 503 }, { status: 502 }, { body: { ok: true } });
    expect(await http().getJson(`${server.baseUrl}/flaky`)).toEqual({ ok: true });
    expect(waits).toEqual([500, 1000]);
  });

  it('gives up after a bounded number of attempts', async () => {
    reset();
    server.route('/down', { status: 500 });
    await expect(http({ maxAttempts: 3 }).get(`${server.baseUrl}/down`)).rejects.toThrow(PlatformUnavailableError);
    expect(waits).toHaveLength(2);
  });

  it('retries a timeout', async () => {
    reset();
    server.route('/slow', { delayMs: 1_000, body: { late: true } }, { body: { ok: true } });
    expect(await http().getJson(`${server.baseUrl}/slow`)).toEqual({ ok: true });
    expect(waits).toHaveLength(1);
  });

  it('says a timeout was a timeout once the attempts run out', async () => {
    reset();
    server.route('/never', { delayMs: 1_000 });
    await expect(http({ maxAttempts: 2 }).get(`${server.baseUrl}/never`)).rejects.toThrow('no answer within 300 ms');
  });

  it('waits out a short rate limit the platform announces, then carries on', async () => {
    reset();
    server.route('/limited', { status: 429, headers: { 'retry-after': '7' }, body: { error: 'RateLimitExceeded' } }, { body: { ok: true } });
    expect(await http().getJson(`${server.baseUrl}/limited`)).toEqual({ ok: true });
    expect(waits).toEqual([7000]);
  });

  it('stops with the reset time when the rate limit is longer than a scan may wait', async () => {
    reset();
    const now = new Date('2026-11-21T10:00:00Z');
    server.route('/limited-long', { status: 429, headers: { 'retry-after': '900' } });
    const error = await http({ clock: () => now }).get(`${server.baseUrl}/limited-long`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformRateLimitedError);
    expect((error as PlatformRateLimitedError).resetAt?.toISOString()).toBe('2026-11-21T10:15:00.000Z');
    expect(waits).toEqual([]);
  });

  it('reports an expired token as needing reconnection, without retrying', async () => {
    reset();
    server.route('/private', { status: 401, body: { error: 'ExpiredToken' } });
    await expect(http({ bearerToken: 'secret-token' }).get(`${server.baseUrl}/private`)).rejects.toThrow(PlatformAuthError);
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer secret-token');
    expect(waits).toEqual([]);
  });

  it('names the URL of a 4xx, without the secrets in its query', async () => {
    reset();
    server.route('/gone', { status: 404, body: 'Not Found' });
    const error = (await http().get(`${server.baseUrl}/gone?access_token=abc123&fields=id`).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(PlatformResponseError);
    expect(error.message).toContain('HTTP 404');
    expect(error.message).toContain('/gone?access_token=%E2%80%A2%E2%80%A2%E2%80%A2&fields=id');
    expect(error.message).not.toContain('abc123');
  });

  it('says when a body is not JSON', async () => {
    reset();
    server.route('/html', { body: '<html>Bad gateway</html>' });
    await expect(http().getJson(`${server.baseUrl}/html`)).rejects.toThrow(/GET http:\/\/127\.0\.0\.1:\d+\/html is not valid JSON/);
  });

  it('refuses JSON nested too deeply, naming the URL, and reads JSON nested as deep as allowed', async () => {
    reset();
    const nested = (depth: number) => `${'{"a":'.repeat(depth)}${String.raw`"\"{["`}${'}'.repeat(depth)}`;
    server.route('/deep', { body: nested(201) });
    server.route('/deep-enough', { body: nested(200) });
    await expect(http().getJson(`${server.baseUrl}/deep`)).rejects.toThrow(`GET ${server.baseUrl}/deep is not valid JSON (nested more than 200 levels deep)`);
    let inner = await http().getJson(`${server.baseUrl}/deep-enough`);
    for (let level = 0; level < 200; level++) inner = (inner as { a: unknown }).a;
    expect(inner).toBe('"{[');
  });

  it('stops reading an answer larger than the cap', async () => {
    reset();
    server.route('/huge', { body: 'x'.repeat(200_000) });
    await expect(http({ maxResponseBytes: 100_000 }).get(`${server.baseUrl}/huge`)).rejects.toThrow('larger than 100000 bytes');
    expect(waits).toEqual([]);
  });

  it('returns a 304 for a conditional GET, sending the validators', async () => {
    reset();
    server.route('/feed.xml', { status: 304 });
    const response = await http().get(`${server.baseUrl}/feed.xml`, { etag: '"v1"', lastModified: 'Sat, 21 Nov 2026 09:00:00 GMT' });
    expect(response.status).toBe(304);
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it('follows a redirect, and checks where it leads', async () => {
    reset();
    server.route('/moved', { status: 301, headers: { location: '/feed-new.xml' } });
    server.route('/feed-new.xml', { body: '<rss/>' });
    expect((await http().get(`${server.baseUrl}/moved`)).text).toBe('<rss/>');
    server.route('/to-metadata', { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    await expect(http().get(`${server.baseUrl}/to-metadata`)).rejects.toThrow(UrlRefusedError);
  });

  it('refuses loopback unless allowed, by address or by a name that resolves to it', async () => {
    reset();
    const before = server.requests.length;
    await expect(http({ allowLoopback: false }).get(`${server.baseUrl}/flaky`)).rejects.toThrow(UrlRefusedError);
    await expect(http({ allowLoopback: false }).get('https://localhost:1/')).rejects.toThrow(UrlRefusedError);
    expect(server.requests.length).toBe(before);
  });
});

describe('a bearer token goes only where it belongs', () => {
  let server: ReplayServer;
  beforeAll(async () => {
    server = await startReplayServer();
  });
  afterAll(() => server.close());
  /** A policy like X's: the token belongs to api.x.com. */
  const tokenPolicy: PlatformPolicy = { ...policy, platform: 'x', tokenOrigins: ['https://api.x.com'] };
  const http = (extra: Partial<HttpOptions> = {}) =>
    createPlatformHttp({ policy: tokenPolicy, bearerToken: 'fictional-bearer', allowLoopback: true, maxAttempts: 1, sleep: async () => undefined, ...extra });
  /** The same server under another origin: `localhost` instead of 127.0.0.1. */
  const otherOrigin = () => server.baseUrl.replace('127.0.0.1', 'localhost');

  it('is not sent again after a redirect to another origin, nor its access_token parameter', async () => {
    server.route('/away', { status: 302, headers: { location: `${otherOrigin()}/landing?access_token=fictional-query-token&page=2` } });
    server.route('/landing', { body: { ok: true } });
    await http().getJson(`${server.baseUrl}/away`);
    const [asked, landed] = server.requests.slice(-2);
    expect(asked?.headers.authorization).toBe('Bearer fictional-bearer');
    expect(landed?.path).toBe('/landing');
    expect(landed?.headers.authorization).toBeUndefined();
    expect(landed?.query.get('access_token')).toBeNull();
    expect(landed?.query.get('page')).toBe('2');
  });

  it('is sent again after a redirect within the same origin', async () => {
    server.route('/here', { status: 301, headers: { location: '/there' } });
    server.route('/there', { body: { ok: true } });
    await http().getJson(`${server.baseUrl}/here`);
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer fictional-bearer');
  });

  it("refuses a base URL outside the platform's own origins before any request", async () => {
    const before = server.requests.length;
    const error = await http({ allowLoopback: false }).get('https://collector.harbourne.example/2/users/by/username/HarbourneTC').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UrlRefusedError);
    expect((error as Error).message).toBe(
      'refused collector.harbourne.example: the x token is only sent to https://api.x.com (the operator may allow another origin)',
    );
    expect(server.requests.length).toBe(before);
  });

  it('goes to an origin the operator allows', async () => {
    // No such host in DNS: the request is made (and fails as a network error), not refused for the token.
    const notFound: HttpOptions['resolve'] = (hostname, _options, callback) => callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
    const allowed = http({ allowLoopback: false, resolve: notFound, tokenOrigins: ['https://proxy.harbourne.example'] });
    await expect(allowed.get('https://proxy.harbourne.example/2/users/1/tweets')).rejects.toThrow(PlatformUnavailableError);
  });
});

describe('the URL policy', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'metadata (link-local)'],
    ['https://10.0.0.5/feed.xml', 'private'],
    ['https://192.168.1.1/', 'private'],
    ['https://[fd00:ec2::254]/', 'AWS metadata over IPv6'],
    ['https://[fe80::1]/', 'link-local IPv6'],
    ['http://example.org/feed.xml', 'plain http'],
    ['ftp://example.org/feed.xml', 'another scheme'],
    ['https://user:pass@example.org/', 'credentials in the URL'],
    ['https://127.0.0.1/', 'loopback when not allowed'],
  ])('refuses %s (%s)', (url) => {
    expect(() => checkUrl(url, false)).toThrow(UrlRefusedError);
  });

  it('accepts https to a public host, and http to loopback for local testing when allowed', () => {
    expect(checkUrl('https://mastodon.social/api/v1/accounts/lookup?acct=x', false).host).toBe('mastodon.social');
    expect(checkUrl('http://127.0.0.1:8080/feed.xml', true).port).toBe('8080');
  });

  it('classifies addresses', () => {
    expect(['8.8.8.8', '127.0.0.1', '172.20.1.1', '169.254.169.254', '0.0.0.0', '::ffff:10.1.2.3', '2a00:1450::1'].map(classifyAddress)).toEqual([
      'public', 'loopback', 'private', 'link-local', 'reserved', 'private', 'public',
    ]);
  });

  it('masks secret query parameters for messages', () => {
    expect(safeUrl('https://graph.facebook.com/v23.0/123/posts?access_token=EAAB&since=1')).toBe('https://graph.facebook.com/v23.0/123/posts?access_token=%E2%80%A2%E2%80%A2%E2%80%A2&since=1');
  });
});

describe('HTML to text', () => {
  it('keeps paragraphs and line breaks, drops tags, decodes entities', () => {
    expect(htmlToText('<p>Bins &amp; recycling</p><p>Tuesday<br>from 7am</p><script>x()</script>')).toBe('Bins & recycling\n\nTuesday\nfrom 7am');
  });

  it('lists link targets once each', () => {
    expect(linksInHtml('<a href="https://bit.ly/x" rel="nofollow">bit.ly/x</a> <a href=\'https://bit.ly/x\'>again</a> <a href="mailto:a@b.example">m</a>')).toEqual(['https://bit.ly/x']);
  });
});
