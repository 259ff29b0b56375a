import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FindingNotFoundError } from '../../shared/domain/errors';
import type { ReviewAction } from '../../shared/domain/finding';
import type { Principal } from '../../shared/domain/roles';
import { startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { AccessRefusedError } from '../../shared/review/authorise';
import {
  acknowledgeFinding,
  dismissFinding,
  FindingTransitionError,
  readFinding,
  reopenFinding,
  resolveFinding,
  type ReviewDeps,
} from '../../shared/review/review-finding';
import { ReviewInputError } from '../../shared/review/review-text';
import { CouncilNotFoundError, FindingStatusChangedError, type FindingStatus } from '../../shared/store/audit-store';
import type { DynamoDbAuditStore } from '../../shared/store/dynamodb-store';
import { makeFinding } from '../store/store-fixtures';
import { ADMIN, ASHBY, ASHBY_CLERK, CLERK, COUNCILLOR, HARBOURNE, OPERATOR, reviewStore } from './review-store';

let dynamo: LocalDynamoDb;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.stop();
});

/** Each action with input it accepts, and the status a finding must have for it. */
const ACTIONS: Record<ReviewAction, { from: FindingStatus; run: (deps: ReviewDeps, who: Principal, councilId: string, findingId: string) => Promise<unknown> }> = {
  acknowledge: { from: 'open', run: (deps, who, councilId, findingId) => acknowledgeFinding(deps, who, { councilId, findingId }) },
  resolve: { from: 'open', run: (deps, who, councilId, findingId) => resolveFinding(deps, who, { councilId, findingId, outcome: 'post-deleted' }) },
  dismiss: { from: 'acknowledged', run: (deps, who, councilId, findingId) => dismissFinding(deps, who, { councilId, findingId, reason: 'A published contact number.' }) },
  reopen: { from: 'dismissed', run: (deps, who, councilId, findingId) => reopenFinding(deps, who, { councilId, findingId, reason: 'The number is not published after all.' }) },
};

const PEOPLE: [string, Principal, boolean][] = [
  ['the Town Clerk', CLERK, true],
  ['an admin', ADMIN, true],
  ['a councillor', COUNCILLOR, false],
  ['the operator', OPERATOR, false],
  ["another council's Town Clerk", ASHBY_CLERK, false],
];

const cases = PEOPLE.flatMap(([who, principal, allowed]) =>
  (Object.keys(ACTIONS) as ReviewAction[]).map((action) => ({ who, principal, allowed, action })),
);

async function withFinding(store: DynamoDbAuditStore, councilId: string, id: string, status: FindingStatus = 'open') {
  const council = store.forCouncil(councilId);
  await council.putFinding(makeFinding({ id }));
  if (status !== 'open') await council.setFindingStatus(id, status, 'setup@harbourne-tc.example');
  return council;
}

describe('who may review a finding', () => {
  it.each(cases)('$who: $action allowed = $allowed', async ({ principal, allowed, action }) => {
    // Prepare
    const { store } = await reviewStore(dynamo);
    const { from, run } = ACTIONS[action];
    const council = await withFinding(store, HARBOURNE.id, 'f-1', from);
    const eventsBefore = await council.listFindingEvents('f-1');
    // Act
    const outcome = run({ store }, principal, HARBOURNE.id, 'f-1');
    // Assess
    if (allowed) {
      await expect(outcome).resolves.toBeDefined();
      const events = await council.listFindingEvents('f-1');
      expect(events.at(-1)).toMatchObject({ action, by: principal.userId, byName: principal.name, previousStatus: from });
    } else {
      await expect(outcome).rejects.toThrow(principal === COUNCILLOR ? AccessRefusedError : CouncilNotFoundError);
      expect((await council.getFinding('f-1'))?.status).toBe(from);
      expect(await council.listFindingEvents('f-1')).toEqual(eventsBefore);
    }
  });

  it('refuses a councillor with the role, the action and the council named', async () => {
    const { store } = await reviewStore(dynamo);
    await withFinding(store, HARBOURNE.id, 'f-1');
    await expect(dismissFinding({ store }, COUNCILLOR, { councilId: HARBOURNE.id, findingId: 'f-1', reason: 'Not ours.' })).rejects.toThrow(
      'a councillor may not review findings in council harbourne-tc',
    );
  });

  it('lets a councillor read a finding and its audit trail, but not the operator', async () => {
    const { store } = await reviewStore(dynamo);
    await withFinding(store, HARBOURNE.id, 'f-1', 'acknowledged');
    const { finding, events } = await readFinding({ store }, COUNCILLOR, { councilId: HARBOURNE.id, findingId: 'f-1' });
    expect(finding.evidence).toBe('call Sam on 07700 900***');
    expect(events.map((e) => e.status)).toEqual(['acknowledged']);
    await expect(readFinding({ store }, OPERATOR, { councilId: HARBOURNE.id, findingId: 'f-1' })).rejects.toThrow(CouncilNotFoundError);
  });
});

