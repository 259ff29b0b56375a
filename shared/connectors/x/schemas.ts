import { z } from 'zod';
import { answerTo, parsePayload } from '../parse-payload';

/**
 * The X API v2 payloads the connector reads (https://docs.x.com/x-api): only the fields it uses are
 * required; everything else passes through untouched, so that X adding a field breaks nothing.
 */

/** `errors[]` of a 200 answer with partial (or no) data, e.g. an unknown username or a deleted tweet. */
export const XProblemSchema = z.looseObject({
  title: z.string().optional(),
  detail: z.string().optional(),
  type: z.string().optional(),
  resource_type: z.string().optional(),
  value: z.string().optional(),
});

export const XUserSchema = z.looseObject({
  id: z.string().regex(/^\d+$/, 'expected a numeric id as a string'),
  username: z.string().min(1),
  name: z.string().optional(),
});
export type XUser = z.infer<typeof XUserSchema>;

/** `GET /2/users/by/username/:username` */
export const XUserLookupSchema = z.looseObject({
  data: XUserSchema.optional(),
  errors: z.array(XProblemSchema).optional(),
});

const XUrlEntitySchema = z.looseObject({
  /** The t.co wrapper as it appears in `text`. */
  url: z.string(),
  expanded_url: z.string().optional(),
  display_url: z.string().optional(),
  /** Present when the t.co link is the tweet's own attached media, not a link the council typed. */
  media_key: z.string().optional(),
});

const XMentionEntitySchema = z.looseObject({
  start: z.number(),
  end: z.number().optional(),
  username: z.string(),
  id: z.string().optional(),
});

export const REFERENCE_TYPES = ['replied_to', 'retweeted', 'quoted'] as const;

export const XTweetSchema = z.looseObject({
  id: z.string().regex(/^\d+$/, 'expected a numeric id as a string'),
  text: z.string(),
  created_at: z.iso.datetime({ offset: true, message: 'expected an ISO-8601 timestamp' }),
  author_id: z.string().optional(),
  edit_history_tweet_ids: z.array(z.string()).optional(),
  entities: z
    .looseObject({
      urls: z.array(XUrlEntitySchema).optional(),
      mentions: z.array(XMentionEntitySchema).optional(),
    })
    .optional(),
  attachments: z.looseObject({ media_keys: z.array(z.string()).optional() }).optional(),
  /** `type` stays a string: a reference type X adds later is ignored, not fatal. */
  referenced_tweets: z.array(z.looseObject({ type: z.string(), id: z.string() })).optional(),
});
export type XTweet = z.infer<typeof XTweetSchema>;

export const XMediaSchema = z.looseObject({
  media_key: z.string(),
  /** `photo`, `video`, `animated_gif`; anything else becomes `other`. */
  type: z.string(),
  url: z.string().optional(),
  preview_image_url: z.string().optional(),
  alt_text: z.string().optional(),
});
export type XMedia = z.infer<typeof XMediaSchema>;

export const XIncludesSchema = z.looseObject({
  media: z.array(XMediaSchema).optional(),
  /** Only present when the request expands `referenced_tweets.id.author_id`. */
  users: z.array(XUserSchema).optional(),
  /** Only present when the request expands `referenced_tweets.id`. */
  tweets: z.array(XTweetSchema.partial().extend({ id: z.string() })).optional(),
});
export type XIncludes = z.infer<typeof XIncludesSchema>;

/** `GET /2/users/:id/tweets` */
export const XTimelineSchema = z.looseObject({
  data: z.array(XTweetSchema).optional(),
  includes: XIncludesSchema.optional(),
  meta: z
    .looseObject({
      result_count: z.number().optional(),
      newest_id: z.string().regex(/^\d+$/, 'expected a numeric id as a string').optional(),
      oldest_id: z.string().optional(),
      next_token: z.string().optional(),
    })
    .optional(),
  errors: z.array(XProblemSchema).optional(),
});
export type XTimeline = z.infer<typeof XTimelineSchema>;

/** Parses a payload, or throws PlatformResponseError naming the URL and each field that did not match. */
export function parseXPayload<S extends z.ZodType>(schema: S, input: unknown, url: string): z.infer<S> {
  return parsePayload(schema, input, answerTo('x', url));
}

export function describeProblems(problems: readonly z.infer<typeof XProblemSchema>[]): string {
  return problems.map((p) => p.detail ?? p.title ?? p.type ?? 'unknown problem').join('; ');
}
