import { once } from 'node:events';
import { AccountValidationError, checkHandle, type Account } from '../domain/account';
import { isCalendarDate } from '../domain/calendar';
import { CouncilAuditError } from '../domain/errors';
import type { Platform } from '../domain/post';
import { DEFAULT_FIRST_SCAN, type FetchOptions } from '../connectors/connector';
import { TOKEN_VARIABLES, tokensFromEnvironment } from '../connectors/credentials';
import { PlatformTokenMissingError } from '../connectors/errors';
import { platformConnectors } from '../connectors/platforms';
import type { Io } from './io';

export interface FetchCommandOptions {
  platform: Exclude<Platform, 'other'>;
  account: string;
  baseUrl?: string;
  since?: string;
  limit?: string;
  tokenFile?: string;
}

/** A fetch that cannot run as asked: bad input, not a platform that failed (exit code 2). */
export class FetchOptionsError extends CouncilAuditError {}

/**
 * `council-audit fetch`: an account's posts as canonical JSON lines, newest first, on standard
 * output; progress and errors on standard error. Without --since or --limit it goes back as far as a
 * first scan does (14 days or 200 posts).
 */
export async function runFetch(options: FetchCommandOptions, io: Io): Promise<number> {
  const problem = checkHandle(options.platform, options.account);
  if (problem) throw new AccountValidationError('invalid account', [{ field: '--account', value: JSON.stringify(options.account), message: problem }]);
  const since = options.since === undefined ? undefined : parseSince(options.since);
  const limit = options.limit === undefined ? undefined : parseLimit(options.limit);
  const connectors = platformConnectors({
    token: tokensFromEnvironment(io.env ?? process.env, options.tokenFile),
    allowLoopback: true,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
  const account: Account = {
    platform: options.platform,
    handle: options.account,
    status: 'active',
    registeredAt: new Date().toISOString(),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  };
  const fetchOptions: FetchOptions = {
    ...(since || limit ? { firstScan: { days: 36_500, maxPosts: limit ?? 10_000 } } : { firstScan: DEFAULT_FIRST_SCAN }),
    ...(since ? { since } : {}),
    ...(limit ? { limit } : {}),
  };
  io.stderr.write(`fetching ${options.platform} ${options.account}…\n`);
  const { posts } = await connectors[options.platform].fetchNewPosts(account, undefined, fetchOptions).catch((error: unknown) => {
    if (!(error instanceof PlatformTokenMissingError)) throw error;
    const variable = TOKEN_VARIABLES[options.platform];
    throw new FetchOptionsError(`no ${options.platform} token: set ${variable ? `${variable}, or ` : ''}give --token-file <file> holding {"${options.platform}": "<token>"}`, { cause: error });
  });
  const newestFirst = [...posts].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  for (const post of newestFirst) {
    if (!io.stdout.write(`${JSON.stringify(post)}\n`)) await once(io.stdout, 'drain');
  }
  io.stderr.write(`${newestFirst.length} post${newestFirst.length === 1 ? '' : 's'} from ${options.platform} ${options.account}\n`);
  return 0;
}

function parseSince(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new CouncilAuditError(`--since = ${JSON.stringify(value)}: expected an ISO time such as 2026-11-01 or 2026-11-01T09:00:00Z`);
  }
  // new Date() rolls 30 February over into March.
  if (!isCalendarDate(value.slice(0, 10))) throw new CouncilAuditError(`--since = ${JSON.stringify(value)}: ${value.slice(0, 10)} is not a day of the calendar`);
  return date;
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CouncilAuditError(`--limit = ${JSON.stringify(value)}: expected a whole number of posts, 1 or more`);
  return n;
}
