import { createHash } from 'node:crypto';
import type { ChainHead, ChainLink } from '../domain/records';

/**
 * Tamper evidence: each account's captured versions, in the order they were stored, form a hash
 * chain. A version's link records the link before it, and `chainHash = sha256(previousHash +
 * contentHash)`, so changing any stored copy, hash or link afterwards breaks every link after it;
 * the chain head printed in the monthly report (and minuted by Full Council) fixes it in time.
 */

/** The `previousHash` of an account's first link. */
export const GENESIS_HASH = '0'.repeat(64);

export function chainHashOf(previousHash: string, contentHash: string): string {
  return createHash('sha256').update(previousHash + contentHash).digest('hex');
}

/** The link after `head` (or the first, when the chain is empty) for a captured version. */
export function nextLink(head: Pick<ChainHead, 'seq' | 'chainHash'> | undefined, version: { postId: string; contentHash: string; capturedAt: string }): ChainLink {
  const previousHash = head?.chainHash ?? GENESIS_HASH;
  return { seq: (head?.seq ?? 0) + 1, postId: version.postId, contentHash: version.contentHash, previousHash, chainHash: chainHashOf(previousHash, version.contentHash), capturedAt: version.capturedAt };
}

/**
 * A canonical post's JSON with its keys in order at every depth, so that its hash does not depend on
 * the order in which a connector or a store happened to write them.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
