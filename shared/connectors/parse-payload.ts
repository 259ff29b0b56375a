import type * as z from '../zod';
import { describeIssue, issuesFromZod } from '../domain/errors';
import { PlatformResponseError } from './errors';
import { safeUrl } from './http/create-http';

/**
 * Checks a platform's payload against its schema, or throws PlatformResponseError saying which answer
 * it was and each field that did not match (five at most): a changed API is named, never a crash.
 */
export function parsePayload<S extends z.ZodMiniType>(schema: S, input: unknown, source: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error, input);
  const shown = issues.slice(0, 5).map(describeIssue);
  if (issues.length > shown.length) shown.push(`… and ${issues.length - shown.length} more`);
  throw new PlatformResponseError(`${source} has an unexpected shape: ${shown.join('; ')}`, { cause: result.error });
}

/** `mastodon: the answer to GET https://…` (secrets in the query masked), for parsePayload. */
export function answerTo(platform: string, url: string, what?: string): string {
  return `${platform}: the ${what ? `${what} ` : ''}answer to GET ${safeUrl(url)}`;
}
