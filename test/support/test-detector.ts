import { appendFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CouncilConfig, Severity } from '../../shared/domain/config';
import type { Finding, RuleId } from '../../shared/domain/finding';
import type { Post } from '../../shared/domain/post';
import type { Detector } from '../../shared/detectors/detector';
import { detectAll } from '../../shared/scanning/run-detectors';
import { makePost, testConfig } from './fixtures';

export interface DetectorCase {
  /** Reads as a sentence: `a mobile number outside the published contacts`. */
  name: string;
  /** The post text, or the post's fields (the rest default to an approved council account's post). */
  post: string | Partial<Post>;
  /** Top-level configuration fields to replace for this case. */
  config?: Partial<Record<keyof CouncilConfig, unknown>>;
}

export interface InvalidCase extends DetectorCase {
  /** At least one finding must match each expectation. */
  expect: FindingExpectation | FindingExpectation[];
  /** Exactly this many findings (default: no limit). */
  count?: number;
}

export interface FindingExpectation {
  severity?: Severity;
  /** A substring or pattern of the (masked) evidence. */
  evidence?: string | RegExp;
  /** A substring or pattern of the reason. */
  reason?: string | RegExp;
  /** The field the evidence was found in, e.g. `media[0].altText`. */
  field?: string;
  /** The original text at the evidence location, e.g. the link as written. */
  located?: string;
}

/**
 * `npm run train:wording` lists the detectors' tests with COUNCIL_AUDIT_DETECTOR_CASES set, to learn from every
 * case what a rule must find and leave alone: the cases go to that file, one JSON line each.
 */
export function recordCases(rule: RuleId, cases: { valid: readonly DetectorCase[]; invalid?: readonly DetectorCase[] }): void {
  const casesOut = process.env.COUNCIL_AUDIT_DETECTOR_CASES;
  if (!casesOut) return;
  const line = (c: DetectorCase, breach: boolean) => JSON.stringify({ rule, name: c.name, breach, post: typeof c.post === 'string' ? { text: c.post } : c.post });
  appendFileSync(casesOut, [...cases.valid.map((c) => line(c, false)), ...(cases.invalid ?? []).map((c) => line(c, true))].join('\n') + '\n');
}

/** Table-driven tests for one detector, like ESLint's RuleTester: no finding on `valid`, the expected ones on `invalid`. */
export function testDetector(detector: Detector, cases: { valid: DetectorCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`duplicate case name: ${duplicate}`);
  recordCases(detector.meta.id, cases);

  describe(detector.meta.id, () => {
    describe('leaves alone', () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          const { findings } = run(detector, c);
          expect(findings.map(summary)).toEqual([]);
        });
      }
    });

    describe('finds', () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const { findings, post } = run(detector, c);
          expect(findings.length, 'at least one finding').toBeGreaterThan(0);
          if (c.count !== undefined) expect(findings.map(summary)).toHaveLength(c.count);
          for (const expectation of [c.expect].flat()) {
            const matching = findings.filter((f) => matches(f, expectation, post));
            expect(matching.map(summary), `a finding like ${JSON.stringify(expectation, replacer)} in ${JSON.stringify(findings.map(summary))}`).not.toEqual([]);
          }
          for (const f of findings) {
            expect(f.rule).toBe(detector.meta.id);
            expect(f.reason.length).toBeGreaterThan(10);
            expect(f.evidence.length).toBeGreaterThan(0);
          }
        });
      }
    });
  });
}

function run(detector: Detector, c: DetectorCase): { findings: Finding[]; post: Post } {
  const post = makePost(typeof c.post === 'string' ? { text: c.post } : c.post);
  const config = testConfig(c.config);
  const findings = detectAll(config, [structuredClone(post)], [detector]);
  return { findings, post };
}

function matches(finding: Finding, e: FindingExpectation, post: Post): boolean {
  if (e.severity && finding.severity !== e.severity) return false;
  if (e.evidence !== undefined && !test(e.evidence, finding.evidence)) return false;
  if (e.reason !== undefined && !test(e.reason, finding.reason)) return false;
  if (e.field !== undefined && finding.location?.field !== e.field) return false;
  if (e.located !== undefined) {
    if (!finding.location) return false;
    if (originalField(post, finding.location.field).slice(finding.location.start, finding.location.end) !== e.located) return false;
  }
  return true;
}

/** The original value of a field named in a finding's location. */
export function originalField(post: Post, field: string): string {
  if (field === 'text') return post.text;
  if (field === 'quoteOf.text') return post.quoteOf?.text ?? '';
  if (field === 'account') return post.account;
  const media = /^media\[(\d+)\]\.altText$/.exec(field);
  if (media) return post.media?.[Number(media[1])]?.altText ?? '';
  const link = /^links\[(\d+)\]$/.exec(field);
  if (link) return post.links?.[Number(link[1])] ?? '';
  throw new Error(`unknown field ${field}`);
}

function test(pattern: string | RegExp, value: string): boolean {
  return typeof pattern === 'string' ? value.includes(pattern) : pattern.test(value);
}

function summary(f: Finding): string {
  return `${f.severity} ${f.evidence} — ${f.reason}`;
}

function replacer(_key: string, value: unknown): unknown {
  return value instanceof RegExp ? String(value) : value;
}
