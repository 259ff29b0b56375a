import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FindingSchema } from '../../shared/domain/finding';
import { COUNCIL_INPUT, makePost } from '../support/fixtures';
import { runCli, tempFiles } from '../support/cli';

const jsonl = (items: object[]) => items.map((i) => JSON.stringify(i)).join('\n') + '\n';
const config = JSON.stringify(COUNCIL_INPUT);

const cleanPost = makePost({ id: 'clean-1', text: 'The library is open on Saturday from 10am.' });
const shortLink = makePost({ id: 'link-1', text: 'Survey: https://bit.ly/hb-survey' });
const ipLink = makePost({ id: 'ip-1', text: 'Survey: http://192.0.2.10/form' });
const impostor1 = makePost({ id: 'imp-1', account: '@HTC_Events@mastodon.social', accountName: 'Harbourne TC Events', text: 'Carnival on Saturday!' });
const impostor2 = makePost({ id: 'imp-2', account: '@HTC_Events@mastodon.social', accountName: 'Harbourne TC Events', text: 'Floats line up at 2pm.' });

describe('council-audit check', () => {
  it('prints exactly one JSON finding per line and exits 1 when something is found', async () => {
    // Prepare
    const files = tempFiles({ 'config.json': config, 'posts.jsonl': jsonl([cleanPost, shortLink, ipLink]) });
    // Act
    const result = await runCli(['check', '--config', files['config.json'], '--format', 'jsonl', files['posts.jsonl']]);
    // Assess
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const findings = lines.map((l) => FindingSchema.parse(JSON.parse(l)));
    expect(findings.map((f) => [f.postId, f.rule, f.severity])).toEqual([
      ['link-1', 'risky-link', 'low'],
      ['ip-1', 'risky-link', 'medium'],
    ]);
    for (const f of findings) {
      expect(f.account).toBe('@harbournetc@mastodon.social');
      expect(f.evidence).not.toBe('');
      expect(f.reason).not.toBe('');
    }
  });

  it('exits 0 and prints nothing on standard output when every post is clean', async () => {
    const files = tempFiles({ 'config.json': config, 'posts.jsonl': jsonl([cleanPost]) });
    const result = await runCli(['check', '-c', files['config.json'], '-f', 'jsonl', files['posts.jsonl']]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('posts checked: 1, findings: 0');
  });

  it('exits 0 when nothing reaches --fail-on, and 1 when something does', async () => {
    const files = tempFiles({ 'config.json': config, 'posts.jsonl': jsonl([shortLink]) });
    const high = await runCli(['check', '-c', files['config.json'], '-f', 'jsonl', '--fail-on', 'high', files['posts.jsonl']]);
    const low = await runCli(['check', '-c', files['config.json'], '-f', 'jsonl', '--fail-on', 'low', files['posts.jsonl']]);
    expect(high.code).toBe(0);
    expect(high.stdout.trim().split('\n')).toHaveLength(1);
    expect(low.code).toBe(1);
  });

  it('reports a malformed line with file, line number and field, checks the rest, and exits 2', async () => {
    const { createdAt: _dropped, ...noDate } = makePost({ id: 'no-date' });
    const lines = [JSON.stringify(cleanPost), '{"id": "broken", ', JSON.stringify(noDate), '', JSON.stringify(shortLink)].join('\n');
    const files = tempFiles({ 'config.json': config, 'posts.jsonl': lines });
    const result = await runCli(['check', '-c', files['config.json'], '-f', 'jsonl', files['posts.jsonl']]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${files['posts.jsonl']}:2: not valid JSON`);
    expect(result.stderr).toContain(`${files['posts.jsonl']}:3: not a canonical post: createdAt: is missing`);
    expect(result.stdout).toContain('"postId":"link-1"');
    expect(result.stderr).toContain('posts checked: 2');
  });

  it('names the field and the value of an invalid configuration and exits 2 without a stack trace', async () => {
    const bad = { ...COUNCIL_INPUT, timezone: 'Europe/Harbourne', elections: [{ pollingDay: '2027-05-06', preElectionStart: '2027-06-01' }] };
    const files = tempFiles({ 'config.json': JSON.stringify(bad), 'posts.jsonl': jsonl([cleanPost]) });
    const result = await runCli(['check', '-c', files['config.json'], files['posts.jsonl']]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('timezone = "Europe/Harbourne"');
    expect(result.stderr).toContain('elections[0].preElectionStart = "2027-06-01"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('refuses a configuration that is not JSON, naming the file', async () => {
    const files = tempFiles({ 'config.json': '{ "council": ', 'posts.jsonl': '' });
    const result = await runCli(['check', '-c', files['config.json'], files['posts.jsonl']]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`council configuration ${files['config.json']} is not valid JSON`);
  });

  it('refuses an unknown rule in the configuration', async () => {
    const files = tempFiles({ 'config.json': JSON.stringify({ ...COUNCIL_INPUT, rules: { 'spelling-mistakes': { enabled: true } } }), 'posts.jsonl': '' });
    const result = await runCli(['check', '-c', files['config.json'], files['posts.jsonl']]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('rules.spelling-mistakes = {"enabled":true}: unknown rule; expected one of personal-data,');
  });

  it('honours a rule switched off in the configuration', async () => {
    const files = tempFiles({ 'config.json': JSON.stringify({ ...COUNCIL_INPUT, rules: { 'risky-link': { enabled: false } } }), 'posts.jsonl': jsonl([shortLink]) });
    const result = await runCli(['check', '-c', files['config.json'], '-f', 'jsonl', files['posts.jsonl']]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('says which file is missing', async () => {
    const files = tempFiles({ 'config.json': config });
    const result = await runCli(['check', '-c', files['config.json'], `${files.dir}/nowhere.jsonl`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot read posts ${files.dir}/nowhere.jsonl: no such file`);
  });

  it('refuses an unknown format as a usage error', async () => {
    const files = tempFiles({ 'config.json': config });
    const result = await runCli(['check', '-c', files['config.json'], '-f', 'xml', '-']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'xml' is invalid");
  });

  it('reads posts from standard input with -', async () => {
    const files = tempFiles({ 'config.json': config });
    const result = await runCli(['check', '-c', files['config.json'], '-f', 'jsonl', '-'], jsonl([ipLink]));
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).postId).toBe('ip-1');
  });

  it('raises unapproved-account once per account, with the handle exactly as the posts give it', async () => {
    const files = tempFiles({ 'config.json': config, 'posts.jsonl': jsonl([impostor1, impostor2]) });
    const result = await runCli(['check', '-c', files['config.json'], '-f', 'jsonl', files['posts.jsonl']]);
    const findings = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { rule: string; account: string });
    const unapproved = findings.filter((f) => f.rule === 'unapproved-account');
    expect(unapproved).toHaveLength(1);
    expect(unapproved[0]!.account).toBe('@HTC_Events@mastodon.social');
  });

  it('writes one JSON document with the findings and the totals', async () => {
    const files = tempFiles({ 'config.json': config, 'posts.jsonl': jsonl([cleanPost, shortLink, ipLink]) });
    const result = await runCli(['check', '-c', files['config.json'], '-f', 'json', files['posts.jsonl']]);
    const doc = JSON.parse(result.stdout) as { findings: unknown[]; summary: { postsChecked: number; postsWithFindings: number; bySeverity: Record<string, number> } };
    expect(doc.findings).toHaveLength(2);
    expect(doc.summary.postsChecked).toBe(3);
    expect(doc.summary.postsWithFindings).toBe(2);
    expect(doc.summary.bySeverity).toEqual({ low: 1, medium: 1, high: 0 });
  });

  it('writes an empty findings list as valid JSON', async () => {
    const files = tempFiles({ 'config.json': config, 'posts.jsonl': jsonl([cleanPost]) });
    const result = await runCli(['check', '-c', files['config.json'], '-f', 'json', files['posts.jsonl']]);
    expect(JSON.parse(result.stdout).findings).toEqual([]);
  });

  it('groups findings by post in the table, with totals', async () => {
    const files = tempFiles({ 'config.json': config, 'posts.jsonl': jsonl([cleanPost, shortLink, ipLink]) });
    const result = await runCli(['check', '-c', files['config.json'], '-f', 'table', files['posts.jsonl']]);
    expect(result.code).toBe(1);
    const blocks = result.stdout.split('\n\n');
    expect(blocks[0]).toMatch(/^link-1 .*@harbournetc@mastodon\.social/);
    expect(blocks[0]).toContain('LOW');
    expect(blocks[1]).toMatch(/^ip-1 /);
    expect(blocks[1]).toContain('MEDIUM');
    expect(result.stdout).not.toContain('clean-1');
    expect(result.stdout).toContain('3 posts checked');
    expect(result.stdout).toContain('2 findings in 2 posts; 1 clean');
    expect(result.stdout).toContain('medium 1 · low 1');
  });

  it('says all clear in the table when nothing is found, in the singular for one post', async () => {
    const files = tempFiles({ 'config.json': config, 'posts.jsonl': jsonl([cleanPost]) });
    const result = await runCli(['check', '-c', files['config.json'], '-f', 'table', files['posts.jsonl']]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Harbourne Town Council: 1 post checked');
    expect(result.stdout).toContain('No findings: all clear.');
  });
});

describe('the installed council-audit command', () => {
  const bin = fileURLToPath(new URL('../../bin/council-audit.mjs', import.meta.url));

  it('runs as a real process, reading standard input and setting the exit code', () => {
    const files = tempFiles({ 'config.json': config });
    const result = spawnSync(process.execPath, [bin, 'check', '--config', files['config.json'], '--format', 'jsonl', '-'], {
      input: jsonl([cleanPost, shortLink]),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout.trim()).rule).toBe('risky-link');
  });

  it('prints help', () => {
    const help = execFileSync(process.execPath, [bin, 'check', '--help'], { encoding: 'utf8' });
    expect(help).toContain('--fail-on <severity>');
  });

  it('says how to build it when it has not been built, instead of a stack trace', () => {
    // Prepare: the command in a checkout that has no dist/ yet.
    const unbuilt = join(tempFiles({}).dir, 'bin');
    mkdirSync(unbuilt);
    copyFileSync(bin, join(unbuilt, 'council-audit.mjs'));
    // Act
    const result = spawnSync(process.execPath, [join(unbuilt, 'council-audit.mjs'), '--help'], { encoding: 'utf8' });
    // Assess
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('council-audit: the command has not been built; run `npm run build` (npm ci does it) and try again\n');
  });
});
