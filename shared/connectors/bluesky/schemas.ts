import * as z from '../../zod';

/*
 * The public AppView's responses, as far as the connector reads them (lexicons app.bsky.feed.defs,
 * app.bsky.feed.post, app.bsky.embed.*, app.bsky.richtext.facet, app.bsky.actor.defs).
 *
 * Strict on what the mapping needs (a missing `uri` or `createdAt` is a changed shape and is reported
 * with its path); loose objects everywhere else, because the AppView adds fields over time. Unions that
 * the AppView extends (embed views, facet features, feed reasons, quoted records) are open: a known
 * `$type` is checked in full, an unknown one comes back as `{ $type: 'unknown', unknownType, value }` so that
 * a new kind of embed never breaks a scan.
 */

/** What an open union returns for a `$type` this connector does not know yet. */
export interface UnknownMember {
  $type: 'unknown';
  unknownType: string;
  /** The member as the AppView sent it, for what can still be read from it (images, say). */
  value: Record<string, unknown>;
}

/**
 * A union over `$type` that accepts members it does not know. Unlike `z.union`, a known member that
 * is malformed reports the failing field's own path, not "no union member matched".
 */
function openUnion<const Options extends readonly [z.ZodMiniType<{ $type: string }>, ...z.ZodMiniType<{ $type: string }>[]]>(
  types: { readonly [K in keyof Options]: string },
  options: Options,
) {
  const byType = new Map<string, z.ZodMiniType<{ $type: string }>>(types.map((type, i) => [type, options[i]!]));
  return z.pipe(z.looseObject({ $type: z.string() }), z.transform((value, ctx): z.output<Options[number]> | UnknownMember => {
    const schema = byType.get(value.$type);
    if (schema === undefined) return { $type: 'unknown', unknownType: value.$type, value };
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data as z.output<Options[number]>;
    for (const issue of parsed.error.issues) ctx.issues.push({ ...issue, input: value } as z.core.$ZodRawIssue);
    return z.NEVER;
  }));
}

const Did = z.string().check(z.startsWith('did:', 'expected a DID (did:…)'));
const AtUri = z.string().check(z.startsWith('at://', 'expected an AT URI (at://…)'));
/** Times the AppView itself writes (not the client's createdAt), so a strict format. */
const ServerTime = z.iso.datetime({ offset: true, message: 'expected an ISO-8601 timestamp' });

/** app.bsky.actor.defs#profileViewBasic: the author of a post or of a repost. */
export const ProfileViewBasicSchema = z.looseObject({
  did: Did,
  handle: z.string().check(z.minLength(1)),
  displayName: z.optional(z.string()),
});

/** app.bsky.actor.defs#profileView (searchActors) and #profileViewDetailed (getProfile). */
export const ProfileViewSchema = z.extend(ProfileViewBasicSchema, {
  description: z.optional(z.string()),
});
export const ProfileViewDetailedSchema = z.extend(ProfileViewSchema, {
  followersCount: z.optional(z.number().check(z.int())),
  postsCount: z.optional(z.number().check(z.int())),
});

export const SearchActorsResponseSchema = z.looseObject({
  cursor: z.optional(z.string()),
  actors: z.array(ProfileViewSchema),
});
export const GetProfileResponseSchema = ProfileViewDetailedSchema;

// ---------------------------------------------------------------------------------------------------
// Rich text

const ByteSliceSchema = z.looseObject({
  byteStart: z.number().check(z.int(), z.nonnegative()),
  byteEnd: z.number().check(z.int(), z.nonnegative()),
});

export const LINK_FEATURE = 'app.bsky.richtext.facet#link';
export const FacetFeatureSchema = openUnion(
  [LINK_FEATURE, 'app.bsky.richtext.facet#mention', 'app.bsky.richtext.facet#tag'],
  [
    z.looseObject({ $type: z.literal(LINK_FEATURE), uri: z.string() }),
    z.looseObject({ $type: z.literal('app.bsky.richtext.facet#mention'), did: Did }),
    z.looseObject({ $type: z.literal('app.bsky.richtext.facet#tag'), tag: z.string() }),
  ],
);

export const FacetSchema = z.looseObject({
  index: ByteSliceSchema,
  features: z.array(FacetFeatureSchema),
});

const StrongRefSchema = z.looseObject({ uri: AtUri, cid: z.string() });

/** app.bsky.feed.post: the record as the author wrote it. Its `embed` is the stored form; the mapping reads the view on the post. */
export const PostRecordSchema = z.looseObject({
  text: z.string(),
  createdAt: z.string(),
  facets: z.optional(z.array(FacetSchema)),
  reply: z.optional(z.looseObject({ root: StrongRefSchema, parent: StrongRefSchema })),
  embed: z.optional(z.unknown()),
  langs: z.optional(z.array(z.string())),
});

// ---------------------------------------------------------------------------------------------------
// Embed views (post.embed)

export const IMAGES_VIEW = 'app.bsky.embed.images#view';
export const EXTERNAL_VIEW = 'app.bsky.embed.external#view';
export const RECORD_VIEW = 'app.bsky.embed.record#view';
export const RECORD_WITH_MEDIA_VIEW = 'app.bsky.embed.recordWithMedia#view';
export const VIDEO_VIEW = 'app.bsky.embed.video#view';

export const ImagesViewSchema = z.looseObject({
  $type: z.literal(IMAGES_VIEW),
  images: z.array(
    z.looseObject({
      thumb: z.string(),
      fullsize: z.string(),
      /** Required by the lexicon; an empty string means the author wrote none. */
      alt: z.string(),
    }),
  ),
});

