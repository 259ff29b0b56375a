import type { Platform } from '../../domain/post';
import type { HttpResponse, PlatformPolicy } from '../http/platform-http';

/**
 * Websites and YouTube throttle the ordinary HTTP way: 429 (or 503) with `Retry-After` in seconds or
 * as an HTTP date. Feeds are public: there is no token to expire, so a 401 or 403 is simply an answer
 * we cannot use.
 */
export function feedPolicy(platform: Extract<Platform, 'rss' | 'youtube'>): PlatformPolicy {
  return {
    platform,
    rateLimitWaitMs(response: HttpResponse, now: Date): number | undefined {
      if (response.status !== 429 && response.status !== 503) return undefined;
      return retryAfterMs(response.header('retry-after'), now);
    },
    authFailure: () => undefined,
  };
}

function retryAfterMs(value: string | undefined, now: Date): number | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
