import * as z from '../zod';
import { CouncilConfigSchema, type CouncilConfig } from './config';
import { formatPath } from './errors';

export const CONFIG_CHANGES = ['added', 'removed', 'changed', 'registered', 'approved'] as const;

/**
 * One thing a push changed: a path of the configuration (`council.aliases`, `elections[0].pollingDay`)
 * added, removed or changed, or an account of `approvedAccounts` (`approvedAccounts[mastodon
 * @harbournetc@mastodon.social]`) registered, approved or changed in the account registry.
 */
export const ConfigChangeSchema = z.object({ path: z.string(), change: z.enum(CONFIG_CHANGES) });
export type ConfigChange = z.infer<typeof ConfigChangeSchema>;

/**
 * A stored version of a council's configuration and its change record: who pushed it, when, and what
 * it changed from the version before. The configuration is kept without `approvedAccounts`: the
 * account registry is the only record of which accounts are registered and approved.
 */
export const ConfigVersionSchema = z.object({
  version: z.int().check(z.positive()),
  config: CouncilConfigSchema,
  at: z.iso.datetime({ offset: true }),
  by: z.string().check(z.minLength(1, 'must not be empty')),
  changes: z.array(ConfigChangeSchema),
});
export type ConfigVersion = z.infer<typeof ConfigVersionSchema>;

/** The configuration as it is stored: everything but `approvedAccounts`. */
export function withoutAccounts(config: CouncilConfig): CouncilConfig {
  return { ...config, approvedAccounts: [] };
}

/**
 * What differs between two configurations, path by path, in the order of the newer one's fields.
 * Objects are compared key by key and lists of objects item by item; a list of names (aliases,
 * handles, contacts) is one value, reported as changed as a whole.
 */
export function configChanges(before: CouncilConfig | undefined, after: CouncilConfig): ConfigChange[] {
  // The first version changes nothing: there was nothing before it to change.
  if (before === undefined) return [];
  const changes: ConfigChange[] = [];
  compare(withoutAccounts(before), withoutAccounts(after), [], changes);
  return changes;
}

function compare(before: unknown, after: unknown, path: (string | number)[], changes: ConfigChange[]): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) return void changes.push({ path: formatPath(path), change: 'added' });
  if (after === undefined) return void changes.push({ path: formatPath(path), change: 'removed' });
  if (isRecord(before) && isRecord(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
    for (const key of keys) compare(before[key], after[key], [...path, key], changes);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].some((item) => isRecord(item))) {
    for (let i = 0; i < Math.max(before.length, after.length); i += 1) compare(before[i], after[i], [...path, i], changes);
    return;
  }
  if (!sameJson(before, after)) changes.push({ path: formatPath(path), change: 'changed' });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Equal as JSON, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isRecord(value)) {
    return Object.fromEntries(Object.keys(value).filter((k) => value[k] !== undefined).sort().map((k) => [k, canonical(value[k])]));
  }
  return value;
}
