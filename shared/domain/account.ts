import * as z from '../zod';
import { issuesFromZod, ValidationError } from './errors';
import { PLATFORMS, PlatformSchema, type Platform } from './post';

export const ACCOUNT_STATUSES = ['active', 'paused', 'needs-reconnection'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** A council account registered for monitoring, with the Town Clerk's approval when recorded. */
export const AccountSchema = z.object({
  platform: PlatformSchema,
  handle: z.string().check(z.trim(), z.minLength(1, 'must not be empty')),
  displayName: z.optional(z.string()),
  /** Where the platform's API is, when not its default (a Mastodon instance comes from the handle). */
  baseUrl: z.optional(z.url()),
  approvedBy: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
  approvedOn: z.optional(z.iso.date({ message: 'expected a date as YYYY-MM-DD' })),
  status: z._default(z.enum(ACCOUNT_STATUSES), 'active'),
  registeredAt: z.iso.datetime({ offset: true }),
});
export type Account = z.infer<typeof AccountSchema>;

export class AccountValidationError extends ValidationError {}

/**
 * Validates an account being registered: its shape, its handle as its platform writes one, and an
 * approval date not after today (UTC, by `clock`). Accounts read back from the store are parsed with
 * AccountSchema alone, so an account registered before these rules still reads; `handleAsRegistered`
 * skips the handle rule for a command that names an account already registered (approve).
 */
export function parseAccount(input: unknown, options: { clock?: () => Date; handleAsRegistered?: boolean } = {}): Account {
  const clock = options.clock ?? (() => new Date());
  const result = AccountSchema.safeParse(input);
  const issues = result.success ? [] : issuesFromZod(result.error, input);
  const fields = (input !== null && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const { platform, handle, approvedOn } = fields;
  if (!options.handleAsRegistered && typeof platform === 'string' && (PLATFORMS as readonly string[]).includes(platform) && typeof handle === 'string' && handle.trim() !== '') {
    const problem = checkHandle(platform as Platform, handle);
    if (problem) issues.push({ field: 'handle', message: problem, value: JSON.stringify(handle) });
  }
  if (typeof approvedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(approvedOn) && approvedOn > clock().toISOString().slice(0, 10)) {
    issues.push({ field: 'approvedOn', message: 'cannot be in the future', value: JSON.stringify(approvedOn) });
  }
  if (issues.length > 0 || !result.success) throw new AccountValidationError('invalid account registration', issues);
  return result.data;
}

const HANDLE_EXAMPLES = {
  facebook: 'HarbourneTownCouncil',
  instagram: 'harbournetc',
  x: 'HarbourneTC',
} as const;

/**
 * What is wrong with `handle` as an account on `platform`, or undefined when it is one: the one rule
 * every way of registering an account applies.
 */
export function checkHandle(platform: Platform, handle: string): string | undefined {
  const value = handle.trim();
  switch (platform) {
    case 'mastodon': {
      if (splitMastodonHandle(value)) return undefined;
      return /^@?[^@\s/]+$/.test(value)
        ? 'a Mastodon handle needs its instance, e.g. @harbournetc@mastodon.social'
        : 'expected a Mastodon handle @user@instance, e.g. @harbournetc@mastodon.social';
    }
    case 'bluesky':
      if (/^did:[a-z]+:[A-Za-z0-9._:%-]+$/.test(value) || BLUESKY_DOMAIN.test(value.replace(/^@/, ''))) return undefined;
      return 'expected a Bluesky handle such as harbournetc.bsky.social, or a DID such as did:plc:…';
    case 'facebook':
    case 'instagram':
    case 'x': {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /[/]/.test(value)) {
        return `expected the page or user name, not a URL: give just the name, e.g. ${HANDLE_EXAMPLES[platform]}`;
      }
      if (/^@?\d+$/.test(value) || NAME[platform].test(value)) return undefined;
      return `expected a page or user name such as ${HANDLE_EXAMPLES[platform]}, or a numeric id`;
    }
    case 'youtube':
      if (/^UC[\w-]{22}$/.test(value) || /^@[\w.-]{3,30}$/.test(value)) return undefined;
      if (/^https?:\/\//i.test(value) && /[/=]UC[\w-]{22}(?:[/?#&]|$)/.test(value)) return undefined;
      return 'expected a YouTube channel id (UC followed by 22 characters) or a @handle';
    case 'rss':
      if (/^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value)) return undefined;
      return "expected the feed's URL, starting https:// (or http://)";
    case 'other':
      return undefined;
  }
}

const BLUESKY_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

const NAME: Record<'facebook' | 'instagram' | 'x', RegExp> = {
  facebook: /^@?[A-Za-z0-9.-]{1,50}$/,
  instagram: /^@?[A-Za-z0-9._]{1,30}$/,
  x: /^@?\w{1,15}$/,
};

export function isApproved(account: Pick<Account, 'approvedBy' | 'approvedOn'>): boolean {
  return Boolean(account.approvedBy && account.approvedOn);
}

/** The same account however its handle is written: case and a leading `@` do not matter. */
export function handleKey(platform: Platform, handle: string): string {
  return `${platform}\u0000${normaliseHandle(handle)}`;
}

export function normaliseHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** A Mastodon account as its handle names it: `@harbournetc@mastodon.social`. */
export interface MastodonHandle {
  username: string;
  /** The instance's domain, lower case. */
  instance: string;
}

const MASTODON_HANDLE = /^@?([^@\s/]+)@([^@\s/:]+\.[^@\s/:]+)$/;

/** Splits `@user@instance` (the leading `@` is optional); undefined for anything else. */
export function splitMastodonHandle(handle: string): MastodonHandle | undefined {
  const match = MASTODON_HANDLE.exec(handle.trim());
  return match ? { username: match[1]!, instance: match[2]!.toLowerCase() } : undefined;
}
