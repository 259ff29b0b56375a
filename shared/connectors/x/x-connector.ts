import * as z from '../../zod';
import type { Account } from '../../domain/account';
import { ConnectorError } from '../../domain/errors';
import type { Post } from '../../domain/post';
import { scanBounds, type Connector, type ConnectorDeps, type FetchOptions, type FetchResult, type ScanBounds } from '../connector';
import { PlatformResponseError, PlatformTokenMissingError } from '../errors';
import { safeUrl } from '../http/create-http';
import type { PlatformHttp } from '../http/platform-http';
import { xPolicy } from './policy';
import { describeProblems, parseXPayload, XTimelineSchema, XUserLookupSchema, type XTweet } from './schemas';
import { tweetToPost, type XAuthor } from './to-post';

export const X_API = 'https://api.x.com';

/** The fields every timeline request asks for (PLATFORMS.md, X). */
const TIMELINE_FIELDS = {
  max_results: '100',
  'tweet.fields': 'created_at,entities,attachments,referenced_tweets,edit_history_tweet_ids',
  expansions: 'attachments.media_keys',
  'media.fields': 'alt_text,url,type',
} as const;

/** X's timeline holds at most the 3,200 newest tweets: 32 full pages. */
const MAX_PAGES = 32;
const USERNAME = /^\w{1,15}$/;

/**
 * The cursor: the account's numeric id (so that the username is looked up once) and the newest tweet
 * id seen, the next request's `since_id`. Written as JSON.
 */
const XCursorSchema = z.object({
  v: z.literal(1),
  userId: z.string().check(z.regex(/^\d+$/)),
  username: z.string(),
  name: z.optional(z.string()),
  sinceId: z.optional(z.string().check(z.regex(/^\d+$/))),
});
export type XCursor = z.infer<typeof XCursorSchema>;

/**
 * The X connector (API v2, app bearer token), primary course:
 * 1. resolve the handle to the account's id, unless the cursor already holds it;
 * 2. read the timeline newest first, `since_id` the cursor's newest tweet, following `next_token`;
 *    a first scan stops at DEFAULT_FIRST_SCAN (or FetchOptions.since / limit);
 * 3. map each tweet to a canonical post (t.co links expanded, media alt text, reply/repost/quote);
 * 4. return them oldest first with `meta.newest_id` as the next cursor.
 */
export function createXConnector(deps: ConnectorDeps): Connector {
  return {
    async fetchNewPosts(account: Account, cursor: string | undefined, options: FetchOptions = {}): Promise<FetchResult> {
      const username = usernameOf(account.handle);
      const token = await deps.token('x');
      if (!token) throw new PlatformTokenMissingError('x');
      const http = deps.http(xPolicy, token);
      const base = (account.baseUrl ?? deps.baseUrl ?? X_API).replace(/\/+$/, '');

      const previous = readCursor(cursor, username);
      const user = previous ?? (await lookUpUser(http, base, username));
      const bounds = scanBounds(previous?.sinceId !== undefined, options, deps.clock());
      const author: XAuthor = { handle: account.handle, username: user.username, ...(user.name ? { name: user.name } : {}) };

      const { posts, newestId } = await readTimeline(http, base, user.userId, previous?.sinceId, bounds, author);

      const next: XCursor = { ...user, ...(newer(newestId, previous?.sinceId) ? { sinceId: newestId } : {}) };
      const written = JSON.stringify(next);
      return { posts, cursor: written === cursor ? undefined : written };
    },
  };
}

async function readTimeline(
  http: PlatformHttp,
  base: string,
  userId: string,
  sinceId: string | undefined,
  bounds: ScanBounds,
  author: XAuthor,
): Promise<{ posts: Post[]; newestId: string | undefined }> {
  const newestFirst: { tweet: XTweet; post: Post }[] = [];
  let newestId: string | undefined;
  let paginationToken: string | undefined;
  let done = false;
  for (let page = 0; page < MAX_PAGES && !done; page++) {
    const params = new URLSearchParams(TIMELINE_FIELDS);
    if (sinceId) params.set('since_id', sinceId);
    if (paginationToken) params.set('pagination_token', paginationToken);
    const url = `${base}/2/users/${encodeURIComponent(userId)}/tweets?${params}`;
    const timeline = parseXPayload(XTimelineSchema, await http.getJson(url), url);
    if (timeline.data === undefined && timeline.meta === undefined) {
      throw new PlatformResponseError(`x: GET ${safeUrl(url)} returned no timeline: ${describeProblems(timeline.errors ?? [])}`);
    }

    for (const id of [timeline.meta?.newest_id, ...(timeline.data ?? []).map((t) => t.id)]) {
      if (id !== undefined && newer(id, newestId)) newestId = id;
    }
    for (const tweet of timeline.data ?? []) {
      if (bounds.notBefore && Date.parse(tweet.created_at) < bounds.notBefore.getTime()) {
        done = true; // newest first: everything after this is older still
        break;
      }
      newestFirst.push({ tweet, post: tweetToPost(tweet, timeline.includes, author) });
      if (bounds.maxPosts !== undefined && newestFirst.length >= bounds.maxPosts) {
        done = true;
        break;
      }
    }
    paginationToken = timeline.meta?.next_token;
    if (!paginationToken) done = true;
  }

  // An edited tweet and its earlier version share a post id: keep the latest version only.
  const seen = new Set<string>();
  const posts = newestFirst
    .sort((a, b) => compareIds(b.tweet.id, a.tweet.id))
    .filter(({ post }) => (seen.has(post.id) ? false : (seen.add(post.id), true)))
    .map(({ post }) => post)
    .reverse();
  return { posts, newestId };
}

async function lookUpUser(http: PlatformHttp, base: string, username: string): Promise<XCursor> {
  const url = `${base}/2/users/by/username/${encodeURIComponent(username)}`;
  const answer = parseXPayload(XUserLookupSchema, await http.getJson(url), url);
  if (!answer.data) {
    throw new PlatformResponseError(`x: no account @${username}: ${describeProblems(answer.errors ?? []) || 'the lookup returned no user'}`);
  }
  const { id, username: canonical, name } = answer.data;
  return { v: 1, userId: id, username: canonical, ...(name ? { name } : {}) };
}

/** The stored cursor, when it is ours and still for this username (a renamed account is looked up again). */
function readCursor(cursor: string | undefined, username: string): XCursor | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor);
  } catch {
    return undefined;
  }
  const result = XCursorSchema.safeParse(parsed);
  if (!result.success || result.data.username.toLowerCase() !== username.toLowerCase()) return undefined;
  return result.data;
}

/** `@harbournetc`, `harbournetc` or `https://x.com/harbournetc` → `harbournetc`. */
export function usernameOf(handle: string): string {
  const trimmed = handle.trim();
  const fromUrl = /^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/([^/?#]+)/i.exec(trimmed)?.[1];
  const username = (fromUrl ?? trimmed).replace(/^@/, '');
  if (!USERNAME.test(username)) throw new ConnectorError(`${JSON.stringify(handle)} is not an X username (letters, digits and _, at most 15)`);
  return username;
}

/** Tweet ids are 64-bit snowflakes: compare them as BigInt, never as numbers or strings. */
function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function newer(id: string | undefined, than: string | undefined): id is string {
  return id !== undefined && (than === undefined || compareIds(id, than) > 0);
}
