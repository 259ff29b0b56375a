import * as z from '../../zod';
import { graphPageSchema } from '../graph/timeline';
import { GraphTimeSchema } from '../graph/time';

/** The fields asked of each Page post (`attachments` is an edge, hence the braces). */
export const FACEBOOK_POST_FIELDS =
  'id,created_time,message,permalink_url,status_type,parent_id,attachments{type,media_type,title,description,url,unshimmed_url,media,target,subattachments}';

/** `media` of an attachment: a photo's or a video thumbnail's `image`, a video's `source`. */
export const FacebookAttachmentMediaSchema = z.looseObject({
  image: z.optional(z.looseObject({ src: z.string(), height: z.optional(z.number()), width: z.optional(z.number()) })),
  source: z.optional(z.string()),
});

const attachmentFields = {
  /** photo, album, video_inline, video_autoplay, share, multi_share, event, animated_image_share, … (open-ended) */
  type: z.optional(z.string()),
  /** photo, video, link, album, event, … (open-ended) */
  media_type: z.optional(z.string()),
  title: z.optional(z.string()),
  /** The photo's caption or the link card's summary: never alt text. */
  description: z.optional(z.string()),
  /** For links, Facebook's `l.facebook.com` redirect; for photos and videos, their Facebook page. */
  url: z.optional(z.string()),
  unshimmed_url: z.optional(z.string()),
  media: z.optional(FacebookAttachmentMediaSchema),
  target: z.optional(z.looseObject({ id: z.optional(z.string()), url: z.optional(z.string()) })),
};

export const FacebookSubattachmentSchema = z.looseObject(attachmentFields);

export const FacebookAttachmentSchema = z.looseObject({
  ...attachmentFields,
  subattachments: z.optional(z.looseObject({ data: z.array(FacebookSubattachmentSchema) })),
});

export const FacebookPostSchema = z.looseObject({
  /** `{page-id}_{post-id}` */
  id: z.string().check(z.minLength(1)),
  created_time: GraphTimeSchema,
  message: z.optional(z.string()),
  permalink_url: z.optional(z.string()),
  /** mobile_status_update, added_photos, added_video, shared_story, created_event, … (open-ended) */
  status_type: z.optional(z.string()),
  /** The post this one shares, `{page-id}_{post-id}`. */
  parent_id: z.optional(z.string()),
  attachments: z.optional(z.looseObject({ data: z.array(FacebookAttachmentSchema) })),
});

export const FacebookPostsPageSchema = graphPageSchema(FacebookPostSchema);

export type FacebookAttachment = z.infer<typeof FacebookAttachmentSchema>;
export type FacebookSubattachment = z.infer<typeof FacebookSubattachmentSchema>;
export type FacebookPost = z.infer<typeof FacebookPostSchema>;
export type FacebookPostsPage = z.infer<typeof FacebookPostsPageSchema>;
