import type { Account } from '../../domain/account';
import { ConnectorError } from '../../domain/errors';
import type { Connector, ConnectorDeps, FetchOptions, FetchResult } from '../connector';
import { scanFeed } from './feed-scan';
import { feedPolicy } from './policy';
import { videoEntryToPost } from './to-post';

export const YOUTUBE = 'https://www.youtube.com';
const CHANNEL_ID = /^UC[\w-]{22}$/;

/**
 * A YouTube channel's public feed (Atom, the ~15 newest videos, no paging, no key): the account's
 * handle is the channel id `UC…` (or the feed URL, or the channel's `/channel/UC…` page).
 */
export function createYouTubeConnector(deps: ConnectorDeps): Connector {
  const http = deps.http(feedPolicy('youtube'));
  return {
    fetchNewPosts(account: Account, cursor: string | undefined, options?: FetchOptions): Promise<FetchResult> {
      return scanFeed(
        {
          http,
          url: channelFeedUrl(account.handle, account.baseUrl ?? deps.baseUrl ?? YOUTUBE),
          source: { platform: 'youtube', account: account.handle, ...(account.displayName ? { accountName: account.displayName } : {}) },
          now: deps.clock(),
          toPost: videoEntryToPost,
        },
        cursor,
        options,
      );
    },
  };
}

/** The feed URL of a channel: `UC…` → `https://www.youtube.com/feeds/videos.xml?channel_id=UC…`. */
export function channelFeedUrl(handle: string, base: string = YOUTUBE): string {
  const value = handle.trim();
  if (/^https?:\/\//i.test(value)) {
    const page = /^https?:\/\/(?:www\.|m\.)?youtube\.com\/channel\/(UC[\w-]{22})(?:[/?#]|$)/i.exec(value);
    return page ? channelFeedUrl(page[1]!, base) : value;
  }
  if (!CHANNEL_ID.test(value)) {
    throw new ConnectorError(
      `${JSON.stringify(handle)} is not a YouTube channel id: register the channel's id (UC followed by 22 characters, shown on its About page) or its feed URL`,
    );
  }
  return `${base.replace(/\/+$/, '')}/feeds/videos.xml?channel_id=${value}`;
}
