import type { Account } from '../domain/account';
import type { Platform, Post } from '../domain/post';
import type { PlatformHttp, PlatformPolicy } from './http/platform-http';

export interface FetchResult {
  /** New (or edited) posts since the cursor, oldest first. */
  posts: Post[];
  /** The cursor to store once every post above is stored; undefined when nothing new was seen. */
  cursor: string | undefined;
  /**
   * True only when the connector knows it listed every post the fetch asked for: paging reached the
   * cursor, the `since`/first-scan date, or the account's oldest post, and no bound (pages, posts,
   * `limit`) cut it short. Reconciliation reads a post missing from a listing as deleted only then;
   * absent (a connector that cannot tell) counts as incomplete.
   */
  complete?: boolean;
}

export interface FetchOptions {
  /** Without a cursor (a new account), how far back to go: by default 14 days or 200 posts, whichever is fewer. */
  firstScan?: { days: number; maxPosts: number };
  /** Only posts at or after this instant (the `fetch` command's --since). */
  since?: Date;
  /** At most this many posts (the `fetch` command's --limit). */
  limit?: number;
}

export const DEFAULT_FIRST_SCAN = { days: 14, maxPosts: 200 } as const;

export interface ScanBounds {
  /** Posts created before this are not wanted. */
  notBefore: Date | undefined;
  /** At most this many posts (the newest), when bounded. */
  maxPosts: number | undefined;
}

/** How far back a fetch goes: a first scan (no cursor) by its bound, any scan by `since` and `limit`. */
export function scanBounds(incremental: boolean, options: FetchOptions, now: Date): ScanBounds {
  const firstScan = options.firstScan ?? DEFAULT_FIRST_SCAN;
  const floor = incremental ? undefined : new Date(now.getTime() - firstScan.days * 86_400_000);
  const notBefore = [floor, options.since].filter((d): d is Date => d !== undefined).sort((a, b) => b.getTime() - a.getTime())[0];
  const limits = [incremental ? undefined : firstScan.maxPosts, options.limit].filter((n): n is number => n !== undefined);
  return { notBefore, maxPosts: limits.length > 0 ? Math.min(...limits) : undefined };
}

/**
 * The connector port: one platform's posts as canonical posts, incrementally. The cursor is opaque
 * to everyone but the connector that wrote it. Implementations throw ConnectorError subclasses
 * (shared/connectors/errors.ts) when the platform cannot deliver.
 */
export interface Connector {
  fetchNewPosts(account: Account, cursor: string | undefined, options?: FetchOptions): Promise<FetchResult>;
}

/** An account found by searching a platform, for impostor discovery. */
export interface DiscoveredAccount {
  platform: Platform;
  handle: string;
  displayName?: string;
  profileUrl?: string;
}

/** Platforms whose public search finds accounts by name (Mastodon, Bluesky). */
export interface AccountSearch {
  searchAccounts(query: string, options?: { baseUrl?: string; limit?: number }): Promise<DiscoveredAccount[]>;
}

/** What every platform connector is built with. */
export interface ConnectorDeps {
  /** Builds the platform's polite HTTP client (see PlatformHttp), with a token where the platform needs one. */
  http(policy: PlatformPolicy, bearerToken?: string): PlatformHttp;
  /** The platform's token, from Secrets Manager, the environment or a local file; undefined when none. */
  token(platform: Platform): Promise<string | undefined>;
  clock: () => Date;
  /** The API base URL when not the platform's default (tests and the local twin point it at 127.0.0.1). */
  baseUrl?: string;
}
