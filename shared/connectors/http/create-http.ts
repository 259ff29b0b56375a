import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { HostBusyError, PlatformAuthError, PlatformRateLimitedError, PlatformResponseError, PlatformUnavailableError, UrlRefusedError } from '../errors';
import { inMemoryHostBudget } from './host-budget';
import type { GetOptions, HttpOptions, HttpResponse, PlatformHttp } from './platform-http';
import { parseJson } from './parse-json';
import { checkUrl, classifyAddress, guardedLookup, refuseConnection } from './url-policy';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
const MAX_RATE_LIMIT_WAITS = 3;
const USER_AGENT = 'CouncilAudit/0.1 (+https://github.com/council-audit; compliance scanner for English local councils)';
/** Query parameters that carry secrets: never shown in a message. */
const SECRET_PARAMS = /^(?:access_token|token|key|api_key|client_secret|appsecret_proof)$/i;

/** The polite HTTP client of one platform (see PlatformHttp for what it promises). */
export function createPlatformHttp(options: HttpOptions): PlatformHttp {
  const { policy } = options;
  const allowLoopback = options.allowLoopback ?? false;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? 4;
  const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 60_000;
  const maxResponseBytes = options.maxResponseBytes ?? 5 * 1024 * 1024;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;
  const budget = options.hostBudget ?? inMemoryHostBudget({ sleep, clock, maxWaitMs: maxRateLimitWaitMs });
  // Node's own clients take the guarded lookup too, so every connection, redirects included, is checked
  // when its name is resolved; one keep-alive agent per scheme for the platform's repeated pages.
  const lookup = (options.resolve ? guardedLookup(allowLoopback, options.resolve) : guardedLookup(allowLoopback)) as never;
  const tokenOrigins = new Set([...(policy.tokenOrigins ?? []), ...(options.tokenOrigins ?? [])].map((o) => new URL(o).origin));
  const agents = { 'https:': new HttpsAgent({ keepAlive: true, lookup }), 'http:': new HttpAgent({ keepAlive: true, lookup }) };

  const backoffMs = (attempt: number) => Math.min(8_000, 500 * 2 ** (attempt - 1)) * (0.5 + random() * 0.5);

  /**
   * Whether the bearer token may go to this URL: only to the platform's own origins, those the operator
   * allows, and (when loopback is allowed, for local testing) loopback addresses; a platform that names
   * no origins sends its token to wherever its base URL is.
   */
  function tokenMayGoTo(url: URL): boolean {
    if (policy.tokenOrigins === undefined || tokenOrigins.has(url.origin)) return true;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    return allowLoopback && (host === 'localhost' || (isIP(host) !== 0 && classifyAddress(host) === 'loopback'));
  }

  async function get(url: string, getOptions: GetOptions = {}): Promise<HttpResponse> {
    const first = checkUrl(url, allowLoopback);
    if (options.bearerToken && !tokenMayGoTo(first)) {
      throw new UrlRefusedError(
        `refused ${first.host}: the ${policy.platform} token is only sent to ${[...tokenOrigins].join(', ')} (the operator may allow another origin)`,
      );
    }
    let target = url;
    // Credentials go to the origin asked for, never to another one a redirect points at.
    let credentials = options.bearerToken !== undefined;
    let failures = 0;
    let rateLimitWaits = 0;
    let redirects = 0;
    for (;;) {
      // The budget is the request URL's host's (port included): each Mastodon instance, feed host and API
      // host has its own, and a redirect to another host takes from that one.
      const { host } = checkUrl(target, allowLoopback);
      await acquire(host);
      let response: HttpResponse;
      try {
        response = await send(target, getOptions, credentials);
      } catch (error) {
        const refused = findCause(error, UrlRefusedError);
        if (refused) throw refused;
        if (error instanceof PlatformResponseError) throw error;
        failures += 1;
        if (failures >= maxAttempts) {
          throw new PlatformUnavailableError(`${policy.platform}: ${describeNetworkError(error, timeoutMs)} for GET ${safeUrl(target)}, ${failures} attempts`, { cause: error });
        }
        await sleep(backoffMs(failures));
        continue;
      }

      const auth = policy.authFailure(response);
      if (auth !== undefined) throw new PlatformAuthError(policy.platform, auth);

      const wait = policy.rateLimitWaitMs(response, clock());
      if (wait !== undefined) {
        // Every scan sharing the budget pauses this host (and only this host); the next acquire sits the
        // pause out when it is short, and stops the scan with PlatformRateLimitedError when it is not.
        await budget.slowDown(host, Math.max(0, wait));
        if (rateLimitWaits >= MAX_RATE_LIMIT_WAITS) {
          const resetAt = new Date(clock().getTime() + wait);
          throw new PlatformRateLimitedError(policy.platform, resetAt, `GET ${safeUrl(target)} answered HTTP ${response.status}`);
        }
        rateLimitWaits += 1;
        continue;
      }

      if (REDIRECTS.has(response.status)) {
        const location = response.header('location');
        if (!location || ++redirects > MAX_REDIRECTS) {
          throw new PlatformResponseError(`${policy.platform}: too many or empty redirects from GET ${safeUrl(target)}`);
        }
        const next = new URL(location, target);
        if (next.origin !== first.origin && credentials) {
          credentials = false;
          next.searchParams.delete('access_token');
        }
        target = next.toString();
        continue;
      }

      if (response.status >= 500 || response.status === 429) {
        failures += 1;
        if (failures >= maxAttempts) {
          throw new PlatformUnavailableError(`${policy.platform}: HTTP ${response.status} for GET ${safeUrl(target)}, ${failures} attempts`);
        }
        // A 429 that says not for how long still slows its host for everyone, by the backoff.
        if (response.status === 429) await budget.slowDown(host, backoffMs(failures));
        else await sleep(backoffMs(failures));
        continue;
      }
      if ((response.status >= 200 && response.status < 300) || response.status === 304) return response;
      throw new PlatformResponseError(`${policy.platform}: HTTP ${response.status} for GET ${safeUrl(target)}: ${snippet(response.text)}`);
    }
  }

  /** Waits for a slot on the host's budget; a wait too long for a scan becomes PlatformRateLimitedError. */
  async function acquire(host: string): Promise<void> {
    try {
      await budget.acquire(host);
    } catch (error) {
      if (error instanceof HostBusyError) throw new PlatformRateLimitedError(policy.platform, error.until, error.message, { cause: error });
      throw error;
    }
  }

  async function send(url: string, getOptions: GetOptions, credentials: boolean): Promise<HttpResponse> {
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/json, application/xml;q=0.9, */*;q=0.8', ...getOptions.headers };
    if (!credentials) for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
    if (options.bearerToken && credentials) headers.authorization = `Bearer ${options.bearerToken}`;
    if (getOptions.etag) headers['if-none-match'] = getOptions.etag;
    if (getOptions.lastModified) headers['if-modified-since'] = getOptions.lastModified;
    const response = await open(url, headers);
    // Read no more than the cap: a registered feed URL must not be able to exhaust the function's memory.
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response) {
      size += (chunk as Buffer).length;
      if (size > maxResponseBytes) {
        response.destroy();
        throw new PlatformResponseError(`${policy.platform}: the answer to GET ${safeUrl(url)} is larger than ${maxResponseBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    const bytes = Buffer.concat(chunks);
    return {
      status: response.statusCode ?? 0,
      url,
      text: bytes.toString('utf8'),
      bytes,
      header(name) {
        const value = response.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(', ') : value;
      },
    };
  }

  /** Sends the GET and resolves with the response head; the timeout covers reading the body too. */
  function open(url: string, headers: Record<string, string>): Promise<IncomingMessage> {
    const target = new URL(url);
    const request = target.protocol === 'http:' ? httpRequest : httpsRequest;
    const agent = target.protocol === 'http:' ? agents['http:'] : agents['https:'];
    return new Promise((resolve, reject) => {
      const sent = request(target, { method: 'GET', headers, agent, signal: AbortSignal.timeout(timeoutMs) }, resolve);
      sent.on('error', reject);
      // The last check, on the address the socket really reached, before a byte of the request is
      // sent over it (TLS sends the request only after the handshake; plain http only goes to loopback).
      sent.on('socket', (socket) => {
        const check = () => {
          const refused = refuseConnection(socket.remoteAddress, target.host, allowLoopback);
          if (refused) sent.destroy(refused);
        };
        if (socket.remoteAddress !== undefined) check();
        else socket.once('connect', check);
      });
      sent.end();
    });
  }

  return {
    get,
    async getJson(url, getOptions) {
      const response = await get(url, getOptions);
      try {
        return parseJson(response.text);
      } catch (error) {
        throw new PlatformResponseError(`${policy.platform}: the answer to GET ${safeUrl(url)} is not valid JSON (${(error as Error).message})`, { cause: error });
      }
    },
  };
}

/** A URL fit for a message: secret query parameters replaced. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    for (const name of [...parsed.searchParams.keys()]) if (SECRET_PARAMS.test(name)) parsed.searchParams.set(name, '•••');
    return parsed.toString();
  } catch {
    return url;
  }
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat || '(empty body)';
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; code?: string; message?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || e.code === 'ABORT_ERR') return `no answer within ${timeoutMs} ms`;
  return `${e.code ?? e.name ?? 'network error'}${e.message ? ` (${e.message})` : ''}`;
}

function findCause<T>(error: unknown, type: new (...args: never[]) => T): T | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof type) return e;
  }
  return undefined;
}