describe("one council's finding, another council's principal", () => {
  it('never reaches the finding of another council with the same id', async () => {
    // Prepare: both councils hold a finding with the same id.
    const { store } = await reviewStore(dynamo);
    const harbourne = await withFinding(store, HARBOURNE.id, 'f-same');
    const ashby = await withFinding(store, ASHBY.id, 'f-same');

    // Act: Ashby's clerk asks for Harbourne's, then acts on Ashby's own.
    const guessed = dismissFinding({ store }, ASHBY_CLERK, { councilId: HARBOURNE.id, findingId: 'f-same', reason: 'Guessing.' });
    await expect(guessed).rejects.toThrow(CouncilNotFoundError);
    await expect(guessed).rejects.toThrow('no council harbourne-tc is registered');
    await resolveFinding({ store }, ASHBY_CLERK, { councilId: ASHBY.id, findingId: 'f-same', outcome: 'post-edited' });

    // Assess: Harbourne's is untouched, Ashby's resolved.
    expect((await harbourne.getFinding('f-same'))?.status).toBe('open');
    expect(await harbourne.listFindingEvents('f-same')).toEqual([]);
    expect((await ashby.getFinding('f-same'))?.status).toBe('resolved');
  });

  it("says a finding only another council holds is not this council's", async () => {
    const { store } = await reviewStore(dynamo);
    const ashby = await withFinding(store, ASHBY.id, 'f-ashby-only');
    const attempt = acknowledgeFinding({ store }, CLERK, { councilId: HARBOURNE.id, findingId: 'f-ashby-only' });
    await expect(attempt).rejects.toThrow(FindingNotFoundError);
    await expect(attempt).rejects.toThrow('council harbourne-tc has no finding f-ashby-only');
    expect((await ashby.getFinding('f-ashby-only'))?.status).toBe('open');
  });

  it('gives an unregistered council the same answer as a council one is not a member of', async () => {
    const { store } = await reviewStore(dynamo);
    const member = { ...CLERK, memberships: { ...CLERK.memberships, 'gone-pc': 'town-clerk' as const } };
    await expect(acknowledgeFinding({ store }, member, { councilId: 'gone-pc', findingId: 'f-1' })).rejects.toThrow('no council gone-pc is registered');
  });
});

