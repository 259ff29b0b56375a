import * as z from '../../zod';
import { answerTo, parsePayload } from '../parse-payload';
import type { Account } from '../../domain/account';
import type { Post } from '../../domain/post';
import {
  scanBounds,
  type AccountSearch,
  type Connector,
  type ConnectorDeps,
  type DiscoveredAccount,
  type FetchOptions,
  type FetchResult,
} from '../connector';
import type { PlatformHttp } from '../http/platform-http';
import { blueskyPolicy } from './policy';
import {
  AuthorFeedResponseSchema,
  REASON_PIN,
  REASON_REPOST,
  SearchActorsResponseSchema,
  type FeedViewPost,
} from './schemas';
import { feedItemId, profileUrl, toPost } from './to-post';

export const BLUESKY_APPVIEW = 'https://public.api.bsky.app';
/** The most getAuthorFeed and searchActors return per page. */
const PAGE_SIZE = 100;
/** A runaway guard: 100 pages is 10,000 items, far beyond any council's output between two scans. */
const MAX_PAGES = 100;
/** How many of the newest item ids the cursor remembers (ties in time, a deleted newest post). */
const SEEN_IDS = 20;
/** A feed time further ahead than this is a wrong clock: kept as a post, never used as a position (see fetchNewPosts). */
const FUTURE_SLACK_MS = 86_400_000;

/**
 * The cursor this connector stores: the newest feed time it has returned (the repost's time for a
 * repost, the AppView's indexedAt for a post) and the ids of the newest items. Paging stops at the
 * first item already seen, or at one older than `newest` (when the seen ones were deleted).
 */
const CursorSchema = z.object({
  v: z.literal(1),
  newest: z.iso.datetime({ offset: true }),
  seen: z.array(z.string()),
});
type Cursor = z.infer<typeof CursorSchema>;

/**
 * The Bluesky connector: an account's posts, replies and reposts from the public AppView's author
 * feed, newest first, paged back to what the previous scan saw.
 */
