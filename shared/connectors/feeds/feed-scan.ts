import { createHash } from 'node:crypto';
import * as z from '../../zod';
import type { Post } from '../../domain/post';
import { scanBounds, type FetchOptions, type FetchResult } from '../connector';
import type { HttpResponse, PlatformHttp } from '../http/platform-http';
import { decodeFeed } from './charset';
import { parseFeedDate } from './dates';
import { parseFeed, type FeedEntry } from './parse-feed';
import { entryIdentity, type FeedSource } from './to-post';

/** How many entry identities the cursor remembers beyond those still in the feed. */
export const SEEN_LIMIT = 300;

/**
 * How many entry identities the cursor remembers at most, the newest kept: 19 bytes each in its JSON,
 * so about 190 KB, well under DynamoDB's 400 KB item (a cursor past ~21,000 entries could not be
 * stored, and the account's scan failed on it every hour). A feed longer than this is remembered up to
 * a date instead (`before`).
 */
export const MAX_REMEMBERED = 10_000;

const ACCEPT = 'application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1';

/**
 * The cursor of a feed (JSON): the validators for a conditional GET, and short hashes of the entries
 * already returned, newest first. Every entry still in the feed is remembered, plus up to SEEN_LIMIT
 * that have dropped out of it, MAX_REMEMBERED in all. When the feed itself holds more, the older ones
 * are forgotten and `before` is the date of the newest of them: an entry dated then or earlier that is
 * not remembered was seen.
 */
const FeedCursorSchema = z.object({
  v: z.literal(1),
  etag: z.optional(z.string()),
  lastModified: z.optional(z.string()),
  seen: z.array(z.string()),
  before: z.optional(z.iso.datetime({ offset: true })),
});
export type FeedCursor = z.infer<typeof FeedCursorSchema>;

export interface FeedScan {
  http: PlatformHttp;
  url: string;
  /** Who publishes the feed; without an accountName, the feed's own title is used. */
  source: FeedSource;
  now: Date;
  toPost(entry: FeedEntry, source: FeedSource, createdAt: string): Post;
}

/**
 * Reads a feed once, primary course:
 * 1. GET it conditionally (ETag / Last-Modified from the cursor): a 304 means nothing new, cursor kept;
 * 2. decode it in its character set, parse RSS (0.9x, 1.0, 2.0) or Atom, and drop the entries already seen (by guid / id);
 * 3. a first scan keeps only DEFAULT_FIRST_SCAN's worth (FetchOptions.since / limit narrow any scan),
 *    yet remembers every entry, so that older ones are never reported later;
 * 4. return the new entries as posts, oldest first, with the new validators and identities as the cursor.
 */
export async function scanFeed(scan: FeedScan, cursor: string | undefined, options: FetchOptions = {}): Promise<FetchResult> {
  const previous = readCursor(cursor);
  const response = await scan.http.get(scan.url, {
    headers: { accept: ACCEPT },
    ...(previous?.etag ? { etag: previous.etag } : {}),
    ...(previous?.lastModified ? { lastModified: previous.lastModified } : {}),
  });
  if (response.status === 304) return { posts: [], cursor: undefined };

  const feed = parseFeed(feedText(response), response.url, scan.source.platform);
  // An entry whose date cannot be read is dated by the feed: its own build date, else the answer's
  // Last-Modified (neither is older than the entries). Only a feed that dates nothing at all has its
  // entries dated when first seen: they were not there at the last scan.
  const feedDate = parseFeedDate(feed.date) ?? parseFeedDate(response.header('last-modified'));
  const source: FeedSource = {
    ...scan.source,
    ...(scan.source.accountName || !feed.title ? {} : { accountName: feed.title }),
  };
  const seen = new Set(previous?.seen ?? []);
  const forgottenUpTo = previous?.before === undefined ? undefined : Date.parse(previous.before);
  // Each entry's identity, hashed once; the first entry with an identity is the one kept. Sets and
  // maps throughout: a feed can hold tens of thousands of entries.
  const keyed = feed.entries.map((entry) => ({ entry, key: keyOf(entry, source.platform) }));
  const inFeed: Array<{ key: string; time: number }> = [];
  const inFeedKeys = new Set<string>();
  const fresh: Array<{ entry: FeedEntry; createdAt: string; time: number }> = [];
  for (const { entry, key } of keyed) {
    if (inFeedKeys.has(key)) continue;
    inFeedKeys.add(key);
    const createdAt = parseFeedDate(entry.date) ?? feedDate ?? scan.now.toISOString();
    const time = Date.parse(createdAt);
    inFeed.push({ key, time });
    if (seen.has(key) || (forgottenUpTo !== undefined && time <= forgottenUpTo)) continue;
    fresh.push({ entry, createdAt, time });
  }

  const bounds = scanBounds(previous !== undefined, options, scan.now);
  const wanted = fresh
    // Entries undated by the feed count as published now: they were not here at the last scan.
    .filter(({ time }) => bounds.notBefore === undefined || time >= bounds.notBefore.getTime())
    .sort((a, b) => b.time - a.time)
    .slice(0, bounds.maxPosts)
    .reverse();

  // The feed's entries newest first (a stable sort keeps the feed's order among equal dates), then
  // those that dropped out of it; the oldest of the feed's own are forgotten past MAX_REMEMBERED.
  const byDate = [...inFeed].sort((a, b) => b.time - a.time);
  const forgotten = byDate[MAX_REMEMBERED];
  const remembered = [...byDate.map((e) => e.key), ...(previous?.seen ?? []).filter((k) => !inFeedKeys.has(k))].slice(
    0,
    Math.min(MAX_REMEMBERED, Math.max(SEEN_LIMIT, inFeed.length)),
  );
  const next: FeedCursor = {
    v: 1,
    ...optional('etag', response.header('etag')),
    ...optional('lastModified', response.header('last-modified')),
    seen: remembered,
    ...(forgotten ? { before: new Date(forgotten.time).toISOString() } : {}),
  };
  const written = JSON.stringify(next);
  return { posts: wanted.map(({ entry, createdAt }) => scan.toPost(entry, source, createdAt)), cursor: written === cursor ? undefined : written };
}

/**
 * The feed as text, in its own character set (see decodeFeed) when the HTTP client hands over the
 * body's bytes; a client that decoded them already as UTF-8 gives its text.
 */
function feedText(response: HttpResponse): string {
  return response.bytes instanceof Uint8Array ? decodeFeed(response.bytes, response.header('content-type')) : response.text;
}

/** A short, fixed-length form of an entry's identity, so that the cursor stays small. */
function keyOf(entry: FeedEntry, platform: FeedSource['platform']): string {
  return createHash('sha256').update(entryIdentity(entry, platform)).digest('base64url').slice(0, 16);
}

/** A cursor this connector wrote, or undefined (a first scan) for anything else. */
function readCursor(cursor: string | undefined): FeedCursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const result = FeedCursorSchema.safeParse(JSON.parse(cursor));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}
