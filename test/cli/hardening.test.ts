import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printable } from '../../shared/cli/io';
import { startDynalite, ensureTable, LocalStoreError, type LocalDynamoDb } from '../../shared/local/dynalite';
import { runCli, tempFiles } from '../support/cli';
import { COUNCIL_INPUT } from '../support/fixtures';
import { HARBOURNE } from '../support/scan-fixtures';
import { dynamoDbStore } from '../../shared/store/dynamodb-store';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin', 'council-audit.mjs');
const example = (name: string) => join(root, 'examples', 'harbourne-tc', name);
/** No stack frame ("    at f (file:1:2)") ever reaches a user. */
const STACK_FRAME = /^\s+at .+\(?.+:\d+:\d+\)?$/m;

/** The installed command, run as a shell would run it (no AWS_SDK_* variable set by us). */
function installed(args: string[], options: { cwd?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_SDK_JS')));
    execFile(process.execPath, [bin, ...args], { env, cwd: options.cwd ?? root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('the command line, tried as a new user would', () => {
  it("`check … | head -1` (the README's own example) ends quietly when the reader stops early", async () => {
    const code = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'check', '--config', example('council.config.json'), '--format', 'jsonl', example('posts.jsonl')]);
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      // Read one line, then close the pipe, as `head -1` does.
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (c) => resolve({ code: c, stderr }));
    });
    expect(code.stderr).not.toContain('EPIPE');
    expect(code.stderr).not.toMatch(STACK_FRAME);
    expect(code.code).toBe(0);
  });

  it("never prints the AWS SDK's notice about Node versions", async () => {
    const run = await installed(['councils', 'list'], { cwd: mkdtempSync(join(tmpdir(), 'council-audit-cwd-')) });
    expect(run.stderr).not.toMatch(/NodeDeprecationWarning|node version|AWS SDK for JavaScript/i);
    expect(run.code).toBe(0);
  });

  it('stops reading a binary file after a few malformed lines, with a count, and echoes no control character', async () => {
    const files = tempFiles({ 'config.json': JSON.stringify(COUNCIL_INPUT) });
    const binary = join(files.dir, 'photo.jpg');
    // A JPEG-like file: control bytes, NULs and bidi overrides over many "lines".
    const bytes = Buffer.concat(Array.from({ length: 2000 }, (_, i) => Buffer.from([0xff, 0xd8, 0x00, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0xe2, 0x80, 0xae, i % 251, 0x0a])));
    writeFileSync(binary, bytes);

    const result = await runCli(['check', '--config', files['config.json'], '--format', 'jsonl', binary]);

    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(result.stderr).toContain(`${binary}: stopped after 10 malformed lines and no post: is it a JSON Lines file of canonical posts?`);
    // eslint-disable-next-line no-control-regex
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
  });

  it('names the first 20 malformed lines of a file of posts, then counts the rest', async () => {
    const files = tempFiles({ 'config.json': JSON.stringify(COUNCIL_INPUT) });
    const good = JSON.stringify({ id: 'p1', platform: 'mastodon', account: '@harbournetc@mastodon.social', createdAt: '2026-11-02T10:00:00Z', text: 'Bins on Tuesday.' });
    const posts = join(files.dir, 'posts.jsonl');
    writeFileSync(posts, [good, ...Array.from({ length: 25 }, (_, i) => `{"id": "broken-${i}"`)].join('\n'));

    const result = await runCli(['check', '--config', files['config.json'], '--format', 'jsonl', posts]);

    expect(result.code).toBe(2);
    expect(result.stderr.match(/^.*posts\.jsonl:\d+: not valid JSON/gm)).toHaveLength(20);
    expect(result.stderr).toContain(`${posts}: 5 more malformed lines not shown`);
    expect(result.stderr).toContain('posts checked: 1');
  });

  it('escapes control and bidi characters in anything echoed from the input', () => {
    expect(printable('a\u0000b\u001b[31mc\u202ed')).toBe('a\\u0000b\\u001b[31mc\\u202ed');
    expect(printable('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('fetch with no token says which token is missing and where to put it (exit 2), not that the platform refused it', async () => {
    const result = await runCli(['fetch', '--platform', 'facebook', '--account', 'HarbourneTownCouncil'], '', {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('council-audit: no facebook token: set FACEBOOK_ACCESS_TOKEN, or give --token-file <file> holding {"facebook": "<token>"}');
    expect(result.stderr).not.toContain('refused the credentials');
  });

  it('fetch of a Mastodon handle without its instance is bad input (exit 2), refused before any request', async () => {
    const result = await runCli(['fetch', '--platform', 'mastodon', '--account', 'harbournetc'], '', {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--account = "harbournetc": a Mastodon handle needs its instance/);
  });

  it('an unexpected failure is one line and exit code 3, never a stack trace and never 1', async () => {
    // A table that does not exist: the AWS SDK's own error, which no command expects.
    const dynamo = await startDynalite();
    try {
      const env = { TABLE_NAME: 'no-such-table', DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
      const result = await runCli(['councils', 'list'], '', env);
      expect(result.code).toBe(3);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^council-audit: unexpected failure \(ResourceNotFoundException: .+\)/);
      expect(result.stderr).not.toMatch(STACK_FRAME);
    } finally {
      await dynamo.stop();
    }
  });
});

describe('report --out to a path it cannot write', () => {
  let dynamo: LocalDynamoDb;
  let env: NodeJS.ProcessEnv;
  let dir: string;
  beforeAll(async () => {
    dynamo = await startDynalite();
    await ensureTable(dynamo.client, 'report-out');
    env = { TABLE_NAME: 'report-out', DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    const store = dynamoDbStore({ region: 'eu-west-2', endpoint: dynamo.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, tableName: 'report-out' });
    await store.putCouncil(HARBOURNE);
    dir = mkdtempSync(join(tmpdir(), 'council-audit-out-'));
    mkdirSync(join(dir, 'a-folder'));
    writeFileSync(join(dir, 'a-file'), 'x');
  });
  afterAll(() => dynamo.stop());

  it.each([
    ['a missing folder', () => join(dir, 'missing', 'report.csv'), /--out = ".*missing\/report\.csv": there is no folder .*missing/],
    ['a folder', () => join(dir, 'a-folder'), /--out = ".*a-folder": is a folder; give a file name inside it/],
    ['a path under a file', () => join(dir, 'a-file', 'report.csv'), /--out = ".*a-file\/report\.csv": .*a-file is not a folder/],
  ])('refuses %s with exit code 2 and the path, before making the report', async (_, out, message) => {
    const result = await runCli(['report', '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'csv', '--config', tempFiles({ 'c.json': JSON.stringify(COUNCIL_INPUT) })['c.json'], '--out', out()], '', env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('the local store folder, used by one process at a time', () => {
  it('refuses a second opener naming the folder and the process that has it, and frees it on stop', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'council-audit-lock-')), 'dynamodb');
    const first = await startDynalite({ path });
    await ensureTable(first.client, 'locked');
    await expect(startDynalite({ path })).rejects.toThrow(new RegExp(`the local store in ${path} is in use by another process \\(pid ${process.pid}, this one\\)`));
    await first.stop();
    const again = await startDynalite({ path });
    await again.stop();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'council-audit-lock-')), 'dynamodb');
    mkdirSync(path, { recursive: true });
    // A pid far above any the kernel hands out.
    writeFileSync(join(path, 'council-audit.lock'), '2147483646');
    const opened = await startDynalite({ path });
    await opened.stop();
    expect(existsSync(join(path, 'council-audit.lock'))).toBe(false);
  });

  it('names the folder when a file is in its way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-audit-lock-'));
    writeFileSync(join(dir, 'dynamodb'), 'not a folder');
    const attempt = startDynalite({ path: join(dir, 'dynamodb') });
    await expect(attempt).rejects.toBeInstanceOf(LocalStoreError);
    await expect(attempt).rejects.toThrow(`cannot use the local store in ${join(dir, 'dynamodb')}: a file is in the way of the folder`);
  });

  it('a second command on a busy store exits 2 with that message', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'council-audit-cwd-'));
    const first = await startDynalite({ path: join(cwd, '.local', 'dynamodb') });
    try {
      const run = await installed(['councils', 'list'], { cwd });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/council-audit: the local store in \.local\/dynamodb is in use by another process \(pid \d+\)/);
    } finally {
      await first.stop();
    }
  });
});
