import { splitMastodonHandle, type MastodonHandle } from '../../domain/account';
import { ConnectorError } from '../../domain/errors';

export type { MastodonHandle };

/** Splits `@user@instance` (the leading `@` is optional), or throws a ConnectorError saying what is expected. */
export function parseMastodonHandle(handle: string): MastodonHandle {
  const parsed = splitMastodonHandle(handle);
  if (!parsed) throw new ConnectorError(`${JSON.stringify(handle)} is not a Mastodon handle: expected @user@instance, e.g. @harbournetc@mastodon.social`);
  return parsed;
}

/**
 * The full handle of an `acct` as an instance's API gives it: `user` for an account local to that
 * instance gets the instance added, `user@elsewhere` keeps its own.
 */
export function qualifiedHandle(acct: string, instance: string): string {
  const bare = acct.replace(/^@/, '');
  return bare.includes('@') ? `@${bare}` : `@${bare}@${instance}`;
}

/** Compares two status ids: Mastodon's are decimal strings too long for a number, so as BigInt; others (ULIDs, flakes) sort as fixed-width strings. */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