export function createBlueskyConnector(deps: ConnectorDeps): Connector & AccountSearch {
  let http: PlatformHttp | undefined;
  const client = () => (http ??= deps.http(blueskyPolicy));
  const apiBase = (override?: string) => (override ?? deps.baseUrl ?? BLUESKY_APPVIEW).replace(/\/+$/, '');

  return {
    /*
     * Primary course: read the previous cursor; page the author feed from the newest item, skipping
     * pins, until an item already seen, the bound (first scan: 14 days or 200 posts; --since,
     * --limit) or the end of the feed; map each item; return them oldest first with the new cursor.
     */
    async fetchNewPosts(account: Account, cursor: string | undefined, options: FetchOptions = {}): Promise<FetchResult> {
      const previous = readCursor(cursor);
      const now = deps.clock();
      const bounds = scanBounds(previous !== undefined, options, now);
      const floor = bounds.notBefore?.getTime();
      const cap = bounds.maxPosts ?? Number.POSITIVE_INFINITY;

      const handle = account.handle.trim().replace(/^@/, '');
      const councilAccount = `@${handle}`;
      const seen = new Set(previous?.seen ?? []);
      // A time more than a day ahead is a wrong clock, not a position in the feed: such a post is kept,
      // but it neither ends a scan nor moves the cursor (else it would sit on top and freeze it for good),
      // and a cursor already pushed into the future by one is not trusted for its time.
      const horizon = now.getTime() + FUTURE_SLACK_MS;
      const newestSeen = previous && Date.parse(previous.newest) <= horizon ? Date.parse(previous.newest) : undefined;
      const found: { item: FeedViewPost; id: string; time: string; future: boolean }[] = [];
      const futureSeen: string[] = [];
      const ids = new Set<string>();

      let pageCursor: string | undefined;
      // Whether the paging reached what was asked for (an item seen, the date, the feed's end) rather
      // than a bound on pages or posts: reconciliation reads a missing post as deleted only then.
      let complete = false;
      paging: for (let page = 0; page < MAX_PAGES && found.length < cap; page++) {
        const url = authorFeedUrl(apiBase(account.baseUrl), handle, pageCursor);
        const body = parse(AuthorFeedResponseSchema, await client().getJson(url), 'getAuthorFeed', url);
        for (const item of body.feed) {
          if (item.reason?.$type === REASON_PIN) continue; // the pinned post also appears in its own place
          if (item.reason !== undefined && item.reason.$type !== REASON_REPOST) continue; // a kind of item we do not know
          const id = feedItemId(item);
          const time = feedTime(item);
          const future = Date.parse(time) > horizon;
          if (seen.has(id)) {
            if (!future) {
              complete = true;
              break paging;
            }
            futureSeen.push(id);
            continue;
          }
          if ((!future && newestSeen !== undefined && Date.parse(time) < newestSeen) || (floor !== undefined && Date.parse(time) < floor)) {
            complete = true;
            break paging;
          }
          if (ids.has(id)) continue;
          ids.add(id);
          found.push({ item, id, time, future });
          if (found.length >= cap) break paging;
        }
        if (body.cursor === undefined || body.cursor === pageCursor || body.feed.length === 0) {
          complete = true;
          break;
        }
        pageCursor = body.cursor;
      }

      const posts: Post[] = found.map(({ item }) => toPost(item, councilAccount)).reverse();
      return { posts, cursor: found.length > 0 ? writeCursor(found, futureSeen, previous, newestSeen) : undefined, complete };
    },

    async searchAccounts(query: string, options: { baseUrl?: string; limit?: number } = {}): Promise<DiscoveredAccount[]> {
      const q = query.trim();
      const wanted = options.limit ?? 25;
      if (q === '' || wanted <= 0) return [];
      const accounts: DiscoveredAccount[] = [];
      let pageCursor: string | undefined;
      for (let page = 0; page < MAX_PAGES && accounts.length < wanted; page++) {
        const params = new URLSearchParams({ q, limit: String(Math.min(PAGE_SIZE, wanted - accounts.length)) });
        if (pageCursor) params.set('cursor', pageCursor);
        const url = `${apiBase(options.baseUrl)}/xrpc/app.bsky.actor.searchActors?${params}`;
        const body = parse(SearchActorsResponseSchema, await client().getJson(url), 'searchActors', url);
        for (const actor of body.actors) {
          accounts.push({
            platform: 'bluesky',
            handle: `@${actor.handle}`,
            ...(actor.displayName?.trim() ? { displayName: actor.displayName } : {}),
            profileUrl: profileUrl(actor),
          });
        }
        if (body.cursor === undefined || body.cursor === pageCursor || body.actors.length === 0) break;
        pageCursor = body.cursor;
      }
      return accounts.slice(0, wanted);
    },
  };
}

function authorFeedUrl(base: string, actor: string, cursor: string | undefined): string {
  const params = new URLSearchParams({ actor, limit: String(PAGE_SIZE), filter: 'posts_with_replies' });
  if (cursor !== undefined) params.set('cursor', cursor);
  return `${base}/xrpc/app.bsky.feed.getAuthorFeed?${params}`;
}

/** Where the item sits in the feed: when the council reposted, or when the AppView indexed the post. */
function feedTime(item: FeedViewPost): string {
  return item.reason?.$type === REASON_REPOST ? item.reason.indexedAt : item.post.indexedAt;
}

/** A cursor this connector did not write (or an older format) is treated as no cursor: a first scan. */
function readCursor(cursor: string | undefined): Cursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(cursor));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `found` is newest first. The newest time is that of the newest post not from the future, else the
 * previous cursor's (when trusted), else none at all (the epoch: the seen ids alone end the next scan).
 * The ids of future posts still on top of the feed stay first among those seen.
 */
function writeCursor(found: readonly { id: string; time: string; future: boolean }[], futureSeen: readonly string[], previous: Cursor | undefined, newestSeen: number | undefined): string {
  const times = found.filter(({ future }) => !future).map(({ time }) => Date.parse(time));
  const newest = times.length > 0 ? Math.max(...times) : (newestSeen ?? 0);
  const seen = [...new Set([...futureSeen, ...found.map(({ id }) => id), ...(previous?.seen ?? [])])].slice(0, SEEN_IDS);
  const cursor: Cursor = { v: 1, newest: new Date(newest).toISOString(), seen };
  return JSON.stringify(cursor);
}

/** Checks a response against its schema, or throws PlatformResponseError naming the URL and the fields. */
function parse<T>(schema: z.ZodMiniType<T>, body: unknown, what: string, url: string): T {
  return parsePayload(schema, body, answerTo('bluesky', url, what));
}
