import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const example = (name: string) => join(root, 'examples', 'little-stowbury-pc', name);

/** `npm start -- <args>` as a person runs it, in a folder of its own (its .local/ and out/ are made there). */
async function start(args: string[]): Promise<{ code: number; stdout: string; stderr: string; cwd: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'council-audit-start-'));
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsx, join(root, 'scripts', 'start.ts'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr, cwd };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr, cwd };
  }
}

describe('npm start -- --config <file> --posts <file>: a preview of one council', () => {
  it("scans the council's own posts and writes its digest under out/<an id made from its name>/", async () => {
    const run = await start(['--config', example('council.config.json'), '--posts', example('posts.jsonl')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('for 1 council');
    expect(run.stdout).toContain('council:          little-stowbury-parish-council (Little Stowbury Parish Council)');
    const digest = run.stdout.match(/ and (out\/little-stowbury-parish-council\/digest-\d{4}-W\d{2}\.txt)$/m)?.[1];
    expect(digest).toBeDefined();
    expect(readFileSync(join(run.cwd, digest!), 'utf8')).toContain('Little Stowbury Parish Council');
  }, 120_000);

  it('takes the id given with --council', async () => {
    const run = await start(['--config', example('council.config.json'), '--posts', example('posts.jsonl'), '--council', 'stowbury-preview']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('council:          stowbury-preview (Little Stowbury Parish Council)');
  }, 120_000);

  it.each([
    ['only --config', ['--config', example('council.config.json')], /^npm start: --posts is missing: a preview needs both --config <file> and --posts <file>$/m],
    ['an unknown option', ['--counsil', 'x'], /^npm start: Unknown option '--counsil'/m],
    ['an id that is not one', ['--config', example('council.config.json'), '--posts', example('posts.jsonl'), '--council', 'Stow!'], /invalid council id: --council = "Stow!"/],
  ])('refuses %s with exit code 2, naming what is wrong', async (_, args, message) => {
    const run = await start(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(run.cwd, '.local'))).toBe(false);
  }, 60_000);

  it('refuses a configuration naming the field and the value, with no stack trace and nothing stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-audit-config-'));
    const config = join(dir, 'council.config.json');
    writeFileSync(config, JSON.stringify({ council: { name: 'Nether Wallop Parish Council' }, timezone: 'Europe/Lundon' }));
    const run = await start(['--config', config, '--posts', example('posts.jsonl')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('timezone = "Europe/Lundon": expected an IANA time zone such as Europe/London');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(run.cwd, '.local'))).toBe(false);
  }, 60_000);
});
