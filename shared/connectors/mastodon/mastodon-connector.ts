import * as z from '../../zod';
import { answerTo, parsePayload } from '../parse-payload';
import { normaliseHandle, type Account } from '../../domain/account';
import type { Post } from '../../domain/post';
import {
  DEFAULT_FIRST_SCAN,
  type AccountSearch,
  type Connector,
  type ConnectorDeps,
  type DiscoveredAccount,
  type FetchOptions,
  type FetchResult,
} from '../connector';
import { PlatformResponseError } from '../errors';
import { safeUrl } from '../http/create-http';
import type { HttpResponse, PlatformHttp } from '../http/platform-http';
import { parseJson } from '../http/parse-json';
import { compareIds, parseMastodonHandle, qualifiedHandle } from './handles';
import { mastodonPolicy } from './policy';
import { MastodonAccountSchema, MastodonSearchSchema, MastodonStatusesSchema, type MastodonStatus } from './schemas';
import { statusToPost } from './to-post';

/** Mastodon's largest page of statuses. */
const PAGE_SIZE = 40;
/**
 * A bound on pages per fetch (2,000 statuses), so that a server whose `next` link never ends cannot
 * hold a scan forever. Reaching it behaves like the first-scan bound: the newest statuses are returned.
 */
const MAX_PAGES = 50;
/** Where account search goes when no instance is named. */
const DEFAULT_SEARCH_INSTANCE = 'https://mastodon.social';
/** Visibilities anyone can read without following the account; `private` and `direct` are never scanned. */
const PUBLIC_VISIBILITIES = new Set(['public', 'unlisted']);

/**
 * What the connector remembers between scans, stored as JSON:
 * `{"v":1,"handle":"@harbournetc@mastodon.social","accountId":"109…","sinceId":"113…"}`.
 * `accountId` saves the lookup; `sinceId` is the newest status already seen (absent until one is).
 */
const MastodonCursorSchema = z.object({
  v: z.literal(1),
  handle: z.string(),
  accountId: z.string().check(z.minLength(1)),
  sinceId: z.optional(z.string().check(z.minLength(1))),
});
type MastodonCursor = z.infer<typeof MastodonCursorSchema>;

/**
 * Mastodon through its public REST API, no token: an account's statuses from its own instance
 * (`@user@instance` → `https://instance`, unless the account or the deps name a base URL), and account
 * search on one instance.
 *
 * Primary course of fetchNewPosts:
 * 1. read the cursor, or look the account id up (`/api/v1/accounts/lookup`);
 * 2. page `/api/v1/accounts/:id/statuses` newest first (`since_id` = the cursor, then each `next` link's
 *    `max_id`) until the cursor, the end, or the first-scan bound (14 days or 200 posts by default);
 * 3. keep public and unlisted statuses, map them to canonical posts, oldest first;
 * 4. return the new cursor: the newest status seen, or the newest returned when `limit` cut the list.
 *
 * Only the `max_id` of a `next` link is used: the request is rebuilt on the account's own instance, so
 * a link cannot send the connector anywhere else.
 */
