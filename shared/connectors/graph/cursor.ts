import * as z from '../../zod';
import { ConnectorError } from '../../domain/errors';

/**
 * Where the last scan of a Graph API timeline got to: the newest post's time (whole seconds, as the
 * Graph API gives them) and the ids already returned at that second, so that a post published in the
 * same second as the newest one is neither lost nor returned twice.
 *
 * Stored as JSON: `{"v":1,"newest":"2025-03-04T09:15:02Z","ids":["104857600000001_880000000000003"]}`.
 */
const GraphCursorSchema = z.object({
  v: z.literal(1),
  newest: z.iso.datetime({ offset: true }),
  ids: z.array(z.string()),
});

export interface GraphCursor {
  /** Unix seconds of the newest post seen. */
  newestSecond: number;
  /** Ids of the posts seen at that second. */
  ids: ReadonlySet<string>;
}

export function decodeGraphCursor(platform: string, cursor: string): GraphCursor {
  let json: unknown;
  try {
    json = JSON.parse(cursor);
  } catch {
    json = undefined;
  }
  const result = GraphCursorSchema.safeParse(json);
  if (!result.success) {
    throw new ConnectorError(`the stored ${platform} cursor is not one this connector wrote (expected {"v":1,"newest":…,"ids":[…]}): ${cursor.slice(0, 80)}`);
  }
  return { newestSecond: Math.floor(Date.parse(result.data.newest) / 1000), ids: new Set(result.data.ids) };
}

export function encodeGraphCursor(cursor: GraphCursor): string {
  const newest = new Date(cursor.newestSecond * 1000).toISOString().replace('.000Z', 'Z');
  return JSON.stringify({ v: 1, newest, ids: [...cursor.ids].sort() });
}

/**
 * The cursor after a scan that returned these posts (their seconds and ids); undefined when there were
 * none, so that the stored cursor stays as it was.
 */
export function advanceGraphCursor(
  previous: GraphCursor | undefined,
  posts: readonly { id: string; second: number }[],
): string | undefined {
  if (posts.length === 0) return undefined;
  const newestSecond = Math.max(...posts.map((p) => p.second), previous?.newestSecond ?? Number.NEGATIVE_INFINITY);
  const ids = new Set(posts.filter((p) => p.second === newestSecond).map((p) => p.id));
  if (previous && previous.newestSecond === newestSecond) for (const id of previous.ids) ids.add(id);
  return encodeGraphCursor({ newestSecond, ids });
}
