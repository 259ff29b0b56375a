import { isApproved, type Account } from '../domain/account';
import type { CouncilConfig, RegisteredAccount } from '../domain/config';
import type { ConfigVersion } from '../domain/config-version';
import type { Council, CouncilId } from '../domain/council';
import { CouncilAuditError } from '../domain/errors';
import { CouncilNotConfiguredError, requireCouncil, type AuditStore } from '../store/audit-store';

export class ConfigVersionNotFoundError extends CouncilAuditError {}

export interface ShownConfig {
  /** The configuration with `approvedAccounts` as the account registry holds them now. */
  config: CouncilConfig;
  /** The version shown, with who stored it and when; undefined for one stored before versions were kept. */
  version: Omit<ConfigVersion, 'config'> | undefined;
}

/**
 * A council's configuration as a file that can be pushed back unchanged: the newest version (or the
 * one asked for) with `approvedAccounts` rebuilt from the account registry, the only record of which
 * accounts are registered and approved (so an older version is shown with today's accounts).
 */
export async function showCouncilConfig(store: AuditStore, councilId: CouncilId, version?: number): Promise<ShownConfig> {
  await requireCouncil(store, councilId);
  const council = store.forCouncil(councilId);
  const [stored, accounts] = await Promise.all([version === undefined ? council.getConfigVersion() : council.getConfigVersion(version), council.listAccounts()]);
  if (stored) {
    const { config, ...record } = stored;
    return { config: withAccounts(config, accounts), version: record };
  }
  if (version !== undefined) {
    const newest = await council.getConfigVersion();
    throw new ConfigVersionNotFoundError(`council ${councilId} has no configuration version ${version}${newest ? ` (its versions are 1 to ${newest.version})` : ': none has been pushed'}`);
  }
  const unversioned = await council.getCouncilConfig();
  if (!unversioned) throw new CouncilNotConfiguredError(`the configuration of council ${councilId} has not been pushed yet: council-audit config push --council ${councilId} <file>`);
  return { config: withAccounts(unversioned, accounts), version: undefined };
}

/** Every version of a council's configuration with its change record, oldest first. */
export async function councilConfigHistory(store: AuditStore, councilId: CouncilId): Promise<ConfigVersion[]> {
  await requireCouncil(store, councilId);
  return store.forCouncil(councilId).listConfigVersions();
}

export interface CouncilSummary {
  council: Council;
  /** The configuration in effect: its version, when and by whom; `unversioned` when stored before versions; undefined when none. */
  configuration: Pick<ConfigVersion, 'version' | 'at' | 'by'> | 'unversioned' | undefined;
  accounts: { total: number; approved: number; byStatus: Record<string, number> };
}

/** What the operator needs to know about one council: its registration, its configuration, its accounts. */
export async function summariseCouncil(store: AuditStore, councilId: CouncilId): Promise<CouncilSummary> {
  const council = await requireCouncil(store, councilId);
  const view = store.forCouncil(councilId);
  const [latest, accounts] = await Promise.all([view.getConfigVersion(), view.listAccounts()]);
  const configuration = latest ? { version: latest.version, at: latest.at, by: latest.by } : (await view.getCouncilConfig()) ? 'unversioned' : undefined;
  const byStatus: Record<string, number> = {};
  for (const account of accounts) byStatus[account.status] = (byStatus[account.status] ?? 0) + 1;
  return { council, configuration, accounts: { total: accounts.length, approved: accounts.filter(isApproved).length, byStatus } };
}

function withAccounts(config: CouncilConfig, accounts: readonly Account[]): CouncilConfig {
  return { ...config, approvedAccounts: accounts.map(asListed) };
}

/** An account as `approvedAccounts` lists it: the registry's fields a configuration file carries. */
function asListed(account: Account): RegisteredAccount {
  return {
    platform: account.platform,
    handle: account.handle,
    ...(account.displayName ? { displayName: account.displayName } : {}),
    ...(account.baseUrl ? { baseUrl: account.baseUrl } : {}),
    ...(account.approvedBy ? { approvedBy: account.approvedBy } : {}),
    ...(account.approvedOn ? { approvedOn: account.approvedOn } : {}),
  };
}
