import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { runCli } from '../support/cli';
import { HARBOURNE } from '../support/scan-fixtures';
import { makeAccount, makeFinding } from '../store/store-fixtures';

const LOCAL = { region: 'eu-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };

/** The console's accounts page on the command line: each account's state, and the impostor candidates. */
describe('council-audit accounts status and accounts impostors', () => {
  let dynamo: LocalDynamoDb;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'account-status-cli');
    env = { TABLE_NAME: 'account-status-cli', DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    const store = dynamoDbStore({ ...LOCAL, endpoint: dynamo.endpoint, tableName: 'account-status-cli' });
    await store.putCouncil(HARBOURNE);
    const council = store.forCouncil(HARBOURNE.id);
    await council.putAccount(makeAccount({ status: 'needs-reconnection', approvedBy: 'Town Clerk', approvedOn: '2026-01-06' }));
    await council.putAccount(makeAccount({ platform: 'x', handle: 'HarbourneTC', status: 'paused' }));
    await council.putFinding(makeFinding({ id: 'f-impostor', rule: 'unapproved-account', platform: 'bluesky', account: 'harbourne-official.bsky.social', evidence: 'Harbourne Town Council (official)' }));
  });
  afterAll(() => dynamo.stop());

  it('says what each account needs, as the console does', async () => {
    const result = await runCli(['accounts', 'status'], '', env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('mastodon @harbournetc@mastodon.social: NEEDS RECONNECTION; approved by Town Clerk on 2026-01-06');
    expect(result.stdout).toContain('sign in to it again');
    expect(result.stdout).toContain('x HarbourneTC: paused; AWAITING APPROVAL');
  });

  it('lists the impostor candidates with how to report each to its platform', async () => {
    const result = await runCli(['accounts', 'impostors'], '', env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('harbourne-official.bsky.social on Bluesky (to decide), finding f-impostor');
    expect(result.stdout).toContain('Misleading account');
  });
});
