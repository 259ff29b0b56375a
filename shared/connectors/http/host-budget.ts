import { isIP } from 'node:net';
import { HostBudgetUnavailableError, HostBusyError } from '../errors';
import { classifyAddress } from './url-policy';

/**
 * One request budget per platform host, shared by every scan that talks to it: every request of every
 * connector takes a slot from its host's budget first, and a host that throttles (a 429, or a 503 with
 * Retry-After) slows that host for every scan, and no other host.
 */
export interface HostBudget {
  /**
   * Resolves when a request to `host` may be sent, having waited for it when the wait is short; throws
   * HostBusyError when it would be longer than this budget may wait (the caller stops and tries later),
   * and HostBudgetUnavailableError when the shared budget cannot be read or updated.
   */
  acquire(host: string): Promise<void>;
  /** The host asked for a pause: no request to it, from anyone sharing this budget, for `retryAfterMs`. */
  slowDown(host: string, retryAfterMs: number): Promise<void>;
}

/**
 * How fast one host may be asked: at most `requests` in any `perMs`, of which `burst` may go at once.
 * The pace is set so that the burst and the steady rate together stay within `requests` per `perMs`.
 */
export interface HostLimit {
  requests: number;
  perMs: number;
  burst: number;
}

const MINUTE = 60_000;

/**
 * The documented limits, one line per host, cited. A figure PLATFORMS.md does not give is taken from
 * the platform's own rate-limit page; where a platform has several, the smallest one we are subject to.
 * Each platform's own throttling answers (429 and its reset, Graph error codes) still slow a host down
 * further, through slowDown: these are ceilings, not promises.
 */
export const HOST_LIMITS: Readonly<Record<string, HostLimit>> = {
  // PLATFORMS.md, Mastodon: "Default 300 requests / 5 min per IP or token". Also where discovery searches.
  'mastodon.social': { requests: 300, perMs: 5 * MINUTE, burst: 10 },
  // PLATFORMS.md names only the RateLimit-* headers; Bluesky's "Rate Limits" guide
  // (docs.bsky.app/docs/advanced-guides/rate-limits): 3,000 requests per 5 minutes per IP, as the
  // AppView's own `RateLimit-Policy: 3000;w=300` says (test/fixtures/api/bluesky/author-feed-rate-limited.json).
  'public.api.bsky.app': { requests: 3000, perMs: 5 * MINUTE, burst: 10 },
  // PLATFORMS.md names only the error codes; Graph API "Rate Limits": application-level throttling
  // (code 4) at 200 calls per hour per user. Page tokens fall under the larger Business Use Case limits
  // (4,800 × engaged users per 24 h per Page): the smaller figure is the fleet's ceiling.
  'graph.facebook.com': { requests: 200, perMs: 60 * MINUTE, burst: 10 },
  // PLATFORMS.md names only the x-rate-limit-* headers; X API v2 rate limits, app (bearer) context:
  // user lookup 300 per 15 minutes, the smallest of the endpoints we call (user timelines: 1,500).
  'api.x.com': { requests: 300, perMs: 15 * MINUTE, burst: 10 },
};

/**
 * Any other host: another Mastodon instance, a council's website feed, YouTube's feeds. Mastodon's
 * default (PLATFORMS.md, 300 per 5 minutes) is the only documented figure for a host we do not know;
 * websites publish none, and answer 429 or 503 with Retry-After when they want less.
 */
export const DEFAULT_HOST_LIMIT: HostLimit = { requests: 300, perMs: 5 * MINUTE, burst: 10 };

/** Replay servers on this machine (tests, the local twin, the simulation): nobody to be polite to. */
export const UNPACED: HostLimit = { requests: Number.POSITIVE_INFINITY, perMs: 1, burst: 1 };

/** The limit of a host: its line in HOST_LIMITS, unpaced for loopback addresses, else the default. */
export function hostLimit(host: string): HostLimit {
  const name = hostnameOf(host);
  const named = HOST_LIMITS[name];
  if (named) return named;
  if (name === 'localhost' || (isIP(name) !== 0 && classifyAddress(name) === 'loopback')) return UNPACED;
  return DEFAULT_HOST_LIMIT;
}

/** `host[:port]` (as in URL.host) → the name alone, without an IPv6 literal's brackets. */
function hostnameOf(host: string): string {
  const lower = host.toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(lower);
  if (bracketed) return bracketed[1]!;
  return lower.replace(/:\d+$/, '');
}

