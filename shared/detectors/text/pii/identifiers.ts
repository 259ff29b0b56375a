import { maskKeeping } from '../mask';
import { isIban, isNhsNumber, isNinoPrefix, passesLuhn } from './checksums';
import { allMatches, isReferenceNumber } from './clues';
import type { PiiScan } from './types';

// Identity and bank numbers: recognised by their shape and check digits, so they need no context,
// except where a shape is common enough that a word around it must confirm it.

const NINO = /(?<![A-Za-z0-9])([A-Za-z]{2})[ -]?(\d{2})[ -]?(\d{2})[ -]?(\d{2})(?:[ -]?([A-Da-d]))?(?![A-Za-z0-9])/g;
const NINO_WORDS = /\bnational insurance\b|\bN\.?I\.?\s*(?:no|number)\b|\bNINO\b/i;

/** National Insurance numbers: `JT 52 81 94 C`. Lower case or without the suffix only after the words. */
export function findNationalInsuranceNumbers(scan: PiiScan): void {
  const named = NINO_WORDS.test(scan.text);
  for (const m of allMatches(NINO, scan.text)) {
    const [whole, prefix, a, b, c, suffix] = m;
    const upper = prefix === prefix!.toUpperCase() && (suffix === undefined || suffix === suffix.toUpperCase());
    if (!isNinoPrefix(prefix!) || (!named && (!upper || suffix === undefined))) continue;
    const formatted = `${prefix!.toUpperCase()} ${a} ${b} ${c}${suffix ? ` ${suffix.toUpperCase()}` : ''}`;
    const evidence = maskKeeping(formatted, 2);
    scan.add({
      kind: 'national-insurance',
      start: m.index,
      end: m.index + whole.length,
      key: `nino:${formatted.replace(/ /g, '')}`,
      evidence,
      signal: `National Insurance number ${evidence}, with a valid prefix${suffix ? ' and suffix' : ''}`,
    });
  }
}

const NHS_CANDIDATE = /(?<![\w.,/-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w/-]|[.,]\d)/g;
const NHS_WORDS = /\bNHS\b|\bCHI\b|\bpatient\b|\bhospital number\b/i;

/**
 * NHS numbers: ten digits passing mod-11. One random ten-digit number in eleven passes, so a bare
 * number counts only when the post mentions the NHS or when it is spaced 3-3-4 as NHS numbers are.
 */
export function findNhsNumbers(scan: PiiScan): void {
  const { text } = scan;
  let named: boolean | undefined;
  for (const m of allMatches(NHS_CANDIDATE, text)) {
    const [whole, a, separator, b, c] = m;
    const digits = `${a}${b}${c}`;
    if (!isNhsNumber(digits)) continue;
    named ??= NHS_WORDS.test(text);
    if (!named && (separator === '' || digits.startsWith('0') || isReferenceNumber(text, m.index))) continue;
    const evidence = maskKeeping(`${a} ${b} ${c}`, 3);
    scan.add({
      kind: 'nhs-number',
      start: m.index,
      end: m.index + whole.length,
      key: `nhs:${digits}`,
      evidence,
      signal: `NHS number ${evidence}, which passes the NHS mod-11 check`,
    });
  }
}

const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;

/** IBANs passing mod-97: `GB82 WEST 1234 5698 7654 32`. */
export function findIbans(scan: PiiScan): void {
  for (const m of allMatches(IBAN, scan.text)) {
    const compact = m[0].replace(/ /g, '');
    if (!isIban(compact)) continue;
    const evidence = maskKeeping(compact.replace(/(.{4})(?=.)/g, '$1 '), 4);
    scan.add({
      kind: 'bank-details',
      start: m.index,
      end: m.index + m[0].length,
      key: `iban:${compact}`,
      evidence,
      signal: `bank account number (IBAN ${evidence}) that passes the IBAN mod-97 check`,
    });
  }
}

