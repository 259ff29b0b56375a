import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneConnectorForAll } from '../../shared/connectors/registry';
import type { PostDetector } from '../../shared/detectors/detector';
import { DETECTORS, RULES_VERSION } from '../../shared/detectors';
import { offensiveLanguage } from '../../shared/detectors/offensive-language';
import { rescanCouncil, RESCAN_ACTOR } from '../../shared/evidence/rescan';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { scanAccount } from '../../shared/scanning/scan-account';
import { DynamoDbAuditStore, type DynamoDbCouncilStore } from '../../shared/store/dynamodb-store';
import { runCli } from '../support/cli';
import { testConfig } from '../support/fixtures';
import { byKey, FixedConnector, HARBOURNE, MASTODON, postsOf } from '../support/scan-fixtures';

/*
 * Rescans on dynalite: after a change of the rules, stored posts are checked again; a finding the new
 * rules raise is stored as found by the rescan, one they no longer raise is resolved with that reason,
 * and no finding is deleted.
 */

const TABLE = 'rescan';
const SCANNED = new Date('2026-11-19T10:00:00Z');
const RESCANNED = new Date('2026-12-02T10:00:00Z');

/** The "new rules": shortened links are no longer a risk, and the word "library" is (a stand-in rule). */
const NEW_RULES_VERSION = '2099-01-01';
const libraryRule: PostDetector = {
  meta: offensiveLanguage.meta,
  detect: (post) => (post.post.text.includes('library') ? [{ evidence: 'library', reason: 'a word the new rules flag' }] : []),
};
const NEW_RULES = [...DETECTORS.filter((d) => d.meta.id !== 'risky-link' && d.meta.id !== 'offensive-language'), libraryRule];

describe('rescan', () => {
  let dynamo: LocalDynamoDb;
  let council: DynamoDbCouncilStore;
  let env: NodeJS.ProcessEnv;
  const allFindings = async () => {
    const weeks = ['2026-W47', '2026-W49'];
    return (await Promise.all(weeks.map((w) => council.listFindingsDetectedIn(w)))).flat();
  };

  beforeAll(async () => {
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, TABLE);
    env = { TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    const store = new DynamoDbAuditStore({ client: DynamoDBDocumentClient.from(dynamo.client), tableName: TABLE, clock: () => RESCANNED });
    await store.putCouncil(HARBOURNE);
    council = store.forCouncil(HARBOURNE.id);
    await council.putCouncilConfig(testConfig());
    await council.putAccount(MASTODON);
    await scanAccount({ store: council, connectors: oneConnectorForAll(new FixedConnector(byKey([[MASTODON, postsOf(MASTODON, 'm')]]))), retentionDays: 90, clock: () => SCANNED }, MASTODON);
  }, 60_000);
  afterAll(() => dynamo.stop());

  it('records on every finding the version of the rules that raised it', async () => {
    const findings = await allFindings();
    expect(findings.map((f) => f.rule).sort()).toEqual(['personal-data', 'risky-link']);
    for (const finding of findings) expect(finding.rulesVersion).toBe(RULES_VERSION);
  });

  it('with the same rules, raises and withdraws nothing (from the command line)', async () => {
    const result = await runCli(['rescan', '--council', HARBOURNE.id], '', env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^rescanned 3 stored posts of council ${HARBOURNE.id} in .+ with rules ${RULES_VERSION}: 0 new findings, 0 no longer raised\n$`));
  });

  it('after a rule change, raises what the new rules find and retires what they no longer raise, deleting nothing', async () => {
    const before = await allFindings();
    const riskyLink = before.find((f) => f.rule === 'risky-link')!;

    const result = await rescanCouncil(council, { now: RESCANNED, detectors: NEW_RULES, rulesVersion: NEW_RULES_VERSION });

    expect(result.postsChecked).toBe(3);
    expect(result.withdrawn).toEqual([riskyLink.id]);
    expect(result.raised).toHaveLength(1);
    const raised = (await council.getFinding(result.raised[0]!))!;
    expect(raised).toMatchObject({ rule: 'offensive-language', postId: 'm-1', status: 'open', foundBy: 'rescan', rulesVersion: NEW_RULES_VERSION, detectedWeek: '2026-W49' });
    const retired = (await council.getFinding(riskyLink.id))!;
    // marked as no longer raised, by the system rather than a person
    expect(retired).toMatchObject({ status: 'resolved', resolvedAutomatically: 'rules-changed' });
    expect((await council.listFindingEvents(riskyLink.id)).map((e) => [e.status, e.by, e.automatic, e.note])).toEqual([['resolved', RESCAN_ACTOR, 'rules-changed', `no longer raised by rules ${NEW_RULES_VERSION}`]]);
    // nothing deleted: every finding stored before is still there
    const after = new Set((await allFindings()).map((f) => f.id));
    for (const finding of before) expect(after.has(finding.id)).toBe(true);
    expect(after.size).toBe(before.length + 1);
  });

  it('does nothing more when run again, and checks only posts captured since --since', async () => {
    const again = await rescanCouncil(council, { now: RESCANNED, detectors: NEW_RULES, rulesVersion: NEW_RULES_VERSION });
    expect([again.raised, again.withdrawn]).toEqual([[], []]);
    const later = await rescanCouncil(council, { now: RESCANNED, since: '2026-11-20T00:00:00Z', detectors: NEW_RULES, rulesVersion: NEW_RULES_VERSION });
    expect(later.postsChecked).toBe(0);
    const badSince = await runCli(['rescan', '--council', HARBOURNE.id, '--since', '2026-02-30'], '', env);
    expect(badSince.code).toBe(2);
    expect(badSince.stderr).toContain('2026-02-30');
  });
});
