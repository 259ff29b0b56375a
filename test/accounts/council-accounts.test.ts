import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approveCouncilAccount,
  confirmImpostor,
  dismissImpostor,
  HOW_TO_REPORT,
  listAccountStates,
  listImpostorCandidates,
  NotAnImpostorCandidateError,
  registerCouncilAccount,
  removeCouncilAccount,
  setCouncilAccountPaused,
} from '../../shared/accounts/council-accounts';
import { AccountValidationError } from '../../shared/domain/account';
import { AccountNotFoundError } from '../../shared/domain/errors';
import { PLATFORMS } from '../../shared/domain/post';
import type { ScanRun } from '../../shared/domain/records';
import { startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { AccessRefusedError } from '../../shared/review/authorise';
import { CouncilNotFoundError } from '../../shared/store/audit-store';
import { makeAccount, makeFinding } from '../store/store-fixtures';
import { ADMIN, ASHBY_CLERK, CLERK, COUNCILLOR, HARBOURNE, OPERATOR, reviewStore } from '../review/review-store';

let dynamo: LocalDynamoDb;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.stop();
});

function run(fields: Partial<ScanRun>): ScanRun {
  return {
    runId: 'r1',
    platform: 'mastodon',
    handle: '@harbournetc@mastodon.social',
    startedAt: '2026-02-09T06:00:00Z',
    finishedAt: '2026-02-09T06:00:05Z',
    week: '2026-W07',
    outcome: 'ok',
    postsFetched: 3,
    postsNew: 1,
    findingsNew: 0,
    ...fields,
  };
}

const IMPOSTOR = makeFinding({
  id: 'f-unapproved-account-bluesky-harbourne-official',
  rule: 'unapproved-account',
  platform: 'bluesky',
  account: 'harbourne-official.bsky.social',
  postId: undefined,
  postUrl: undefined,
  postedAt: undefined,
  location: undefined,
  evidence: 'harbourne-official.bsky.social "Harbourne Town Council (official)"',
  reason: 'it presents itself as Harbourne Town Council but is not approved',
});

describe('account states', () => {
  it('says of each account whether it is approved, paused, needs reconnection or failing since its first failure in a row', async () => {
    // Prepare: four accounts; the failing one failed last week after succeeding, then every run since.
    const { store, clock } = await reviewStore(dynamo, '2026-02-12T09:00:00Z');
    const council = store.forCouncil(HARBOURNE.id);
    await council.putAccount(makeAccount({ approvedBy: 'Alex Morgan', approvedOn: '2026-01-06' }));
    await council.putAccount(makeAccount({ platform: 'bluesky', handle: 'harbournetc.bsky.social' }));
    await council.putAccount(makeAccount({ platform: 'x', handle: 'HarbourneTC', status: 'paused', approvedBy: 'Alex Morgan', approvedOn: '2026-01-06' }));
    await council.putAccount(makeAccount({ platform: 'facebook', handle: 'HarbourneTownCouncil', status: 'needs-reconnection', approvedBy: 'Alex Morgan', approvedOn: '2026-01-06' }));
    await council.recordScanRun(run({ runId: 'a', startedAt: '2026-02-02T06:00:00Z', week: '2026-W06' }));
    await council.recordScanRun(run({ runId: 'b', startedAt: '2026-02-05T06:00:00Z', week: '2026-W06', outcome: 'failed', error: 'HTTP 503' }));
    await council.recordScanRun(run({ runId: 'c', startedAt: '2026-02-10T06:00:00Z', week: '2026-W07', outcome: 'failed', error: 'HTTP 502' }));
    await council.recordScanRun(run({ runId: 'd', platform: 'bluesky', handle: 'harbournetc.bsky.social', startedAt: '2026-02-10T06:00:00Z', week: '2026-W07' }));
    // A failed search of discovery is not an account's capture.
    await council.recordScanRun(run({ runId: 'e', platform: 'bluesky', handle: 'search on Bluesky', query: 'Harbourne', outcome: 'failed', startedAt: '2026-02-10T07:00:00Z' }));

    // Act
    const states = await listAccountStates({ store, clock }, CLERK, HARBOURNE.id);

    // Assess: the most pressing first.
    expect(states.map((s) => [s.account.platform, s.condition, s.approved])).toEqual([
      ['facebook', 'needs-reconnection', true],
      ['mastodon', 'capture-failing', true],
      ['x', 'paused', true],
      ['bluesky', 'monitored', false],
    ]);
    expect(states[1]!.failure).toMatchObject({ failingSince: '2026-02-05T06:00:00Z', failedRuns: 2, lastError: 'HTTP 502', sinceAtLeast: false });
  });

  it('lets a councillor see the accounts, but not an outsider or the operator', async () => {
    const { store } = await reviewStore(dynamo);
    await store.forCouncil(HARBOURNE.id).putAccount(makeAccount());
    await expect(listAccountStates({ store }, COUNCILLOR, HARBOURNE.id)).resolves.toHaveLength(1);
    await expect(listAccountStates({ store }, ASHBY_CLERK, HARBOURNE.id)).rejects.toThrow(CouncilNotFoundError);
    await expect(listAccountStates({ store }, OPERATOR, HARBOURNE.id)).rejects.toThrow(CouncilNotFoundError);
  });
});

