import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { runCli } from '../support/cli';

describe('council-audit councils, against the store the environment names', () => {
  let dynamo: LocalDynamoDb;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'councils-cli');
    env = { TABLE_NAME: 'councils-cli', DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
  });
  afterAll(() => dynamo.stop());

  it('registers councils with their digest recipients, lists them by id, and updates one registered again', async () => {
    // Act
    const town = await runCli(['councils', 'add', '--council', 'harbourne-tc', '--name', 'Harbourne Town Council', '--digest-to', 'clerk@harbourne-tc.example'], '', env);
    const parish = await runCli(['councils', 'add', '--council', 'stow-pc', '--name', 'Stow Parish Council', '--digest-to', 'clerk@stow-parish.example, chair@stow-parish.example'], '', env);
    const before = JSON.parse((await runCli(['councils', 'list', '--format', 'json'], '', env)).stdout) as { id: string; registeredAt: string }[];
    const again = await runCli(['councils', 'add', '--council', 'harbourne-tc', '--name', 'Harbourne Town Council', '--digest-to', 'deputy@harbourne-tc.example'], '', env);
    const table = await runCli(['councils', 'list'], '', env);
    const after = JSON.parse((await runCli(['councils', 'list', '--format', 'json'], '', env)).stdout) as { id: string; digestTo: string[]; registeredAt: string }[];

    // Assess
    expect(town.stdout).toContain('registered council harbourne-tc (Harbourne Town Council) in table councils-cli');
    expect(parish.stdout).toContain('its digest goes to clerk@stow-parish.example, chair@stow-parish.example');
    expect(again.stdout).toContain('updated council harbourne-tc');
    expect(table.stdout).toMatch(/^council\s+name\s+digest to\s+registered\nharbourne-tc\s+Harbourne Town Council\s+deputy@harbourne-tc\.example\s+\d{4}-\d{2}-\d{2}\nstow-pc\s+Stow Parish Council/);
    expect(after.map((c) => [c.id, c.digestTo])).toEqual([['harbourne-tc', ['deputy@harbourne-tc.example']], ['stow-pc', ['clerk@stow-parish.example', 'chair@stow-parish.example']]]);
    expect(after[0]!.registeredAt).toBe(before[0]!.registeredAt);
  });

  it('refuses a registration naming each flag and value that is wrong, and stores nothing', async () => {
    const result = await runCli(['councils', 'add', '--council', 'Little Ashby', '--name', 'Little Ashby Parish Council', '--digest-to', 'the clerk'], '', env);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--council = "Little Ashby": expected a council id such as harbourne-tc');
    expect(result.stderr).toContain('--digest-to = "the clerk": expected an email address');
    expect((await runCli(['councils', 'list', '--format', 'json'], '', env)).stdout).not.toContain('Little Ashby');
  });

  it('removes a council from the registry, and says so when there is none to remove', async () => {
    const removed = await runCli(['councils', 'remove', '--council', 'stow-pc'], '', env);
    const again = await runCli(['councils', 'remove', '--council', 'stow-pc'], '', env);

    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('removed council stow-pc');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('no council stow-pc is registered');
    expect((await runCli(['councils', 'list'], '', env)).stdout).not.toContain('stow-pc');
  });
});
