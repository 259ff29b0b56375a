import * as z from '../../zod';
import { answerTo, parsePayload } from '../parse-payload';
import type { Account } from '../../domain/account';
import type { Post } from '../../domain/post';
import { DEFAULT_FIRST_SCAN, type ConnectorDeps, type FetchOptions, type FetchResult } from '../connector';
import { PlatformResponseError, PlatformTokenMissingError } from '../errors';
import { safeUrl } from '../http/create-http';
import { advanceGraphCursor, decodeGraphCursor } from './cursor';
import { graphPolicy } from './policy';
import { parseGraphTime } from './time';

export const GRAPH_API_ORIGIN = 'https://graph.facebook.com';
export const GRAPH_API_VERSION = 'v23.0';
/** Posts asked for per page: attachments make Facebook pages heavy, and 50 stays well inside its limits. */
export const GRAPH_PAGE_SIZE = 50;
/** A timeline that keeps offering a next page this many times is looping, not long. */
const MAX_PAGES = 200;

const VERSION_SEGMENT = /^\/v\d+(?:\.\d+)?(?=\/|$)/;

/** One page of a Graph API edge: `{ data: [...], paging: { cursors: { before, after }, next, previous } }`. */
export function graphPageSchema<T extends z.ZodMiniType>(item: T) {
  return z.looseObject({
    data: z.array(item),
    paging: z.optional(
      z.looseObject({
        cursors: z.optional(z.looseObject({ before: z.optional(z.string()), after: z.optional(z.string()) })),
        next: z.optional(z.string()),
        previous: z.optional(z.string()),
      }),
    ),
  });
}
export interface GraphPage<T> {
  data: T[];
  paging?: { next?: string | undefined } | undefined;
}

/** Parses a payload, or throws PlatformResponseError naming the URL and each field that did not match. */
export function parseGraphPayload<S extends z.ZodMiniType>(platform: string, schema: S, input: unknown, url: string): z.infer<S> {
  return parsePayload(schema, input, answerTo(platform, url));
}

/**
 * The API root requests go to: the account's base URL, else the deployment's, else graph.facebook.com,
 * with the default version appended unless the URL already ends in one (`…/v24.0`).
 */
