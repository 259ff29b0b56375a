import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneConnectorForAll } from '../../shared/connectors/registry';
import type { Post } from '../../shared/domain/post';
import { startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { buildReportFacts } from '../../shared/report/build-report';
import { CouncilNotFoundError } from '../../shared/store/audit-store';
import { dismissFinding, resolveFinding } from '../../shared/review/review-finding';
import { liftSuppression, listSuppressions, SuppressionNotFoundError } from '../../shared/review/suppressions';
import { AccessRefusedError } from '../../shared/review/authorise';
import { scanAccount } from '../../shared/scanning/scan-account';
import { makePost, testConfig } from '../support/fixtures';
import { byKey, FixedConnector, MASTODON, postsOf } from '../support/scan-fixtures';
import { ADMIN, ASHBY_CLERK, CLERK, COUNCILLOR, HARBOURNE, reviewStore } from './review-store';

let dynamo: LocalDynamoDb;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.stop();
});

/** Harbourne on dynalite with its configuration and Mastodon account, and a connector serving `posts`. */
async function harbourneScanning(posts: Post[]) {
  const fixture = await reviewStore(dynamo, '2026-11-19T10:00:00Z');
  const council = fixture.store.forCouncil(HARBOURNE.id);
  await council.putCouncilConfig(testConfig());
  await council.putAccount(MASTODON);
  const connector = new FixedConnector(byKey([[MASTODON, posts]]));
  const scan = () => scanAccount({ store: council, connectors: oneConnectorForAll(connector), clock: fixture.clock, retentionDays: 30 }, MASTODON);
  return { ...fixture, council, scan };
}

/** The same phone number as post m-2, posted again later. */
const repeat = (id: string, createdAt: string): Post =>
  makePost({ platform: 'mastodon', account: MASTODON.handle, accountName: MASTODON.displayName, id, createdAt, text: 'Found a wallet: call Sam on 07700 900731.' });

