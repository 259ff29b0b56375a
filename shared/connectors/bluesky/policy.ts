import type { HttpResponse, PlatformPolicy } from '../http/platform-http';
import { XrpcErrorSchema } from './schemas';

/** When a 429 announces no wait at all: Bluesky's limits run in 5-minute windows, so assume one. */
export const UNANNOUNCED_RATE_LIMIT_WAIT_MS = 5 * 60_000;

/**
 * How the Bluesky AppView throttles: 429 with `Retry-After` (seconds, or an HTTP date) and body
 * `{ "error": "RateLimitExceeded" }`; `RateLimit-Reset` (epoch seconds) is the fallback when
 * `Retry-After` is absent. The public AppView needs no token, so 401 only happens if one is sent.
 */
export const blueskyPolicy: PlatformPolicy = {
  platform: 'bluesky',

  rateLimitWaitMs(response: HttpResponse, now: Date): number | undefined {
    // Only error responses can throttle; a 2xx feed page is never parsed twice.
    if (response.status < 400) return undefined;
    if (response.status !== 429 && xrpcError(response)?.error !== 'RateLimitExceeded') return undefined;
    return (
      retryAfterMs(response.header('retry-after'), now) ??
      resetEpochMs(response.header('ratelimit-reset'), now) ??
      UNANNOUNCED_RATE_LIMIT_WAIT_MS
    );
  },

  authFailure(response: HttpResponse): string | undefined {
    if (response.status < 400) return undefined;
    const body = xrpcError(response);
    if (response.status === 401) return describe(body) ?? 'HTTP 401';
    if (body && ['ExpiredToken', 'InvalidToken'].includes(body.error)) return describe(body);
    return undefined;
  },
};

function retryAfterMs(value: string | undefined, now: Date): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function resetEpochMs(value: string | undefined, now: Date): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Math.max(0, Number(value.trim()) * 1000 - now.getTime());
}

function xrpcError(response: HttpResponse) {
  try {
    const parsed = XrpcErrorSchema.safeParse(JSON.parse(response.text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function describe(body: { error: string; message?: string } | undefined): string | undefined {
  if (body === undefined) return undefined;
  return body.message ? `${body.error}: ${body.message}` : body.error;
}