export function createMastodonConnector(deps: ConnectorDeps): Connector & AccountSearch {
  const http = deps.http(mastodonPolicy);

  async function fetchNewPosts(account: Account, cursor: string | undefined, options: FetchOptions = {}): Promise<FetchResult> {
    const { instance, username } = parseMastodonHandle(account.handle);
    const base = trimSlash(account.baseUrl ?? deps.baseUrl ?? `https://${instance}`);
    const previous = readCursor(cursor, account.handle);
    const accountId = previous?.accountId ?? (await lookUpAccountId(http, base, username, account.handle));
    const sinceId = previous?.sinceId;

    const now = deps.clock();
    const firstScan = sinceId === undefined ? (options.firstScan ?? DEFAULT_FIRST_SCAN) : undefined;
    const notBefore = latest(firstScan && new Date(now.getTime() - firstScan.days * 86_400_000), options.since);
    // Without a cursor the newest posts are wanted, so the count bounds the paging; with one, every
    // post since the cursor is read, and a limit keeps the oldest of them so that the cursor leaves no gap.
    const newestCount = firstScan ? Math.min(firstScan.maxPosts, options.limit ?? Infinity) : undefined;

    const statuses: MastodonStatus[] = [];
    let newestSeen: string | undefined;
    let maxId: string | undefined;
    // Whether the listing reached what was asked for (the cursor, the date, the account's first
    // status) rather than a bound on pages or posts.
    let complete = false;
    paging: for (let page = 1; page <= MAX_PAGES; page++) {
      const url = statusesUrl(base, accountId, sinceId, maxId);
      const response = await http.get(url);
      const batch = parseBody(response, MastodonStatusesSchema);
      for (const status of batch) {
        if ((sinceId !== undefined && compareIds(status.id, sinceId) <= 0) || (notBefore && Date.parse(status.created_at) < notBefore.getTime())) {
          complete = true;
          break paging;
        }
        if (newestSeen === undefined || compareIds(status.id, newestSeen) > 0) newestSeen = status.id;
        if (!PUBLIC_VISIBILITIES.has(status.visibility)) continue;
        statuses.push(status);
        if (newestCount !== undefined && statuses.length >= newestCount) break paging;
      }
      const next = nextMaxId(response);
      if (batch.length === 0 || next === undefined) {
        complete = true;
        break;
      }
      if (maxId !== undefined && compareIds(next, maxId) >= 0) {
        throw new PlatformResponseError(`mastodon: the next link of GET ${safeUrl(url)} does not move back (max_id ${next})`);
      }
      maxId = next;
    }

    const author = { handle: account.handle, instance };
    let posts: Post[] = statuses.map((s) => statusToPost(s, author)).reverse();
    let newest = newestSeen;
    if (newestCount === undefined && options.limit !== undefined && posts.length > options.limit) {
      posts = posts.slice(0, options.limit);
      newest = posts[posts.length - 1]!.id;
      complete = false;
    }

    const next: MastodonCursor = { v: 1, handle: account.handle, accountId, ...((newest ?? sinceId) ? { sinceId: newest ?? sinceId } : {}) };
    const changed = !previous || previous.sinceId !== next.sinceId;
    return { posts, cursor: changed ? JSON.stringify(next) : undefined, complete };
  }

  async function searchAccounts(query: string, options: { baseUrl?: string; limit?: number } = {}): Promise<DiscoveredAccount[]> {
    if (query.trim() === '') return [];
    const base = trimSlash(options.baseUrl ?? deps.baseUrl ?? DEFAULT_SEARCH_INSTANCE);
    const params = new URLSearchParams({ q: query.trim(), type: 'accounts' });
    if (options.limit !== undefined) params.set('limit', String(Math.max(1, Math.min(40, options.limit))));
    const response = await http.get(`${base}/api/v2/search?${params}`);
    const result = parseBody(response, MastodonSearchSchema);
    return result.accounts.map((found) => ({
      platform: 'mastodon' as const,
      handle: qualifiedHandle(found.acct, hostOf(found.url) ?? hostOf(base)!),
      ...(found.display_name.trim() ? { displayName: found.display_name.trim() } : {}),
      profileUrl: found.url,
    }));
  }

  return { fetchNewPosts, searchAccounts };
}

async function lookUpAccountId(http: PlatformHttp, base: string, username: string, handle: string): Promise<string> {
  const response = await http.get(`${base}/api/v1/accounts/lookup?${new URLSearchParams({ acct: username })}`).catch((error: unknown) => {
    if (error instanceof PlatformResponseError) {
      throw new PlatformResponseError(`mastodon: cannot find ${handle} on its instance: ${error.message}`, { cause: error });
    }
    throw error;
  });
  return parseBody(response, MastodonAccountSchema).id;
}

function statusesUrl(base: string, accountId: string, sinceId: string | undefined, maxId: string | undefined): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (sinceId !== undefined) params.set('since_id', sinceId);
  if (maxId !== undefined) params.set('max_id', maxId);
  return `${base}/api/v1/accounts/${encodeURIComponent(accountId)}/statuses?${params}`;
}

/** The `max_id` of the `Link: <…>; rel="next"` URL, if any. */
function nextMaxId(response: HttpResponse): string | undefined {
  const link = response.header('link');
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!match || !/\brel\s*=\s*"?next"?/i.test(match[2]!)) continue;
    try {
      return new URL(match[1]!).searchParams.get('max_id') ?? undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The body as JSON checked against a schema, or a PlatformResponseError naming the URL and the fields that changed. */
function parseBody<S extends z.ZodMiniType>(response: HttpResponse, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = parseJson(response.text);
  } catch (error) {
    throw new PlatformResponseError(`mastodon: the answer to GET ${safeUrl(response.url)} is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  return parsePayload(schema, json, answerTo('mastodon', response.url));
}

/** The cursor this connector wrote for this handle; anything else (another handle, an older format) means starting afresh. */
function readCursor(cursor: string | undefined, handle: string): MastodonCursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const result = MastodonCursorSchema.safeParse(JSON.parse(cursor));
    return result.success && normaliseHandle(result.data.handle) === normaliseHandle(handle) ? result.data : undefined;
  } catch {
    return undefined;
  }
}

function latest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}