describe('a suppression', () => {
  it('stops a real scan raising the same evidence again, and a rescan raises it once lifted', async () => {
    // Prepare: the first scan raises the phone number in m-2; the clerk dismisses it for good.
    const posts = postsOf(MASTODON, 'm');
    const { council, store, scan, setTime } = await harbourneScanning(posts);
    await scan();
    const [first] = (await council.listFindingsDetectedIn('2026-W47')).filter((f) => f.rule === 'personal-data');
    const { suppression } = await dismissFinding({ store }, CLERK, {
      councilId: HARBOURNE.id,
      findingId: first!.id,
      reason: 'Sam is the lost-property volunteer; the number is on the notice board.',
      suppress: true,
    });
    expect(suppression).toMatchObject({ rule: 'personal-data', account: MASTODON.handle, createdBy: CLERK.userId, findingId: first!.id });
    expect((await council.listFindingEvents(first!.id)).at(-1)).toMatchObject({ action: 'dismiss', suppressionId: suppression!.id });

    // Act: the number comes again in a new post.
    posts.push(repeat('m-4', '2026-11-19T09:00:00Z'));
    const suppressedRun = await scan();

    // Assess: not raised, and the scan run says one was held back.
    expect(suppressedRun).toMatchObject({ outcome: 'ok', postsNew: 1, findingsNew: 0, findingsSuppressed: 1 });
    expect((await council.listFindingsDetectedIn('2026-W47')).filter((f) => f.postId === 'm-4')).toEqual([]);

    // Act: the clerk lifts it, and the account is scanned again from before m-4.
    setTime('2026-11-19T12:00:00Z');
    const lifted = await liftSuppression({ store }, ADMIN, { councilId: HARBOURNE.id, suppressionId: suppression!.id });
    await council.setCursor('mastodon', MASTODON.handle, '2');
    const rescan = await scan();

    // Assess: raised as open; the dismissal of m-2 stands; the lifted record says who lifted it.
    expect(rescan).toMatchObject({ outcome: 'ok', findingsNew: 1 });
    expect(rescan.findingsSuppressed).toBeUndefined();
    const m4 = (await council.listFindingsDetectedIn('2026-W47')).filter((f) => f.postId === 'm-4');
    expect(m4.map((f) => [f.rule, f.status])).toEqual([['personal-data', 'open']]);
    expect((await council.getFinding(first!.id))?.status).toBe('dismissed');
    expect(lifted).toMatchObject({ id: suppression!.id, liftedBy: ADMIN.userId, liftedByName: 'Sam Patel', liftedAt: '2026-11-19T12:00:00.000Z' });
    expect(await listSuppressions({ store }, COUNCILLOR, HARBOURNE.id)).toEqual([]);
    expect(await listSuppressions({ store }, COUNCILLOR, HARBOURNE.id, { includeLifted: true })).toEqual([lifted]);
  });

  it('holds back only its own rule, account and evidence', async () => {
    const posts = postsOf(MASTODON, 'm');
    const { council, store, scan } = await harbourneScanning(posts);
    await scan();
    const link = (await council.listFindingsDetectedIn('2026-W47')).find((f) => f.rule === 'risky-link')!;
    await dismissFinding({ store }, CLERK, { councilId: HARBOURNE.id, findingId: link.id, reason: 'Our own survey link.', suppress: true });

    posts.push(repeat('m-4', '2026-11-19T09:00:00Z'));
    const run = await scan();

    expect(run).toMatchObject({ findingsNew: 1 });
    expect(run.findingsSuppressed).toBeUndefined();
    expect((await council.listFindingsDetectedIn('2026-W47')).filter((f) => f.postId === 'm-4').map((f) => f.rule)).toEqual(['personal-data']);
  });

  it('is created once for the same evidence dismissed twice, and lifted once', async () => {
    const posts = [...postsOf(MASTODON, 'm'), repeat('m-4', '2026-11-19T09:00:00Z')];
    const { council, store, scan } = await harbourneScanning(posts);
    await scan();
    const numbers = (await council.listFindingsDetectedIn('2026-W47')).filter((f) => f.rule === 'personal-data');
    expect(numbers).toHaveLength(2);
    const a = await dismissFinding({ store }, CLERK, { councilId: HARBOURNE.id, findingId: numbers[0]!.id, reason: 'First.', suppress: true });
    const b = await dismissFinding({ store }, ADMIN, { councilId: HARBOURNE.id, findingId: numbers[1]!.id, reason: 'Second.', suppress: true });

    expect(b.suppression).toEqual(a.suppression);
    expect(await council.listSuppressions()).toHaveLength(1);
    await liftSuppression({ store }, CLERK, { councilId: HARBOURNE.id, suppressionId: a.suppression!.id });
    await expect(liftSuppression({ store }, CLERK, { councilId: HARBOURNE.id, suppressionId: a.suppression!.id })).rejects.toThrow(SuppressionNotFoundError);
  });

  it('is listed and lifted only by people of its council allowed to', async () => {
    const { council, store, scan } = await harbourneScanning(postsOf(MASTODON, 'm'));
    await scan();
    const link = (await council.listFindingsDetectedIn('2026-W47')).find((f) => f.rule === 'risky-link')!;
    const { suppression } = await dismissFinding({ store }, CLERK, { councilId: HARBOURNE.id, findingId: link.id, reason: 'Ours.', suppress: true });

    await expect(liftSuppression({ store }, COUNCILLOR, { councilId: HARBOURNE.id, suppressionId: suppression!.id })).rejects.toThrow(AccessRefusedError);
    await expect(liftSuppression({ store }, ASHBY_CLERK, { councilId: HARBOURNE.id, suppressionId: suppression!.id })).rejects.toThrow(CouncilNotFoundError);
    await expect(listSuppressions({ store }, ASHBY_CLERK, HARBOURNE.id)).rejects.toThrow(CouncilNotFoundError);
    expect((await listSuppressions({ store }, CLERK, HARBOURNE.id)).map((s) => s.id)).toEqual([suppression!.id]);
  });
});

describe('the monthly report of reviewed findings', () => {
  it('counts a finding resolved and one dismissed through the use cases', async () => {
    // Prepare: a scan on 19 November raises two findings; the clerk reviews both the next day.
    const { council, store, scan, setTime } = await harbourneScanning(postsOf(MASTODON, 'm'));
    await scan();
    const findings = await council.listFindingsDetectedIn('2026-W47');
    const number = findings.find((f) => f.rule === 'personal-data')!;
    const link = findings.find((f) => f.rule === 'risky-link')!;
    setTime('2026-11-20T10:00:00Z');
    await resolveFinding({ store }, CLERK, { councilId: HARBOURNE.id, findingId: number.id, outcome: 'post-deleted' });
    setTime('2026-11-21T22:00:00Z');
    await dismissFinding({ store }, CLERK, { councilId: HARBOURNE.id, findingId: link.id, reason: 'Our own survey.' });

    // Act
    const facts = await buildReportFacts(council, testConfig(), { from: '2026-11-01', to: '2026-11-30' }, new Date('2026-12-01T09:00:00Z'));

    // Assess: one day to resolve, two and a half to dismiss; the dismissal counted for its rule.
    expect(facts.timeToResolve).toMatchObject({
      resolved: { count: 1, medianDays: 1 },
      dismissed: { count: 1, medianDays: 2.5 },
      stillOpen: 0,
      closedWithoutTrail: 0,
    });
    expect(facts.dismissedByRule.find((r) => r.rule === 'risky-link')).toMatchObject({ findings: 1, dismissed: 1, share: 1 });
    expect(facts.dismissedByRule.find((r) => r.rule === 'personal-data')).toMatchObject({ findings: 1, dismissed: 0 });
  });
});
