import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCouncilConfig } from '../../shared/domain/config';
import { ConfigValidationError } from '../../shared/domain/errors';
import { RULE_IDS, RULE_TITLES } from '../../shared/domain/finding';
import { isPostFinding, ruleLevel, ruleTitle } from '../../shared/detectors/catalogue';
import { copyrightAttribution } from '../../shared/detectors/copyright-attribution';
import { detectAll } from '../../shared/scanning/run-detectors';
import { COUNCIL_INPUT, makePost, testConfig } from '../support/fixtures';
import { DETECTORS } from '../../shared/detectors/index';

const detectorDir = fileURLToPath(new URL('../../shared/detectors/', import.meta.url));
const testDir = fileURLToPath(new URL('./', import.meta.url));
const tsFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('the detector catalogue', () => {
  it('registers exactly one detector for every rule of the rulebook', () => {
    expect(DETECTORS.map((d) => d.meta.id).sort()).toEqual([...RULE_IDS].sort());
  });

  it('keeps each detector in a file named after its rule id', async () => {
    for (const detector of DETECTORS) {
      const module = (await import(`../../shared/detectors/${detector.meta.id}.ts`)) as Record<string, unknown>;
      expect(Object.values(module), detector.meta.id).toContain(detector);
    }
    const ruleFiles = tsFiles(detectorDir).filter((f) => !['index.ts', 'detector.ts', 'context.ts', 'post-view.ts', 'catalogue.ts', 'meta.ts'].includes(f));
    expect(ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...RULE_IDS].sort());
  });

  it('has a test file for every detector', () => {
    const tests = new Set(tsFiles(testDir));
    for (const id of RULE_IDS) expect(tests.has(`${id}.test.ts`), `${id}.test.ts`).toBe(true);
  });

  it('gives every rule the metadata a Town Clerk needs', () => {
    for (const { meta } of DETECTORS) {
      expect(meta.description, meta.id).toMatch(/\w{4,}.*\./);
      expect(meta.clause, meta.id).not.toMatch(/TODO/);
      expect(meta.remediation.length, meta.id).toBeGreaterThan(20);
      expect(['low', 'medium', 'high']).toContain(meta.defaultSeverity);
      expect(meta.level).toBe(meta.id === 'unapproved-account' ? 'account' : 'post');
    }
  });
});

describe('the rules’ meta as the catalogue', () => {
  it('is read without loading any detector, so what only names rules or checks a configuration stays small', async () => {
    // Act: bundle what the console, the digest and the configuration schema import.
    const { build } = await import('esbuild');
    const result = await build({
      stdin: { contents: "export * from './shared/domain/config'; export * from './shared/detectors/catalogue';", resolveDir: fileURLToPath(new URL('../../', import.meta.url)), loader: 'ts' },
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
    });

    // Assess
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => f.endsWith('shared/detectors/meta.ts'))).toBe(true);
    for (const id of RULE_IDS) expect(inputs.filter((f) => f.endsWith(`shared/detectors/${id}.ts`)), id).toEqual([]);
  });

  it.each(['scan-dispatch', 'weekly-digest', 'console', 'council-jobs'])('leaves the detectors out of the %s function, which runs no rule (masking evidence is not running one)', async (name) => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [fileURLToPath(new URL(`../../functions/${name}/handler.ts`, import.meta.url))],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      external: ['@aws-sdk/*'],
      logLevel: 'silent',
    });

    const inputs = Object.keys(result.metafile.inputs);
    // wording/rules.ts only names the rules the wording model may speak for (the settings form offers a box for each)
    expect(inputs.filter((f) => /shared\/detectors\/(?!meta\.ts$|catalogue\.ts$|detector\.ts$|text\/mask\.ts$|wording\/rules\.ts$)/.test(f))).toEqual([]);
  });

  it('gives each rule its title and level from its meta', () => {
    expect(ruleTitle('personal-data')).toBe('Personal data');
    expect(ruleTitle('copyright-attribution')).toBe('Copyright and attribution');
    expect(ruleLevel('unapproved-account')).toBe('account');
    expect(ruleLevel('risky-link')).toBe('post');
    for (const { meta } of DETECTORS) expect(ruleLevel(meta.id)).toBe(meta.level);
  });

  it('takes every rule’s title from its own meta, hostile engagement and offensive language included', () => {
    for (const { meta } of DETECTORS) {
      expect(meta.title, meta.id).toMatch(/^[A-Z][a-z]+(?: [a-z]+)*$/);
      expect(ruleTitle(meta.id)).toBe(meta.title);
    }
    expect(ruleTitle('hostile-engagement')).toBe('Hostile engagement');
    expect(ruleTitle('offensive-language')).toBe('Offensive language');
  });

  it('shows an id no rule has as it is stored', () => {
    expect(ruleTitle('retired-rule')).toBe('retired-rule');
  });

  it('keeps the old title table equal to the catalogue, for code not yet moved to it', () => {
    for (const id of RULE_IDS) expect(ruleTitle(id), id).toBe(RULE_TITLES[id]);
  });

  it('tells a finding about a post from one about an account by the rule’s level', () => {
    expect(isPostFinding({ rule: 'personal-data', postId: 'p1' })).toBe(true);
    expect(isPostFinding({ rule: 'unapproved-account', postId: 'p1' })).toBe(false);
    expect(isPostFinding({ rule: 'personal-data' })).toBe(false);
  });
});

