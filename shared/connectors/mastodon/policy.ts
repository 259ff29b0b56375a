import type { HttpResponse, PlatformPolicy } from '../http/platform-http';
import { MastodonErrorSchema } from './schemas';

/** Mastodon's default window (300 requests per 5 minutes): the wait when a 429 does not say when it ends. */
const DEFAULT_WINDOW_MS = 5 * 60_000;

/**
 * Mastodon throttles with 429 and `X-RateLimit-Reset`, an ISO-8601 instant (e.g.
 * `2026-02-10T12:05:00.000000Z`), never `Retry-After`; a revoked token, or an instance that refuses
 * unauthenticated API access, answers 401 with `{ "error": "…" }`.
 */
export const mastodonPolicy: PlatformPolicy = {
  platform: 'mastodon',
  rateLimitWaitMs(response: HttpResponse, now: Date): number | undefined {
    if (response.status !== 429) return undefined;
    const reset = Date.parse(response.header('x-ratelimit-reset') ?? '');
    if (Number.isNaN(reset)) return DEFAULT_WINDOW_MS;
    return Math.max(0, reset - now.getTime());
  },
  authFailure(response: HttpResponse): string | undefined {
    if (response.status !== 401) return undefined;
    return `HTTP 401: ${errorMessage(response.text) ?? 'unauthorised'}`;
  },
};

function errorMessage(text: string): string | undefined {
  try {
    const parsed = MastodonErrorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.error : undefined;
  } catch {
    return undefined;
  }
}
