import type { Writable } from 'node:stream';
import { ValidationError } from '../domain/errors';
import { FindingNotFoundError } from '../domain/errors';
import type { FindingEvent, StoredFinding } from '../domain/records';
import { tidy } from '../rendering/display';
import type { CouncilStore, FindingStatus } from '../store/audit-store';

/** The statuses the store keeps an index of whatever week they were detected in. */
const STILL_OPEN: readonly FindingStatus[] = ['open', 'acknowledged'];

export type FindingsListFormat = 'jsonl' | 'table';

/** A combination of `findings list` options the store cannot answer. */
export class FindingsOptionError extends ValidationError {}

/**
 * `findings list`: the council's findings, newest first. Without `--week`, those still open or
 * acknowledged (whenever detected); with it, those detected that ISO week, whatever their status.
 * `--status` narrows either. Closed findings are indexed only by the week they were detected in, so
 * asking for resolved or dismissed ones needs `--week`.
 */
export async function listFindings(store: Pick<CouncilStore, 'listOpenFindings' | 'listFindingsDetectedIn'>, options: { status?: FindingStatus; week?: string }): Promise<StoredFinding[]> {
  if (options.week === undefined && options.status !== undefined && !STILL_OPEN.includes(options.status)) {
    throw new FindingsOptionError(`${options.status} findings are listed by the week they were detected`, [
      { field: '--status', value: JSON.stringify(options.status), message: 'needs --week (e.g. --week 2026-W49): only open and acknowledged findings are listed across weeks' },
    ]);
  }
  const findings = options.week === undefined ? await store.listOpenFindings() : await store.listFindingsDetectedIn(options.week);
  return findings.filter((f) => options.status === undefined || f.status === options.status).sort(newestFirst);
}

/**
 * One finding per line, as stored (evidence masked as the scan stored it). An account-level finding
 * has no `postId`: the key is left out rather than set to null.
 */
export function writeFindingLines(out: Writable, findings: readonly StoredFinding[]): void {
  for (const finding of findings) out.write(`${JSON.stringify(finding)}\n`);
}

/** One row per finding, newest first, for a person at a terminal. */
export function writeFindingTable(out: Writable, findings: readonly StoredFinding[], empty: string): void {
  if (findings.length === 0) {
    out.write(`${empty}\n`);
    return;
  }
  const rows = findings.map((f) => [f.detectedAt.slice(0, 10), f.status, f.severity, f.rule, `${f.platform} ${tidy(f.account)}`, tidy(f.postId ?? '(account)'), tidy(f.evidence), f.id]);
  const headers = ['detected', 'status', 'severity', 'rule', 'account', 'post', 'evidence', 'id'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()}\n`;
  out.write(line(headers));
  for (const row of rows) out.write(line(row));
}

/** What an empty listing says, so that "nothing" is not mistaken for "nothing asked". */
export function describeNoFindings(options: { status?: FindingStatus; week?: string }): string {
  const which = options.status ?? (options.week === undefined ? 'open or acknowledged' : '');
  return `No ${which ? `${which} ` : ''}findings${options.week === undefined ? '' : ` detected in ${options.week}`}.`;
}

function newestFirst(a: StoredFinding, b: StoredFinding): number {
  const byTime = Date.parse(b.detectedAt) - Date.parse(a.detectedAt);
  return byTime !== 0 ? byTime : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The finding with its audit trail, oldest event first; a FindingNotFoundError naming the id when none is stored. */
export async function showFinding(store: Pick<CouncilStore, 'councilId' | 'getFinding' | 'listFindingEvents'>, findingId: string): Promise<{ finding: StoredFinding; events: FindingEvent[] }> {
  const finding = await store.getFinding(findingId);
  if (!finding) throw new FindingNotFoundError(`council ${store.councilId} has no finding ${findingId} (council-audit findings list shows their ids)`);
  return { finding, events: await store.listFindingEvents(findingId) };
}

/** `findings show` for a person: what was found, where, and every change of its status, who and why. */
export function writeFindingDetail(out: Writable, { finding, events }: { finding: StoredFinding; events: readonly FindingEvent[] }): void {
  const foundBy = finding.foundBy === 'rescan' ? ' (found by a rescan of stored posts)' : finding.foundBy === 'edit' ? ' (found in an edit of the post)' : '';
  const lines: Array<[string, string | undefined]> = [
    ['finding', finding.id],
    ['status', `${finding.status}${finding.resolvedAutomatically ? ' (by itself, no one acting)' : ''}`],
    ['rule', `${finding.rule} (${finding.severity})`],
    ['account', `${finding.platform} ${tidy(finding.account)}`],
    ['post', finding.postId === undefined ? '(account)' : tidy(finding.postId)],
    ['post url', finding.postUrl === undefined ? undefined : tidy(finding.postUrl)],
    ['evidence', tidy(finding.evidence)],
    ['reason', tidy(finding.reason)],
    ['detected', `${finding.detectedAt}${foundBy}`],
    ['rules', finding.rulesVersion],
  ];
  for (const [label, value] of lines) if (value !== undefined) out.write(`${`${label}:`.padEnd(10)}${value}\n`);
  out.write(`audit trail:${events.length === 0 ? ' (no change since it was raised)' : ''}\n`);
  for (const event of events) {
    const who = event.automatic ? `the system (${event.by})` : tidy(event.byName ? `${event.byName} (${event.by})` : event.by);
    out.write(`  ${event.at}  ${event.previousStatus} -> ${event.status}  by ${who}${event.note ? `: ${tidy(event.note)}` : ''}\n`);
  }
}