/**
 * A slot under the generic cell rate algorithm (a token bucket kept as one number): `tat`, the
 * theoretical arrival time of the next request, moves on by `intervalMs` per request; a request may go
 * while `tat` is no more than `toleranceMs` ahead of now. One number per host, so a shared ledger can
 * update it with one conditional write.
 */
export interface Pace {
  intervalMs: number;
  toleranceMs: number;
}

/** With `burst` requests at once and the rest paced, no window of `perMs` holds more than `requests`. */
export function paceOf(limit: HostLimit): Pace {
  if (!Number.isFinite(limit.requests)) return { intervalMs: 0, toleranceMs: 0 };
  const intervalMs = Math.ceil(limit.perMs / Math.max(1, limit.requests - limit.burst));
  return { intervalMs, toleranceMs: (limit.burst - 1) * intervalMs };
}

/** What a ledger answers when asked for a slot. */
export type Take = { granted: true } | { granted: false; waitMs: number };

/**
 * Where a budget keeps each host's state: this process's memory, or an item per host in DynamoDB
 * shared by every Lambda instance (shared/store/dynamodb-host-budget.ts). Times are epoch milliseconds.
 */
export interface HostLedger {
  /** Takes one slot when the host allows a request at `now`; otherwise says how long until it may. */
  take(host: string, pace: Pace, now: number): Promise<Take>;
  /** Records that the host is not to be asked before `until` (a later pause already recorded stands). */
  pauseUntil(host: string, until: number, now: number): Promise<void>;
}

export interface HostBudgetOptions {
  /** The longest wait for one request to sit out; a longer one throws HostBusyError (default 60 s). */
  maxWaitMs?: number;
  /** The limit of each host (default hostLimit: HOST_LIMITS, else DEFAULT_HOST_LIMIT). */
  limits?: (host: string) => HostLimit;
  /** Injected in tests so that waits take no real time. */
  sleep?: (ms: number) => Promise<void>;
  clock?: () => Date;
}

/** A budget over a ledger: waits its turn for short waits, gives up with HostBusyError on long ones. */
export function ledgerHostBudget(ledger: HostLedger, options: HostBudgetOptions = {}): HostBudget {
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const limits = options.limits ?? hostLimit;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clock = options.clock ?? (() => new Date());
  // Time as this budget knows it: the clock, but never before the end of a wait already sat out
  // (sleep resolves no earlier than asked, even when a clock fixed by a test does not move).
  let waitedUntil = 0;
  const now = () => Math.max(clock().getTime(), waitedUntil);

  const unavailable = (host: string, error: unknown) =>
    new HostBudgetUnavailableError(`the shared request budget of ${host} could not be read or updated: ${describe(error)}`, { cause: error });

  return {
    async acquire(host) {
      const pace = paceOf(limits(host));
      let waited = 0;
      for (;;) {
        const at = now();
        let take: Take;
        try {
          take = await ledger.take(host, pace, at);
        } catch (error) {
          throw unavailable(host, error);
        }
        if (take.granted) return;
        if (waited + take.waitMs > maxWaitMs) throw new HostBusyError(host, new Date(at + take.waitMs));
        await sleep(take.waitMs);
        waited += take.waitMs;
        waitedUntil = Math.max(waitedUntil, at + take.waitMs);
      }
    },
    async slowDown(host, retryAfterMs) {
      const at = now();
      try {
        await ledger.pauseUntil(host, at + Math.max(0, retryAfterMs), at);
      } catch (error) {
        throw unavailable(host, error);
      }
    },
  };
}

interface HostState {
  tat: number;
  pausedUntil: number;
}

/** The ledger in this process's memory: one scan's CLI run, unit tests. */
export class InMemoryHostLedger implements HostLedger {
  private readonly hosts = new Map<string, HostState>();

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) this.hosts.set(host, (state = { tat: 0, pausedUntil: 0 }));
    return state;
  }

  async take(host: string, pace: Pace, now: number): Promise<Take> {
    const state = this.state(host);
    if (state.pausedUntil > now) return { granted: false, waitMs: state.pausedUntil - now };
    const waitMs = state.tat - pace.toleranceMs - now;
    if (waitMs > 0) return { granted: false, waitMs };
    state.tat = Math.max(state.tat, now) + pace.intervalMs;
    return { granted: true };
  }

  async pauseUntil(host: string, until: number): Promise<void> {
    const state = this.state(host);
    state.pausedUntil = Math.max(state.pausedUntil, until);
  }
}

/** A budget for one process (the CLI, the tests): hosts are shared by every connector built with it. */
export function inMemoryHostBudget(options: HostBudgetOptions = {}): HostBudget {
  return ledgerHostBudget(new InMemoryHostLedger(), options);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
