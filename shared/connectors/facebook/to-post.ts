import type { Media, Post } from '../../domain/post';
import { graphTimeToIso } from '../graph/time';
import type { FacebookAttachment, FacebookPost, FacebookSubattachment } from './schemas';

/** The Page a post was read from, as the council registered it. */
export interface FacebookPage {
  /** The page id or username, without `@`. */
  handle: string;
  displayName?: string | undefined;
}

/**
 * A Page post as a canonical post. `message` is the text and `permalink_url` the url; photos, videos
 * and album members become media (the Graph API gives no alt text on attachments, so `altText` is left
 * out rather than guessed from the caption); link cards become links, unwrapped from Facebook's
 * `l.facebook.com` redirect. The preview image of a link card is the linked site's, not the council's
 * media, so it is not listed.
 *
 * A share of another Page's post is a repost: `parent_id` naming a post of another page, or, without
 * one, a `shared_story` whose link card points at a Facebook post of another page. A share of the
 * Page's own post, and a `shared_story` that shares an ordinary web link, are not reposts.
 */
export function facebookToPost(post: FacebookPost, page: FacebookPage): Post {
  const media: Media[] = [];
  const links: string[] = [];
  for (const attachment of post.attachments?.data ?? []) collectAttachment(attachment, 'none', media, links);
  const repostOf = repostedAccount(post, page);
  return {
    id: post.id,
    platform: 'facebook',
    account: `@${page.handle}`,
    ...(page.displayName ? { accountName: page.displayName } : {}),
    createdAt: graphTimeToIso(post.created_time),
    text: post.message ?? '',
    ...(post.permalink_url ? { url: post.permalink_url } : {}),
    ...(media.length > 0 ? { media } : {}),
    ...(links.length > 0 ? { links: [...new Set(links)] } : {}),
    ...(repostOf ? { repostOf: { account: repostOf } } : {}),
  };
}

type AttachmentKind = 'album' | 'image' | 'video' | 'gif' | 'link' | 'other';

/** What an attachment is; `type` and `media_type` are open-ended, so anything unknown is `other`. */
export function attachmentKind(attachment: FacebookSubattachment): AttachmentKind | 'none' {
  const type = attachment.type?.toLowerCase() ?? '';
  const mediaType = attachment.media_type?.toLowerCase() ?? '';
  if (type === 'album' || type === 'new_album' || mediaType === 'album') return 'album';
  if (type.startsWith('animated_image')) return 'gif';
  if (mediaType === 'photo' || type === 'photo' || type === 'cover_photo' || type === 'profile_media') return 'image';
  if (mediaType === 'video' || type.startsWith('video')) return 'video';
  if (mediaType === 'link' || type === 'share' || type === 'multi_share' || type === 'link') return 'link';
  if (type === '' && mediaType === '') return 'none';
  return 'other';
}

function collectAttachment(attachment: FacebookAttachment | FacebookSubattachment, parent: AttachmentKind | 'none', media: Media[], links: string[]): void {
  let kind = attachmentKind(attachment);
  // Members of a multi-link carousel often carry no type of their own.
  if (kind === 'none') kind = parent === 'link' ? 'link' : parent === 'album' ? 'image' : 'none';
  const members = (attachment as FacebookAttachment).subattachments?.data ?? [];
  for (const member of members) collectAttachment(member, kind, media, links);
  // An album's (or a carousel's) own media is its cover, already listed among its members.
  if (members.length > 0 && (kind === 'album' || kind === 'link')) return;

  const image = attachment.media?.image?.src;
  switch (kind) {
    case 'album':
    case 'image':
      media.push(image ? { type: 'image', url: image } : { type: 'image' });
      return;
    case 'video':
    case 'gif': {
      const url = attachment.media?.source ?? image;
      media.push(url ? { type: kind, url } : { type: kind });
      return;
    }
    case 'link': {
      const url = linkOf(attachment);
      if (url) links.push(url);
      return;
    }
    case 'other':
      // An event's cover, a sticker, a type Facebook added later: kept as media when it has any.
      if (image ?? attachment.media?.source) media.push({ type: 'other', url: (image ?? attachment.media?.source)! });
      return;
    case 'none':
      return;
  }
}

/** Where a link card leads: the unshimmed URL, else the `u` of Facebook's redirect, else the target. */
export function linkOf(attachment: FacebookSubattachment): string | undefined {
  const candidate = attachment.unshimmed_url ?? attachment.url ?? attachment.target?.url;
  return candidate === undefined ? undefined : unshim(candidate);
}

/** `https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2F&h=…` → `https://example.org/` */
export function unshim(url: string): string {
  try {
    const parsed = new URL(url);
    if (/^(?:l|lm)\.facebook\.com$/i.test(parsed.hostname) && parsed.pathname === '/l.php') return parsed.searchParams.get('u') ?? url;
  } catch {
    // not a URL: leave it as Facebook gave it
  }
  return url;
}

/** Facebook paths that are not a page's username. */
const NOT_A_PAGE = new Set(['permalink.php', 'story.php', 'photo.php', 'photo', 'watch', 'share', 'groups', 'events', 'reel', 'video.php', 'l.php']);

function repostedAccount(post: FacebookPost, page: FacebookPage): string | undefined {
  const ownPageId = post.id.split('_')[0] ?? '';
  const isOwn = (account: string) => account === ownPageId || account.toLowerCase() === page.handle.toLowerCase();
  if (post.parent_id) {
    const parentPage = post.parent_id.includes('_') ? post.parent_id.split('_')[0] : undefined;
    return parentPage && !isOwn(parentPage) ? `@${parentPage}` : undefined;
  }
  if (post.status_type !== 'shared_story') return undefined;
  for (const attachment of post.attachments?.data ?? []) {
    if (attachmentKind(attachment) !== 'link') continue;
    const author = facebookPostAuthor(attachment);
    if (author && !isOwn(author)) return `@${author}`;
  }
  return undefined;
}

/** The page behind a link to a Facebook post (`facebook.com/<page>/posts/…`, `permalink.php?…&id=<page>`). */
function facebookPostAuthor(attachment: FacebookSubattachment): string | undefined {
  const targetId = attachment.target?.id;
  if (targetId?.includes('_')) return targetId.split('_')[0];
  const url = linkOf(attachment);
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!/(?:^|\.)facebook\.com$/i.test(parsed.hostname)) return undefined;
  const [first, second] = parsed.pathname.split('/').filter(Boolean);
  if (first && NOT_A_PAGE.has(first.toLowerCase())) return parsed.searchParams.get('id') ?? undefined;
  if (first && (second === 'posts' || second === 'videos' || second === 'photos')) return first;
  return undefined;
}
