import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileContext } from '../../shared/detectors/context';
import { personalData } from '../../shared/detectors/personal-data';
import { isReferenceNumber, sentenceAround, sentenceStart } from '../../shared/detectors/text/pii/clues';
import { findPhoneNumbers } from '../../shared/detectors/text/pii/contacts';
import { findCardNumbers, findSortCodeAndAccount } from '../../shared/detectors/text/pii/identifiers';
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

const WHOLE_TEXT_SENTENCE_END = /[!?\n;]|(?<!\b(?:Mr|Mrs|Ms|Mx|Dr|St|No|Cllr|Rev|Revd|Mt|Prof|Sgt|[A-Z]))\.(?=\s)/g;

function referenceSentenceStart(text: string, index: number, room = 160): number {
  const from = Math.max(0, index - room);
  let start = from;
  WHOLE_TEXT_SENTENCE_END.lastIndex = from;
  for (let m = WHOLE_TEXT_SENTENCE_END.exec(text); m !== null && m.index < index; m = WHOLE_TEXT_SENTENCE_END.exec(text)) start = m.index + 1;
  return start;
}

function referenceSentenceAround(text: string, start: number, end: number): string {
  WHOLE_TEXT_SENTENCE_END.lastIndex = end;
  const m = WHOLE_TEXT_SENTENCE_END.exec(text);
  const to = m === null ? Math.min(text.length, end + 160) : Math.min(m.index, end + 160);
  return text.slice(referenceSentenceStart(text, start), to);
}

const WHOLE_TEXT_ACCOUNT = /(?<![\w.,/-])\d{4} ?\d{4}(?![\w/]|[-.,]\d)/g;
const SORT_CODE = /(?<![\w.,/-])(?:(\d{2})-(\d{2})-(\d{2})|(?<=sort\s?code:?\s{0,3})(\d{2}) ?(\d{2}) ?(\d{2}))(?![\w/]|[-.]\d)/gi;

/** Sort codes as they were paired, searching the rest of the text for an account number. */
function referenceSortCodes(scan: PiiScan): void {
  const { text } = scan;
  if (!/\bsort\s?code\b|\bs\/c\b|\baccount\b|\ba\/c\b|\bacc(?:t)?\.?\s?no\b|\bbank\b/i.test(text)) return;
  for (const m of text.matchAll(SORT_CODE)) {
    const from = Math.max(0, m.index - 80);
    const to = Math.min(text.length, m.index + m[0].length + 80);
    WHOLE_TEXT_ACCOUNT.lastIndex = from;
    let account: RegExpExecArray | null;
    while ((account = WHOLE_TEXT_ACCOUNT.exec(text)) !== null && account.index < to) {
      if (account.index + account[0].length <= to && !scan.taken(account.index, account.index + account[0].length)) break;
    }
    if (account === null || account.index >= to) continue;
    const start = Math.min(m.index, account.index);
    const end = Math.max(m.index + m[0].length, account.index + account[0].length);
    scan.add({ kind: 'bank-details', start, end, key: '', evidence: '', signal: '' });
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

describe('sentences around a number, read within their room', () => {
  const PIECES = ['a', 'A', 'Mr', 'St', 'Cllr', 'Prof', 'No', ' ', ' ', '.', '. ', '!', '?', ';', '\n', 'x.', 'B.'];

  it('start and end where a search of the whole text says', () => {
    fc.assert(
      fc.property(textOf(PIECES), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 200 }), (text, a, b, room) => {
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = Math.min(text.length, start + (b % 30));
        expect(sentenceStart(text, start, room)).toBe(referenceSentenceStart(text, start, room));
        expect(sentenceAround(text, start, end)).toBe(referenceSentenceAround(text, start, end));
      }),
      { numRuns: 1_000, seed: 2 },
    );
  });
});

describe('account numbers, searched for only near their sort code', () => {
  const PIECES = ['12-34-56', '12 34 56', 'sort code ', 'sort code: ', 'bank ', 'account ', '1234', '5678', '1234 5678', '12345678', ' ', ' ', '-', '.', ',', '/', 'a', '4111 1111 1111 1111', 'x'.repeat(40)];

  it('pairs each sort code with the account number a search of the whole text finds', () => {
    fc.assert(
      fc.property(textOf(PIECES), (text) => {
        // Card numbers are found first, so that some account-shaped digits are already taken
        const scan = new PiiScan(text, context, 2026);
        const reference = new PiiScan(text, context, 2026);
        findCardNumbers(scan);
        findCardNumbers(reference);
        findSortCodeAndAccount(scan);
        referenceSortCodes(reference);
        expect(scan.found.map(({ start, end }) => [start, end])).toEqual(reference.found.map(({ start, end }) => [start, end]));
      }),
      { numRuns: 400, seed: 3 },
    );
  });
});
