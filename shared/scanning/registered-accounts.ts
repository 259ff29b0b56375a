import type { Account } from '../domain/account';
import type { CouncilConfig } from '../domain/config';

/**
 * The configuration the rules judge accounts by: the council's account registry, not the
 * configuration's `approvedAccounts`, is the record of which accounts are registered and approved.
 */
export function withRegisteredAccounts(config: CouncilConfig, accounts: readonly Account[]): CouncilConfig {
  return {
    ...config,
    approvedAccounts: accounts.map((a) => ({
      platform: a.platform,
      handle: a.handle,
      ...(a.displayName ? { displayName: a.displayName } : {}),
      ...(a.approvedBy ? { approvedBy: a.approvedBy } : {}),
      ...(a.approvedOn ? { approvedOn: a.approvedOn } : {}),
    })),
  };
}
