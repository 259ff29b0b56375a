import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBlueskyConnector } from '../../shared/connectors/bluesky/bluesky-connector';
import type { Connector, ConnectorDeps } from '../../shared/connectors/connector';
import { createFacebookConnector } from '../../shared/connectors/facebook/facebook-connector';
import { safeUrl } from '../../shared/connectors/http/create-http';
import type { HttpResponse, PlatformHttp } from '../../shared/connectors/http/platform-http';
import { createInstagramConnector } from '../../shared/connectors/instagram/instagram-connector';
import { createMastodonConnector } from '../../shared/connectors/mastodon/mastodon-connector';
import { createXConnector } from '../../shared/connectors/x/x-connector';
import type { Account } from '../../shared/domain/account';
import { ConnectorError } from '../../shared/domain/errors';
import type { Platform } from '../../shared/domain/post';
import { parsePost } from '../../shared/domain/post';
import { parsePayload } from '../../shared/connectors/parse-payload';
import * as z from '../../shared/zod';
import { jsonMutations, mutateJson } from '../support/mutate';
import { recordedAnswers } from '../support/recorded-answers';

// Whatever a platform answers, each JSON connector either maps it to canonical posts or refuses it
// with a ConnectorError that names the URL it asked (and, for a changed shape, the field): never a
// TypeError from deep inside a mapping. The answers are recorded pages, mutated (a value replaced,
// dropped, wrapped or stringified), and arbitrary JSON. Answers are served by a stub of the polite
// HTTP client, so that a hundred runs take no real requests; the client's own behaviour has its tests.

const NOW = new Date('2026-03-10T12:00:00Z');
const BASE = 'https://api.harbourne.example';
const RUNS = { numRuns: 150 };

interface Case {
  platform: Platform;
  create(deps: ConnectorDeps): Connector;
  handle: string;
  /** The recorded answer each request path gets (the first match), and the page that is mutated. */
  answers: Array<[RegExp, unknown]>;
  timeline: RegExp;
  page: unknown;
  /** What every later page of the timeline gets: the end. */
  empty: unknown;
}

const answer = (platform: string, name: string): unknown => recordedAnswers(platform).fixture(name).body;