export function graphApiRoot(account: Pick<Account, 'baseUrl'>, deps: Pick<ConnectorDeps, 'baseUrl'>): string {
  const url = new URL(account.baseUrl ?? deps.baseUrl ?? GRAPH_API_ORIGIN);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${/\/v\d+(?:\.\d+)?$/.test(path) ? path : `${path}/${GRAPH_API_VERSION}`}`;
}

/**
 * A `paging.next` URL moved onto our API root: its path (less the version) and query are kept, its
 * origin is not, so the token only ever goes to the host the account is configured for; an
 * `access_token` parameter is dropped (the token travels in the Authorization header).
 */
export function nextPageUrl(platform: string, next: string, root: string, askedUrl?: string): string {
  let parsed: URL;
  try {
    parsed = new URL(next);
  } catch (error) {
    // Named by the answer it came in and its field, never by its value: what is not a URL cannot
    // have its access_token masked.
    const where = askedUrl === undefined ? platform : answerTo(platform, askedUrl);
    throw new PlatformResponseError(`${where} has an unexpected shape: paging.next: is not a URL`, { cause: error });
  }
  if (parsed.searchParams.has('access_token')) parsed.searchParams.delete('access_token');
  return `${root}${parsed.pathname.replace(VERSION_SEGMENT, '')}${parsed.search}`;
}

/** What differs between the Graph API timelines (a Page's posts, an Instagram user's media). */
export interface GraphTimeline<T> {
  platform: 'facebook' | 'instagram';
  pageSchema: z.ZodMiniType<GraphPage<T>>;
  /** The first page's URL, given the API root, the earliest second wanted and how many posts to ask for. */
  firstPageUrl(root: string, window: { sinceSecond: number; pageSize: number }): string;
  idOf(item: T): string;
  /** The item's Graph API timestamp. */
  timeOf(item: T): string;
  toPost(item: T): Post;
}

/**
 * Primary course of a Graph API scan:
 * 1. the window: from the cursor (its second, less the ids already seen there), else the first-scan
 *    bound (days and posts); narrowed by --since and --limit;
 * 2. page newest-first through `paging.next` until a page ends before the window, the post budget is
 *    spent, or there is no next page;
 * 3. de-duplicate on id, return oldest first, and the cursor at the newest post.
 */
export async function fetchGraphTimeline<T>(
  deps: ConnectorDeps,
  account: Account,
  cursor: string | undefined,
  options: FetchOptions | undefined,
  timeline: GraphTimeline<T>,
): Promise<FetchResult> {
  const { platform } = timeline;
  const previous = cursor === undefined ? undefined : decodeGraphCursor(platform, cursor);
  const token = await deps.token(platform);
  if (!token) throw new PlatformTokenMissingError(platform);

  try {
    const firstScan = options?.firstScan ?? DEFAULT_FIRST_SCAN;
    const now = deps.clock().getTime();
    let earliestMs = previous ? previous.newestSecond * 1000 : now - firstScan.days * 86_400_000;
    if (options?.since) earliestMs = Math.max(earliestMs, options.since.getTime());
    const budget = Math.min(options?.limit ?? Number.POSITIVE_INFINITY, previous ? Number.POSITIVE_INFINITY : firstScan.maxPosts);

    const http = deps.http(graphPolicy(platform), token);
    const root = graphApiRoot(account, deps);
    const found = new Map<string, { item: T; ms: number }>();
    const requested = new Set<string>();
    let url: string | undefined =
      budget > 0
        ? timeline.firstPageUrl(root, { sinceSecond: Math.floor(earliestMs / 1000), pageSize: Math.min(GRAPH_PAGE_SIZE, budget) })
        : undefined;

    // Whether a post of the window was left out for the budget: the listing is then not complete.
    let cut = false;
    while (url !== undefined && found.size < budget) {
      if (requested.has(url) || requested.size >= MAX_PAGES) {
        throw new PlatformResponseError(`${platform}: paging did not come to an end (${requested.size} pages, at GET ${safeUrl(url)})`);
      }
      requested.add(url);
      const page = parseGraphPayload(platform, timeline.pageSchema, await http.getJson(url), url);
      let oldestMs = Number.POSITIVE_INFINITY;
      for (const item of page.data) {
        const ms = parseGraphTime(timeline.timeOf(item)).getTime();
        oldestMs = Math.min(oldestMs, ms);
        const id = timeline.idOf(item);
        if (ms < earliestMs || found.has(id)) continue;
        if (found.size >= budget) {
          cut = true;
          continue;
        }
        if (previous && Math.floor(ms / 1000) === previous.newestSecond && previous.ids.has(id)) continue;
        found.set(id, { item, ms });
      }
      // A page that reaches back before the window ends the scan; judged on the page's oldest post so
      // that one old post out of order (a pinned one) does not cut a scan short.
      const endedBefore = page.data.length > 0 && oldestMs < earliestMs;
      url = endedBefore || page.data.length === 0 || !page.paging?.next ? undefined : nextPageUrl(platform, page.paging.next, root, url);
    }

    const ordered = [...found.entries()].sort(([a, x], [b, y]) => x.ms - y.ms || (a < b ? -1 : a > b ? 1 : 0));
    return {
      posts: ordered.map(([, { item }]) => timeline.toPost(item)),
      cursor: advanceGraphCursor(previous, ordered.map(([id, { ms }]) => ({ id, second: Math.floor(ms / 1000) }))),
      // Complete when the paging came to its end (before the window, an empty page, no next page), not the budget.
      complete: url === undefined && !cut,
    };
  } catch (error) {
    throw withoutSecret(error, token);
  }
}

/** Belt and braces: whatever went wrong, the token is not repeated in the message or the stack. */
function withoutSecret(error: unknown, token: string): unknown {
  if (error instanceof Error && token.length >= 8) {
    if (error.message.includes(token)) error.message = error.message.split(token).join('•••');
    if (error.stack?.includes(token)) error.stack = error.stack.split(token).join('•••');
  }
  return error;
}
