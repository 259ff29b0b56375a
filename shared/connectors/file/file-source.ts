import { readFile } from 'node:fs/promises';
import { handleKey, type Account } from '../../domain/account';
import { ConnectorError } from '../../domain/errors';
import { parsePost, type Post } from '../../domain/post';
import type { Connector, FetchResult } from '../connector';

/**
 * A connector that reads canonical posts from a JSON-lines file: the local twin's stand-in for the
 * platforms, through the same port. The cursor is the newest `createdAt|id` already returned.
 */
export class FileSourceConnector implements Connector {
  readonly #path: string;
  #posts: Promise<Post[]> | undefined;

  constructor(path: string) {
    this.#path = path;
  }

  async fetchNewPosts(account: Account, cursor: string | undefined): Promise<FetchResult> {
    const key = handleKey(account.platform, account.handle);
    const posts = (await this.#load())
      .filter((p) => handleKey(p.platform, p.account) === key)
      .filter((p) => cursor === undefined || positionOf(p) > cursor)
      .sort((a, b) => (positionOf(a) < positionOf(b) ? -1 : 1));
    return { posts, cursor: posts.length > 0 ? positionOf(posts[posts.length - 1]!) : undefined };
  }

  #load(): Promise<Post[]> {
    this.#posts ??= readFile(this.#path, 'utf8').then(
      (text) =>
        text
          .split('\n')
          .map((line, i) => ({ line: line.trim(), number: i + 1 }))
          .filter(({ line }) => line !== '')
          .map(({ line, number }) => {
            try {
              return parsePost(JSON.parse(line));
            } catch (error) {
              throw new ConnectorError(`${this.#path}:${number}: ${(error as Error).message}`, { cause: error });
            }
          }),
      (error: NodeJS.ErrnoException) => {
        throw new ConnectorError(`cannot read sample posts ${this.#path}: ${error.code ?? error.message}`, { cause: error });
      },
    );
    return this.#posts;
  }
}

/** Orders posts by time, then id: ISO timestamps in UTC compare as strings. */
function positionOf(post: Post): string {
  return `${new Date(post.createdAt).toISOString()}|${post.id}`;
}
