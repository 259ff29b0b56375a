import type { Platform } from '../domain/post';
import { createBlueskyConnector } from './bluesky/bluesky-connector';
import type { AccountSearch, Connector, ConnectorDeps } from './connector';
import type { TokenSource } from './credentials';
import { createFacebookConnector } from './facebook/facebook-connector';
import { createRssConnector } from './feeds/rss-connector';
import { createYouTubeConnector } from './feeds/youtube-connector';
import { createPlatformHttp } from './http/create-http';
import { inMemoryHostBudget, type HostBudget } from './http/host-budget';
import { createInstagramConnector } from './instagram/instagram-connector';
import { createMastodonConnector } from './mastodon/mastodon-connector';
import { connectorsFrom, type ConnectorRegistry } from './registry';
import { createXConnector } from './x/x-connector';

export interface PlatformOptions {
  token: TokenSource;
  /** http/https to loopback addresses: for local testing only, never in Lambda. */
  allowLoopback?: boolean;
  /**
   * One API base URL for every platform (tests, recorded payloads on 127.0.0.1, `fetch --base-url`).
   * The operator's own choice, so tokens may go to it, unlike an account's own base URL.
   */
  baseUrl?: string;
  /**
   * Origins besides each platform's own (api.x.com, graph.facebook.com, …) that X, Facebook and
   * Instagram tokens may be sent to: the operator's explicit allowance for a proxy or a stand-in.
   * Loopback addresses need none when allowLoopback is on.
   */
  tokenOrigins?: readonly string[];
  clock?: () => Date;
  /** Injected in tests so that backoff and rate-limit waits take no real time. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Each host's request budget, shared by every connector built here: DynamoDB in Lambda (shared by
   * every instance); by default one in this process's memory (the CLI).
   */
  hostBudget?: HostBudget;
}

export function connectorDeps(options: PlatformOptions): ConnectorDeps {
  // One budget for every platform's client: Facebook and Instagram both ask graph.facebook.com.
  const hostBudget = options.hostBudget ?? inMemoryHostBudget({ ...(options.sleep ? { sleep: options.sleep } : {}), ...(options.clock ? { clock: options.clock } : {}) });
  const tokenOrigins = [...(options.tokenOrigins ?? []), ...(options.baseUrl ? [options.baseUrl] : [])];
  return {
    http: (policy, bearerToken) =>
      createPlatformHttp({
        policy,
        ...(bearerToken ? { bearerToken } : {}),
        allowLoopback: options.allowLoopback ?? false,
        ...(tokenOrigins.length > 0 ? { tokenOrigins } : {}),
        hostBudget,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
      }),
    token: options.token,
    clock: options.clock ?? (() => new Date()),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  };
}

/** Every platform's connector. */
export function platformConnectors(options: PlatformOptions): Record<Exclude<Platform, 'other'>, Connector> {
  const deps = connectorDeps(options);
  return {
    mastodon: createMastodonConnector(deps),
    bluesky: createBlueskyConnector(deps),
    facebook: createFacebookConnector(deps),
    instagram: createInstagramConnector(deps),
    x: createXConnector(deps),
    youtube: createYouTubeConnector(deps),
    rss: createRssConnector(deps),
  };
}

export function platformRegistry(options: PlatformOptions): ConnectorRegistry {
  return connectorsFrom(platformConnectors(options));
}

/** The platforms whose public search finds accounts by name. */
export function accountSearches(options: PlatformOptions): Partial<Record<Platform, AccountSearch>> {
  const deps = connectorDeps(options);
  return { mastodon: createMastodonConnector(deps), bluesky: createBlueskyConnector(deps) };
}
