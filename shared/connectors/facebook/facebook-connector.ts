import type { Account } from '../../domain/account';
import { ConnectorError } from '../../domain/errors';
import type { Connector, ConnectorDeps } from '../connector';
import { fetchGraphTimeline } from '../graph/timeline';
import { FACEBOOK_POST_FIELDS, FacebookPostsPageSchema, type FacebookPost } from './schemas';
import { facebookToPost } from './to-post';

/** A page id (digits) or a page username (letters, digits, dots). */
const PAGE_HANDLE = /^[A-Za-z0-9.]+$/;

/**
 * A Facebook Page's posts through the Graph API (`/{page}/posts`), with the page access token from
 * `deps.token('facebook')`. The account's handle is the page id or username (a leading `@` is
 * ignored). Incremental with `since=<unix seconds>` from the cursor (see graph/cursor.ts),
 * de-duplicated on post id.
 */
export function createFacebookConnector(deps: ConnectorDeps): Connector {
  return {
    async fetchNewPosts(account, cursor, options) {
      const handle = pageHandle(account);
      return fetchGraphTimeline<FacebookPost>(deps, account, cursor, options, {
        platform: 'facebook',
        pageSchema: FacebookPostsPageSchema,
        firstPageUrl(root, { sinceSecond, pageSize }) {
          const query = new URLSearchParams({ fields: FACEBOOK_POST_FIELDS, limit: String(pageSize), since: String(sinceSecond) });
          return `${root}/${encodeURIComponent(handle)}/posts?${query}`;
        },
        idOf: (post) => post.id,
        timeOf: (post) => post.created_time,
        toPost: (post) => facebookToPost(post, { handle, displayName: account.displayName }),
      });
    },
  };
}

function pageHandle(account: Account): string {
  const handle = account.handle.trim().replace(/^@/, '');
  if (!PAGE_HANDLE.test(handle)) {
    throw new ConnectorError(`facebook: "${account.handle}" is not a page id or page username (letters, digits and dots)`);
  }
  return handle;
}
