import { createHash } from 'node:crypto';
import { decodeHTML } from 'entities';
import type { Media, Post } from '../../domain/post';
import { absoluteWebUrl, htmlToText, linksInHtml } from '../html-to-text';
import type { FeedEntry } from './parse-feed';

/** Who published the feed, as the canonical post names them. */
export interface FeedSource {
  platform: 'rss' | 'youtube';
  /** The registered handle: the feed URL, or the YouTube channel id. */
  account: string;
  accountName?: string;
}

/** Longer identities (a guid may be a long URL) are hashed, so that they fit in a storage key. */
const MAX_ID_LENGTH = 300;
const IMG = /<img\b[^>]*>/gi;

/**
 * What identifies an entry across fetches: RSS `guid`, Atom `id` (YouTube: the video id), else the
 * link, else a hash of the title and body.
 */
export function entryIdentity(entry: FeedEntry, platform: FeedSource['platform']): string {
  const youtubeId = platform === 'youtube' ? (entry.youtube?.videoId ?? entry.id?.replace(/^yt:video:/, '')) : undefined;
  const id = youtubeId ?? entry.id ?? entry.link;
  if (id !== undefined && id.length <= MAX_ID_LENGTH) return id;
  const content = id ?? `${entry.title ?? ''}\n${bodyText(entry)}`;
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

/** A website's RSS item or Atom entry: the title, a blank line, then the body as plain text. */
export function websiteEntryToPost(entry: FeedEntry, source: FeedSource, createdAt: string): Post {
  const html = entry.body && 'html' in entry.body ? entry.body.html : undefined;
  const media = [...(html === undefined ? [] : imagesInHtml(html, entry.base)), ...entry.enclosures.map(enclosureMedia)];
  const links = html === undefined ? [] : linksInHtml(html, entry.base);
  return {
    id: entryIdentity(entry, source.platform),
    platform: source.platform,
    account: source.account,
    ...(source.accountName ? { accountName: source.accountName } : {}),
    createdAt,
    text: joinText(entry.title, bodyText(entry)),
    ...(entry.link && isWebUrl(entry.link) ? { url: entry.link } : {}),
    ...(media.length > 0 ? { media } : {}),
    ...(links.length > 0 ? { links } : {}),
  };
}

/** A video of a YouTube channel feed: its title and description, and the video itself as media. */
export function videoEntryToPost(entry: FeedEntry, source: FeedSource, createdAt: string): Post {
  const id = entryIdentity(entry, 'youtube');
  const videoId = entry.youtube?.videoId;
  const watchUrl = videoId ? `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}` : entry.link;
  return {
    id,
    platform: 'youtube',
    account: source.account,
    ...(source.accountName ? { accountName: source.accountName } : {}),
    createdAt,
    text: joinText(entry.title, entry.youtube?.description ?? bodyText(entry)),
    ...(entry.link && isWebUrl(entry.link) ? { url: entry.link } : watchUrl ? { url: watchUrl } : {}),
    ...(watchUrl ? { media: [{ type: 'video' as const, url: watchUrl }] } : {}),
  };
}

function bodyText(entry: FeedEntry): string {
  if (!entry.body) return '';
  return 'html' in entry.body ? htmlToText(entry.body.html) : entry.body.text.trim();
}

function joinText(title: string | undefined, body: string): string {
  return [title?.trim(), body.trim()].filter((part): part is string => Boolean(part)).join('\n\n');
}

/** `<img src alt>` in an item's HTML: pictures the post carries, with the alt text the author gave (a relative src resolved against the item's base). */
function imagesInHtml(html: string, base: string | undefined): Media[] {
  const images: Media[] = [];
  // Every tag ends at a `>`: past the last one there is none, and a search there would read to the end from every `<img`
  for (const [tag] of html.slice(0, html.lastIndexOf('>') + 1).matchAll(IMG)) {
    const written = attribute(tag, 'src')?.trim();
    if (!written) continue;
    // A picture whose address cannot be given (a `data:` URI) is still a picture, with or without its alt text.
    const src = absoluteWebUrl(written, base);
    const alt = attribute(tag, 'alt')?.trim();
    images.push({ type: 'image', ...(src ? { url: src } : {}), ...(alt ? { altText: alt } : {}) });
  }
  return images;
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const value = m?.[1] ?? m?.[2] ?? m?.[3];
  return value === undefined ? undefined : decodeHTML(value);
}

function enclosureMedia(enclosure: { url: string; type?: string }): Media {
  const family = enclosure.type?.split('/')[0]?.toLowerCase();
  const type: Media['type'] =
    enclosure.type?.toLowerCase() === 'image/gif' ? 'gif' : family === 'image' ? 'image' : family === 'video' ? 'video' : family === 'audio' ? 'audio' : 'other';
  return { type, url: enclosure.url };
}

function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
