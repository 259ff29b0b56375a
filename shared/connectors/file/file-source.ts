import { readFile } from 'node:fs/promises';
import { handleKey, type Account } from '../../domain/account';
import { ConnectorError } from '../../domain/errors';
import { parsePost, type Post } from '../../domain/post';
import type { Connector, FetchResult } from '../connector';

/**
 * A connector that reads canonical posts from a JSON-lines file: the local twin's stand-in for the
 * platforms, through the same port. The cursor is the newest `createdAt|id` already returned.
 */
export interface FileSourceOptions {
  /** Whole days added to every post's `createdAt` as it is read (the local twin dates its example posts relative to today). */
  shiftDays?: number;
}

export class FileSourceConnector implements Connector {
  readonly #path: string;
  readonly #shiftMs: number;
  #posts: Promise<Post[]> | undefined;
  /** Each account's posts with their positions, in file order: grouped once, not filtered from every post for each account. */
  #byAccount: Promise<Map<string, Array<{ post: Post; position: string }>>> | undefined;

  constructor(path: string, options: FileSourceOptions = {}) {
    this.#path = path;
    this.#shiftMs = (options.shiftDays ?? 0) * 86_400_000;
  }

  async fetchNewPosts(account: Account, cursor: string | undefined): Promise<FetchResult> {
    const key = handleKey(account.platform, account.handle);
    const mine = (await this.#accounts()).get(key) ?? [];
    const posts = mine
      .filter(({ position }) => cursor === undefined || position > cursor)
      .sort((a, b) => (a.position < b.position ? -1 : 1))
      .map(({ post }) => post);
    // The whole file is read every time: the listing is always complete.
    return { posts, cursor: posts.length > 0 ? positionOf(posts[posts.length - 1]!) : undefined, complete: true };
  }

  #accounts(): Promise<Map<string, Array<{ post: Post; position: string }>>> {
    this.#byAccount ??= this.#load().then((posts) => {
      const byAccount = new Map<string, Array<{ post: Post; position: string }>>();
      for (const post of posts) {
        const key = handleKey(post.platform, post.account);
        let list = byAccount.get(key);
        if (list === undefined) byAccount.set(key, (list = []));
        list.push({ post, position: positionOf(post) });
      }
      return byAccount;
    });
    return this.#byAccount;
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
              const post = parsePost(JSON.parse(line));
              return this.#shiftMs === 0 ? post : { ...post, createdAt: new Date(Date.parse(post.createdAt) + this.#shiftMs).toISOString() };
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
