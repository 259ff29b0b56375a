import { parseAccount, type Account } from '../domain/account';
import type { Platform } from '../domain/post';
import type { CouncilStore } from '../store/audit-store';

/**
 * Registering and approving a council's accounts: the one use case behind `accounts add`,
 * `accounts approve` and the `approvedAccounts` of a pushed configuration, so that every way in
 * applies the same rules (a handle its platform would have, no approval dated in the future).
 */

/** An account as a person registers it: approval optional, recorded with it when given. */
export interface Registration {
  platform: string;
  handle: string;
  displayName?: string | undefined;
  baseUrl?: string | undefined;
  approvedBy?: string | undefined;
  approvedOn?: string | undefined;
}

/**
 * Validates a registration without storing anything: its shape, its handle as its platform writes
 * one, and an approval date not after today. Throws an AccountValidationError naming each field
 * and value; returns the account as it would be registered now.
 */
export function checkRegistration(input: Registration, clock: () => Date = () => new Date()): Account {
  return parseAccount({
    platform: input.platform,
    handle: input.handle,
    ...(input.displayName ? { displayName: input.displayName } : {}),
    ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
    ...(input.approvedBy ? { approvedBy: input.approvedBy } : {}),
    ...(input.approvedOn ? { approvedOn: input.approvedOn } : {}),
    status: 'active',
    registeredAt: clock().toISOString(),
  }, { clock });
}

/**
 * Registers an account for monitoring, or updates one registered: what the registration gives
 * replaces what is stored, the rest (when it was registered, its approval, paused or not) is kept.
 */
export async function registerAccount(store: Pick<CouncilStore, 'getAccount' | 'putAccount'>, input: Registration, clock: () => Date = () => new Date()): Promise<Account> {
  const account = checkRegistration(input, clock);
  const existing = await store.getAccount(account.platform, account.handle);
  const merged = existing ? { ...existing, ...definedOnly(account), registeredAt: existing.registeredAt, status: existing.status } : account;
  await store.putAccount(merged);
  return merged;
}

/** Records the Town Clerk's approval of a registered account, who and when (default: today). */
export async function approveAccount(
  store: Pick<CouncilStore, 'approveAccount'>,
  input: { platform: string; handle: string; by: string; on?: string | undefined },
  clock: () => Date = () => new Date(),
): Promise<Account> {
  const on = input.on ?? clock().toISOString().slice(0, 10);
  // Validate the fields as an account would be, so the message names the field and the value.
  parseAccount({ platform: input.platform, handle: input.handle, approvedBy: input.by, approvedOn: on, registeredAt: clock().toISOString() }, { clock, handleAsRegistered: true });
  return store.approveAccount(input.platform as Platform, input.handle, input.by, on);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
