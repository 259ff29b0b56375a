import type { RuleId } from '../domain/finding';
import { closestName, knownFieldsAt } from '../domain/field-names';
import type * as z from '../zod';
import type { DetectorMeta } from './detector';
import { RULE_META } from './meta';

// The rules' `meta` is the catalogue: the digest, the report, the CLI and the evaluation ask it a rule's
// title and level rather than knowing any rule by its id.

// Built on first use: the configuration schema reads the catalogue. It is read from shared/detectors/meta.ts,
// not from the detectors, so that nothing that only names rules loads their word lists.
let byId: ReadonlyMap<string, DetectorMeta> | undefined;
function catalogue(): ReadonlyMap<string, DetectorMeta> {
  byId ??= new Map(Object.values(RULE_META).map((meta) => [meta.id, meta as DetectorMeta]));
  return byId;
}

/** The metadata of a rule, or undefined for an id no detector has. */
export function ruleMeta(id: string): DetectorMeta | undefined {
  return catalogue().get(id);
}

/**
 * The rule's name as people read it: its meta's title. An id no rule has (a record written by a rule
 * since retired) is shown as it is stored.
 */
export function ruleTitle(id: RuleId | string): string {
  return catalogue().get(id)?.title ?? id;
}

/** Whether a rule judges posts (`post`) or accounts once each (`account`). */
export function ruleLevel(id: RuleId | string): 'post' | 'account' {
  return catalogue().get(id)?.level ?? 'post';
}

/** Whether a finding is about a post's content (its rule is post-level and it names a post). */
export function isPostFinding(finding: { rule: string; postId?: string | undefined }): boolean {
  return ruleLevel(finding.rule) === 'post' && finding.postId !== undefined;
}

/** The settings every rule takes under `rules.<id>`, besides its own options. */
const COMMON_SETTINGS = new Set(['enabled', 'severity', 'wordingModel']);

/**
 * Problems with `rules.<id>` in a configuration: an id no rule has, or an option the rule does not
 * declare in its `meta.options` (or a bad value for one). Each names the field and says what to do.
 */
export function ruleSettingsProblems(rules: Readonly<Record<string, Record<string, unknown>>>): Array<{ path: (string | number)[]; message: string; input: unknown }> {
  const problems: Array<{ path: (string | number)[]; message: string; input: unknown }> = [];
  for (const [id, settings] of Object.entries(rules)) {
    const meta = catalogue().get(id);
    if (!meta) {
      problems.push({ path: [id], message: `unknown rule; expected one of ${[...catalogue().keys()].join(', ')}`, input: id });
      continue;
    }
    const options = Object.fromEntries(Object.entries(settings).filter(([key]) => !COMMON_SETTINGS.has(key)));
    const known = [...COMMON_SETTINGS, ...(meta.options ? knownFieldsAt(meta.options as z.core.$ZodType, []) : [])];
    const unknown = (key: string) => {
      const suggestion = closestName(key, known);
      problems.push({ path: [id, key], message: suggestion ? `is not a known field: did you mean "${suggestion}"?` : `is not a known field of ${id} (it takes ${known.join(', ')})`, input: settings[key] });
    };
    if (!meta.options) {
      for (const key of Object.keys(options)) unknown(key);
      continue;
    }
    const parsed = meta.options.safeParse(options);
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
        for (const key of issue.keys) unknown(key);
        continue;
      }
      const path = [id, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
      problems.push({ path, message: issue.message, input: path.slice(1).reduce<unknown>((value, p) => (value as Record<string | number, unknown> | undefined)?.[p], settings) });
    }
  }
  return problems;
}
