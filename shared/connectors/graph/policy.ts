import type { HttpResponse, PlatformPolicy } from '../http/platform-http';
import { describeGraphError, graphErrorOf } from './error-body';

/**
 * Graph API error codes that mean "slow down": 4 (application), 17 (user), 32 (page), 613 (custom
 * limit) and the business-use-case family 80000–80014 (80001 Pages, 80002 Instagram, …).
 */
export function isThrottlingCode(code: number): boolean {
  return code === 4 || code === 17 || code === 32 || code === 613 || (code >= 80_000 && code <= 80_014);
}

/** The wait when a throttled answer carries no usable `estimated_time_to_regain_access`. */
export const DEFAULT_THROTTLE_WAIT_MS = 60_000;

/** Usage headers that may carry `estimated_time_to_regain_access` (minutes), most specific first. */
const USAGE_HEADERS = ['x-business-use-case-usage', 'x-page-usage', 'x-app-usage'] as const;

/**
 * How the Graph API (Facebook Pages and Instagram alike) announces throttling and dead tokens.
 * Throttling is an `error` object with a throttling code, whatever the HTTP status; the wait is the
 * longest `estimated_time_to_regain_access` found in the usage headers, or DEFAULT_THROTTLE_WAIT_MS.
 * Code 190 (and a bare HTTP 401) means the token is expired or revoked.
 */
export function graphPolicy(platform: 'facebook' | 'instagram'): PlatformPolicy {
  return {
    platform,
    // Instagram's API answers on both hosts (Instagram Login and Facebook Login).
    tokenOrigins: platform === 'facebook' ? ['https://graph.facebook.com'] : ['https://graph.facebook.com', 'https://graph.instagram.com'],
    rateLimitWaitMs(response) {
      const error = graphErrorOf(response.status, response.text);
      if (!error || !isThrottlingCode(error.code)) return undefined;
      const minutes = regainAccessMinutes(response);
      return minutes !== undefined && minutes > 0 ? minutes * 60_000 : DEFAULT_THROTTLE_WAIT_MS;
    },
    authFailure(response) {
      const error = graphErrorOf(response.status, response.text);
      if (error?.code === 190) return describeGraphError(error);
      if (response.status === 401) return error ? describeGraphError(error) : 'HTTP 401';
      return undefined;
    },
  };
}

/** The longest `estimated_time_to_regain_access` (minutes) in the usage headers, if any. */
export function regainAccessMinutes(response: Pick<HttpResponse, 'header'>): number | undefined {
  let longest: number | undefined;
  for (const name of USAGE_HEADERS) {
    const value = response.header(name);
    if (!value) continue;
    let usage: unknown;
    try {
      usage = JSON.parse(value);
    } catch {
      continue; // a malformed usage header is no reason to fail the scan: fall back to the default
    }
    for (const minutes of findEstimates(usage, 0)) longest = longest === undefined ? minutes : Math.max(longest, minutes);
  }
  return longest;
}

/**
 * Every `estimated_time_to_regain_access` in a usage header, wherever it sits: flat in X-App-Usage,
 * under `{ "<business-id>": [ { "type": "pages", … } ] }` in X-Business-Use-Case-Usage.
 */
function findEstimates(value: unknown, depth: number): number[] {
  if (depth > 4 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v) => findEstimates(v, depth + 1));
  const found: number[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === 'estimated_time_to_regain_access') {
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) found.push(v);
    } else {
      found.push(...findEstimates(v, depth + 1));
    }
  }
  return found;
}
