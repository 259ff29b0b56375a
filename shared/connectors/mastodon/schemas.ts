import * as z from '../../zod';

/*
 * The parts of Mastodon's REST entities the connector reads (docs.joinmastodon.org/entities/).
 * Fields the mapping depends on are typed and required, so a changed API fails loudly and names the
 * field; every object is loose, so new fields pass through, and enumerations that grow over time
 * (media type, visibility, quote state) are plain strings mapped with a fallback.
 */

const timestamp = z.iso.datetime({ offset: true, message: 'expected an ISO-8601 timestamp' });

/** `GET /api/v1/accounts/lookup`, `status.account`, `/api/v2/search` accounts. */
export const MastodonAccountSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  username: z.string(),
  /** `user` for an account local to the instance answering, `user@instance` otherwise. */
  acct: z.string().check(z.minLength(1)),
  display_name: z.string(),
  url: z.string(),
});

/** `media_attachments[]`: `type` is image, gifv, video, audio or unknown (remote media not fetched yet). */
export const MastodonMediaSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  url: z.nullable(z.string()),
  remote_url: z.optional(z.nullable(z.string())),
  /** The alt text. */
  description: z.optional(z.nullable(z.string())),
});

/** The link preview card. */
export const MastodonCardSchema = z.looseObject({
  url: z.string(),
  title: z.string(),
  description: z.string(),
});

export const MastodonMentionSchema = z.looseObject({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  url: z.string(),
});

export const MastodonTagSchema = z.looseObject({ name: z.string(), url: z.string() });

const MastodonPollSchema = z.looseObject({ options: z.array(z.looseObject({ title: z.string() })) });

/** The fields of a status, without the nested statuses (a reblog or a quoted status). */
const statusFields = {
  id: z.string().check(z.minLength(1)),
  created_at: timestamp,
  edited_at: z.optional(z.nullable(timestamp)),
  /** HTML; empty on the outer status of a reblog. */
  content: z.string(),
  spoiler_text: z.string(),
  /** public, unlisted, private or direct (forks add others, e.g. local). */
  visibility: z.string(),
  url: z.optional(z.nullable(z.string())),
  uri: z.string(),
  in_reply_to_id: z.nullable(z.string()),
  in_reply_to_account_id: z.nullable(z.string()),
  account: MastodonAccountSchema,
  media_attachments: z.array(MastodonMediaSchema),
  mentions: z.array(MastodonMentionSchema),
  tags: z.array(MastodonTagSchema),
  card: z.optional(z.nullable(MastodonCardSchema)),
  poll: z.optional(z.nullable(MastodonPollSchema)),
};

/**
 * Mastodon 4.4+: a Quote (`quoted_status`, one level deep) or, nested inside a quoted status, a
 * ShallowQuote (`quoted_status_id`). `quoted_status` is null unless the quote is accepted.
 */
const shallowQuote = z.looseObject({
  state: z.string(),
  quoted_status_id: z.optional(z.nullable(z.string())),
  quoted_status: z.optional(z.unknown()),
});

/** A status as nested inside another: a reblogged or quoted one. */
export const MastodonNestedStatusSchema = z.looseObject({
  ...statusFields,
  quote: z.optional(z.nullable(shallowQuote)),
});

export const MastodonQuoteSchema = z.looseObject({
  state: z.string(),
  quoted_status: z.optional(z.nullable(MastodonNestedStatusSchema)),
  quoted_status_id: z.optional(z.nullable(z.string())),
});

/** A status as `GET /api/v1/accounts/:id/statuses` lists it. */
export const MastodonStatusSchema = z.looseObject({
  ...statusFields,
  reblog: z.nullable(MastodonNestedStatusSchema),
  quote: z.optional(z.nullable(MastodonQuoteSchema)),
});

export const MastodonStatusesSchema = z.array(MastodonStatusSchema);

/** `GET /api/v2/search?type=accounts`. */
export const MastodonSearchSchema = z.looseObject({
  accounts: z.array(MastodonAccountSchema),
  statuses: z.array(z.unknown()),
  hashtags: z.array(z.unknown()),
});

/** Mastodon's error body, e.g. `{ "error": "The access token is invalid" }`. */
export const MastodonErrorSchema = z.looseObject({ error: z.string() });

export type MastodonAccount = z.infer<typeof MastodonAccountSchema>;
export type MastodonMedia = z.infer<typeof MastodonMediaSchema>;
export type MastodonNestedStatus = z.infer<typeof MastodonNestedStatusSchema>;
export type MastodonStatus = z.infer<typeof MastodonStatusSchema>;
export type MastodonSearch = z.infer<typeof MastodonSearchSchema>;
