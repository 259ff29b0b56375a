import * as z from '../../zod';
import { graphPageSchema } from '../graph/timeline';
import { GraphTimeSchema } from '../graph/time';

/** The fields asked of each media object (`children` is an edge, hence the braces). */
export const INSTAGRAM_MEDIA_FIELDS =
  'id,caption,media_type,media_product_type,media_url,permalink,timestamp,username,children{id,media_type,media_url}';

export const InstagramChildSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  /** IMAGE or VIDEO (open-ended) */
  media_type: z.string(),
  /** Absent when the media holds copyrighted material or was flagged. */
  media_url: z.optional(z.string()),
});

export const InstagramMediaSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  caption: z.optional(z.string()),
  /** IMAGE, VIDEO or CAROUSEL_ALBUM (open-ended) */
  media_type: z.string(),
  /** FEED, REELS, STORY, AD (open-ended) */
  media_product_type: z.optional(z.string()),
  media_url: z.optional(z.string()),
  permalink: z.optional(z.string()),
  timestamp: GraphTimeSchema,
  username: z.optional(z.string()),
  children: z.optional(z.looseObject({ data: z.array(InstagramChildSchema) })),
});

export const InstagramMediaPageSchema = graphPageSchema(InstagramMediaSchema);

export type InstagramChild = z.infer<typeof InstagramChildSchema>;
export type InstagramMedia = z.infer<typeof InstagramMediaSchema>;
export type InstagramMediaPage = z.infer<typeof InstagramMediaPageSchema>;
