import type { Account } from '../domain/account';
import type { Platform, Post } from '../domain/post';
import type { PlatformHttp, PlatformPolicy } from './http/platform-http';

export interface FetchResult {
  /** New (or edited) posts since the cursor, oldest first. */
  posts: Post[];
  /** The cursor to store once every post above is stored; undefined when nothing new was seen. */
  cursor: string | undefined;
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
