import type { Resolver } from './url-policy';
import type { Platform } from '../../domain/post';
import type { HostBudget } from './host-budget';

/** A response as the connectors see it: status, headers (case-insensitive) and the body as text. */
export interface HttpResponse {
  status: number;
  url: string;
  header(name: string): string | undefined;
  /** The body read as UTF-8 (every JSON API's encoding). */
  text: string;
  /**
   * The body as received, for a reader that decodes it itself (a feed in its own character set);
   * absent from a stand-in that only has text.
   */
  bytes?: Uint8Array;
}

export interface GetOptions {
  headers?: Record<string, string>;
  /** Conditional GET (RSS/Atom): a 304 comes back as a response, not an error. */
  etag?: string;
  lastModified?: string;
}

/**
 * HTTP for one platform, with its politeness built in: every call is checked against the URL policy,
 * takes a slot from its host's request budget (HostBudget, shared across platforms and instances), is
 * retried with exponential backoff and jitter on 5xx, timeouts and network errors (bounded), pauses its
 * host for everyone sharing the budget when the platform throttles, waits out a short pause and throws
 * PlatformRateLimitedError for a long one, and throws PlatformAuthError for an expired or revoked token.
 * Other 4xx throw PlatformResponseError. A returned response is 2xx or 304.
 */
export interface PlatformHttp {
  get(url: string, options?: GetOptions): Promise<HttpResponse>;
  /** Parses a 2xx body as JSON, or throws PlatformResponseError naming the URL. */
  getJson(url: string, options?: GetOptions): Promise<unknown>;
}

/** How a platform announces throttling and expired credentials. */
export interface PlatformPolicy {
  platform: Platform;
  /**
   * For a throttled response, how long to wait (ms) before trying again, or undefined when the
   * response is not throttling. Mastodon: 429 + ISO-8601 X-RateLimit-Reset; Bluesky: 429 + Retry-After
   * seconds; X: 429 + epoch x-rate-limit-reset; Facebook: error codes 4, 17, 32, 613, 80001 (any status)
   * with X-Business-Use-Case-Usage / X-App-Usage estimated_time_to_regain_access (minutes).
   */
  rateLimitWaitMs(response: HttpResponse, now: Date): number | undefined;
  /** A short description when the response says the token is expired or revoked (401, Facebook 190). */
  authFailure(response: HttpResponse): string | undefined;
  /**
   * The origins (`https://api.x.com`) the platform's bearer token may be sent to. When given, a client
   * with a token refuses any other origin (save those in HttpOptions.tokenOrigins, and loopback when
   * allowed); when absent, the token goes to the origin asked for. Either way a redirect to another
   * origin is followed without the token.
   */
  tokenOrigins?: readonly string[];
}

export interface HttpOptions {
  policy: PlatformPolicy;
  /** Sent as `Authorization: Bearer …` (never logged, never in an error message). */
  bearerToken?: string;
  /**
   * Allow http/https to loopback addresses (local testing, the local twin); off in Lambda. The bearer
   * token may then go to a loopback address too (it never leaves the machine).
   */
  allowLoopback?: boolean;
  /** Origins the operator allows the bearer token to go to besides the platform's own (a proxy, say). */
  tokenOrigins?: readonly string[];
  /** The DNS resolver behind the guarded lookup (the system's by default); tests play a hostile DNS with it. */
  resolve?: Resolver;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** Attempts for 5xx/timeouts/network errors (default 4). */
  maxAttempts?: number;
  /**
   * The request budget of each host, shared by every client given the same one (and, in DynamoDB, by
   * every Lambda instance). Default: one in this client's memory, with maxRateLimitWaitMs, sleep and clock.
   */
  hostBudget?: HostBudget;
  /** The longest rate-limit wait to sit out inside a scan, for the default host budget (default 60 s). */
  maxRateLimitWaitMs?: number;
  /** The largest body read (default 5 MiB); a larger answer is a PlatformResponseError. */
  maxResponseBytes?: number;
  /** Injected in tests so that backoff takes no real time. */
  sleep?: (ms: number) => Promise<void>;
  clock?: () => Date;
  random?: () => number;
}
