import type { CouncilConfig } from '../domain/config';
import type { ConfigVersion } from '../domain/config-version';
import { parseCouncil, type Council, type CouncilId } from '../domain/council';
import { ValidationError, type ValidationIssue } from '../domain/errors';
import type { Principal } from '../domain/roles';
import { authorise } from '../review/authorise';
import type { ReviewDeps } from '../review/review-finding';
import { requireCouncil, type AuditStore } from '../store/audit-store';
import { pushCouncilConfig, validatePush, type PushResult } from './push-config';
import type { SettingsInput } from './settings-form';

/**
 * A council's settings as the Town Clerk and admins keep them (issue #11): the configuration, pushed
 * as a new version through pushCouncilConfig exactly as `council-audit config push` pushes a file, and
 * the weekly digest's recipients, kept on the council's registration as `councils add` keeps them.
 */

/** Settings that cannot be stored: each issue names the form field and the value. Nothing was stored. */
export class SettingsValidationError extends ValidationError {}

export interface CouncilSettings {
  council: Council;
  /** The configuration in effect; undefined for a council whose configuration was never stored. */
  config: CouncilConfig | undefined;
  /** Who stored the version in effect, and when (undefined before versions were kept). */
  version: Omit<ConfigVersion, 'config'> | undefined;
}

export interface SavedSettings {
  push: PushResult;
  /** True when the digest's recipients changed. */
  recipientsChanged: boolean;
}

/** The council's settings, for those who may edit them. */
export async function readCouncilSettings(deps: ReviewDeps, principal: Principal, councilId: CouncilId): Promise<CouncilSettings> {
  authorise(principal, councilId, 'edit-settings');
  const council = await requireCouncil(deps.store, councilId);
  const view = deps.store.forCouncil(councilId);
  const [latest, unversioned] = await Promise.all([view.getConfigVersion(), view.getCouncilConfig()]);
  if (latest) {
    const { config, ...version } = latest;
    return { council, config, version };
  }
  return { council, config: unversioned, version: undefined };
}

/**
 * Saves the settings, primary course:
 * 1. authorise editing the council's settings, before anything is read;
 * 2. check everything (the form's own checks, the configuration as a push checks it, the recipients
 *    as a registration checks them) and refuse it all, naming each field and value, if anything is wrong;
 * 3. push the configuration as the next version, recorded as made by the principal;
 * 4. store the recipients on the registration when they changed.
 */
export async function saveCouncilSettings(deps: ReviewDeps & { store: AuditStore }, principal: Principal, councilId: CouncilId, input: SettingsInput): Promise<SavedSettings> {
  authorise(principal, councilId, 'edit-settings');
  const council = await requireCouncil(deps.store, councilId);
  const clock = deps.clock ?? (() => new Date());
  const by = `${principal.name} (${principal.userId})`;

  const issues: ValidationIssue[] = [...input.issues];
  const refused = new Set(issues.map((i) => i.field));
  const add = (found: readonly ValidationIssue[], fieldOf: (path: string) => string) => {
    for (const issue of found) {
      const field = fieldOf(issue.field);
      if (refused.has(field)) continue;
      refused.add(field);
      issues.push({ ...issue, field });
    }
  };
  try {
    validatePush(input.config, by, clock);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    add(error.issues, input.formFieldOf);
  }
  const registration = { ...council, digestTo: input.digestTo };
  try {
    parseCouncil(registration);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    add(error.issues, (path) => path.replace(/\[\d+\]$/, ''));
  }
  if (issues.length > 0) throw new SettingsValidationError('the settings were not saved', issues);

  const push = await pushCouncilConfig(deps.store, councilId, input.config, { by, clock });
  const recipientsChanged = registration.digestTo.join('\n') !== council.digestTo.join('\n');
  if (recipientsChanged) await deps.store.putCouncil(registration);
  return { push, recipientsChanged };
}
