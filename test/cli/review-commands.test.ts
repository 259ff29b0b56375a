import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { dynamoDbStore, type DynamoDbAuditStore } from '../../shared/store/dynamodb-store';
import { runCli } from '../support/cli';
import { HARBOURNE } from '../support/scan-fixtures';
import { makeFinding } from '../store/store-fixtures';

const LOCAL = { region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };

describe('council-audit members and findings review', () => {
  let dynamo: LocalDynamoDb;
  let env: NodeJS.ProcessEnv;
  let root: DynamoDbAuditStore;

  beforeAll(async () => {
    // Prepare: Harbourne with one open finding and no members yet.
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'review-cli');
    env = { TABLE_NAME: 'review-cli', DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    root = dynamoDbStore({ ...LOCAL, endpoint: dynamo.endpoint, tableName: 'review-cli' });
    await root.putCouncil(HARBOURNE);
    await root.forCouncil(HARBOURNE.id).putFinding(makeFinding({ id: 'f-phone' }));
  });
  afterAll(() => dynamo.stop());

  it('lets the operator add the first Town Clerk, and only a Town Clerk', async () => {
    const clerk = await runCli(['members', 'add', '--council', 'harbourne-tc', '--email', 'Clerk@Harbourne-TC.example', '--role', 'town-clerk', '--name', 'Alex Morgan'], '', env);
    expect(clerk).toMatchObject({ code: 0, stdout: 'clerk@harbourne-tc.example is town-clerk of council harbourne-tc\n' });

    const admin = await runCli(['members', 'add', '--council', 'harbourne-tc', '--email', 'sam@harbourne-tc.example', '--role', 'admin'], '', env);
    expect(admin.code).toBe(2);
    expect(admin.stderr).toContain("the operator manages a council's Town Clerks; the Town Clerk of council harbourne-tc manages its admins");
  });

  it('lets the Town Clerk add an admin and a councillor, and lists them', async () => {
    for (const [email, role] of [['sam@harbourne-tc.example', 'admin'], ['jo@harbourne-tc.example', 'councillor']]) {
      const added = await runCli(['members', 'add', '--council', 'harbourne-tc', '--email', email!, '--role', role!, '--by', 'clerk@harbourne-tc.example'], '', env);
      expect(added.code).toBe(0);
    }
    const list = await runCli(['members', 'list', '--council', 'harbourne-tc', '--format', 'json'], '', env);
    expect((JSON.parse(list.stdout) as { userId: string; role: string; addedBy: string }[]).map((m) => [m.userId, m.role, m.addedBy])).toEqual([
      ['clerk@harbourne-tc.example', 'town-clerk', 'operator'],
      ['jo@harbourne-tc.example', 'councillor', 'clerk@harbourne-tc.example'],
      ['sam@harbourne-tc.example', 'admin', 'clerk@harbourne-tc.example'],
    ]);
  });

  it('refuses a councillor the review, and records an admin dismissing with the reason', async () => {
    const refused = await runCli(['findings', 'dismiss', '--council', 'harbourne-tc', '--id', 'f-phone', '--by', 'jo@harbourne-tc.example', '--reason', 'Not ours.'], '', env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('council-audit: a councillor may not review findings in council harbourne-tc\n');

    const dismissed = await runCli(['findings', 'dismiss', '--council', 'harbourne-tc', '--id', 'f-phone', '--by', 'sam@harbourne-tc.example', '--reason', 'The lost-property line.', '--suppress'], '', env);
    expect(dismissed.code).toBe(0);
    expect(dismissed.stdout).toContain('finding f-phone of council harbourne-tc is now dismissed (by sam@harbourne-tc.example)');
    expect(dismissed.stdout).toMatch(/^suppression [0-9a-f]{20}: the same evidence is not raised again/m);
    const events = await root.forCouncil(HARBOURNE.id).listFindingEvents('f-phone');
    expect(events).toEqual([expect.objectContaining({ action: 'dismiss', status: 'dismissed', by: 'sam@harbourne-tc.example', note: 'The lost-property line.' })]);
  });

  it('reopens and resolves, and refuses a reopening of an open finding with a clear message', async () => {
    const reopened = await runCli(['findings', 'reopen', '--id', 'f-phone', '--by', 'clerk@harbourne-tc.example', '--reason', 'It is a private number.'], '', env);
    expect(reopened.code).toBe(0);
    const again = await runCli(['findings', 'reopen', '--id', 'f-phone', '--by', 'clerk@harbourne-tc.example', '--reason', 'Twice.'], '', env);
    expect(again).toMatchObject({ code: 2, stderr: 'council-audit: finding f-phone is open: it is already open; nothing was changed\n' });
    const resolved = await runCli(['findings', 'resolve', '--id', 'f-phone', '--by', 'clerk@harbourne-tc.example', '--outcome', 'post-deleted'], '', env);
    expect(resolved.stdout).toContain('is now resolved (by Alex Morgan)');
  });

  it('names --by when it is not a member, and keeps the last Town Clerk', async () => {
    const stranger = await runCli(['findings', 'acknowledge', '--id', 'f-phone', '--by', 'someone@elsewhere.example'], '', env);
    expect(stranger).toMatchObject({ code: 2 });
    expect(stranger.stderr).toContain('--by = "someone@elsewhere.example": is not a member of council harbourne-tc');
    const last = await runCli(['members', 'remove', '--email', 'clerk@harbourne-tc.example'], '', env);
    expect(last.code).toBe(2);
    expect(last.stderr).toContain('clerk@harbourne-tc.example is the only Town Clerk of council harbourne-tc');
    const councillor = await runCli(['members', 'remove', '--email', 'jo@harbourne-tc.example', '--by', 'clerk@harbourne-tc.example'], '', env);
    expect(councillor).toMatchObject({ code: 0, stdout: 'removed jo@harbourne-tc.example (councillor) from council harbourne-tc\n' });
  });
});
