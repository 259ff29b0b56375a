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
    expect(table.stdout).toMatch(
      /^council\s+name\s+digest to\s+digest sent\s+registered\nharbourne-tc\s+Harbourne Town Council\s+deputy@harbourne-tc\.example\s+Mon 08:00 Europe\/London\s+\d{4}-\d{2}-\d{2}\nstow-pc\s+Stow Parish Council/,
    );
    expect(after.map((c) => [c.id, c.digestTo])).toEqual([['harbourne-tc', ['deputy@harbourne-tc.example']], ['stow-pc', ['clerk@stow-parish.example', 'chair@stow-parish.example']]]);
    expect(after[0]!.registeredAt).toBe(before[0]!.registeredAt);
  });

  it("registers a council's digest day, time and time zone, and keeps them when it is updated without them", async () => {
    // Act
    const added = await runCli(
      ['councils', 'add', '--council', 'ashby-pc', '--name', 'Ashby Parish Council', '--digest-to', 'clerk@ashby-parish.example', '--digest-day', 'Fri', '--digest-time', '16:30', '--timezone', 'america/new_york'],
      '',
      env,
    );
    const renamed = await runCli(['councils', 'add', '--council', 'ashby-pc', '--name', 'Ashby-de-la-Zouch Parish Council', '--digest-to', 'clerk@ashby-parish.example'], '', env);
    const listed = JSON.parse((await runCli(['councils', 'list', '--format', 'json'], '', env)).stdout) as { id: string; name: string; digestDay: string; digestTime: string; timezone: string }[];

    // Assess
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('its digest goes to clerk@ashby-parish.example every Fri 16:30 America/New_York');
    expect(renamed.stdout).toContain('every Fri 16:30 America/New_York');
    expect(listed.find((c) => c.id === 'ashby-pc')).toMatchObject({ name: 'Ashby-de-la-Zouch Parish Council', digestDay: 'friday', digestTime: '16:30', timezone: 'America/New_York' });
  });

  it('refuses a digest schedule naming each flag and value that is wrong, and changes nothing stored', async () => {
    const before = (await runCli(['councils', 'list', '--format', 'json'], '', env)).stdout;

    const result = await runCli(
      ['councils', 'add', '--council', 'ashby-pc', '--name', 'Ashby Parish Council', '--digest-to', 'clerk@ashby-parish.example', '--digest-day', 'Funday', '--digest-time', '8am', '--timezone', 'Europe/Londn'],
      '',
      env,
    );

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--digest-day = "Funday": expected a day of the week: monday, tuesday, wednesday, thursday, friday, saturday, sunday');
    expect(result.stderr).toContain('--digest-time = "8am": expected a time of day such as 08:00 (24-hour clock)');
    expect(result.stderr).toContain('--timezone = "Europe/Londn": expected an IANA time zone such as Europe/London');
    expect((await runCli(['councils', 'list', '--format', 'json'], '', env)).stdout).toBe(before);
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