describe('registering, approving, pausing and removing', () => {
  it('registers an account unapproved, and names the field and value of a handle its platform would not have', async () => {
    const { store, clock } = await reviewStore(dynamo);
    const account = await registerCouncilAccount({ store, clock }, ADMIN, HARBOURNE.id, { platform: 'mastodon', handle: '@harbournetc@mastodon.social', displayName: 'Harbourne TC' });
    expect(account).toMatchObject({ platform: 'mastodon', status: 'active', displayName: 'Harbourne TC' });
    expect(account.approvedBy).toBeUndefined();

    const refused = registerCouncilAccount({ store, clock }, ADMIN, HARBOURNE.id, { platform: 'x', handle: 'https://x.com/HarbourneTC' });
    await expect(refused).rejects.toThrow(AccountValidationError);
    await expect(refused).rejects.toThrow('handle = "https://x.com/HarbourneTC"');
    expect(await store.forCouncil(HARBOURNE.id).listAccounts()).toHaveLength(1);
  });

  it('lets the Town Clerk approve an account in their name, today', async () => {
    const { store, clock } = await reviewStore(dynamo, '2026-02-09T09:00:00Z');
    await store.forCouncil(HARBOURNE.id).putAccount(makeAccount());
    const approved = await approveCouncilAccount({ store, clock }, CLERK, HARBOURNE.id, { platform: 'mastodon', handle: '@HarbourneTC@mastodon.social' });
    expect(approved).toMatchObject({ approvedBy: 'Alex Morgan', approvedOn: '2026-02-09' });
  });

  it('refuses an admin approving an account, changing nothing', async () => {
    const { store, clock } = await reviewStore(dynamo);
    await store.forCouncil(HARBOURNE.id).putAccount(makeAccount());
    await expect(approveCouncilAccount({ store, clock }, ADMIN, HARBOURNE.id, { platform: 'mastodon', handle: '@harbournetc@mastodon.social' })).rejects.toThrow(
      'an admin may not approve accounts in council harbourne-tc',
    );
    expect((await store.forCouncil(HARBOURNE.id).listAccounts())[0]!.approvedBy).toBeUndefined();
  });

  it('pauses and resumes an account, resuming clears "needs reconnection"', async () => {
    const { store } = await reviewStore(dynamo);
    await store.forCouncil(HARBOURNE.id).putAccount(makeAccount({ status: 'needs-reconnection' }));
    const ref = { platform: 'mastodon', handle: '@harbournetc@mastodon.social' };
    expect((await setCouncilAccountPaused({ store }, ADMIN, HARBOURNE.id, ref, true)).status).toBe('paused');
    expect((await setCouncilAccountPaused({ store }, ADMIN, HARBOURNE.id, ref, false)).status).toBe('active');
  });

  it('removes an account, and says so for one not registered', async () => {
    const { store } = await reviewStore(dynamo);
    await store.forCouncil(HARBOURNE.id).putAccount(makeAccount());
    const ref = { platform: 'mastodon', handle: '@harbournetc@mastodon.social' };
    await expect(removeCouncilAccount({ store }, COUNCILLOR, HARBOURNE.id, ref)).rejects.toThrow(AccessRefusedError);
    await removeCouncilAccount({ store }, CLERK, HARBOURNE.id, ref);
    expect(await store.forCouncil(HARBOURNE.id).listAccounts()).toEqual([]);
    await expect(removeCouncilAccount({ store }, CLERK, HARBOURNE.id, ref)).rejects.toThrow(AccountNotFoundError);
    await expect(removeCouncilAccount({ store }, CLERK, HARBOURNE.id, { platform: 'myspace', handle: 'x' })).rejects.toThrow(AccountNotFoundError);
  });
});

