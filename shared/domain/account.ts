import * as z from '../zod';
import { issuesFromZod, ValidationError } from './errors';
import { PlatformSchema, type Platform } from './post';

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

export function parseAccount(input: unknown): Account {
  const result = AccountSchema.safeParse(input);
  if (!result.success) throw new AccountValidationError('invalid account registration', issuesFromZod(result.error, input));
  return result.data;
}

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
