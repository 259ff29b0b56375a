import type { Account } from '../domain/account';
import type { Post } from '../domain/post';

export interface FetchResult {
  /** New posts since the cursor, oldest first. */
  posts: Post[];
  /** The cursor to store once every post above is stored; undefined when nothing new was seen. */
  cursor: string | undefined;
}

/**
 * The connector port: one platform's posts as canonical posts, incrementally. Implementations throw
 * ConnectorError (or a subclass) when the platform cannot deliver.
 */
export interface Connector {
  fetchNewPosts(account: Account, cursor: string | undefined): Promise<FetchResult>;
}