const CASES: Case[] = [
  {
    platform: 'mastodon',
    create: createMastodonConnector,
    handle: '@harbournetc@mastodon.social',
    answers: [[/\/api\/v1\/accounts\/lookup/, answer('mastodon', 'lookup')]],
    timeline: /\/api\/v1\/accounts\/[^/]+\/statuses/,
    page: answer('mastodon', 'statuses-page-1'),
    empty: [],
  },
  {
    platform: 'bluesky',
    create: createBlueskyConnector,
    handle: '@harbournetc.bsky.social',
    answers: [],
    timeline: /app\.bsky\.feed\.getAuthorFeed/,
    page: answer('bluesky', 'author-feed-page-1'),
    empty: { feed: [] },
  },
  {
    platform: 'facebook',
    create: createFacebookConnector,
    handle: '104857600000001',
    answers: [],
    timeline: /\/posts/,
    page: answer('facebook', 'posts-page-1'),
    empty: answer('facebook', 'posts-empty'),
  },
  {
    platform: 'instagram',
    create: createInstagramConnector,
    handle: '17841400000000001',
    answers: [],
    timeline: /\/media/,
    page: answer('instagram', 'media-page-1'),
    empty: { data: [] },
  },
  {
    platform: 'x',
    create: createXConnector,
    handle: '@HarbourneTC',
    answers: [[/\/2\/users\/by\/username\//, answer('x', 'user-lookup')]],
    timeline: /\/2\/users\/\d+\/tweets/,
    page: answer('x', 'timeline-page-1'),
    empty: answer('x', 'timeline-empty'),
  },
];

/** Scans the account once with the timeline's first page answered by `page`; the URL of that page is kept. */
async function scanWith(c: Case, page: unknown): Promise<{ outcome: unknown; timelineUrl: string | undefined }> {
  let timelineUrl: string | undefined;
  const body = (url: string): unknown => {
    if (c.timeline.test(url)) {
      if (timelineUrl !== undefined) return c.empty;
      timelineUrl = url;
      return page;
    }
    return c.answers.find(([path]) => path.test(url))?.[1] ?? c.empty;
  };
  const respond = (url: string): HttpResponse => {
    const text = JSON.stringify(body(url)) ?? 'null';
    return { status: 200, url, text, header: () => undefined };
  };
  const http: PlatformHttp = {
    get: async (url) => respond(url),
    getJson: async (url) => JSON.parse(respond(url).text) as unknown,
  };
  const deps: ConnectorDeps = { http: () => http, token: async () => 'a-test-token', clock: () => NOW, baseUrl: BASE };
  const account: Account = { platform: c.platform, handle: c.handle, status: 'active', registeredAt: '2025-04-01T09:00:00Z' };
  try {
    const { posts } = await c.create(deps).fetchNewPosts(account, undefined, { firstScan: { days: 100_000, maxPosts: 1_000 } });
    for (const post of posts) parsePost(post);
    return { outcome: posts, timelineUrl };
  } catch (error) {
    return { outcome: error, timelineUrl };
  }
}

/** A refusal is a ConnectorError naming the URL asked; a changed shape names its fields. */
function expectMappedOrRefused({ outcome, timelineUrl }: { outcome: unknown; timelineUrl: string | undefined }): void {
  if (Array.isArray(outcome)) return;
  if (!(outcome instanceof ConnectorError)) throw outcome;
  expect(timelineUrl).toBeDefined();
  expect(outcome.message).toContain(safeUrl(timelineUrl!));
  if (outcome.message.includes('unexpected shape')) expect(outcome.message).toMatch(/unexpected shape: \S/);
}

/** Personal data a malformed payload may hold: none of it may reach a message (stored, and mailed in the digest). */
const PERSONAL = 'Ring Mrs Example on 07700 900123';
const personalMutations = fc.array(
  fc.record({
    at: fc.nat(),
    op: fc.constant('replace' as const),
    value: fc.constantFrom<unknown>(PERSONAL, [PERSONAL], { text: PERSONAL, id: PERSONAL }, 7700900123, { nested: [PERSONAL] }),
  }),
  { minLength: 1, maxLength: 3 },
);

describe.each(CASES)('the $platform connector, given any answer', (c) => {
  it('refuses a malformed payload naming its fields and their types, never a value from it', async () => {
    let refusals = 0;
    await fc.assert(
      fc.asyncProperty(personalMutations, async (mutations) => {
        const scanned = await scanWith(c, mutateJson(c.page, mutations));
        expectMappedOrRefused(scanned);
        if (Array.isArray(scanned.outcome)) return;
        refusals += 1;
        const { message } = scanned.outcome as Error;
        for (const piece of ['07700', '7700900123', 'Mrs Example']) expect(message).not.toContain(piece);
      }),
      RUNS,
    );
    expect(refusals).toBeGreaterThan(0);
  });


  it('maps the recorded page as it is', async () => {
    const { outcome } = await scanWith(c, c.page);

    expect(Array.isArray(outcome) && outcome.length > 0).toBe(true);
  });

  it('maps a mutated page to valid posts, or refuses it naming the URL and the field', async () => {
    await fc.assert(
      fc.asyncProperty(jsonMutations, async (mutations) => {
        expectMappedOrRefused(await scanWith(c, mutateJson(c.page, mutations)));
      }),
      RUNS,
    );
  });

  it('refuses arbitrary JSON naming the URL', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (page) => {
        expectMappedOrRefused(await scanWith(c, page));
      }),
      { numRuns: 100 },
    );
  });
});

describe('a payload nested deeper than the stack', () => {
  it('is refused with the platform error naming the answer, not a bare RangeError', () => {
    // A recursive schema (as a reply thread is) over an object nested far deeper than any real answer.
    type Node = { child?: Node };
    const NodeSchema: z.ZodMiniType<Node> = z.looseObject({ get child() { return z.optional(NodeSchema); } });
    let deep: Node = {};
    for (let level = 0; level < 100_000; level++) deep = { child: deep };
    const source = `bluesky: the getPostThread answer to GET ${BASE}/xrpc/app.bsky.feed.getPostThread`;

    expect(() => parsePayload(NodeSchema, deep, source)).toThrow(`${source} is nested too deeply to read`);
  });
});
