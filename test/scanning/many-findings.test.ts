import { describe, expect, it } from 'vitest';
import { hostileEngagement } from '../../shared/detectors/hostile-engagement';
import { offensiveLanguage } from '../../shared/detectors/offensive-language';
import { politicalContent } from '../../shared/detectors/political-content';
import { detectAll } from '../../shared/scanning/run-detectors';
import { makePost, testConfig } from '../support/fixtures';

// A spread of an array into push() passes each element as an argument, and V8 runs out of stack at
// about 125,000 of them: a post that gives more findings than that must still be checked.
const MANY = 140_000;

describe('a post with more findings than a function call can take arguments', () => {
  it('gives every finding through detectAll', () => {
    const findings = detectAll(testConfig(), [makePost({ text: 'shit '.repeat(MANY) })], [offensiveLanguage]);
    expect(findings).toHaveLength(MANY);
  });

  it("gives every councillor's account promoted during a pre-election period", () => {
    const text = Array.from({ length: MANY }, (_, i) => `@cllr${i}`).join(' ');
    const findings = detectAll(testConfig(), [makePost({ text, createdAt: '2027-04-01T10:00:00Z' })], [politicalContent]);
    expect(findings).toHaveLength(MANY);
  });

  it('gives every named person called something contemptuous', () => {
    // Each match also takes in the start of the next sentence, so every other sentence is a finding
    const findings = detectAll(testConfig(), [makePost({ text: 'Bob is useless. '.repeat(2 * MANY) })], [hostileEngagement]);
    expect(findings).toHaveLength(MANY);
  });
});
