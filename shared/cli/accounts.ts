import type { Writable } from 'node:stream';
import { parseAccount, isApproved, type Account } from '../domain/account';
import type { Platform } from '../domain/post';
import type { CouncilStore } from '../store/audit-store';

/** `accounts add`: registers an account for monitoring (approval optional, recorded with it). */
export async function addAccount(
  store: CouncilStore,
  input: { platform: string; handle: string; name?: string; baseUrl?: string; approvedBy?: string; approvedOn?: string },
  clock: () => Date = () => new Date(),
): Promise<Account> {
  const account = parseAccount({
    platform: input.platform,
    handle: input.handle,
    ...(input.name ? { displayName: input.name } : {}),
    ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
    ...(input.approvedBy ? { approvedBy: input.approvedBy } : {}),
    ...(input.approvedOn ? { approvedOn: input.approvedOn } : {}),
    status: 'active',
    registeredAt: clock().toISOString(),
  }, { clock });
  const existing = await store.getAccount(account.platform, account.handle);
  const merged = existing ? { ...existing, ...definedOnly(account), registeredAt: existing.registeredAt } : account;
  await store.putAccount(merged);
  return merged;
}

/** `accounts approve`: records the Town Clerk's approval, who and when. */
export async function approveAccount(
  store: CouncilStore,
  input: { platform: string; handle: string; by: string; on?: string },
  clock: () => Date = () => new Date(),
): Promise<Account> {
  const on = input.on ?? clock().toISOString().slice(0, 10);
  // Validate the fields as an account would be, so the message names the field and the value.
  parseAccount({ platform: input.platform, handle: input.handle, approvedBy: input.by, approvedOn: on, registeredAt: clock().toISOString() }, { clock, handleAsRegistered: true });
  return store.approveAccount(input.platform as Platform, input.handle, input.by, on);
}

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

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
