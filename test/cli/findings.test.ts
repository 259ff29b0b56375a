import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { runCli } from '../support/cli';
import { HARBOURNE } from '../support/scan-fixtures';
import { makeFinding } from '../store/store-fixtures';

const LOCAL = { region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };

/** Fictional findings of Harbourne Town Council: two in week 49 (one closed), one in week 50. */
const PHONE = makeFinding({ id: 'f-phone', detectedAt: '2026-12-01T09:00:00Z', detectedWeek: '2026-W49' });
const DISMISSED = makeFinding({ id: 'f-dismissed', rule: 'political-content', severity: 'medium', postId: '112', evidence: 'vote for the Harbourne Independents', detectedAt: '2026-12-02T09:00:00Z', detectedWeek: '2026-W49' });
const UNAPPROVED = makeFinding({
  id: 'f-unapproved',
  rule: 'unapproved-account',
  severity: 'high',
  postId: undefined,
  postUrl: undefined,
  postedAt: undefined,
  account: '@harbourne-tc-official@mastodon.social',
  evidence: '@harbourne-tc-official@mastodon.social presents as the council',
  detectedAt: '2026-12-08T09:00:00Z',
  detectedWeek: '2026-W50',
});

describe('council-audit findings list', () => {
  let dynamo: LocalDynamoDb;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    // Prepare
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'findings-cli');
    env = { TABLE_NAME: 'findings-cli', DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    const root = dynamoDbStore({ ...LOCAL, endpoint: dynamo.endpoint, tableName: 'findings-cli' });
    await root.putCouncil(HARBOURNE);
    const store = root.forCouncil(HARBOURNE.id);
    for (const finding of [PHONE, DISMISSED, UNAPPROVED]) await store.putFinding(finding);
    await store.setFindingStatus(PHONE.id, 'acknowledged', 'Town Clerk');
    await store.setFindingStatus(DISMISSED.id, 'dismissed', 'Town Clerk', 'a statement of council policy');
  });
  afterAll(() => dynamo.stop());

  it('prints the open and acknowledged findings, one JSON object a line, newest first, evidence as stored', async () => {
    // Act
    const result = await runCli(['findings', 'list', '--format', 'jsonl'], '', env);

    // Assess
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ id: 'f-unapproved', rule: 'unapproved-account', severity: 'high', status: 'open', account: '@harbourne-tc-official@mastodon.social' }),
      expect.objectContaining({ id: 'f-phone', rule: 'personal-data', severity: 'high', status: 'acknowledged', account: PHONE.account, postId: '111', evidence: 'call Sam on 07700 900***' }),
    ]);
    expect(lines[0]).not.toHaveProperty('postId');
  });

  it('lists the findings detected in an ISO week whatever their status, and narrows them by status', async () => {
    // Act
    const week = await runCli(['findings', 'list', '--council', 'harbourne-tc', '--week', '2026-W49', '--format', 'jsonl'], '', env);
    const dismissed = await runCli(['findings', 'list', '--week', '2026-W49', '--status', 'dismissed', '--format', 'jsonl'], '', env);
    const open = await runCli(['findings', 'list', '--status', 'open', '--format', 'jsonl'], '', env);

    // Assess
    const ids = (text: string) => text.trimEnd().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids(week.stdout)).toEqual(['f-dismissed', 'f-phone']);
    expect(ids(dismissed.stdout)).toEqual(['f-dismissed']);
    expect(ids(open.stdout)).toEqual(['f-unapproved']);
  });

  it('shows one row per finding in a table, and says when there are none', async () => {
    // Act
    const table = await runCli(['findings', 'list'], '', env);
    const none = await runCli(['findings', 'list', '--week', '2026-W48'], '', env);

    // Assess
    const rows = table.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^detected\s+status\s+severity\s+rule\s+account\s+post\s+evidence\s+id$/);
    expect(rows.slice(1)).toEqual([
      expect.stringMatching(/^2026-12-08\s+open\s+high\s+unapproved-account\s+mastodon @harbourne-tc-official@mastodon\.social\s+\(account\)\s+.*f-unapproved$/),
      expect.stringMatching(/^2026-12-01\s+acknowledged\s+high\s+personal-data\s+mastodon @harbournetc@mastodon\.social\s+111\s+call Sam on 07700 900\*\*\*\s+f-phone$/),
    ]);
    expect(none.stdout).toBe('No findings detected in 2026-W48.\n');
  });

  it('names the option and the value of a week or status that is not one, without a stack trace', async () => {
    // Act
    const malformed = await runCli(['findings', 'list', '--week', '2026-49'], '', env);
    const noSuchWeek = await runCli(['findings', 'list', '--week', '2026-W54'], '', env);
    const status = await runCli(['findings', 'list', '--status', 'closed'], '', env);
    const closedAcrossWeeks = await runCli(['findings', 'list', '--status', 'resolved'], '', env);

    // Assess
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toBe("error: option '--week <YYYY-Www>' argument '2026-49' is invalid. expected an ISO week that exists, such as 2026-W49\n");
    expect(noSuchWeek.code).toBe(2);
    expect(noSuchWeek.stderr).toContain("option '--week <YYYY-Www>' argument '2026-W54' is invalid");
    expect(status.code).toBe(2);
    expect(status.stderr).toContain("option '--status <status>' argument 'closed' is invalid");
    expect(closedAcrossWeeks.code).toBe(2);
    expect(closedAcrossWeeks.stderr).toBe('council-audit: resolved findings are listed by the week they were detected: --status = "resolved": needs --week (e.g. --week 2026-W49): only open and acknowledged findings are listed across weeks\n');
    for (const result of [malformed, noSuchWeek, status, closedAcrossWeeks]) expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