describe('rule settings in the configuration', () => {
  const refused = (rules: unknown) => {
    try {
      parseCouncilConfig({ ...COUNCIL_INPUT, rules });
    } catch (error) {
      if (error instanceof ConfigValidationError) return error.issues;
      throw error;
    }
    throw new Error('expected the configuration to be refused');
  };

  it('refuses an unknown rule id by name', () => {
    expect(refused({ 'spelling-mistakes': { enabled: false } })[0]).toMatchObject({ field: 'rules.spelling-mistakes', message: expect.stringContaining('unknown rule; expected one of personal-data') });
  });

  it('refuses an option the rule does not declare, suggesting the one meant', () => {
    expect(refused({ 'copyright-attribution': { exmpt: ['Harbourne Camera Club'] } })).toEqual([
      { field: 'rules.copyright-attribution.exmpt', value: '["Harbourne Camera Club"]', message: 'is not a known field: did you mean "exempt"?' },
    ]);
  });

  it('refuses a bad value for a declared option, naming the field', () => {
    expect(refused({ 'copyright-attribution': { exempt: [''] } })[0]).toMatchObject({ field: 'rules.copyright-attribution.exempt[0]', message: 'must not be empty' });
  });

  it('keeps the configurations of the examples and the corpora working', async () => {
    const { readFileSync, readdirSync, existsSync } = await import('node:fs');
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const dirs = [
      ...readdirSync(`${root}examples`).map((d) => `${root}examples/${d}`),
      ...['tune', 'held'].flatMap((part) => readdirSync(`${root}test/fixtures/corpus-unseen/${part}`).map((d) => `${root}test/fixtures/corpus-unseen/${part}/${d}`)),
    ];
    const configs = dirs.map((d) => `${d}/config.json`).filter((f) => existsSync(f));
    expect(configs.length).toBeGreaterThanOrEqual(8);
    for (const file of configs) expect(() => parseCouncilConfig(JSON.parse(readFileSync(file, 'utf8'))), file).not.toThrow();
  });

  it('reads a rule’s own options: sources exempt from attribution', () => {
    const post = makePost({ text: 'Great shot by a local photographer!', media: [{ type: 'image', url: 'https://files.example/a.jpg' }] });
    expect(detectAll(testConfig(), [structuredClone(post)], [copyrightAttribution])).toHaveLength(1);
    const exempt = testConfig({ rules: { 'copyright-attribution': { exempt: ['a local photographer'] } } });
    expect(detectAll(exempt, [structuredClone(post)], [copyrightAttribution])).toEqual([]);
  });
});
