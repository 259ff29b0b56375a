import type { Writable } from 'node:stream';
import { approveAccount, registerAccount } from '../accounts/register-account';
import { isApproved, type Account } from '../domain/account';
import type { CouncilStore } from '../store/audit-store';

/** `accounts add`: registers an account for monitoring (approval optional, recorded with it). */
export async function addAccount(
  store: CouncilStore,
  input: { platform: string; handle: string; name?: string; baseUrl?: string; approvedBy?: string; approvedOn?: string },
  clock: () => Date = () => new Date(),
): Promise<Account> {
  return registerAccount(store, { ...input, displayName: input.name }, clock);
}

/** `accounts approve`: records the Town Clerk's approval, who and when. */
export { approveAccount };

export function writeAccountTable(out: Writable, accounts: readonly Account[]): void {
  if (accounts.length === 0) {
    out.write('No accounts registered.\n');
    return;
  }
  const rows = accounts.map((a) => [
    a.platform,
    a.handle,
    a.displayName ?? '',
    isApproved(a) ? `approved by ${a.approvedBy} on ${a.approvedOn}` : 'NOT APPROVED',
    a.status,
  ]);
  const headers = ['platform', 'handle', 'name', 'approval', 'status'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()}\n`;
  out.write(line(headers));
  for (const row of rows) out.write(line(row));
}
