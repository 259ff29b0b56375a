import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileContext } from '../../shared/detectors/context';
import { personalData } from '../../shared/detectors/personal-data';
import { isReferenceNumber } from '../../shared/detectors/text/pii/clues';
import { findPhoneNumbers } from '../../shared/detectors/text/pii/contacts';
import { PiiScan } from '../../shared/detectors/text/pii/types';
import { detectAll } from '../../shared/scanning/run-detectors';
import { makePost, testConfig } from '../support/fixtures';

// The personal-data recognisers read only a bounded stretch of text around each candidate, so that
// a post of thousands of numbers is checked in time proportional to its length. Each test below
// compares the bounded reading with the whole-text reading it replaced (the references), on text
// built from the pieces those recognisers react to. All numbers are fictional (Ofcom drama ranges).

const context = compileContext(testConfig());
const textOf = (pieces: readonly string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 160 }).map((p) => p.join(''));

// ---- References: the recognisers as they were, reading to the end of the text ----------------

const WHOLE_RUN_PHONE = /(?<![\w+£$€#@/.,-])(?:(?:\+ ?|00 ?|\(\+)44\)?[ .-]?(?:\(0\)[ .-]?)?\(?(?=[1-9]\d)|\(?(?=0[1-37]\d))(?:\d|[ .-](?=\(?\d)|\)[ .-]?(?=\d)|\((?=\d))+/g;
const INTERNATIONAL = /^(?:\+ ?|00 ?|\(\+)44\)?[ .-]?(?:\(0\)[ .-]?)?/;

function referenceUkNumber(candidate: string): { national: string; length: number } | undefined {
  const international = INTERNATIONAL.exec(candidate);
  const body = international ? candidate.slice(international[0].length) : candidate;
  const offset = international ? international[0].length : 0;
  let national = international ? '0' : '';
  let firstGroup = 0;
  for (const group of body.matchAll(/\d+/g)) {
    if (firstGroup === 0) {
      firstGroup = national.length + group[0].length;
      if (firstGroup < 3) return undefined;
    }
    national += group[0];
    const n = national.length;
    const kind = /^07/.test(national)
      ? n < 11 ? 'short' : n === 11 ? 'mobile' : undefined
      : /^01/.test(national)
        ? n < 10 ? 'short' : n <= 11 ? 'landline' : undefined
        : /^02[03489]/.test(national) || /^03[0347]/.test(national)
          ? n < 11 ? 'short' : n === 11 ? 'other' : undefined
          : n < 3 && /^0?[1-37]?$/.test(national) ? 'short' : undefined;
    if (kind === 'short') continue;
    if (kind === undefined) return undefined;
    if (national.length === 10 && ![5, 6, 10].includes(firstGroup)) return undefined;
    return { national, length: offset + group.index + group[0].length };
  }
  return undefined;
}

/** Phone numbers as they were found, reading every run of digits to its end. */
function referencePhones(scan: PiiScan): void {
  const { text } = scan;
  WHOLE_RUN_PHONE.lastIndex = 0;
  for (let m = WHOLE_RUN_PHONE.exec(text); m !== null; m = WHOLE_RUN_PHONE.exec(text)) {
    const shape = referenceUkNumber(m[0]);
    if (shape === undefined) continue;
    const end = m.index + shape.length;
    if (shape.length < m[0].length) {
      if (!/^[ .-]/.test(m[0].slice(shape.length))) continue;
      WHOLE_RUN_PHONE.lastIndex = end;
    }
    if (context.publishedPhones.has(shape.national) || isReferenceNumber(text, m.index)) continue;
    scan.add({ kind: 'phone', start: m.index, end, key: `phone:${shape.national}`, evidence: '', signal: '' });
  }
}

// ---- The bounded readings agree with the references --------------------------------------------

describe('phone numbers, read a bounded number of digits at a time', () => {
  const PIECES = ['07700', '900', '123', '9001234', '0', '1', '44', '+44', '+44 ', '0044', '(0)', '(', ')', '(+44)', ' ', ' ', '-', '.', '01632', '960', '020', '7946', '0123', '033', 'ref ', 'a', '£', '/', ','];

  it('finds the same numbers as a reading of each whole run of digits', () => {
    fc.assert(
      fc.property(textOf(PIECES), (text) => {
        const scan = new PiiScan(text, context, 2026);
        const reference = new PiiScan(text, context, 2026);
        findPhoneNumbers(scan);
        referencePhones(reference);
        expect(scan.found.map(({ start, end, key }) => ({ start, end, key }))).toEqual(reference.found.map(({ start, end, key }) => ({ start, end, key })));
      }),
      { numRuns: 500, seed: 1 },
    );
  });

  it('finds the same numbers in long runs of digits and separators alone', () => {
    const RUN = ['07700', '900', '123', '0', '1', '7', '44', '+44 ', '(0)', '(', ')', ' ', ' ', ' ', '-', '.', '01632', '960', '020', '7946'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RUN), { minLength: 20, maxLength: 200 }).map((p) => p.join('')), (text) => {
        const scan = new PiiScan(text, context, 2026);
        const reference = new PiiScan(text, context, 2026);
        findPhoneNumbers(scan);
        referencePhones(reference);
        expect(scan.found.map(({ start, end, key }) => ({ start, end, key }))).toEqual(reference.found.map(({ start, end, key }) => ({ start, end, key })));
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('finds the same numbers however their digits are spaced, bracketed or run together', () => {
    // Real numbers with a separator (or none) after each digit: a run of up to 33 pieces for one number
    const digits = fc.constantFrom('07700900123', '01632960123', '02079460123', '0163296012', '+447700900123', '00441632960123', '077009001234', '7700900');
    const spaced = fc.tuple(digits, fc.array(fc.constantFrom('', '', ' ', '-', '.', ' (', ') ', '(', ')'), { minLength: 14, maxLength: 14 })).map(([number, gaps]) =>
      [...number].map((d, i) => d + gaps[i]).join(''),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(spaced, fc.constantFrom(' ', ' or ', '-', '', '1')), { maxLength: 12 }).map((p) => p.join('')), (text) => {
        const scan = new PiiScan(text, context, 2026);
        const reference = new PiiScan(text, context, 2026);
        findPhoneNumbers(scan);
        referencePhones(reference);
        expect(scan.found.map(({ start, end, key }) => ({ start, end, key }))).toEqual(reference.found.map(({ start, end, key }) => ({ start, end, key })));
      }),
      { numRuns: 2_000, seed: 6 },
    );
  });

  it('reads a run longer than 64 digits and separators as one run, not as a number', () => {
    const run = `0${'7'.repeat(70)} 07700 900123`;
    const reference = new PiiScan(run, context, 2026);
    referencePhones(reference);
    const scan = new PiiScan(run, context, 2026);
    findPhoneNumbers(scan);
    expect(reference.found).toEqual([]);
    expect(scan.found).toEqual([]);
    const apart = new PiiScan(`0${'7'.repeat(70)} call 07700 900123`, context, 2026);
    findPhoneNumbers(apart);
    expect(apart.found.map((f) => f.evidence)).toEqual(['07700 9•• •••']);
  });

  it('reports each of 3,000 distinct numbers in one long post once, masked', () => {
    // Prepare: every drama-range number, each written twice and in two styles
    const numbers: string[] = [];
    for (let i = 0; i < 1_000; i++) {
      const n = String(i).padStart(3, '0');
      numbers.push(`07700 900${n}`, `01632 960${n}`, `020 7946 0${n}`);
    }
    const text = [...numbers, ...numbers.map((n) => n.replace(/ /g, '-'))].join(' ');

    // Act
    const findings = detectAll(testConfig({ publishedContacts: [] }), [makePost({ text })], [personalData]);

    // Assess
    expect(findings).toHaveLength(3_000);
    const evidence = new Set(findings.map((f) => f.evidence));
    expect(evidence).toEqual(new Set(['07700 9•• •••', '01632 9•• •••', '020 794• ••••']));
    for (const f of findings) expect(text.slice(f.location!.start, f.location!.end).replace(/-/g, ' ')).toMatch(/^(?:07700 900|01632 960|020 7946 0)\d{3}$/);
  });
});
