import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostBusyError, PlatformRateLimitedError } from '../../shared/connectors/errors';
import { feedPolicy } from '../../shared/connectors/feeds/policy';
import { createPlatformHttp } from '../../shared/connectors/http/create-http';
import { DEFAULT_HOST_LIMIT, HOST_LIMITS, hostLimit, inMemoryHostBudget, UNPACED, type HostBudget, type HostLimit } from '../../shared/connectors/http/host-budget';
import { startReplayServer, type ReplayServer } from '../support/replay-server';

const T0 = Date.parse('2026-11-23T08:00:00Z');

/** A clock that moves only when a budget sleeps, and the sleeps it was asked for. */
function fakeTime() {
  let now = T0;
  const sleeps: number[] = [];
  return {
    clock: () => new Date(now),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => void (now += ms),
    now: () => now,
    sleeps,
  };
}

/** The most grants found in any window of `perMs` (a window opening at each grant). */
function busiestWindow(grants: number[], perMs: number): number {
  return Math.max(...grants.map((start) => grants.filter((t) => t >= start && t < start + perMs).length));
}

describe('the limits table', () => {
  it('names the platform hosts, and gives every other host the default', () => {
    for (const host of ['mastodon.social', 'public.api.bsky.app', 'graph.facebook.com', 'api.x.com']) expect(HOST_LIMITS[host]).toBeDefined();
    expect(hostLimit('api.x.com')).toBe(HOST_LIMITS['api.x.com']);
    expect(hostLimit('Mastodon.Social')).toBe(HOST_LIMITS['mastodon.social']);
    expect(hostLimit('toot.harbourne.example')).toBe(DEFAULT_HOST_LIMIT);
    expect(hostLimit('www.harbourne-tc.example:8443')).toBe(DEFAULT_HOST_LIMIT);
  });

  it("keeps Mastodon's documented 300 requests in 5 minutes for mastodon.social and unknown hosts", () => {
    for (const limit of [HOST_LIMITS['mastodon.social']!, DEFAULT_HOST_LIMIT]) expect(limit.requests / (limit.perMs / 60_000)).toBeLessThanOrEqual(60);
  });

  it('does not pace replay servers on this machine', () => {
    expect(hostLimit('127.0.0.1:8080')).toBe(UNPACED);
    expect(hostLimit('[::1]:8080')).toBe(UNPACED);
    expect(hostLimit('localhost:3000')).toBe(UNPACED);
  });
});

describe('a host budget in memory', () => {
  const limit: HostLimit = { requests: 12, perMs: 60_000, burst: 3 };

  it('lets a burst through at once, then paces the rest so that no minute holds more than the limit', async () => {
    // Prepare
    const time = fakeTime();
    const budget = inMemoryHostBudget({ ...time, limits: () => limit });
    const grants: number[] = [];

    // Act
    for (let i = 0; i < 40; i += 1) {
      await budget.acquire('toot.harbourne.example');
      grants.push(time.now());
    }

    // Assess
    expect(grants.slice(0, 3)).toEqual([T0, T0, T0]);
    expect(grants[3]).toBeGreaterThan(T0);
    expect(busiestWindow(grants, limit.perMs)).toBeLessThanOrEqual(limit.requests);
    // and it does not crawl: once the burst is spent, a minute still holds all but the burst's worth
    const last = grants.at(-1)!;
    expect(grants.filter((t) => t > last - limit.perMs).length).toBeGreaterThanOrEqual(limit.requests - limit.burst);
  });

  it('keeps one budget per host: a host whose slots are spoken for does not slow another', async () => {
    // Prepare
    const time = fakeTime();
    const budget = inMemoryHostBudget({ ...time, limits: () => limit, maxWaitMs: 0 });
    for (let i = 0; i < limit.burst; i += 1) await budget.acquire('toot.harbourne.example');

    // Act
    const busy = budget.acquire('toot.harbourne.example').catch((error: unknown) => error);
    for (let i = 0; i < limit.burst; i += 1) await budget.acquire('www.harbourne-tc.example');

    // Assess
    expect(await busy).toBeInstanceOf(HostBusyError);
    expect(((await busy) as HostBusyError).host).toBe('toot.harbourne.example');
    expect(time.sleeps).toEqual([]);
  });

  it('pauses a host that asked for it, for as long as it asked, and that host alone', async () => {
    // Prepare
    const time = fakeTime();
    const budget = inMemoryHostBudget({ ...time, limits: () => UNPACED });

    // Act
    await budget.slowDown('mastodon.social', 30_000);
    await budget.acquire('public.api.bsky.app');
    const beforeMastodon = [...time.sleeps];
    await budget.acquire('mastodon.social');

    // Assess
    expect(beforeMastodon).toEqual([]);
    expect(time.sleeps).toEqual([30_000]);
  });

  it('keeps the longer of two pauses', async () => {
    const time = fakeTime();
    const budget = inMemoryHostBudget({ ...time, limits: () => UNPACED });
    await budget.slowDown('api.x.com', 40_000);
    await budget.slowDown('api.x.com', 5_000);
    await budget.acquire('api.x.com');
    expect(time.sleeps).toEqual([40_000]);
  });

  it('gives up with HostBusyError, saying until when, rather than wait longer than it may', async () => {
    // Prepare
    const time = fakeTime();
    const budget = inMemoryHostBudget({ ...time, limits: () => UNPACED, maxWaitMs: 5_000 });
    await budget.slowDown('mastodon.social', 240_000);

    // Act
    const error = await budget.acquire('mastodon.social').catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(HostBusyError);
    expect((error as HostBusyError).until.toISOString()).toBe('2026-11-23T08:04:00.000Z');
    expect((error as Error).message).toContain('mastodon.social');
    expect(time.sleeps).toEqual([]);
  });
});

