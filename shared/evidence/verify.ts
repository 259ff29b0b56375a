import type { Platform } from '../domain/post';
import { isTombstone, type ChainHead, type ChainLink, type PostRecord } from '../domain/records';
import { contentHash } from '../scanning/scan-account';
import type { CouncilStore } from '../store/audit-store';
import { chainHashOf, GENESIS_HASH } from './chain';

/** The first thing found wrong in an account's chain: where, what, what it should be and what it is. */
export interface BrokenLink {
  seq?: number;
  postId?: string;
  what: string;
  expected: string;
  found: string;
}

export interface ChainCheck {
  platform: Platform;
  handle: string;
  links: number;
  head?: ChainHead;
  /** Posts whose copy was erased (their tombstones checked against the chain). */
  erased: number;
  /** Posts stored before the chain was kept: nothing to check them against. */
  unchained: number;
  broken?: BrokenLink;
}

/**
 * Walks every registered account's hash chain, oldest link first, and checks: each link's hash
 * covers its content hash and the link before it; links follow one another without a gap (a chain
 * may begin later than 1 once its oldest links have passed their retention); the head is the last
 * link; and every stored post is the newest version the chain records for it: same content hash,
 * same place, and, for a copy not erased, a content hash that is computed again from the copy itself.
 */
export async function verifyChains(store: CouncilStore): Promise<ChainCheck[]> {
  const checks: ChainCheck[] = [];
  for (const account of await store.listAccounts()) {
    const [links, head, posts] = await Promise.all([
      store.listChain(account.platform, account.handle),
      store.getChainHead(account.platform, account.handle),
      store.listPosts(account.platform, account.handle),
    ]);
    const broken = firstBreak(links, head, posts);
    checks.push({
      platform: account.platform,
      handle: account.handle,
      links: links.length,
      ...(head ? { head } : {}),
      erased: posts.filter(isTombstone).length,
      unchained: posts.filter((p) => p.seq === undefined).length,
      ...(broken ? { broken } : {}),
    });
  }
  return checks;
}

function firstBreak(links: readonly ChainLink[], head: ChainHead | undefined, posts: readonly PostRecord[]): BrokenLink | undefined {
  let previous: ChainLink | undefined;
  for (const link of links) {
    const at = { seq: link.seq, postId: link.postId };
    if (previous === undefined) {
      if (link.seq === 1 && link.previousHash !== GENESIS_HASH) return { ...at, what: 'the first link does not start the chain', expected: GENESIS_HASH, found: link.previousHash };
    } else {
      if (link.seq !== previous.seq + 1) return { ...at, what: `link ${previous.seq + 1} is missing`, expected: `link ${previous.seq + 1}`, found: `link ${link.seq}` };
      if (link.previousHash !== previous.chainHash) return { ...at, what: 'the previous hash is not the hash of the link before', expected: previous.chainHash, found: link.previousHash };
    }
    const computed = chainHashOf(link.previousHash, link.contentHash);
    if (computed !== link.chainHash) return { ...at, what: 'the chain hash is not sha256(previousHash + contentHash)', expected: computed, found: link.chainHash };
    previous = link;
  }
  if (previous && (head?.seq !== previous.seq || head.chainHash !== previous.chainHash)) {
    return { what: 'the chain head is not the last link', expected: `link ${previous.seq} ${previous.chainHash}`, found: head ? `link ${head.seq} ${head.chainHash}` : 'no head' };
  }

  const bySeq = new Map(links.map((l) => [l.seq, l]));
  const newest = new Map<string, number>();
  for (const link of links) newest.set(link.postId, link.seq);
  const oldest = links[0]?.seq ?? Number.POSITIVE_INFINITY;
  const broken: BrokenLink[] = [];
  for (const record of posts) {
    if (record.seq === undefined) continue;
    const postId = isTombstone(record) ? record.postId : record.post.id;
    const at = { seq: record.seq, postId };
    if (!isTombstone(record)) {
      const computed = contentHash(record.post);
      if (computed !== record.contentHash) broken.push({ ...at, what: "the stored copy's content is not what was captured", expected: record.contentHash, found: computed });
    }
    const link = bySeq.get(record.seq);
    if (!link) {
      // Links go (by retention) after the copies they vouch for; a copy older than the chain is not checked.
      if (record.seq >= oldest) broken.push({ ...at, what: 'the chain has no link for this post', expected: `link ${record.seq}`, found: 'none' });
      continue;
    }
    if (link.postId !== postId) broken.push({ ...at, what: 'the link is of another post', expected: postId, found: link.postId });
    else if (link.contentHash !== record.contentHash) broken.push({ ...at, what: "the post's content hash is not the one the chain recorded", expected: link.contentHash, found: record.contentHash });
    else if (link.chainHash !== record.chainHash || link.previousHash !== record.previousHash) broken.push({ ...at, what: "the post's chain hashes are not its link's", expected: link.chainHash, found: record.chainHash ?? 'none' });
    else if (newest.get(postId) !== record.seq) broken.push({ ...at, what: 'the post is not the newest version the chain recorded', expected: `link ${newest.get(postId)}`, found: `link ${record.seq}` });
  }
  return broken.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))[0];
}
