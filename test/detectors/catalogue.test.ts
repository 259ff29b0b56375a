import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../shared/domain/finding';
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
    const ruleFiles = tsFiles(detectorDir).filter((f) => !['index.ts', 'detector.ts', 'context.ts', 'post-view.ts'].includes(f));
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
