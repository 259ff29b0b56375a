import { isCalendarDate } from '../../domain/calendar';

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/** RFC 822 zone names, plus BST, which British sites write although RFC 822 does not know it. */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, BST: 60, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

const RFC_822 =
  /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3})[A-Za-z]*\.?[\s-]+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,4})?$/;

/**
 * A feed date as ISO-8601 (UTC): RSS `pubDate` is RFC 822 (`Tue, 04 Mar 2025 09:15:02 +0000`, two-digit
 * years and zone names included); Atom and `dc:date` are RFC 3339. Undefined when it is neither, or
 * names a day the calendar does not have (30 February).
 */
export function parseFeedDate(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const rfc822 = RFC_822.exec(value);
  if (rfc822) return fromRfc822(rfc822);
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(value)) {
    // Date.parse rolls 30 February over into March: a date that does not exist is no date.
    if (!isCalendarDate(value.slice(0, 10))) return undefined;
    const ms = Date.parse(value.replace(' ', 'T'));
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
  }
  return undefined;
}

function fromRfc822(m: RegExpExecArray): string | undefined {
  const [, day, monthName, yearText, hour, minute, second, zone] = m;
  const month = MONTHS[monthName!.toLowerCase()];
  if (month === undefined) return undefined;
  let year = Number(yearText);
  if (yearText!.length === 2) year += year < 50 ? 2000 : 1900;
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined) return undefined;
  if (Number(day) < 1 || Number(day) > 31 || Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 60) return undefined;
  // Date.UTC rolls 30 February over into March: a date that does not exist is no date.
  if (new Date(Date.UTC(year, month, Number(day))).getUTCDate() !== Number(day)) return undefined;
  return new Date(Date.UTC(year, month, Number(day), Number(hour), Number(minute), Number(second ?? 0)) - offset * 60_000).toISOString();
}

function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  const named = ZONES[zone.toUpperCase()];
  // RFC 822 military zones other than Z were defined with the wrong sign; RFC 1123 says treat them as +0000.
  if (named === undefined && /^[A-IK-Za-ik-z]$/.test(zone)) return 0;
  return named;
}
