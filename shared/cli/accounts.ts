import type { Writable } from 'node:stream';
import { approveAccount, registerAccount } from '../accounts/register-account';
import { HOW_TO_REPORT, PLATFORM_TITLES, type AccountState, type ImpostorCandidate } from '../accounts/council-accounts';
import { formatLocal } from '../domain/calendar';
import { isApproved, type Account } from '../domain/account';
import { printable } from './io';
import type { CouncilStore } from '../store/audit-store';

/** `accounts add`: registers an account for monitoring (approval optional, recorded with it). */
export async function addAccount(
  store: CouncilStore,
  input: { platform: string; handle: string; name?: string; baseUrl?: string; approvedBy?: string; approvedOn?: string },
  clock: () => Date = () => new Date(),
): Promise<Account> {
  return registerAccount(store, { ...input, displayName: input.name }, clock);
}

/** `accounts approve`: records the Town Clerk's approval, who and when. */
export { approveAccount };

export function writeAccountTable(out: Writable, accounts: readonly Account[]): void {
  if (accounts.length === 0) {
    out.write('No accounts registered.\n');
    return;
  }
  const rows = accounts.map((a) => [
    a.platform,
    a.handle,
    a.displayName ?? '',
    isApproved(a) ? `approved by ${a.approvedBy} on ${a.approvedOn}` : 'NOT APPROVED',
    a.status,
  ]);
  const headers = ['platform', 'handle', 'name', 'approval', 'status'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()}\n`;
  out.write(line(headers));
  for (const row of rows) out.write(line(row));
}

const CONDITION_WORDS: Record<AccountState['condition'], string> = {
  'needs-reconnection': 'NEEDS RECONNECTION',
  'capture-failing': 'CAPTURE FAILING',
  paused: 'paused',
  monitored: 'checked',
};

/** `accounts status`: each account's approval and state, as the console's accounts page shows them. */
export function writeAccountStates(out: Writable, states: readonly AccountState[], timezone: string): void {
  if (states.length === 0) {
    out.write('No accounts registered.\n');
    return;
  }
  for (const { account, approved, condition, failure } of states) {
    const approval = approved ? `approved by ${account.approvedBy} on ${account.approvedOn}` : 'AWAITING APPROVAL';
    out.write(`${printable(account.platform)} ${printable(account.handle)}: ${CONDITION_WORDS[condition]}; ${printable(approval)}\n`);
    if (failure) {
      out.write(`  failing since ${failure.sinceAtLeast ? 'at least ' : ''}${formatLocal(failure.failingSince, timezone)} (${failure.failedRuns} in a row)${failure.lastError ? `: ${printable(failure.lastError)}` : ''}\n`);
    }
    if (condition === 'needs-reconnection') out.write('  the platform refused its access: sign in to it again, then `council-audit accounts resume`\n');
  }
}

/** `accounts impostors`: accounts presenting as the council, and how to report each to its platform. */
export function writeImpostorCandidates(out: Writable, candidates: readonly ImpostorCandidate[]): void {
  if (candidates.length === 0) {
    out.write('No accounts presenting as the council await a decision.\n');
    return;
  }
  for (const { finding } of candidates) {
    out.write(`${printable(finding.account)} on ${PLATFORM_TITLES[finding.platform]} (${finding.status === 'acknowledged' ? 'confirmed impostor' : 'to decide'}), finding ${printable(finding.id)}\n`);
    out.write(`  ${printable(finding.evidence)}\n  to report it: ${HOW_TO_REPORT[finding.platform]}\n`);
  }
  out.write('Confirm one with `council-audit findings acknowledge --id <finding> --note "impostor" --by <you>`, or mark it as not the council with `findings dismiss --id <finding> --reason <why> --by <you>`.\n');
}