// 4-4-4-4(-3) and Amex 4-6-5 groupings with one consistent separator, or 13 to 19 digits unbroken.
const CARD = /(?<![\w.,/-])(?:\d{4}([ -]?)\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,4})?|\d{4}([ -]?)\d{6}\2\d{4,5})(?![\w/-]|[.,]\d)/g;

/** Payment card numbers: 13 to 19 digits from a card issuer's range (2 to 6) passing Luhn. */
export function findCardNumbers(scan: PiiScan): void {
  const { text } = scan;
  for (const m of allMatches(CARD, text)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 13 || digits.length > 19 || !/^[2-6]/.test(digits) || !passesLuhn(digits)) continue;
    if (isReferenceNumber(text, m.index)) continue;
    const evidence = maskKeeping(digits.replace(/(\d{4})(?=\d)/g, '$1 '), 4);
    scan.add({
      kind: 'bank-details',
      start: m.index,
      end: m.index + m[0].length,
      key: `card:${digits}`,
      evidence,
      signal: `payment card number ${evidence} that passes the Luhn check`,
    });
  }
}

const BANK_WORDS = /\bsort\s?code\b|\bs\/c\b|\baccount\b|\ba\/c\b|\bacc(?:t)?\.?\s?no\b|\bbank\b/i;
const SORT_CODE = /(?<![\w.,/-])(?:(\d{2})-(\d{2})-(\d{2})|(?<=sort\s?code:?\s{0,3})(\d{2}) ?(\d{2}) ?(\d{2}))(?![\w/]|[-.]\d)/gi;
const ACCOUNT_NUMBER = /(?<![\w.,/-])\d{4} ?\d{4}(?![\w/]|[-.,]\d)/g;
/** How far past its start ACCOUNT_NUMBER reads: nine characters and two of look-ahead. */
const ACCOUNT_NUMBER_REACH = 11;

/** A sort code (`12-34-56`) with an eight-digit account number near it, in a post that talks of a bank account. */
export function findSortCodeAndAccount(scan: PiiScan): void {
  const { text } = scan;
  if (!BANK_WORDS.test(text)) return;
  for (const m of allMatches(SORT_CODE, text)) {
    const sortCode = m.slice(1, 7).filter(Boolean).join('-');
    const from = Math.max(0, m.index - 80);
    const to = Math.min(text.length, m.index + m[0].length + 80);
    const account = accountNumberBetween(scan, from, to);
    if (account === undefined) continue;
    const digits = account.text.replace(/ /g, '');
    const evidence = `sort code ${maskKeeping(sortCode, 2)}, account ${maskKeeping(digits, 0)}`;
    const start = Math.min(m.index, account.start);
    const end = Math.max(m.index + m[0].length, account.start + account.text.length);
    scan.add({
      kind: 'bank-details',
      start,
      end,
      key: `account:${sortCode}:${digits}`,
      evidence,
      signal: `bank sort code ${maskKeeping(sortCode, 2)} with an eight-digit account number`,
    });
  }
}

/**
 * The first account number that starts in `[from, to)`, ends by `to` and is not part of another
 * item. Only that stretch (with the character before it and the number and look-ahead that may run
 * past its end) is searched: a search of the whole text would, in a post of sort codes without
 * account numbers, read to its end once for every sort code.
 */
function accountNumberBetween(scan: PiiScan, from: number, to: number): { start: number; text: string } | undefined {
  const offset = Math.max(0, from - 1);
  const window = scan.text.slice(offset, to + ACCOUNT_NUMBER_REACH);
  ACCOUNT_NUMBER.lastIndex = from - offset;
  for (let m = ACCOUNT_NUMBER.exec(window); m !== null && m.index + offset < to; m = ACCOUNT_NUMBER.exec(window)) {
    const start = m.index + offset;
    if (start + m[0].length <= to && !scan.taken(start, start + m[0].length)) return { start, text: m[0] };
  }
  return undefined;
}
