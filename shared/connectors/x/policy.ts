import type { HttpResponse, PlatformPolicy } from '../http/platform-http';

/** X announces the end of a rate-limit window to the second; a little slack covers the rounding. */
const RESET_SLACK_MS = 1_000;

/**
 * How X throttles and refuses: a 429 with `x-rate-limit-reset` in epoch seconds (there is no
 * Retry-After), and a 401 for a bearer token that is invalid or revoked.
 */
export const xPolicy: PlatformPolicy = {
  platform: 'x',
  tokenOrigins: ['https://api.x.com', 'https://api.twitter.com'],
  rateLimitWaitMs(response: HttpResponse, now: Date): number | undefined {
    if (response.status !== 429) return undefined;
    const reset = Number(response.header('x-rate-limit-reset'));
    // Without a usable reset the HTTP layer backs off as for any other 429.
    if (!Number.isFinite(reset) || reset <= 0) return undefined;
    return Math.max(0, reset * 1000 - now.getTime()) + RESET_SLACK_MS;
  },
  authFailure(response: HttpResponse): string | undefined {
    if (response.status !== 401) return undefined;
    return `HTTP 401${problemTitle(response.text)}`;
  },
};

/** X's problem body (`{ title, detail, type, status }`) says why; it never echoes the token. */
function problemTitle(text: string): string {
  try {
    const body = JSON.parse(text) as { title?: unknown; detail?: unknown };
    const said = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : undefined;
    return said ? ` ${said.slice(0, 120)}` : '';
  } catch {
    return '';
  }
}
