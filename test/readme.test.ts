import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../shared/detectors/index';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };

describe('the README', () => {
  it('gives the two quick-start commands, and both are scripts of the package', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
    expect(packageJson.scripts.start).toBeDefined();
    expect(packageJson.scripts.test).toBeDefined();
  });

  it('documents every rule with the clause and default severity its module declares', () => {
    for (const { meta } of DETECTORS) {
      expect(readme, meta.id).toContain(`| \`${meta.id}\` | ${meta.level} | ${meta.defaultSeverity} |`);
      expect(readme, meta.id).toContain(meta.clause);
    }
  });

  it('documents the command the package installs', () => {
    expect(Object.keys(packageJson.bin)).toEqual(['council-audit']);
    expect(readme).toContain('council-audit check --config <config.json> [--format table|jsonl|json] [--fail-on low|medium|high] <posts.jsonl | ->');
  });

  it('documents the commands that manage accounts and list findings in the store', () => {
    for (const verb of ['add', 'approve', 'list', 'pause', 'resume', 'remove']) expect(readme, verb).toContain(`council-audit accounts ${verb} [--council <id>]`);
    expect(readme).toContain('council-audit findings list [--council <id>] [--status open|acknowledged|resolved|dismissed] [--week <YYYY-Www>] [--format table|jsonl]');
  });
});
