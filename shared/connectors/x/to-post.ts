import type { Media, Post } from '../../domain/post';
import type { XIncludes, XMedia, XTweet } from './schemas';

/** The account a tweet belongs to, as the connector knows it. */
export interface XAuthor {
  /** The registered handle, e.g. `@harbournetc`. */
  handle: string;
  /** The username without `@`, for permalinks. */
  username: string;
  name?: string;
}

const MEDIA_TYPES: Record<string, Media['type']> = { photo: 'image', video: 'video', animated_gif: 'gif' };
/** X's own permalink to a tweet's attached photo or video, which a media t.co link expands to. */
const MEDIA_PERMALINK = /^https?:\/\/(?:x|twitter)\.com\/[^/]+\/status\/\d+\/(?:photo|video)\/\d+$/i;

/**
 * One tweet as a canonical post. The t.co wrappers X puts round every link are the platform's, not
 * a shortener the council typed: the text gets the expanded URL back in their place (and `links` lists
 * it), and a t.co that only points at the tweet's own media is dropped. An edited tweet keeps the id
 * of its first version, so that the edit replaces what was captured and is scanned again.
 */
export function tweetToPost(tweet: XTweet, includes: XIncludes | undefined, author: XAuthor): Post {
  const retweetedOriginal = retweetOriginal(tweet, includes);
  // A retweet's own text is `RT @name: ` and the original cut short: the words are the original's, whole.
  const { text, links } = expandLinks(retweetedOriginal ?? tweet);
  const media = (tweet.attachments?.media_keys ?? [])
    .map((key) => includes?.media?.find((m) => m.media_key === key))
    .filter((m): m is XMedia => m !== undefined)
    .map(toMedia);
  const reference = (type: string) => tweet.referenced_tweets?.find((r) => r.type === type);
  const replied = reference('replied_to');
  const retweeted = reference('retweeted');
  const quoted = reference('quoted');
  const quotedTweet = quoted && includes?.tweets?.find((t) => t.id === quoted.id);
  const quotedText = quotedTweet?.note_tweet?.text ?? quotedTweet?.text;

  return {
    id: tweet.edit_history_tweet_ids?.[0] ?? tweet.id,
    platform: 'x',
    account: author.handle,
    ...(author.name ? { accountName: author.name } : {}),
    createdAt: tweet.created_at,
    text,
    url: `https://x.com/${author.username}/status/${tweet.id}`,
    ...(media.length > 0 ? { media } : {}),
    ...(links.length > 0 ? { links } : {}),
    ...(replied ? { replyTo: { account: referencedAccount(replied.id, includes) ?? leadingMention(tweet) ?? replied.id } } : {}),
    ...(retweeted
      ? { repostOf: { account: referencedAccount(retweeted.id, includes) ?? retweetedHandle(tweet.text) ?? retweeted.id } }
      : {}),
    ...(quoted
      ? {
          quoteOf: {
            account: referencedAccount(quoted.id, includes) ?? linkedAuthor(tweet, quoted.id) ?? quoted.id,
            ...(quotedText ? { text: decodeTweetText(quotedText) } : {}),
          },
        }
      : {}),
  };
}

/** The retweeted tweet, when the answer carries it with its text: what a retweet's words are. */
function retweetOriginal(tweet: XTweet, includes: XIncludes | undefined): Pick<XTweet, 'text' | 'entities' | 'note_tweet'> | undefined {
  const retweeted = tweet.referenced_tweets?.find((r) => r.type === 'retweeted');
  const original = retweeted && includes?.tweets?.find((t) => t.id === retweeted.id);
  if (original?.text === undefined && original?.note_tweet === undefined) return undefined;
  return { text: original.text ?? '', ...(original.entities ? { entities: original.entities } : {}), ...(original.note_tweet ? { note_tweet: original.note_tweet } : {}) };
}

/** The whole text (a long post's note_tweet, else text), its t.co links expanded by its own entities. */
function expandLinks(tweet: Pick<XTweet, 'text' | 'entities' | 'note_tweet'>): { text: string; links: string[] } {
  const whole = tweet.note_tweet;
  let text = decodeTweetText(whole?.text ?? tweet.text);
  const links: string[] = [];
  // Longest first, so that no t.co URL is replaced inside a longer one.
  const urls = [...((whole ? whole.entities?.urls : undefined) ?? tweet.entities?.urls ?? [])].sort((a, b) => b.url.length - a.url.length);
  for (const entity of urls) {
    const expanded = entity.expanded_url;
    const ownMedia = entity.media_key !== undefined || (expanded !== undefined && MEDIA_PERMALINK.test(expanded));
    const replacement = ownMedia ? '' : (expanded ?? entity.url);
    text = text.replace(new RegExp(`${escapeRegExp(entity.url)}(?![\\w/])`, 'g'), replacement);
    if (!ownMedia && expanded && !links.includes(expanded)) links.push(expanded);
  }
  // Keep the order in which the links appear in the text.
  links.sort((a, b) => text.indexOf(a) - text.indexOf(b));
  return { text: text.replace(/[ \t]+$/gm, '').trim(), links };
}

/** X escapes `&`, `<` and `>` in tweet text, and nothing else. */
function decodeTweetText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function toMedia(media: XMedia): Media {
  const url = media.url ?? media.preview_image_url;
  return {
    type: MEDIA_TYPES[media.type] ?? 'other',
    ...(url ? { url } : {}),
    ...(media.alt_text ? { altText: media.alt_text } : {}),
  };
}

/** `@username` of a referenced tweet's author, when the answer expanded it. */
function referencedAccount(tweetId: string, includes: XIncludes | undefined): string | undefined {
  const authorId = includes?.tweets?.find((t) => t.id === tweetId)?.author_id;
  const user = authorId === undefined ? undefined : includes?.users?.find((u) => u.id === authorId);
  return user ? `@${user.username}` : undefined;
}

/** A reply's text opens with the mention of the account replied to. */
function leadingMention(tweet: XTweet): string | undefined {
  const first = tweet.entities?.mentions?.find((m) => m.start === 0);
  return first ? `@${first.username}` : undefined;
}

/** A quote tweet may carry the quoted tweet's own URL, which names its author. */
function linkedAuthor(tweet: XTweet, tweetId: string): string | undefined {
  for (const entity of tweet.entities?.urls ?? []) {
    const match = /^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/(\w{1,15})\/status\/(\d+)/i.exec(entity.expanded_url ?? '');
    if (match && match[2] === tweetId) return `@${match[1]}`;
  }
  return undefined;
}

/** A retweet's text reads `RT @username: …`. */
function retweetedHandle(text: string): string | undefined {
  const match = /^RT @(\w{1,15}):/.exec(text);
  return match ? `@${match[1]}` : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
