import type { Finding } from './finding';
import type { Post } from './post';

/**
 * What of a post is stored. DynamoDB refuses an item over 400 KB, and a post that cannot be stored
 * would stop its account's scan at it every hour; so the post is checked whole, and stored with each
 * free-text field cut to a bound (in UTF-8 bytes, at a character boundary) and its lists shortened.
 * Together the bounds keep a post's item near 260 KB at the very worst, well under the limit.
 */
export const STORED_POST_BOUNDS = {
  textBytes: 64 * 1024,
  quoteTextBytes: 8 * 1024,
  /** Each media item's alt text, and each URL (the post's, a media item's, a link). */
  altTextBytes: 2 * 1024,
  urlBytes: 2 * 1024,
  accountNameBytes: 1024,
  media: 20,
  links: 50,
} as const;

/** The post as stored, and whether anything of it was cut. */
export interface BoundedPost {
  post: Post;
  truncated: boolean;
}

/** The post within STORED_POST_BOUNDS; `truncated` says whether anything was cut. */
export function boundPostForStorage(post: Post): BoundedPost {
  const b = STORED_POST_BOUNDS;
  let truncated = false;
  const cut = (value: string, maxBytes: number): string => {
    const kept = truncateUtf8(value, maxBytes);
    if (kept.length < value.length) truncated = true;
    return kept;
  };
  const list = <T>(items: readonly T[], max: number): T[] => {
    if (items.length > max) truncated = true;
    return items.slice(0, max);
  };
  const bounded: Post = {
    ...post,
    text: cut(post.text, b.textBytes),
    ...(post.accountName !== undefined ? { accountName: cut(post.accountName, b.accountNameBytes) } : {}),
    ...(post.url !== undefined ? { url: cut(post.url, b.urlBytes) } : {}),
    ...(post.media
      ? {
          media: list(post.media, b.media).map((m) => ({
            ...m,
            ...(m.url !== undefined ? { url: cut(m.url, b.urlBytes) } : {}),
            ...(m.altText !== undefined ? { altText: cut(m.altText, b.altTextBytes) } : {}),
          })),
        }
      : {}),
    ...(post.links ? { links: list(post.links, b.links).map((link) => cut(link, b.urlBytes)) } : {}),
    ...(post.quoteOf?.text !== undefined ? { quoteOf: { ...post.quoteOf, text: cut(post.quoteOf.text, b.quoteTextBytes) } } : {}),
  };
  return { post: bounded, truncated };
}

/**
 * The finding, its evidence saying so when what it points at lies in a part of the post that was not
 * stored: whoever opens the stored post will not find it there, and should look at the post itself.
 */
export function noteUnstoredEvidence(finding: Finding, stored: Post): Finding {
  const location = finding.location;
  if (!location) return finding;
  const value = fieldValue(stored, location.field);
  if (value === null || (value !== undefined && location.end <= value.length)) return finding;
  return { ...finding, evidence: `${finding.evidence} (in a part of this long post that was not stored: see the post itself)` };
}

/** The longest prefix of `value` of at most `maxBytes` UTF-8 bytes that ends at a whole character. */
export function truncateUtf8(value: string, maxBytes: number): string {
  // Up to 3 bytes per UTF-16 unit: anything this short fits without encoding it.
  if (value.length * 3 <= maxBytes) return value;
  const { read } = new TextEncoder().encodeInto(value, new Uint8Array(maxBytes));
  return value.slice(0, read);
}

/**
 * The text of a location's field (`text`, `quoteOf.text`, `media[2].altText`, `links[0]`, `url`…),
 * undefined when the post has none, null for a field this module does not read (taken as stored whole).
 */
function fieldValue(post: Post, field: string): string | undefined | null {
  if (field === 'text') return post.text;
  if (field === 'quoteOf.text') return post.quoteOf?.text;
  if (field === 'url') return post.url;
  if (field === 'account') return post.account;
  const media = /^media\[(\d+)\]\.(altText|url)$/.exec(field);
  if (media) return post.media?.[Number(media[1])]?.[media[2] as 'altText' | 'url'];
  const link = /^links\[(\d+)\]$/.exec(field);
  if (link) return post.links?.[Number(link[1])];
  return null;
}
