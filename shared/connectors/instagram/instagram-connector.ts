import type { Account } from '../../domain/account';
import { ConnectorError } from '../../domain/errors';
import type { Connector, ConnectorDeps } from '../connector';
import { fetchGraphTimeline } from '../graph/timeline';
import { INSTAGRAM_MEDIA_FIELDS, InstagramMediaPageSchema, type InstagramMedia } from './schemas';
import { instagramToPost } from './to-post';

/**
 * An Instagram professional account's media through the Graph API (`/{ig-user-id}/media`), with the
 * token from `deps.token('instagram')`. The account's handle is the Instagram user id (digits; a
 * leading `@` is ignored): the Graph API addresses accounts by id, not username. The media edge is
 * paged newest first until a page reaches back to the cursor's time (see graph/cursor.ts); no `since`
 * is sent.
 */
export function createInstagramConnector(deps: ConnectorDeps): Connector {
  return {
    async fetchNewPosts(account, cursor, options) {
      const userId = instagramUserId(account);
      return fetchGraphTimeline<InstagramMedia>(deps, account, cursor, options, {
        platform: 'instagram',
        pageSchema: InstagramMediaPageSchema,
        firstPageUrl(root, { pageSize }) {
          const query = new URLSearchParams({ fields: INSTAGRAM_MEDIA_FIELDS, limit: String(pageSize) });
          return `${root}/${userId}/media?${query}`;
        },
        idOf: (item) => item.id,
        timeOf: (item) => item.timestamp,
        toPost: (item) => instagramToPost(item, { userId, displayName: account.displayName }),
      });
    },
  };
}

function instagramUserId(account: Account): string {
  const id = account.handle.trim().replace(/^@/, '');
  if (!/^\d+$/.test(id)) {
    throw new ConnectorError(
      `instagram: "${account.handle}" is not an Instagram user id; register the professional account by its numeric id (e.g. 17841400000000000), not its username`,
    );
  }
  return id;
}