describe('impostor candidates', () => {
  it('lists unapproved-account findings about accounts not registered, with how to report them to their platform', async () => {
    const { store, clock } = await reviewStore(dynamo);
    const council = store.forCouncil(HARBOURNE.id);
    await council.putFinding(IMPOSTOR);
    // A registered account without approval is the approve list's business, not an impostor.
    await council.putAccount(makeAccount());
    await council.putFinding(makeFinding({ id: 'f-unapproved-registered', rule: 'unapproved-account' }));
    await council.putFinding(makeFinding());

    const candidates = await listImpostorCandidates({ store, clock }, COUNCILLOR, HARBOURNE.id);
    expect(candidates.map((c) => c.finding.id)).toEqual([IMPOSTOR.id]);
    expect(candidates[0]!.howToReport).toBe(HOW_TO_REPORT.bluesky);
    expect(candidates[0]!.howToReport).toMatch(/Report account/);
  });

  it('confirms an impostor (acknowledged, with a note) or marks it as not the council (dismissed, with the reason)', async () => {
    const { store, clock } = await reviewStore(dynamo);
    const council = store.forCouncil(HARBOURNE.id);
    await council.putFinding(IMPOSTOR);
    await council.putFinding({ ...IMPOSTOR, id: 'f-other', account: 'harbourne-allotments.bsky.social' });

    const confirmed = await confirmImpostor({ store, clock }, ADMIN, HARBOURNE.id, IMPOSTOR.id);
    expect(confirmed.finding.status).toBe('acknowledged');
    const [event] = await council.listFindingEvents(IMPOSTOR.id);
    expect(event).toMatchObject({ by: ADMIN.userId, note: expect.stringMatching(/impostor.*Bluesky/) });

    const dismissed = await dismissImpostor({ store, clock }, CLERK, HARBOURNE.id, 'f-other', 'The allotment society’s own account.');
    expect(dismissed.finding.status).toBe('dismissed');
    expect((await listImpostorCandidates({ store, clock }, CLERK, HARBOURNE.id)).map((c) => [c.finding.id, c.finding.status])).toEqual([[IMPOSTOR.id, 'acknowledged']]);
  });

  it('refuses a councillor, a finding that is not a candidate, and a dismissal without a reason, changing nothing', async () => {
    const { store, clock } = await reviewStore(dynamo);
    const council = store.forCouncil(HARBOURNE.id);
    await council.putFinding(IMPOSTOR);
    await council.putFinding(makeFinding());
    await expect(confirmImpostor({ store, clock }, COUNCILLOR, HARBOURNE.id, IMPOSTOR.id)).rejects.toThrow(AccessRefusedError);
    await expect(confirmImpostor({ store, clock }, CLERK, HARBOURNE.id, makeFinding().id)).rejects.toThrow(NotAnImpostorCandidateError);
    await expect(dismissImpostor({ store, clock }, CLERK, HARBOURNE.id, IMPOSTOR.id, '  ')).rejects.toThrow('reason');
    expect((await council.getFinding(IMPOSTOR.id))!.status).toBe('open');
    expect((await council.getFinding(makeFinding().id))!.status).toBe('open');
  });

  it('has a way to report an impostor for every platform', () => {
    for (const platform of PLATFORMS) expect(HOW_TO_REPORT[platform].length).toBeGreaterThan(40);
  });
});
