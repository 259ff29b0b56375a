import type { DetectionContext } from '../../context';
import { maskEmail, maskKeeping } from '../mask';
import { isReferenceNumber } from './clues';
import type { PiiScan } from './types';

// Phone numbers and email addresses, unless the council publishes them itself.

/**
 * A UK number as people type it: `07700 900417`, `07700-900-417`, `(01632) 960123`, `020 7946 0123`,
 * `+44 (0)7700 900417`, `0044 20 7946 0123`. Groups of digits joined by single spaces, hyphens or dots;
 * the national part must start with 0 unless the number starts with +44 or 0044.
 */
const PHONE = /(?<![\w+£$€#@/.,-])(?:(?:\+ ?|00 ?|\(\+)44\)?[ .-]?(?:\(0\)[ .-]?)?\(?(?=[1-9]\d)|\(?(?=0[1-37]\d))(?:\d|[ .-](?=\(?\d)|\)[ .-]?(?=\d)|\((?=\d)){1,64}/g;
/**
 * The rest of a run of digits and separators after the 64 pieces (digits, separators, brackets)
 * PHONE reads. A number is decided well within them (at most 11 digits, each with at most two
 * separators or brackets before it); reading the whole run would read every later number of a long
 * run again for each number in it. A run that holds no number is read to its end once, to skip it.
 */
const PHONE_RUN_REST = /(?:\d|[ .-](?=\(?\d)|\)[ .-]?(?=\d)|\((?=\d))*/y;
const DIGIT_GROUP = /\d+/g;
const INTERNATIONAL = /^(?:\+ ?|00 ?|\(\+)44\)?[ .-]?(?:\(0\)[ .-]?)?/;

interface PhoneShape {
  /** National digits: `07700900417`. */
  national: string;
  /** Characters of the match that the number uses (the rest, if any, is a second number). */
  length: number;
  kind: string;
}

/** The UK number at the start of a candidate, following Ofcom's plan rather than current allocation. */
function ukNumber(candidate: string): PhoneShape | undefined {
  const international = INTERNATIONAL.exec(candidate);
  const body = international ? candidate.slice(international[0].length) : candidate;
  const offset = international ? international[0].length : 0;
  let national = international ? '0' : '';
  let firstGroup = 0;
  // Take whole groups of digits until the number is as long as its range needs (and no further:
  // the candidate may run on into the numbers after it).
  DIGIT_GROUP.lastIndex = 0;
  for (let group = DIGIT_GROUP.exec(body); group !== null; group = DIGIT_GROUP.exec(body)) {
    if (firstGroup === 0) {
      firstGroup = national.length + group[0].length;
      // The first group of a national number is an area or mobile code: at least three digits with the 0.
      if (firstGroup < 3) return undefined;
    }
    national += group[0];
    const kind = numberKind(national);
    if (kind === 'short') continue;
    if (kind === undefined) return undefined;
    // Ten-digit landlines are written 01xxx xxxxx or 016977 xxxx, never "0123 4567 89".
    if (national.length === 10 && ![5, 6, 10].includes(firstGroup)) return undefined;
    return { national, length: offset + group.index + group[0].length, kind };
  }
  return undefined;
}

/** Which part of the numbering plan a national number belongs to: `short` while it could still grow. */
function numberKind(national: string): string | 'short' | undefined {
  const n = national.length;
  if (/^07/.test(national)) return n < 11 ? 'short' : n === 11 ? 'UK mobile number' : undefined;
  if (/^01/.test(national)) {
    // A few areas (016977, 01xxx with five-digit numbers) have ten digits; most have eleven.
    if (n < 10) return 'short';
    return n <= 11 ? 'UK landline number' : undefined;
  }
  if (/^02[03489]/.test(national)) return n < 11 ? 'short' : n === 11 ? 'UK landline number' : undefined;
  if (/^03[0347]/.test(national)) return n < 11 ? 'short' : n === 11 ? 'UK non-geographic number' : undefined;
  if (n < 3 && /^0?[1-37]?$/.test(national)) return 'short';
  return undefined;
}

/** `07700900417` → `07700 900 417`; `02079460123` → `020 7946 0123`. */
function groupNational(national: string): string {
  if (/^02/.test(national)) return national.replace(/^(\d{3})(\d{4})(\d{4})$/, '$1 $2 $3');
  if (/^(01\d1|011\d|03\d\d)/.test(national)) return national.replace(/^(\d{4})(\d{3})(\d{4})$/, '$1 $2 $3');
  if (national.length === 10) return national.replace(/^(\d{5})(\d{5})$/, '$1 $2');
  return national.replace(/^(\d{5})(\d{3})(\d{3})$/, '$1 $2 $3');
}

/** UK phone numbers that are not among the council's published contacts. */
export function findPhoneNumbers(scan: PiiScan): void {
  const { text, context } = scan;
  // The masked evidence of each number, made once however often the number is repeated
  const described = new Map<string, { evidence: string; signal: string }>();
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m !== null; m = PHONE.exec(text)) {
    const shape = ukNumber(m[0]);
    if (shape === undefined) {
      PHONE.lastIndex = runEnd(text, PHONE.lastIndex);
      continue;
    }
    const start = m.index;
    const end = start + shape.length;
    // A longer run of digits is not a phone number, but a second number may follow the first.
    if (shape.length < m[0].length) {
      const rest = m[0].slice(shape.length);
      if (!/^[ .-]/.test(rest)) {
        PHONE.lastIndex = runEnd(text, PHONE.lastIndex);
        continue;
      }
      PHONE.lastIndex = end;
    }
    if (context.publishedPhones.has(shape.national) || isReferenceNumber(text, start)) continue;
    let description = described.get(shape.national);
    if (description === undefined) {
      const evidence = maskKeeping(groupNational(shape.national), 6);
      description = { evidence, signal: `${shape.kind} ${evidence} outside the council's published contacts` };
      described.set(shape.national, description);
    }
    scan.add({ kind: 'phone', start, end, key: `phone:${shape.national}`, ...description });
  }
}

/** Where the run of digits and separators that a PHONE match stopped reading at `from` ends. */
function runEnd(text: string, from: number): number {
  PHONE_RUN_REST.lastIndex = from;
  PHONE_RUN_REST.exec(text);
  return PHONE_RUN_REST.lastIndex;
}

/** An address around an `@`: a local part and a domain with a public-looking suffix. */
const EMAIL_AT = /[A-Za-z0-9](?:[\w.+%'-]*[\w+%-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w@-]|\.[A-Za-z0-9])/y;
const LOCAL_PART_CHAR = /[\w.+%'-]/;

/** Mailboxes that belong to a role, not a person: `enquiries@`, `bookings@`. */
const ROLE_MAILBOXES = new Set([
  'info', 'enquiries', 'enquiry', 'contact', 'contactus', 'hello', 'admin', 'office', 'bookings', 'booking',
  'events', 'sales', 'support', 'help', 'helpdesk', 'reception', 'mail', 'team', 'general', 'press', 'media',
  'news', 'newsletter', 'accounts', 'finance', 'webmaster', 'noreply', 'no-reply', 'donotreply', 'postmaster',
  'hire', 'hires', 'tickets', 'membership', 'members', 'volunteering', 'feedback', 'complaints', 'planning',
  'licensing', 'customerservices', 'customer.services', 'service', 'services', 'orders', 'shop', 'studio',
]);

/** Fediverse servers whose `name@server` is a handle typed without its leading `@`, not a mailbox. */
const FEDIVERSE_HOST = /(?:^|\.)(?:mastodon\.[a-z.]+|mstdn\.[a-z.]+|[a-z0-9-]+\.social|mas\.to|fosstodon\.org|pixelfed\.[a-z.]+|threads\.net|bsky\.app)$/;

/** Email addresses that are not published by the council and not on its own domains. */
export function findEmailAddresses(scan: PiiScan): void {
  const { text, context } = scan;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    // Walk back over the local part; one preceded by another "@" is a fediverse handle, @name@server.
    let from = at;
    while (from > 0 && LOCAL_PART_CHAR.test(text[from - 1]!)) from--;
    if (from === at || (from > 0 && text[from - 1] === '@')) continue;
    while (from < at && !/[A-Za-z0-9]/.test(text[from]!)) from++;
    EMAIL_AT.lastIndex = from;
    const m = EMAIL_AT.exec(text);
    if (m === null) continue;
    const email = m[0].toLowerCase();
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (context.publishedEmails.has(email) || isOwnDomain(domain, context) || FEDIVERSE_HOST.test(domain)) continue;
    if (ROLE_MAILBOXES.has(email.slice(0, email.lastIndexOf('@')))) continue;
    const evidence = maskEmail(m[0]);
    scan.add({
      kind: 'email',
      start: from,
      end: from + m[0].length,
      key: `email:${email}`,
      evidence,
      signal: `email address ${evidence} outside the council's published contacts and its own domains`,
    });
    at = from + m[0].length - 1;
  }
}

function isOwnDomain(domain: string, context: DetectionContext): boolean {
  if (context.ownDomains.has(domain)) return true;
  for (const own of context.ownDomains) if (domain.endsWith(`.${own}`)) return true;
  return false;
}
