import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import type { ReportJson } from '../../shared/report/render-json';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';
import { runCli, tempFiles } from '../support/cli';
import { COUNCIL_INPUT } from '../support/fixtures';
import { HARBOURNE } from '../support/scan-fixtures';
import { fillQuarter, FULL_PHONE, IN_QUARTER, QUARTER, config } from './report-fixtures';

describe('council-audit report, against the store the environment names', () => {
  let dynamo: LocalDynamoDb;
  let env: NodeJS.ProcessEnv;
  let files: { dir: string; 'council.json': string };

  beforeAll(async () => {
    // Prepare: the spring quarter in a DynamoDB table, the configuration both in a file and in the store.
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'report-cli');
    env = { TABLE_NAME: 'report-cli', DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    let clock = new Date('2027-03-01T00:00:00Z');
    const store = dynamoDbStore({ region: 'eu-west-2', endpoint: dynamo.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, tableName: 'report-cli', clock: () => clock });
    await store.putCouncil(HARBOURNE);
    const harbourne = store.forCouncil(HARBOURNE.id);
    await fillQuarter(harbourne, (at) => (clock = at));
    await harbourne.putCouncilConfig(config());
    files = tempFiles({ 'council.json': JSON.stringify(COUNCIL_INPUT) });
  });
  afterAll(() => dynamo.stop());

  const period = ['--from', QUARTER.from, '--to', QUARTER.to];

  it('writes the CSV export to a file: a header and one row per finding of the period, masked', async () => {
    const out = join(files.dir, 'findings.csv');

    const result = await runCli(['report', ...period, '--format', 'csv', '--config', files['council.json'], '--out', out], '', env);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote the csv report for ${QUARTER.from} to ${QUARTER.to} to ${out}`);
    const csv = readFileSync(out, 'utf8');
    const ids = csv.split('\r\n').slice(1, -1).map((line) => line.split(',')[0]);
    expect(ids.sort()).toEqual([...IN_QUARTER].sort());
    expect(csv).not.toContain(FULL_PHONE);
  });

  it('writes the JSON export with the counts the store holds, using the stored configuration', async () => {
    const out = join(files.dir, 'report.json');

    const result = await runCli(['report', ...period, '--format', 'json', '--out', out], '', env);

    expect(result.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as ReportJson;
    expect(json.council).toBe('Harbourne Town Council');
    expect(json.summary).toMatchObject({ findings: IN_QUARTER.length, postsChecked: 39, stillOpen: 4 });
    expect(json.findings.map((f) => f.id).sort()).toEqual([...IN_QUARTER].sort());
    expect(json.timeToResolve.resolved).toMatchObject({ count: 3, medianDays: 2 });
    expect(JSON.stringify(json)).not.toContain(FULL_PHONE);
  });

  it('writes the HTML report to a file, and to standard output without --out', async () => {
    const out = join(files.dir, 'report.html');

    const toFile = await runCli(['report', ...period, '--format', 'html', '--out', out], '', env);
    const toStdout = await runCli(['report', ...period], '', env);

    expect(toFile.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const html = readFileSync(out, 'utf8');
    for (const heading of ['Summary', 'Accounts', 'Findings over time', 'Time to resolve', 'Pre-election period']) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(toStdout.stdout).toContain('<h2>Findings in the period (9)</h2>');
  });

  it('refuses a date that is not YYYY-MM-DD, naming the option and the value', async () => {
    const result = await runCli(['report', '--from', '01/03/2027', '--to', QUARTER.to, '--format', 'csv'], '', env);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--from = "01/03/2027": expected a date as YYYY-MM-DD');
  });

  it('refuses a date that does not exist, and a period that ends before it starts', async () => {
    const impossible = await runCli(['report', '--from', QUARTER.from, '--to', '2027-02-30'], '', env);
    const backwards = await runCli(['report', '--from', '2027-05-31', '--to', '2027-03-01'], '', env);

    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toContain('--to = "2027-02-30": expected a date as YYYY-MM-DD');
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('--from = "2027-05-31": is after the period\'s last day "2027-03-01"');
  });

  it('refuses a PDF without a file to write it to, and a format it does not know', async () => {
    const pdf = await runCli(['report', ...period, '--format', 'pdf'], '', env);
    const unknown = await runCli(['report', ...period, '--format', 'xlsx'], '', env);

    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('--out: is required with --format pdf');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("argument 'xlsx' is invalid");
  });

  it('asks for --config when the store holds no configuration of the council', async () => {
    await ensureTable(dynamo.client, 'report-cli-empty');
    await dynamoDbStore({ region: 'eu-west-2', endpoint: dynamo.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, tableName: 'report-cli-empty' }).putCouncil(HARBOURNE);

    const result = await runCli(['report', ...period, '--format', 'json'], '', { ...env, TABLE_NAME: 'report-cli-empty' });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no configuration of council harbourne-tc is stored in table report-cli-empty');
    expect(result.stderr).toContain('--config');
  });

  it("reports on the council --council names, and on none of another council's records", async () => {
    // Prepare: a second council with nothing in the quarter.
    const store = dynamoDbStore({ region: 'eu-west-2', endpoint: dynamo.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, tableName: 'report-cli' });
    await store.putCouncil({ id: 'stow-pc', name: 'Stow Parish Council', digestTo: ['clerk@stow-parish.example'], registeredAt: '2027-01-01T00:00:00Z' });
    const out = join(files.dir, 'stow.json');

    // Act
    const unnamed = await runCli(['report', ...period, '--format', 'json', '--config', files['council.json']], '', env);
    const stow = await runCli(['report', ...period, '--format', 'json', '--council', 'stow-pc', '--config', files['council.json'], '--out', out], '', env);

    // Assess
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('--council: is required when there is more than one council: one of harbourne-tc, stow-pc');
    expect(stow.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as ReportJson;
    expect(json.summary).toMatchObject({ findings: 0, postsChecked: 0 });
    await store.removeCouncil('stow-pc');
  });
});