describe('the transitions of a finding', () => {
  const TABLE: [FindingStatus, ReviewAction, FindingStatus | string][] = [
    ['open', 'acknowledge', 'acknowledged'],
    ['open', 'resolve', 'resolved'],
    ['open', 'dismiss', 'dismissed'],
    ['open', 'reopen', 'is open: it is already open; nothing was changed'],
    ['acknowledged', 'acknowledge', 'is acknowledged: it is already acknowledged'],
    ['acknowledged', 'resolve', 'resolved'],
    ['acknowledged', 'dismiss', 'dismissed'],
    ['acknowledged', 'reopen', 'is acknowledged: it is still open; only a resolved or dismissed finding can be reopened'],
    ['resolved', 'acknowledge', 'is resolved: reopen it before you acknowledge it'],
    ['resolved', 'resolve', 'is resolved: it is already resolved'],
    ['resolved', 'dismiss', 'is resolved: reopen it before you dismiss it'],
    ['resolved', 'reopen', 'open'],
    ['dismissed', 'acknowledge', 'is dismissed: reopen it before you acknowledge it'],
    ['dismissed', 'resolve', 'is dismissed: reopen it before you resolve it'],
    ['dismissed', 'dismiss', 'is dismissed: it is already dismissed'],
    ['dismissed', 'reopen', 'open'],
  ];

  it.each(TABLE)('a finding %s, asked to %s, becomes (or refuses with) %s', async (from, action, expected) => {
    const { store } = await reviewStore(dynamo);
    const council = await withFinding(store, HARBOURNE.id, 'f-1', from);
    const before = await council.listFindingEvents('f-1');
    const outcome = ACTIONS[action].run({ store }, CLERK, HARBOURNE.id, 'f-1');
    if (expected.includes(' ')) {
      await expect(outcome).rejects.toThrow(FindingTransitionError);
      await expect(outcome).rejects.toThrow(`finding f-1 ${expected}`);
      expect((await council.getFinding('f-1'))?.status).toBe(from);
      expect(await council.listFindingEvents('f-1')).toEqual(before);
    } else {
      await outcome;
      expect((await council.getFinding('f-1'))?.status).toBe(expected);
    }
  });

  it('takes a finding off the open list when it is closed, and back when reopened', async () => {
    const { store } = await reviewStore(dynamo);
    const council = await withFinding(store, HARBOURNE.id, 'f-1');
    await dismissFinding({ store }, CLERK, { councilId: HARBOURNE.id, findingId: 'f-1', reason: 'The number is the library’s.' });
    expect(await council.listOpenFindings()).toEqual([]);
    await reopenFinding({ store }, CLERK, { councilId: HARBOURNE.id, findingId: 'f-1', reason: 'It was not the library’s.' });
    expect((await council.listOpenFindings()).map((f) => f.id)).toEqual(['f-1']);
  });

  it('lets only one of two reviewers acting on the same status win', async () => {
    // Prepare: the finding is dismissed by one person after another read it as open.
    const { store } = await reviewStore(dynamo);
    const council = await withFinding(store, HARBOURNE.id, 'f-1');
    await council.setFindingStatus('f-1', 'dismissed', ADMIN.userId, 'A duplicate.', { expectedStatus: 'open', action: 'dismiss' });
    // Act: the second change is conditional on the status the other reviewer read.
    const late = council.setFindingStatus('f-1', 'resolved', CLERK.userId, undefined, { expectedStatus: 'open', action: 'resolve', outcome: 'post-deleted' });
    // Assess
    await expect(late).rejects.toThrow(FindingStatusChangedError);
    await expect(late).rejects.toThrow('finding f-1 is now dismissed, no longer open');
    expect((await council.getFinding('f-1'))?.status).toBe('dismissed');
    expect((await council.listFindingEvents('f-1')).map((e) => e.by)).toEqual([ADMIN.userId]);
  });
});

describe('the audit trail of a review', () => {
  it('records who, when, what and why for each action, in order', async () => {
    // Prepare
    const { store, setTime } = await reviewStore(dynamo);
    const council = await withFinding(store, HARBOURNE.id, 'f-1');
    const deps = { store };
    const ref = { councilId: HARBOURNE.id, findingId: 'f-1' };
    // Act
    setTime('2026-02-09T09:15:00Z');
    await acknowledgeFinding(deps, ADMIN, { ...ref, note: 'Looking into it.' });
    setTime('2026-02-09T11:40:00Z');
    await resolveFinding(deps, CLERK, { ...ref, outcome: 'post-edited', note: 'Number removed; the post now says "call the office".' });
    setTime('2026-02-10T08:05:00Z');
    await reopenFinding(deps, CLERK, { ...ref, reason: 'The edit kept the number in the alt text.' });
    setTime('2026-02-10T08:30:00Z');
    await resolveFinding(deps, CLERK, { ...ref, outcome: 'other', note: 'Asked the platform to purge the edit history.' });
    // Assess
    expect(await council.listFindingEvents('f-1')).toEqual([
      { findingId: 'f-1', action: 'acknowledge', status: 'acknowledged', previousStatus: 'open', by: ADMIN.userId, byName: 'Sam Patel', at: '2026-02-09T09:15:00.000Z', note: 'Looking into it.' },
      { findingId: 'f-1', action: 'resolve', outcome: 'post-edited', status: 'resolved', previousStatus: 'acknowledged', by: CLERK.userId, byName: 'Alex Morgan', at: '2026-02-09T11:40:00.000Z', note: 'Number removed; the post now says "call the office".' },
      { findingId: 'f-1', action: 'reopen', status: 'open', previousStatus: 'resolved', by: CLERK.userId, byName: 'Alex Morgan', at: '2026-02-10T08:05:00.000Z', note: 'The edit kept the number in the alt text.' },
      { findingId: 'f-1', action: 'resolve', outcome: 'other', status: 'resolved', previousStatus: 'open', by: CLERK.userId, byName: 'Alex Morgan', at: '2026-02-10T08:30:00.000Z', note: 'Asked the platform to purge the edit history.' },
    ]);
  });

  it('needs a note for a resolution by other means, and a reason to dismiss or reopen', async () => {
    const { store } = await reviewStore(dynamo);
    const council = await withFinding(store, HARBOURNE.id, 'f-1');
    const ref = { councilId: HARBOURNE.id, findingId: 'f-1' };
    await expect(resolveFinding({ store }, CLERK, { ...ref, outcome: 'other' })).rejects.toThrow('note: is required when the outcome is "other"');
    await expect(resolveFinding({ store }, CLERK, { ...ref, outcome: 'post-burnt' as never })).rejects.toThrow('outcome = "post-burnt": expected one of post-deleted, post-edited, reply-posted, other');
    await expect(dismissFinding({ store }, CLERK, { ...ref, reason: '   ' })).rejects.toThrow('reason: is required to dismiss a finding');
    expect((await council.getFinding('f-1'))?.status).toBe('open');
    expect(await council.listFindingEvents('f-1')).toEqual([]);
  });
});

