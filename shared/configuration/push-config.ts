import { checkRegistration, registerAccount, type Registration } from '../accounts/register-account';
import { handleKey, type Account } from '../domain/account';
import { CouncilConfigSchema, type CouncilConfig } from '../domain/config';
import { configChanges, withoutAccounts, type ConfigChange } from '../domain/config-version';
import type { CouncilId } from '../domain/council';
import { ConfigValidationError, formatPath, issuesFromZod, ValidationError, type ValidationIssue } from '../domain/errors';
import { closestName } from '../domain/field-names';
import { RULE_IDS } from '../domain/finding';
import { requireCouncil, type AuditStore } from '../store/audit-store';

export interface PushOptions {
  /** Who pushed it, for the change record. */
  by: string;
  clock?: () => Date;
  /** Where the configuration came from (a file name), for error messages. */
  source?: string;
}

export interface PushResult {
  /** `unchanged`: identical to what is stored, and nothing was written. */
  outcome: 'stored' | 'unchanged';
  /** The version in effect afterwards (undefined for a configuration stored before versions, left unchanged). */
  version: number | undefined;
  /** What this push changed: configuration paths, and accounts registered, approved or changed. */
  changes: ConfigChange[];
  /** Registered accounts the configuration does not list: they stay registered. */
  notListed: Account[];
}

/**
 * Stores a council's configuration as its next version, and registers and approves the accounts its
 * `approvedAccounts` list in the account registry. Primary course:
 * 1. the council must be registered;
 * 2. validate everything before writing anything: the configuration (strict: unknown keys refused by
 *    name), its rule ids, every account as `accounts add` would, and who is pushing;
 * 3. read the newest version (or a configuration stored before versions) and the account registry;
 * 4. work out what changes; when nothing does, write nothing and say `unchanged`;
 * 5. store version N+1 with its change record, on condition that no other push stored it first;
 * 6. register or approve each listed account that differs from the registry, through the same use
 *    case as `accounts add`. A push interrupted here is completed by pushing again.
 */
export async function pushCouncilConfig(store: AuditStore, councilId: CouncilId, input: unknown, options: PushOptions): Promise<PushResult> {
  const clock = options.clock ?? (() => new Date());
  await requireCouncil(store, councilId);
  const { config, accounts, by } = validatePush(input, options.by, clock, options.source);

  const council = store.forCouncil(councilId);
  const [latest, unversioned, registry] = await Promise.all([council.getConfigVersion(), council.getCouncilConfig(), council.listAccounts()]);
  const previous = latest?.config ?? unversioned;
  const stored = new Map(registry.map((a) => [handleKey(a.platform, a.handle), a]));
  const accountWork = accounts.flatMap((account) => {
    const changes = accountChanges(stored.get(handleKey(account.platform, account.handle)), account);
    return changes.length > 0 ? [{ account, changes }] : [];
  });
  const listed = new Set(accounts.map((a) => handleKey(a.platform, a.handle)));
  const notListed = registry.filter((a) => !listed.has(handleKey(a.platform, a.handle)));

  const configDiffers = previous === undefined || configChanges(previous, config).length > 0;
  if (!configDiffers && accountWork.length === 0) return { outcome: 'unchanged', version: latest?.version, changes: [], notListed };

  const changes = [...configChanges(previous, config), ...accountWork.flatMap((w) => w.changes)];
  const version = (latest?.version ?? 0) + 1;
  await council.putConfigVersion({ version, config: withoutAccounts(config), at: clock().toISOString(), by, changes });
  for (const { account } of accountWork) await registerAccount(council, account, clock);
  return { outcome: 'stored', version, changes, notListed };
}

/** The path an account of `approvedAccounts` is named by in a change record. */
export function accountPath(account: Pick<Account, 'platform' | 'handle'>): string {
  return `approvedAccounts[${account.platform} ${account.handle}]`;
}

function accountChanges(existing: Account | undefined, wanted: Account): ConfigChange[] {
  const path = accountPath(wanted);
  const approving = wanted.approvedBy !== undefined && wanted.approvedOn !== undefined;
  if (!existing) return [{ path, change: 'registered' }, ...(approving ? [{ path, change: 'approved' as const }] : [])];
  const changes: ConfigChange[] = [];
  if (approving && (existing.approvedBy !== wanted.approvedBy || existing.approvedOn !== wanted.approvedOn)) changes.push({ path, change: 'approved' });
  if ((wanted.displayName !== undefined && wanted.displayName !== existing.displayName) || (wanted.baseUrl !== undefined && wanted.baseUrl !== existing.baseUrl)) {
    changes.push({ path, change: 'changed' });
  }
  return changes;
}

/**
 * Everything a push could refuse, gathered into one error naming each field and value: nothing is
 * written unless all of it is valid.
 */
/**
 * Everything a push checks before it writes anything, for a caller that must refuse a configuration
 * before it starts (the local twin); throws the same ConfigValidationError a push would.
 */
export function validatePush(input: unknown, by: string, clock: () => Date, source?: string): { config: CouncilConfig; accounts: Account[]; by: string } {
  const issues: ValidationIssue[] = [];
  const parsed = CouncilConfigSchema.safeParse(input);
  if (!parsed.success) issues.push(...issuesFromZod(parsed.error, input, CouncilConfigSchema));

  const fields = isRecord(input) ? input : {};
  if (isRecord(fields.rules)) {
    for (const rule of Object.keys(fields.rules).filter((id) => !(RULE_IDS as readonly string[]).includes(id))) {
      const suggestion = closestName(rule, RULE_IDS);
      issues.push({ field: formatPath(['rules', rule]), message: suggestion ? `is not a rule of the rulebook: did you mean "${suggestion}"?` : `is not a rule of the rulebook (${RULE_IDS.join(', ')})` });
    }
  }

  const accounts: Account[] = [];
  const seen = new Map<string, number>();
  const entries = Array.isArray(fields.approvedAccounts) ? (fields.approvedAccounts as unknown[]) : [];
  entries.forEach((entry, i) => {
    if (!isRecord(entry)) return;
    const at = (field: string) => formatPath(['approvedAccounts', i, ...(field ? [field] : [])]);
    const registration = entry as unknown as Registration;
    try {
      const account = checkRegistration(registration, clock);
      const key = handleKey(account.platform, account.handle);
      const first = seen.get(key);
      if (first !== undefined) issues.push({ field: at('handle'), message: `is the same account as approvedAccounts[${first}]`, value: JSON.stringify(account.handle) });
      seen.set(key, first ?? i);
      if (Boolean(registration.approvedBy) !== Boolean(registration.approvedOn)) {
        issues.push({ field: at(registration.approvedBy ? 'approvedOn' : 'approvedBy'), message: 'is missing: an approval needs both approvedBy and approvedOn' });
      }
      accounts.push(account);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues.map((issue) => ({ ...issue, field: at(issue.field) })));
    }
  });

  const pusher = by.trim();
  if (pusher === '') issues.push({ field: '--by', message: 'must name who is pushing' });

  const unique = issues.filter((issue, i) => issues.findIndex((other) => other.field === issue.field && other.message === issue.message) === i);
  if (unique.length > 0 || !parsed.success) {
    throw new ConfigValidationError(`invalid council configuration${source ? ` ${source}` : ''}; nothing was stored`, unique);
  }
  return { config: parsed.data, accounts, by: pusher };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
