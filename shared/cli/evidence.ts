import type { Writable } from 'node:stream';
import type { ChainCheck } from '../evidence/verify';
import type { PurgeResult, PurgeTarget } from '../evidence/purge';
import { printable } from './io';

/** `verify`: one line per account, and for a broken chain where, what, expected and found. */
export function writeChainChecks(out: Writable, where: string, checks: readonly ChainCheck[]): void {
  if (checks.length === 0) out.write(`${where} has no registered accounts: no chain to check\n`);
  for (const check of checks) {
    const head = check.head ? `head ${check.head.seq} ${check.head.chainHash}` : 'no head yet';
    const notes = [check.erased ? `${check.erased} erased` : '', check.unchained ? `${check.unchained} stored before the chain was kept, not checked` : ''].filter(Boolean);
    const account = `${check.platform} ${printable(check.handle)}`;
    if (!check.broken) {
      out.write(`${account}: intact, ${check.links} link${check.links === 1 ? '' : 's'}, ${head}${notes.length ? ` (${notes.join('; ')})` : ''}\n`);
      continue;
    }
    const b = check.broken;
    const place = [b.seq === undefined ? '' : `link ${b.seq}`, b.postId === undefined ? '' : `post ${printable(b.postId)}`].filter(Boolean).join(', ');
    out.write(`${account}: BROKEN${place ? ` at ${place}` : ''}: ${b.what}: expected ${printable(b.expected)}, found ${printable(b.found)}\n`);
  }
}

/** `purge`: what was erased, and the findings whose evidence now says so. */
export function writePurgeResult(out: Writable, where: string, target: PurgeTarget, result: PurgeResult): void {
  const account = `${target.platform} ${printable(target.handle)}`;
  if (result.erased.length === 0 && result.alreadyErased.length === 0) {
    out.write(`${where} holds no post of ${account}: nothing to erase\n`);
    return;
  }
  if (result.erased.length > 0) {
    out.write(`erased the stored copy of ${result.erased.length} post${result.erased.length === 1 ? '' : 's'} of ${account} in ${where} (${result.erased.map((id) => printable(id)).join(', ')}); each leaves a tombstone with its hash, so verify still passes\n`);
  }
  if (result.alreadyErased.length > 0) out.write(`already erased: ${result.alreadyErased.map((id) => printable(id)).join(', ')}\n`);
  out.write(`${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} kept with ${result.findings.length === 1 ? 'its' : 'their'} evidence erased${result.findings.length ? `: ${result.findings.join(', ')}` : ''}\n`);
}
