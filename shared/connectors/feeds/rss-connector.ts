import type { Account } from '../../domain/account';
import type { Connector, ConnectorDeps, FetchOptions, FetchResult } from '../connector';
import { scanFeed } from './feed-scan';
import { feedPolicy } from './policy';
import { websiteEntryToPost } from './to-post';

/**
 * A website's RSS (0.9x, 1.0 or 2.0) or Atom feed: the account's handle is the feed URL, fetched
 * through the HTTP layer's URL policy (https only; private, link-local and metadata addresses
 * refused) with a conditional GET. See scanFeed for the course and the cursor.
 */
export function createRssConnector(deps: ConnectorDeps): Connector {
  const http = deps.http(feedPolicy('rss'));
  return {
    fetchNewPosts(account: Account, cursor: string | undefined, options?: FetchOptions): Promise<FetchResult> {
      return scanFeed(
        {
          http,
          url: account.handle.trim(),
          source: { platform: 'rss', account: account.handle, ...(account.displayName ? { accountName: account.displayName } : {}) },
          now: deps.clock(),
          toPost: websiteEntryToPost,
        },
        cursor,
        options,
      );
    },
  };
}
