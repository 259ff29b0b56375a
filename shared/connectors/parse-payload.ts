import type * as z from '../zod';
import { describeIssue, issuesFromZod } from '../domain/errors';
import { PlatformResponseError } from './errors';
import { safeUrl } from './http/create-http';

/**
 * Checks a platform's payload against its schema, or throws PlatformResponseError saying which answer
 * it was and each field that did not match (five at most), by its path and the type found, never its
 * value (a payload holds other people's words and numbers, and the message is stored and mailed): a
 * changed API is named, never a crash.
 */
export function parsePayload<S extends z.ZodMiniType>(schema: S, input: unknown, source: string): z.infer<S> {
  let result: ReturnType<S['safeParse']>;
  try {
    result = schema.safeParse(input) as ReturnType<S['safeParse']>;
  } catch (error) {
    // A payload nested deeper than the stack (which parseJson refuses for JSON answers).
    if (error instanceof RangeError) throw new PlatformResponseError(`${source} is nested too deeply to read`, { cause: error });
    throw error;
  }
  if (result.success) return result.data as z.infer<S>;
  const issues = issuesFromZod(result.error, input, undefined, { values: false });
  const shown = issues.slice(0, 5).map(describeIssue);
  if (issues.length > shown.length) shown.push(`… and ${issues.length - shown.length} more`);
  throw new PlatformResponseError(`${source} has an unexpected shape: ${shown.join('; ')}`, { cause: result.error });
}

/** `mastodon: the answer to GET https://…` (secrets in the query masked), for parsePayload. */
export function answerTo(platform: string, url: string, what?: string): string {
  return `${platform}: the ${what ? `${what} ` : ''}answer to GET ${safeUrl(url)}`;
}
