import { PostSchema, type Media, type Post } from '../../domain/post';
import { isCalendarDate } from '../../domain/calendar';
import {
  EXTERNAL_VIEW,
  IMAGES_VIEW,
  LINK_FEATURE,
  REASON_REPOST,
  RECORD_VIEW,
  RECORD_WITH_MEDIA_VIEW,
  VIDEO_VIEW,
  VIEW_BLOCKED,
  VIEW_DETACHED,
  VIEW_NOT_FOUND,
  VIEW_RECORD,
  type EmbedView,
  type Facet,
  type FeedViewPost,
  type ProfileViewBasic,
  type QuotedRecord,
  type UnknownMember,
} from './schemas';

const WEB_APP = 'https://bsky.app';
/** What the AppView puts in place of a handle whose DNS or well-known proof no longer verifies. */
const INVALID_HANDLE = 'handle.invalid';

/**
 * One author-feed item as a canonical post. `councilAccount` is the registered handle with its `@`
 * (e.g. `@harbournetc.bsky.social`): every item in the account's own feed is posted by it, and a
 * repost is the council's act, with the reposted author in `repostOf`.
 */
export function toPost(item: FeedViewPost, councilAccount: string): Post {
  const { post } = item;
  const record = post.record;
  const content = embedContent(post.embed);
  const links = unique([...linkFacetUris(record.facets), ...content.links]);
  const shared = {
    id: feedItemId(item),
    platform: 'bluesky' as const,
    account: councilAccount,
    text: expandShortenedLinks(record.text, record.facets),
    url: permalink(post.uri, post.author),
    ...(content.media.length > 0 ? { media: content.media } : {}),
    ...(links.length > 0 ? { links } : {}),
    ...(content.quoteOf ? { quoteOf: content.quoteOf } : {}),
  };

  if (item.reason?.$type === REASON_REPOST) {
    // The council's act is the repost: its time, its name; the words and media are the original's.
    return {
      ...shared,
      ...optionalName(item.reason.by.displayName),
      createdAt: item.reason.indexedAt,
      repostOf: { account: accountOf(post.author) },
    };
  }

  const replyTo = replyTarget(item);
  return {
    ...shared,
    ...optionalName(post.author.displayName),
    createdAt: isoTimestamp(record.createdAt) ?? post.indexedAt,
    ...(replyTo ? { replyTo } : {}),
  };
}

/** The parent's author: by handle from the feed item's thread context, else by the DID in the parent's URI. */
function replyTarget(item: FeedViewPost): Post['replyTo'] {
  const parent = item.post.record.reply?.parent;
  if (parent === undefined) return undefined;
  const author = item.reply?.parent.author;
  return { account: author?.handle ? accountOf({ did: author.did, handle: author.handle }) : didOf(parent.uri) };
}

/**
 * Unique per platform and stable across scans: the post's AT URI, and for a repost the reposted URI
 * with the reposting account, so that the council's repost never collides with the original.
 */
export function feedItemId(item: FeedViewPost): string {
  return item.reason?.$type === REASON_REPOST ? `${item.post.uri}#repost-by-${item.reason.by.did}` : item.post.uri;
}

/** `https://bsky.app/profile/<handle>/post/<rkey>`; the DID stands in for a handle that no longer verifies. */
export function permalink(uri: string, author: ProfileViewBasic): string {
  const rkey = uri.slice(uri.lastIndexOf('/') + 1);
  const who = author.handle === INVALID_HANDLE ? author.did : author.handle;
  return `${WEB_APP}/profile/${who}/post/${rkey}`;
}

export function profileUrl(author: Pick<ProfileViewBasic, 'did' | 'handle'>): string {
  return `${WEB_APP}/profile/${author.handle === INVALID_HANDLE ? author.did : author.handle}`;
}

/** `@handle`, or the bare DID when the handle no longer verifies. */
export function accountOf(author: Pick<ProfileViewBasic, 'did' | 'handle'>): string {
  return author.handle === INVALID_HANDLE ? author.did : `@${author.handle}`;
}

/** The repository (the author's DID) of an AT URI: `at://did:plc:abc/app.bsky.feed.post/xyz` → `did:plc:abc`. */
function didOf(uri: string): string {
  return uri.slice('at://'.length).split('/')[0] ?? uri;
}

interface EmbedContent {
  media: Media[];
  links: string[];
  quoteOf?: Post['quoteOf'];
}

/**
 * Media, link cards and quotes from the embed view. An embed type this connector does not know yet
 * (`app.bsky.embed.gallery#view`, say) is searched for what it carries (see addUnknownMedia).
 */
function embedContent(embed: EmbedView | undefined): EmbedContent {
  const content: EmbedContent = { media: [], links: [] };
  if (embed === undefined) return content;
  switch (embed.$type) {
    case IMAGES_VIEW:
    case VIDEO_VIEW:
    case EXTERNAL_VIEW:
      addMedia(content, embed);
      break;
    case RECORD_VIEW:
      content.quoteOf = quoteOf(embed.record);
      break;
    case RECORD_WITH_MEDIA_VIEW:
      content.quoteOf = quoteOf(embed.record.record);
      addMedia(content, embed.media);
      break;
    default:
      addUnknownMedia(content, embed.value);
      break;
  }
  return content;
}

/** How deep into an unknown embed images are looked for: views nest a level or two, never ten. */
const UNKNOWN_EMBED_DEPTH = 10;

/**
 * What an unknown embed carries, read by the shapes every Bluesky view uses: an image is an object
 * with `fullsize` (or only `thumb`) and its `alt`, a video one with a `playlist`, a link one with an
 * http(s) `uri`. An unknown embed with none of these is still something the post carries, and is
 * kept as media of type `other`, so that a post is never read as bare text without a word.
 */
