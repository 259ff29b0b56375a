import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../../shared/domain/records';

const root = new URL('../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const bin = join(root, 'bin', 'council-audit.mjs');
const example = (name: string) => join(root, 'examples', 'little-stowbury-pc', name);
const COUNCIL = 'little-stowbury-parish-council';
/** The parish's post about a lost cat, with its owner's mobile number: a personal-data finding. */
const OFFENDING = 'ls-002';

/** Runs a command as a person does, in `cwd` (where `.local/` and `out/` are). */
async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1', TABLE_NAME: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const start = (posts: string, cwd: string) => run([tsx, join(root, 'scripts', 'start.ts'), '--config', example('council.config.json'), '--posts', posts], cwd);
const cli = (args: string[], cwd: string) => run([bin, ...args, '--council', COUNCIL], cwd);

describe('the local twin, run again with an offending post taken out of its posts file', () => {
  it("resolves that post's findings by themselves, as findings list and findings show tell", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'council-audit-reconcile-'));
    const first = await start(example('posts.jsonl'), cwd);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const listed = await cli(['findings', 'list', '--format', 'jsonl'], cwd);
    const offending = listed.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as StoredFinding).filter((f) => f.postId === OFFENDING);
    expect(offending.map((f) => [f.rule, f.status])).toEqual([['personal-data', 'open']]);

    // The clerk deletes the post: it is no longer in the file.
    const without = join(cwd, 'posts-without-lost-cat.jsonl');
    writeFileSync(without, readFileSync(example('posts.jsonl'), 'utf8').split('\n').filter((l) => !l.includes(`"id": "${OFFENDING}"`)).join('\n'));
    const second = await start(without, cwd);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('reconciled:       1 post(s) gone from the posts file, 0 edited; 1 finding(s) resolved themselves');

    const open = await cli(['findings', 'list', '--format', 'jsonl'], cwd);
    expect(open.stdout).not.toContain(OFFENDING);
    const shown = await cli(['findings', 'show', offending[0]!.id], cwd);
    expect(shown.stderr).toBe('');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('status:   resolved (by itself, no one acting)');
    expect(shown.stdout).toMatch(/open -> resolved {2}by the system \(council-audit reconcile\): post deleted on Facebook, noticed \d{4}-\d{2}-\d{2}T/);
  }, 240_000);
});
