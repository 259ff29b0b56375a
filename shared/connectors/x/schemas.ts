import * as z from '../../zod';
import { answerTo, parsePayload } from '../parse-payload';

/**
 * The X API v2 payloads the connector reads (https://docs.x.com/x-api): only the fields it uses are
 * required; everything else passes through untouched, so that X adding a field breaks nothing.
 */

/** `errors[]` of a 200 answer with partial (or no) data, e.g. an unknown username or a deleted tweet. */
export const XProblemSchema = z.looseObject({
  title: z.optional(z.string()),
  detail: z.optional(z.string()),
  type: z.optional(z.string()),
  resource_type: z.optional(z.string()),
  value: z.optional(z.string()),
});

export const XUserSchema = z.looseObject({
  id: z.string().check(z.regex(/^\d+$/, 'expected a numeric id as a string')),
  username: z.string().check(z.minLength(1)),
  name: z.optional(z.string()),
});
export type XUser = z.infer<typeof XUserSchema>;

/** `GET /2/users/by/username/:username` */
export const XUserLookupSchema = z.looseObject({
  data: z.optional(XUserSchema),
  errors: z.optional(z.array(XProblemSchema)),
});

const XUrlEntitySchema = z.looseObject({
  /** The t.co wrapper as it appears in `text`. */
  url: z.string(),
  expanded_url: z.optional(z.string()),
  display_url: z.optional(z.string()),
  /** Present when the t.co link is the tweet's own attached media, not a link the council typed. */
  media_key: z.optional(z.string()),
});

const XMentionEntitySchema = z.looseObject({
  start: z.number(),
  end: z.optional(z.number()),
  username: z.string(),
  id: z.optional(z.string()),
});

export const REFERENCE_TYPES = ['replied_to', 'retweeted', 'quoted'] as const;

const XEntitiesSchema = z.looseObject({
  urls: z.optional(z.array(XUrlEntitySchema)),
  mentions: z.optional(z.array(XMentionEntitySchema)),
});

export const XTweetSchema = z.looseObject({
  id: z.string().check(z.regex(/^\d+$/, 'expected a numeric id as a string')),
  text: z.string(),
  created_at: z.iso.datetime({ offset: true, message: 'expected an ISO-8601 timestamp' }),
  author_id: z.optional(z.string()),
  // The first is the post's id in the canonical post: an empty one would make a post without an id.
  edit_history_tweet_ids: z.optional(z.array(z.string().check(z.regex(/^\d+$/, 'expected a numeric id as a string')))),
  entities: z.optional(XEntitiesSchema),
  /**
   * A long post (over 280 characters): `text` is cut short, and the whole of it, with its own
   * entities, is here (`tweet.fields=note_tweet`).
   */
  note_tweet: z.optional(z.looseObject({ text: z.string(), entities: z.optional(XEntitiesSchema) })),
  attachments: z.optional(z.looseObject({ media_keys: z.optional(z.array(z.string())) })),
  /** `type` stays a string: a reference type X adds later is ignored, not fatal. */
  referenced_tweets: z.optional(z.array(z.looseObject({ type: z.string(), id: z.string().check(z.regex(/^\d+$/, 'expected a numeric id as a string')) }))),
});
export type XTweet = z.infer<typeof XTweetSchema>;

export const XMediaSchema = z.looseObject({
  media_key: z.string(),
  /** `photo`, `video`, `animated_gif`; anything else becomes `other`. */
  type: z.string(),
  url: z.optional(z.string()),
  preview_image_url: z.optional(z.string()),
  alt_text: z.optional(z.string()),
});
export type XMedia = z.infer<typeof XMediaSchema>;

export const XIncludesSchema = z.looseObject({
  media: z.optional(z.array(XMediaSchema)),
  /** Their authors (the request expands `referenced_tweets.id.author_id`). */
  users: z.optional(z.array(XUserSchema)),
  /** The tweets replied to, retweeted and quoted (the request expands `referenced_tweets.id`). */
  tweets: z.optional(z.array(z.extend(z.partial(XTweetSchema), { id: z.string() }))),
});
export type XIncludes = z.infer<typeof XIncludesSchema>;

/** `GET /2/users/:id/tweets` */
export const XTimelineSchema = z.looseObject({
  data: z.optional(z.array(XTweetSchema)),
  includes: z.optional(XIncludesSchema),
  meta: z.optional(
    z.looseObject({
      result_count: z.optional(z.number()),
      newest_id: z.optional(z.string().check(z.regex(/^\d+$/, 'expected a numeric id as a string'))),
      oldest_id: z.optional(z.string()),
      next_token: z.optional(z.string()),
    }),
  ),
  errors: z.optional(z.array(XProblemSchema)),
});
export type XTimeline = z.infer<typeof XTimelineSchema>;

/** Parses a payload, or throws PlatformResponseError naming the URL and each field that did not match. */
export function parseXPayload<S extends z.ZodMiniType>(schema: S, input: unknown, url: string): z.infer<S> {
  return parsePayload(schema, input, answerTo('x', url));
}

export function describeProblems(problems: readonly z.infer<typeof XProblemSchema>[]): string {
  return problems.map((p) => p.detail ?? p.title ?? p.type ?? 'unknown problem').join('; ');
}