export const ExternalViewSchema = z.looseObject({
  $type: z.literal(EXTERNAL_VIEW),
  external: z.looseObject({
    uri: z.string(),
    title: z.string(),
    description: z.string(),
    thumb: z.optional(z.string()),
  }),
});

export const VideoViewSchema = z.looseObject({
  $type: z.literal(VIDEO_VIEW),
  cid: z.string(),
  playlist: z.string(),
  thumbnail: z.optional(z.string()),
  alt: z.optional(z.string()),
});

export const VIEW_RECORD = 'app.bsky.embed.record#viewRecord';
export const VIEW_NOT_FOUND = 'app.bsky.embed.record#viewNotFound';
export const VIEW_BLOCKED = 'app.bsky.embed.record#viewBlocked';
export const VIEW_DETACHED = 'app.bsky.embed.record#viewDetached';

/** The quoted thing: a post, or a post that is gone, blocked or detached; feeds, lists and packs stay unknown. */
export const QuotedRecordSchema = openUnion(
  [VIEW_RECORD, VIEW_NOT_FOUND, VIEW_BLOCKED, VIEW_DETACHED],
  [
    z.looseObject({
      $type: z.literal(VIEW_RECORD),
      uri: AtUri,
      cid: z.string(),
      author: ProfileViewBasicSchema,
      /** The quoted record; for a post, app.bsky.feed.post. Other record types have no text. */
      value: z.looseObject({ text: z.optional(z.string()) }),
      indexedAt: z.string(),
    }),
    z.looseObject({ $type: z.literal(VIEW_NOT_FOUND), uri: AtUri, notFound: z.literal(true) }),
    z.looseObject({
      $type: z.literal(VIEW_BLOCKED),
      uri: AtUri,
      blocked: z.literal(true),
      author: z.looseObject({ did: Did }),
    }),
    z.looseObject({ $type: z.literal(VIEW_DETACHED), uri: AtUri, detached: z.literal(true) }),
  ],
);

export const RecordViewSchema = z.looseObject({
  $type: z.literal(RECORD_VIEW),
  record: QuotedRecordSchema,
});

export const RecordWithMediaViewSchema = z.looseObject({
  $type: z.literal(RECORD_WITH_MEDIA_VIEW),
  /** A record#view by reference, not a union member, so without its own `$type`. */
  record: z.looseObject({ record: QuotedRecordSchema }),
  media: openUnion([IMAGES_VIEW, VIDEO_VIEW, EXTERNAL_VIEW], [ImagesViewSchema, VideoViewSchema, ExternalViewSchema]),
});

export const EmbedViewSchema = openUnion(
  [IMAGES_VIEW, EXTERNAL_VIEW, RECORD_VIEW, RECORD_WITH_MEDIA_VIEW, VIDEO_VIEW],
  [ImagesViewSchema, ExternalViewSchema, RecordViewSchema, RecordWithMediaViewSchema, VideoViewSchema],
);

// ---------------------------------------------------------------------------------------------------
// Feed

/** app.bsky.feed.defs#postView, with its record checked as app.bsky.feed.post. */
export const PostViewSchema = z.looseObject({
  uri: AtUri,
  cid: z.string(),
  author: ProfileViewBasicSchema,
  record: PostRecordSchema,
  embed: z.optional(EmbedViewSchema),
  indexedAt: ServerTime,
});

export const REASON_REPOST = 'app.bsky.feed.defs#reasonRepost';
export const REASON_PIN = 'app.bsky.feed.defs#reasonPin';

export const ReasonSchema = openUnion(
  [REASON_REPOST, REASON_PIN],
  [
    z.looseObject({
      $type: z.literal(REASON_REPOST),
      by: ProfileViewBasicSchema,
      /** The repost record itself (newer AppViews only). */
      uri: z.optional(AtUri),
      indexedAt: ServerTime,
    }),
    z.looseObject({ $type: z.literal(REASON_PIN) }),
  ],
);

/**
 * reply.parent is a postView, #notFoundPost or #blockedPost; only the author's handle is read, and a
 * blocked author has none, so every variant is accepted as long as it names the parent.
 */
const ReplyRefPostSchema = z.looseObject({
  uri: AtUri,
  author: z.optional(z.looseObject({ did: Did, handle: z.optional(z.string()) })),
});

export const FeedViewPostSchema = z.looseObject({
  post: PostViewSchema,
  reply: z.optional(z.looseObject({ root: ReplyRefPostSchema, parent: ReplyRefPostSchema })),
  reason: z.optional(ReasonSchema),
});

export const AuthorFeedResponseSchema = z.looseObject({
  cursor: z.optional(z.string()),
  feed: z.array(FeedViewPostSchema),
});

export type AuthorFeedResponse = z.infer<typeof AuthorFeedResponseSchema>;
export type FeedViewPost = z.infer<typeof FeedViewPostSchema>;
export type PostView = z.infer<typeof PostViewSchema>;
export type PostRecord = z.infer<typeof PostRecordSchema>;
export type Facet = z.infer<typeof FacetSchema>;
export type EmbedView = z.infer<typeof EmbedViewSchema>;
export type QuotedRecord = z.infer<typeof QuotedRecordSchema>;
export type ProfileViewBasic = z.infer<typeof ProfileViewBasicSchema>;
export type SearchActorsResponse = z.infer<typeof SearchActorsResponseSchema>;

/** The error body XRPC services send with a non-2xx status, e.g. `{ "error": "RateLimitExceeded" }`. */
export const XrpcErrorSchema = z.looseObject({ error: z.string(), message: z.optional(z.string()) });