describe('the HTTP client with a shared host budget', () => {
  let throttling: ReplayServer;
  let healthy: ReplayServer;
  beforeEach(async () => {
    [throttling, healthy] = await Promise.all([startReplayServer(), startReplayServer()]);
  });
  afterEach(() => Promise.all([throttling.close(), healthy.close()]));

  const feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbourne Town Council</title></channel></rss>';
  const hostOf = (server: ReplayServer) => new URL(server.baseUrl).host;
  const client = (budget: HostBudget, time: ReturnType<typeof fakeTime>) =>
    createPlatformHttp({ policy: feedPolicy('rss'), allowLoopback: true, hostBudget: budget, sleep: time.sleep, clock: time.clock, random: () => 1, timeoutMs: 2_000 });

  it("honours a 429's Retry-After before asking that host again, and slows no other host", async () => {
    // Prepare
    const time = fakeTime();
    const budget = inMemoryHostBudget({ ...time });
    throttling.route('/feed.xml', { status: 429, headers: { 'retry-after': '7' } }, { status: 200, body: feed });
    healthy.route('/feed.xml', { status: 200, body: feed });

    // Act
    const answer = await client(budget, time).get(`${throttling.baseUrl}/feed.xml`);
    const sleptForThrottlingHost = [...time.sleeps];
    await client(budget, time).get(`${healthy.baseUrl}/feed.xml`);

    // Assess
    expect(answer.status).toBe(200);
    expect(throttling.requests).toHaveLength(2);
    expect(sleptForThrottlingHost).toEqual([7_000]);
    expect(time.sleeps).toEqual([7_000]);
  });

  it('stops every client sharing the budget from asking a host that asked for a long pause, and lets them ask the others', async () => {
    // Prepare: two clients (two platforms, or two scans) on one budget that may wait 5 seconds
    const time = fakeTime();
    const budget = inMemoryHostBudget({ ...time, maxWaitMs: 5_000 });
    const [first, second] = [client(budget, time), client(budget, time)];
    throttling.route('/feed.xml', { status: 429, headers: { 'retry-after': '600' } });
    healthy.route('/feed.xml', { status: 200, body: feed });

    // Act
    const refused = await first.get(`${throttling.baseUrl}/feed.xml`).catch((e: unknown) => e);
    const refusedAgain = await second.get(`${throttling.baseUrl}/other-feed.xml`).catch((e: unknown) => e);
    const answers = await Promise.all([first.get(`${healthy.baseUrl}/feed.xml`), second.get(`${healthy.baseUrl}/feed.xml`)]);

    // Assess
    expect(refused).toBeInstanceOf(PlatformRateLimitedError);
    expect((refused as PlatformRateLimitedError).resetAt?.toISOString()).toBe('2026-11-23T08:10:00.000Z');
    expect(refusedAgain).toBeInstanceOf(PlatformRateLimitedError);
    expect((refusedAgain as Error).message).toContain(hostOf(throttling));
    expect(throttling.requests).toHaveLength(1); // the second client never reached it
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(healthy.requests).toHaveLength(2);
    expect(time.sleeps).toEqual([]);
  });

  it('paces requests to a host whose budget is spent, without slowing a host whose budget is not', async () => {
    // Prepare: the first host may take one request a minute; the second is not paced
    const time = fakeTime();
    const limits = (host: string): HostLimit => (host === hostOf(throttling) ? { requests: 2, perMs: 60_000, burst: 1 } : UNPACED);
    const budget = inMemoryHostBudget({ ...time, limits, maxWaitMs: 5_000 });
    throttling.route('/feed.xml', { status: 200, body: feed });
    healthy.route('/feed.xml', { status: 200, body: feed });
    const http = client(budget, time);

    // Act
    await http.get(`${throttling.baseUrl}/feed.xml`);
    const spent = await http.get(`${throttling.baseUrl}/feed.xml`).catch((e: unknown) => e);
    for (let i = 0; i < 5; i += 1) await http.get(`${healthy.baseUrl}/feed.xml`);

    // Assess
    expect(spent).toBeInstanceOf(PlatformRateLimitedError);
    expect(throttling.requests).toHaveLength(1);
    expect(healthy.requests).toHaveLength(5);
    expect(time.sleeps).toEqual([]);
  });
});
