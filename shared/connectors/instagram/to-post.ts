import type { Media, Post } from '../../domain/post';
import { graphTimeToIso } from '../graph/time';
import type { InstagramChild, InstagramMedia } from './schemas';

/** The professional account a media object was read from, as the council registered it. */
export interface InstagramAccount {
  /** The Instagram user id, without `@`. */
  userId: string;
  displayName?: string | undefined;
}

/**
 * An Instagram media object as a canonical post: the caption is the text, the permalink the url, the
 * image, video or carousel members the media. The Graph API gives no alt text and no reply, repost or
 * edit markers, so none are set. The account is the handle as registered (`@<user id>`); the display
 * name falls back to the `@username` Instagram reports.
 */
export function instagramToPost(item: InstagramMedia, account: InstagramAccount): Post {
  const members = item.children?.data ?? [];
  const media = item.media_type === 'CAROUSEL_ALBUM' && members.length > 0 ? members.map(mediaOf) : [mediaOf(item)];
  const accountName = account.displayName ?? (item.username ? `@${item.username}` : undefined);
  return {
    id: item.id,
    platform: 'instagram',
    account: `@${account.userId}`,
    ...(accountName ? { accountName } : {}),
    createdAt: graphTimeToIso(item.timestamp),
    text: item.caption ?? '',
    ...(item.permalink ? { url: item.permalink } : {}),
    media,
  };
}

function mediaOf(item: InstagramMedia | InstagramChild): Media {
  const type = item.media_type === 'IMAGE' || item.media_type === 'CAROUSEL_ALBUM' ? 'image' : item.media_type === 'VIDEO' ? 'video' : 'other';
  return item.media_url ? { type, url: item.media_url } : { type };
}
