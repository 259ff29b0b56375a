import { maskKeeping } from '../mask';
import { allMatches, sentenceAround } from './clues';
import type { PiiScan } from './types';

const MONTH = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
const DATE = String.raw`(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH})\b\.?,?(?:\s+(\d{4}))?|(?:${MONTH})\b\.?\s+\d{1,2}(?:st|nd|rd|th)?\b,?(?:\s+(\d{4}))?|\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2}))(?!\d)`;

/** A date that the words before it state as somebody's birth date. */
const BIRTH_DATE = new RegExp(String.raw`\b(d\.?o\.?b\b\.?|date of birth|birth\s?date|born)(?:\s+(?:is|was|on))?[\s:,-]*(${DATE})`, 'gi');
const DEATH = /\b(?:died|d\.(?!\s?o\.?\s?b)|passed away|death|late)\b|\(\s*\d{4}\s*[–-]\s*\d{4}\s*\)/i;

/** How long ago a birth must be for it to be history rather than a living person's data. */
const HISTORICAL_YEARS = 110;

const THING_BORN =
  /\b(?:wing|building|hall|library|school|club|society|charity|festival|service|company|firm|hospital|nhs|council|town|village|market|pub|band|choir|station|railway|church|chapel|museum|bridge|park|tradition|event|show|fair|carnival|group|team|league|centre|center|project|scheme|idea)s?\s+(?:(?:was|were|is)\s+)?(?:also\s+|first\s+|officially\s+)?$/i;

/** Dates of birth: "DOB 12/03/1987", "date of birth: 3 May 1990", "born on 24 April 1926". */
export function findDatesOfBirth(scan: PiiScan): void {
  const { text } = scan;
  for (const m of allMatches(BIRTH_DATE, text)) {
    const [whole, keyword, date, y1, y2, y3] = m;
    const year = y1 ?? y2 ?? (y3?.length === 4 ? y3 : undefined);
    const born = keyword!.toLowerCase() === 'born';
    // "born on 4 July" without a year is a birthday, not a date of birth.
    if (born && year === undefined) continue;
    // "the maternity wing was born on 5 July 1948": a place or an institution, not a person.
    if (born && THING_BORN.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const start = m.index;
    const end = start + whole.length;
    if (year !== undefined && Number(year) < scan.year - HISTORICAL_YEARS) continue;
    if (DEATH.test(sentenceAround(text, start, end))) continue;
    const evidence = `${whole.slice(0, whole.length - date!.length)}${maskKeeping(date!, 0)}`.replace(/\s+/g, ' ');
    scan.add({
      kind: 'date-of-birth',
      start,
      end,
      key: `dob:${date!.toLowerCase()}`,
      evidence,
      signal: `date of birth stated as someone's birth date ("${evidence}")`,
    });
  }
}
