import { z } from 'zod';
import { graphPageSchema } from '../graph/timeline';
import { GraphTimeSchema } from '../graph/time';

/** The fields asked of each Page post (`attachments` is an edge, hence the braces). */
export const FACEBOOK_POST_FIELDS =
  'id,created_time,message,permalink_url,status_type,parent_id,attachments{type,media_type,title,description,url,unshimmed_url,media,target,subattachments}';

/** `media` of an attachment: a photo's or a video thumbnail's `image`, a video's `source`. */
export const FacebookAttachmentMediaSchema = z.looseObject({
  image: z.looseObject({ src: z.string(), height: z.number().optional(), width: z.number().optional() }).optional(),
  source: z.string().optional(),
});

const attachmentFields = {
  /** photo, album, video_inline, video_autoplay, share, multi_share, event, animated_image_share, … (open-ended) */
  type: z.string().optional(),
  /** photo, video, link, album, event, … (open-ended) */
  media_type: z.string().optional(),
  title: z.string().optional(),
  /** The photo's caption or the link card's summary: never alt text. */
  description: z.string().optional(),
  /** For links, Facebook's `l.facebook.com` redirect; for photos and videos, their Facebook page. */
  url: z.string().optional(),
  unshimmed_url: z.string().optional(),
  media: FacebookAttachmentMediaSchema.optional(),
  target: z.looseObject({ id: z.string().optional(), url: z.string().optional() }).optional(),
};

export const FacebookSubattachmentSchema = z.looseObject(attachmentFields);

export const FacebookAttachmentSchema = z.looseObject({
  ...attachmentFields,
  subattachments: z.looseObject({ data: z.array(FacebookSubattachmentSchema) }).optional(),
});

export const FacebookPostSchema = z.looseObject({
  /** `{page-id}_{post-id}` */
  id: z.string().min(1),
  created_time: GraphTimeSchema,
  message: z.string().optional(),
  permalink_url: z.string().optional(),
  /** mobile_status_update, added_photos, added_video, shared_story, created_event, … (open-ended) */
  status_type: z.string().optional(),
  /** The post this one shares, `{page-id}_{post-id}`. */
  parent_id: z.string().optional(),
  attachments: z.looseObject({ data: z.array(FacebookAttachmentSchema) }).optional(),
});

export const FacebookPostsPageSchema = graphPageSchema(FacebookPostSchema);

export type FacebookAttachment = z.infer<typeof FacebookAttachmentSchema>;
export type FacebookSubattachment = z.infer<typeof FacebookSubattachmentSchema>;
export type FacebookPost = z.infer<typeof FacebookPostSchema>;
export type FacebookPostsPage = z.infer<typeof FacebookPostsPageSchema>;
