import * as z from '../../zod';

/** The Graph API's error body: `{ "error": { "message", "type", "code", "error_subcode", "fbtrace_id" } }`. */
export const GraphErrorBodySchema = z.looseObject({
  error: z.looseObject({
    message: z.optional(z.string()),
    type: z.optional(z.string()),
    code: z.number().check(z.int()),
    error_subcode: z.optional(z.number().check(z.int())),
    error_user_title: z.optional(z.string()),
    error_user_msg: z.optional(z.string()),
    fbtrace_id: z.optional(z.string()),
  }),
});
export type GraphErrorBody = z.infer<typeof GraphErrorBodySchema>;
export type GraphError = GraphErrorBody['error'];

/**
 * The error object of a Graph API answer, or undefined when the body is not one. A successful body
 * is only parsed when it opens with an `error` key, so that large timelines are not parsed twice.
 */
export function graphErrorOf(status: number, text: string): GraphError | undefined {
  const failed = status < 200 || status >= 300;
  if (!failed && !/^\s*\{\s*"error"\s*:/.test(text)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = GraphErrorBodySchema.safeParse(json);
  return result.success ? result.data.error : undefined;
}

/** `error 190/463 (OAuthException): Error validating access token…` — for messages, token-shaped strings masked. */
export function describeGraphError(error: GraphError): string {
  const code = error.error_subcode === undefined ? `${error.code}` : `${error.code}/${error.error_subcode}`;
  const type = error.type ? ` (${error.type})` : '';
  const message = error.message ? `: ${maskTokens(error.message)}` : '';
  return `Graph API error ${code}${type}${message}`;
}

/**
 * Meta's access tokens (user, page and Instagram tokens start `EAA` or `IG`) masked, in case a message
 * echoes one back (the "Malformed access token …" family does).
 */
export function maskTokens(text: string): string {
  return text.replace(/\b(?:EAA|IG[A-Z])[A-Za-z0-9_-]{20,}/g, '•••');
}
