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

const ACCEPT = 'application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1';

/**
 * The cursor of a feed (JSON): the validators for a conditional GET, and short hashes of the entries
 * already returned, newest first. Every entry still in the feed is remembered, plus up to SEEN_LIMIT
 * that have dropped out of it.
 */
const FeedCursorSchema = z.object({
  v: z.literal(1),
  etag: z.optional(z.string()),
  lastModified: z.optional(z.string()),
  seen: z.array(z.string()),
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
  // Each entry's identity, hashed once; the first entry with an identity is the one kept. Sets and
  // maps throughout: a feed can hold tens of thousands of entries.
  const keyed = feed.entries.map((entry) => ({ entry, key: keyOf(entry, source.platform) }));
  const inFeed = new Set<string>();
  const fresh: Array<{ entry: FeedEntry; createdAt: string; time: number }> = [];
  for (const { entry, key } of keyed) {
    if (inFeed.has(key)) continue;
    inFeed.add(key);
    if (seen.has(key)) continue;
    const createdAt = parseFeedDate(entry.date) ?? feedDate ?? scan.now.toISOString();
    fresh.push({ entry, createdAt, time: Date.parse(createdAt) });
  }

  const bounds = scanBounds(previous !== undefined, options, scan.now);
  const wanted = fresh
    // Entries undated by the feed count as published now: they were not here at the last scan.
    .filter(({ time }) => bounds.notBefore === undefined || time >= bounds.notBefore.getTime())
    .sort((a, b) => b.time - a.time)
    .slice(0, bounds.maxPosts)
    .reverse();

  const remembered = [...inFeed, ...(previous?.seen ?? []).filter((k) => !inFeed.has(k))].slice(0, Math.max(SEEN_LIMIT, inFeed.size));
  const next: FeedCursor = {
    v: 1,
    ...optional('etag', response.header('etag')),
    ...optional('lastModified', response.header('last-modified')),
    seen: remembered,
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
