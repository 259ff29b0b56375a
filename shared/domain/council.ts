import * as z from '../zod';
import { issuesFromZod, ValidationError } from './errors';

/**
 * A council's id: the short slug every one of its records is kept under (`harbourne-tc`). Lower-case
 * letters, digits and hyphens, so that it is safe in a table key, an S3 key, a URL and an IAM pattern,
 * and never holds the `#` that separates the parts of a key.
 */
export const COUNCIL_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/;

export const CouncilIdSchema = z.string().check(
  z.regex(COUNCIL_ID_PATTERN, 'expected a council id such as harbourne-tc: 3 to 40 lower-case letters, digits and hyphens, not starting or ending with a hyphen'),
);
export type CouncilId = z.infer<typeof CouncilIdSchema>;

/**
 * A council in the deployment's registry: the operator's record of a tenant. How the council is named
 * in posts, its accounts and its policy settings are its configuration (config.ts); this is what the
 * deployment needs to serve it: who receives its weekly digest.
 */
export const CouncilSchema = z.object({
  id: CouncilIdSchema,
  /** The operator's name for it, shown in listings (its configuration names it for the rules). */
  name: z.string().check(z.trim(), z.minLength(1, 'must not be empty')),
  /** Who receives the weekly digest: the Town Clerk, and whoever else the council names. */
  digestTo: z.array(z.email({ message: 'expected an email address' })).check(z.minLength(1, 'must name at least one address')),
  registeredAt: z.iso.datetime({ offset: true }),
});
export type Council = z.infer<typeof CouncilSchema>;

export class CouncilValidationError extends ValidationError {}

/** A council id, or a CouncilValidationError naming the field (`council` unless told) and the value. */
export function parseCouncilId(input: unknown, field = 'council'): CouncilId {
  const result = CouncilIdSchema.safeParse(input);
  if (!result.success) {
    const issues = issuesFromZod(result.error, input).map((issue) => ({ ...issue, field }));
    throw new CouncilValidationError('invalid council id', issues);
  }
  return result.data;
}

/** A council registration, or a CouncilValidationError naming each field and value. */
export function parseCouncil(input: unknown): Council {
  const result = CouncilSchema.safeParse(input);
  if (!result.success) throw new CouncilValidationError('invalid council registration', issuesFromZod(result.error, input));
  return result.data;
}

/**
 * An id made from a council's name (`Little Stowbury Parish Council` → `little-stowbury-parish-council`),
 * for a preview that names no id; a CouncilValidationError when nothing usable is left.
 */
export function councilIdFromName(name: string): CouncilId {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  return parseCouncilId(slug, '--council');
}
