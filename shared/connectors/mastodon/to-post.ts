import type { Media, Post } from '../../domain/post';
import { htmlToText, linksInHtml } from '../html-to-text';
import { qualifiedHandle } from './handles';
import type { MastodonMedia, MastodonNestedStatus, MastodonStatus } from './schemas';

/** The registered account whose statuses are being mapped. */
export interface MastodonAuthor {
  /** The handle as registered, e.g. `@harbournetc@mastodon.social`: every post carries it. */
  handle: string;
  /** The instance that served the statuses: a bare `acct` is local to it. */
  instance: string;
}

const MEDIA_TYPES: Record<string, Media['type']> = { image: 'image', video: 'video', gifv: 'gif', audio: 'audio' };

/**
 * One status as a canonical post.
 *
 * A boost (reblog) is the council's post too: it carries the boosted status's text, media and links,
 * since that is what the council put in front of its followers, with `repostOf` naming the original
 * author (a platform-native repost credits its author, so attribution rules leave it alone), its
 * permalink the original's, and its time the moment of the boost. A content warning (`spoiler_text`)
 * opens the text as `CW: …`. Links are the link card's and every href in the HTML, whatever its
 * visible text says, except the instance's own mention and hashtag links.
 */
export function statusToPost(status: MastodonStatus, author: MastodonAuthor): Post {
  const shown: MastodonNestedStatus = status.reblog ?? status;
  const media = shown.media_attachments.map(toMedia);
  const links = linksOf(shown);
  const replyTo = status.reblog ? undefined : replyTarget(status, author);
  const quoted = status.reblog ? undefined : status.quote?.quoted_status;
  const accountName = status.account.display_name.trim();
  const url = shown.url ?? shown.uri;

  return {
    id: status.id,
    platform: 'mastodon',
    account: author.handle,
    ...(accountName ? { accountName } : {}),
    createdAt: status.created_at,
    text: textOf(shown),
    url,
    ...(media.length > 0 ? { media } : {}),
    ...(links.length > 0 ? { links } : {}),
    ...(replyTo ? { replyTo: { account: replyTo } } : {}),
    ...(status.reblog ? { repostOf: { account: qualifiedHandle(status.reblog.account.acct, author.instance) } } : {}),
    ...(quoted ? { quoteOf: { account: qualifiedHandle(quoted.account.acct, author.instance), text: textOf(quoted) } } : {}),
  };
}

function textOf(status: MastodonNestedStatus): string {
  const parts = [htmlToText(status.content)];
  const warning = status.spoiler_text.trim();
  if (warning) parts.unshift(`CW: ${warning}`);
  const options = status.poll?.options.map((o) => `• ${o.title}`) ?? [];
  if (options.length > 0) parts.push(options.join('\n'));
  return parts.filter((p) => p !== '').join('\n\n');
}

function toMedia(attachment: MastodonMedia): Media {
  const url = attachment.url ?? attachment.remote_url ?? undefined;
  const altText = attachment.description?.trim();
  return {
    type: MEDIA_TYPES[attachment.type] ?? 'other',
    ...(url ? { url } : {}),
    ...(altText ? { altText } : {}),
  };
}

function linksOf(status: MastodonNestedStatus): string[] {
  const own = new Set([...status.mentions.map((m) => m.url), ...status.tags.map((t) => t.url)].map((u) => u.toLowerCase()));
  const links = new Set(linksInHtml(status.content).filter((href) => !own.has(href.toLowerCase())));
  if (status.card?.url) links.add(status.card.url);
  return [...links];
}

/** Whom a reply answers: the mentioned account with that id, the council itself in a thread, else the bare account id. */
function replyTarget(status: MastodonStatus, author: MastodonAuthor): string | undefined {
  const id = status.in_reply_to_account_id;
  if (id === null) return undefined;
  if (id === status.account.id) return author.handle;
  const mention = status.mentions.find((m) => m.id === id);
  return mention ? qualifiedHandle(mention.acct, author.instance) : id;
}