function addUnknownMedia(content: EmbedContent, value: Record<string, unknown>): void {
  const before = content.media.length + content.links.length;
  const visit = (node: unknown, depth: number): void => {
    if (depth > UNKNOWN_EMBED_DEPTH || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    const alt = typeof record.alt === 'string' ? optionalAlt(record.alt) : {};
    const image = stringField(record, 'fullsize') ?? stringField(record, 'thumb');
    const playlist = stringField(record, 'playlist');
    const uri = stringField(record, 'uri');
    if (playlist !== undefined) content.media.push({ type: 'video', url: playlist, ...alt });
    else if (image !== undefined) content.media.push({ type: 'image', url: image, ...alt });
    else if (uri !== undefined && /^https?:\/\//i.test(uri)) content.links.push(uri);
    else for (const child of Object.values(record)) visit(child, depth + 1);
  };
  visit(value, 0);
  if (content.media.length + content.links.length === before) content.media.push({ type: 'other' });
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

type MediaEmbed = Extract<EmbedView, { $type: typeof IMAGES_VIEW | typeof VIDEO_VIEW | typeof EXTERNAL_VIEW }>;

function addMedia(content: EmbedContent, embed: MediaEmbed | UnknownMember): void {
  switch (embed.$type) {
    case IMAGES_VIEW:
      for (const image of embed.images) content.media.push({ type: 'image', url: image.fullsize, ...optionalAlt(image.alt) });
      break;
    case VIDEO_VIEW:
      content.media.push({ type: 'video', url: embed.playlist, ...optionalAlt(embed.alt) });
      break;
    case EXTERNAL_VIEW:
      content.links.push(embed.external.uri);
      break;
    default:
      addUnknownMedia(content, embed.value);
      break;
  }
}

/** A quote of a post; a quoted post that is gone or blocked still names its author's DID. Quoted feeds and lists are not quotes of a post. */
function quoteOf(record: QuotedRecord): Post['quoteOf'] {
  switch (record.$type) {
    case VIEW_RECORD:
      return { account: accountOf(record.author), ...(record.value.text === undefined ? {} : { text: record.value.text }) };
    case VIEW_NOT_FOUND:
    case VIEW_DETACHED:
      return { account: didOf(record.uri) };
    case VIEW_BLOCKED:
      return { account: record.author.did };
    default:
      return undefined;
  }
}

function linkFacetUris(facets: readonly Facet[] | undefined): string[] {
  return (facets ?? []).flatMap((facet) => facet.features.flatMap((f) => (f.$type === LINK_FEATURE ? [f.uri] : [])));
}

/**
 * Bluesky shows a link as a shortened display text (`harbourne-tc.example/news/bin-c...`) and keeps
 * the full URI in a link facet, indexed in UTF-8 bytes. Where the display text is that URI, shortened,
 * it is put back in full, so detectors reading the text see the real link; display text that reads
 * as something else ("our website") is left as written, its URI being in `links` either way.
 */
export function expandShortenedLinks(text: string, facets: readonly Facet[] | undefined): string {
  if (!facets?.length) return text;
  const bytes = Buffer.from(text, 'utf8');
  const replacements = facets
    .flatMap((facet) => {
      const link = facet.features.find((f) => f.$type === LINK_FEATURE);
      if (link?.$type !== LINK_FEATURE) return [];
      const { byteStart: start, byteEnd: end } = facet.index;
      if (start >= end || end > bytes.length) return [];
      const slice = bytes.subarray(start, end);
      const display = slice.toString('utf8');
      // An index that splits a character decodes to U+FFFD and does not round-trip: not ours to edit.
      if (!Buffer.from(display, 'utf8').equals(slice)) return [];
      return isShortenedForm(display, link.uri) ? [{ start, end, uri: link.uri }] : [];
    })
    .sort((a, b) => a.start - b.start);

  const parts: Buffer[] = [];
  let at = 0;
  for (const { start, end, uri } of replacements) {
    if (start < at) continue; // overlapping facets: keep the first
    parts.push(bytes.subarray(at, start), Buffer.from(uri, 'utf8'));
    at = end;
  }
  if (parts.length === 0) return text;
  parts.push(bytes.subarray(at));
  return Buffer.concat(parts).toString('utf8');
}

/** `harbourne-tc.example/news/bin-c...` is a shortened form of `https://harbourne-tc.example/news/bin-collections`. */
function isShortenedForm(display: string, uri: string): boolean {
  const shown = display.trim().replace(/(?:\.\.\.|…)$/, '');
  const full = uri.replace(/^https?:\/\//i, '');
  if (shown === uri || !shown.includes('.') || shown.length < 4) return false;
  return full.toLowerCase().startsWith(shown.toLowerCase()) || uri.toLowerCase().startsWith(shown.toLowerCase());
}

/**
 * An ISO-8601 timestamp with an offset, as the canonical post wants, or undefined when unreadable or
 * on a day the calendar does not have (Date.parse would roll 30 February over into March).
 */
function isoTimestamp(value: string): string | undefined {
  if (PostSchema.shape.createdAt.safeParse(value).success) return value;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value.trim());
  if (day && !isCalendarDate(day[0])) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function optionalAlt(alt: string | undefined): { altText?: string } {
  return alt && alt.trim() !== '' ? { altText: alt } : {};
}

function optionalName(name: string | undefined): { accountName?: string } {
  return name && name.trim() !== '' ? { accountName: name } : {};
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
