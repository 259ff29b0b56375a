import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Invitations } from '../../shared/console/http';
import { pushCouncilConfig } from '../../shared/configuration/push-config';
import type { LocalDynamoDb } from '../../shared/local/dynalite';
import { FolderReportStorage } from '../../shared/report/folder-storage';
import { monthlyReportKeys } from '../../shared/report/monthly-report';
import { makeAccount, makeFinding } from '../store/store-fixtures';
import { HARBOURNE } from '../review/review-store';
import { consoleWorld } from './console-fixtures';

/** The console world of console-fixtures with what the accounts, settings, people and reports pages need. */

export const H = HARBOURNE.id;

/** Registered, not yet approved, and paused. */
export const UNAPPROVED = makeAccount({ platform: 'bluesky', handle: 'harbournetc.bsky.social', displayName: 'Harbourne TC', status: 'paused' });
export const APPROVED = makeAccount({ approvedBy: 'Alex Morgan', approvedOn: '2026-01-06' });

/** An account discovery found presenting as the council. */
export const IMPOSTOR = makeFinding({
  id: 'f-unapproved-account-bluesky-harbourne-official',
  rule: 'unapproved-account',
  platform: 'bluesky',
  account: 'harbourne-official.bsky.social',
  postId: undefined,
  postUrl: 'https://bsky.app/profile/harbourne-official.bsky.social',
  postedAt: undefined,
  location: undefined,
  evidence: 'harbourne-official.bsky.social "Harbourne Town Council (official)"',
  reason: 'it presents itself as Harbourne Town Council but is not approved',
  detectedAt: '2026-02-05T06:00:00Z',
  detectedWeek: '2026-W06',
});

export const PDF = new TextEncoder().encode('%PDF-1.7 a stand-in for the printed report');

/** Invitations as a list of who was invited. */
export class InvitationList implements Invitations {
  readonly sent: { email: string; name?: string; councilId: string }[] = [];
  async invite(request: { email: string; name?: string; councilId: string }): Promise<void> {
    this.sent.push(request);
  }
}

export async function pagesWorld(dynamo: LocalDynamoDb) {
  const invitations = new InvitationList();
  const reports = new FolderReportStorage(await mkdtemp(join(tmpdir(), 'console-reports-')));
  const renderPdf = async () => PDF;
  const world = await consoleWorld(dynamo, { invitations, reports, renderPdf });
  const { store, clock } = world;
  const council = store.forCouncil(H);
  await pushCouncilConfig(store, H, { council: { name: HARBOURNE.name, aliases: ['Harbourne TC'] }, councillors: [{ name: 'Alice Moreton', handles: [] }] }, { by: 'setup', clock });
  await council.putAccount(APPROVED);
  await council.putAccount(UNAPPROVED);
  await council.putFinding(IMPOSTOR);
  // January's report as the monthly job stores it (its making is tested in test/report).
  const keys = monthlyReportKeys(H, '2026-01');
  await reports.put(keys.pdf, PDF, 'application/pdf');
  await reports.put(keys.html, '<!DOCTYPE html><html lang="en-GB"><head><title>Harbourne Town Council: January 2026</title></head><body><main><h1>January 2026</h1></main></body></html>', 'text/html; charset=utf-8');
  await council.recordReport({ month: '2026-01', key: keys.pdf, htmlKey: keys.html, generatedAt: clock().toISOString() });
  return { ...world, invitations, reports };
}

/** What a refused request must leave as it was: accounts, members, configuration, digest recipients, findings. */
export async function snapshot(world: Awaited<ReturnType<typeof pagesWorld>>): Promise<string> {
  const council = world.store.forCouncil(H);
  const [accounts, members, version, registration, impostor] = await Promise.all([
    council.listAccounts(),
    council.listMembers(),
    council.getConfigVersion(),
    world.store.getCouncil(H),
    council.getFinding(IMPOSTOR.id),
  ]);
  return JSON.stringify({ accounts, members, version: version?.version, registration, impostor: impostor?.status, invited: world.invitations.sent, councils: (await world.store.listCouncils()).map((c) => c.id) });
}

