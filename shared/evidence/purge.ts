import { normaliseHandle, type Account } from '../domain/account';
import { ValidationError } from '../domain/errors';
import { PLATFORMS, type Platform } from '../domain/post';
import type { Erasure } from '../domain/records';
import type { CouncilStore } from '../store/audit-store';

/** A `--post` or `--account` that names nothing the command can erase. */
export class PurgeTargetError extends ValidationError {}

export interface PurgeTarget {
  platform: Platform;
  handle: string;
  /** One post; every stored post of the account when absent. */
  postId?: string;
}

export interface PurgeResult {
  /** The posts whose copy was erased now (a tombstone is left for each). */
  erased: string[];
  /** The posts that were already erased. */
  alreadyErased: string[];
  /** The findings whose evidence was replaced. */
  findings: string[];
}

/** What stands in a finding's evidence once the post's copy is erased. */
export function erasedEvidence(at: string): string {
  return `[erased on ${at.slice(0, 10)} at the subject's request]`;
}

/**
 * Erases stored copies of posts on request (UK GDPR article 17), primary course:
 * 1. each post's copy is replaced by a tombstone: its content hash and place in the account's hash
 *    chain stay, with when, who and why, so the chain and the record of what was captured still verify;
 * 2. each of its findings stays, its evidence replaced by "[erased on <date> at the subject's
 *    request]", and the erasure is recorded in the finding's audit trail.
 * A post already erased is left as it is; a post that is not stored is a PurgeTargetError.
 */
export async function purgePosts(store: CouncilStore, target: PurgeTarget, erasure: Erasure): Promise<PurgeResult> {
  const records = await store.listPosts(target.platform, target.handle);
  const ids = target.postId === undefined ? records.map((r) => ('erased' in r ? r.postId : r.post.id)) : [target.postId];
  if (target.postId !== undefined && !records.some((r) => ('erased' in r ? r.postId : r.post.id) === target.postId)) {
    throw new PurgeTargetError(`council ${store.councilId} holds no post ${target.postId} of ${target.platform} account ${target.handle}`, [
      { field: '--post', value: JSON.stringify(`${target.platform}:${target.handle}:${target.postId}`), message: 'is not a stored post' },
    ]);
  }
  const result: PurgeResult = { erased: [], alreadyErased: [], findings: [] };
  for (const postId of ids) {
    const before = records.find((r) => ('erased' in r ? r.postId : r.post.id) === postId);
    if (before && 'erased' in before) {
      result.alreadyErased.push(postId);
      continue;
    }
    // The findings first: were the copy erased and the findings not, a retry would find the post
    // already erased and leave its evidence in the findings.
    result.findings.push(...(await store.eraseFindingEvidence(target.platform, target.handle, postId, erasedEvidence(erasure.at), erasure)));
    if (await store.erasePost(target.platform, target.handle, postId, erasure)) result.erased.push(postId);
  }
  return result;
}

/**
 * `--post <platform>:<handle>:<postId>`: the handle may hold colons (a feed URL), so it is matched
 * against the council's registered accounts; the post id is what follows it.
 */
export function parsePostTarget(value: string, accounts: readonly Account[]): PurgeTarget {
  const [platform, rest] = splitPlatform(value, '--post', '<platform>:<handle>:<postId>');
  const account = accounts.find((a) => a.platform === platform && rest.toLowerCase().startsWith(`${a.handle.toLowerCase()}:`))
    ?? accounts.find((a) => a.platform === platform && normaliseHandle(rest.slice(0, rest.lastIndexOf(':'))) === normaliseHandle(a.handle));
  const cut = account ? account.handle.length : rest.lastIndexOf(':');
  const handle = rest.slice(0, cut);
  const postId = rest.slice(cut + 1);
  if (cut <= 0 || postId === '') {
    throw new PurgeTargetError('invalid --post', [{ field: '--post', value: JSON.stringify(value), message: 'expected <platform>:<handle>:<postId>, e.g. mastodon:@harbournetc@mastodon.social:111' }]);
  }
  return { platform, handle: account?.handle ?? handle, postId };
}

/** `--account <platform>:<handle>`. */
export function parseAccountTarget(value: string): PurgeTarget {
  const [platform, handle] = splitPlatform(value, '--account', '<platform>:<handle>');
  return { platform, handle };
}

function splitPlatform(value: string, field: string, shape: string): [Platform, string] {
  const colon = value.indexOf(':');
  const platform = value.slice(0, colon) as Platform;
  const rest = value.slice(colon + 1);
  if (colon <= 0 || !PLATFORMS.includes(platform) || rest === '') {
    throw new PurgeTargetError(`invalid ${field}`, [{ field, value: JSON.stringify(value), message: `expected ${shape}, the platform one of ${PLATFORMS.join(', ')}` }]);
  }
  return [platform, rest];
}