describe('hostile text in a note', () => {
  const STORED_AS_WRITTEN = [
    '<script>alert("x")</script><img src=x onerror=alert(1)>',
    '{{constructor.constructor("return process")()}} ${process.env.HOME} <%= 7*7 %>',
    "'; DROP TABLE findings; -- \" OR 1=1",
    '=HYPERLINK("http://attacker.example","click")',
    'Line one\nLine two\twith a tab',
    'Ünïcödé, emoji 🙂 and a right-to-left word: مرحبا',
  ];

  it.each(STORED_AS_WRITTEN)('stores %j as text, exactly', async (note) => {
    const { store } = await reviewStore(dynamo);
    const council = await withFinding(store, HARBOURNE.id, 'f-1');
    await dismissFinding({ store }, CLERK, { councilId: HARBOURNE.id, findingId: 'f-1', reason: note });
    expect((await council.listFindingEvents('f-1')).at(-1)?.note).toBe(note);
  });

  it('keeps line breaks as \\n and trims the ends', async () => {
    const { store } = await reviewStore(dynamo);
    const council = await withFinding(store, HARBOURNE.id, 'f-1');
    await acknowledgeFinding({ store }, CLERK, { councilId: HARBOURNE.id, findingId: 'f-1', note: '  first\r\nsecond\rthird  ' });
    expect((await council.listFindingEvents('f-1')).at(-1)?.note).toBe('first\nsecond\nthird');
  });

  const REFUSED: [string, string][] = [
    ['a NUL', 'bad\u0000note'],
    ['a terminal escape', 'red \u001b[31mALERT\u001b[0m'],
    ['a right-to-left override', 'approved \u202egnp.exe'],
    ['a C1 control', 'next\u0085line'],
  ];

  it.each(REFUSED)('refuses %s, naming the field and the character, and stores nothing', async (_, note) => {
    const { store } = await reviewStore(dynamo);
    const council = await withFinding(store, HARBOURNE.id, 'f-1');
    const attempt = dismissFinding({ store }, CLERK, { councilId: HARBOURNE.id, findingId: 'f-1', reason: note });
    await expect(attempt).rejects.toThrow(ReviewInputError);
    await expect(attempt).rejects.toThrow(/^invalid reason: reason = ".*": holds the control character U\+[0-9A-F]{4} at position \d+: write plain text$/);
    // The refusal quotes the value with the character escaped, never as itself.
    const message = await attempt.catch((error: Error) => error.message);
    // eslint-disable-next-line no-control-regex -- the characters the message must not hold
    expect(message).not.toMatch(/[\u0000-\u0008\u001b\u0085\u202e]/);
    expect((await council.getFinding('f-1'))?.status).toBe('open');
    expect(await council.listFindingEvents('f-1')).toEqual([]);
  });

  it('refuses a note longer than 2,000 characters and keeps one of exactly 2,000', async () => {
    const { store } = await reviewStore(dynamo);
    const council = await withFinding(store, HARBOURNE.id, 'f-1');
    const ref = { councilId: HARBOURNE.id, findingId: 'f-1' };
    await expect(acknowledgeFinding({ store }, CLERK, { ...ref, note: 'x'.repeat(2001) })).rejects.toThrow('is 2001 characters long: at most 2000');
    expect(await council.listFindingEvents('f-1')).toEqual([]);
    await acknowledgeFinding({ store }, CLERK, { ...ref, note: 'x'.repeat(2000) });
    expect((await council.listFindingEvents('f-1')).at(-1)?.note).toHaveLength(2000);
  });
});
