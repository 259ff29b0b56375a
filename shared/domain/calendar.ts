// The one calendar of the product: ISO weeks, calendar months and periods, and how dates read in a
// council's time zone. Labels are built from fixed English names, so that they read the same on every
// machine whatever its locale data.
import type { Election } from './config';

/** An ISO-8601 week: Monday to Sunday, numbered 1–53, in a given time zone. */
export interface IsoWeek {
  year: number;
  week: number;
  /** `2026-W05` */
  id: string;
  /** The Monday and Sunday, as calendar dates (YYYY-MM-DD) in the time zone. */
  monday: string;
  sunday: string;
}

/** The ISO week that contains an instant, judged by the calendar date in `timeZone`. */
export function isoWeekOf(instant: Date | string, timeZone: string): IsoWeek {
  const date = localDate(new Date(instant), timeZone);
  return isoWeekOfDate(date);
}

/** The ISO week before the one containing `instant` (the week a Monday digest reports on). */
export function previousIsoWeek(instant: Date | string, timeZone: string): IsoWeek {
  const thisWeek = isoWeekOf(instant, timeZone);
  return isoWeekOfDate(addDays(thisWeek.monday, -7));
}

/** The week with a given id (`2026-W05`). */
export function parseIsoWeek(id: string): IsoWeek {
  const m = /^(\d{4})-W(\d{2})$/.exec(id);
  if (!m) throw new RangeError(`not an ISO week: ${JSON.stringify(id)} (expected e.g. 2026-W05)`);
  const year = Number(m[1]);
  const week = Number(m[2]);
  // 4 January is always in week 1.
  const jan4 = `${year}-01-04`;
  const week1Monday = addDays(jan4, -(dayOfWeek(jan4) - 1));
  const result = isoWeekOfDate(addDays(week1Monday, (week - 1) * 7));
  if (result.id !== id) throw new RangeError(`not an ISO week: ${JSON.stringify(id)} (${year} has no week ${week})`);
  return result;
}

function isoWeekOfDate(date: string): IsoWeek {
  const monday = addDays(date, -(dayOfWeek(date) - 1));
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const jan1 = `${year}-01-01`;
  const week = Math.floor(daysBetween(jan1, thursday) / 7) + 1;
  return { year, week, id: `${year}-W${String(week).padStart(2, '0')}`, monday, sunday: addDays(monday, 6) };
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return dateFormat(timeZone).format(instant);
}

/** The calendar date (YYYY-MM-DD) and wall-clock time (HH:MM, 24-hour) of an instant in a time zone. */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const parts: Record<string, string> = {};
  for (const p of dateTimeFormat(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The canonical spelling of an IANA time zone (`europe/london` → `Europe/London`), or undefined for
 * anything else: a name the runtime's time-zone data does not know, or a bare offset such as `+01:00`
 * (which would ignore summer time).
 */
export function canonicalTimeZone(value: string): string | undefined {
  if (!/^(UTC|GMT|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/.test(value)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** 1 for Monday … 7 for Sunday. */
function dayOfWeek(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Calendar dates (YYYY-MM-DD), both inclusive. */
export interface DatePeriod {
  from: string;
  to: string;
}

/** `2026-10`: a calendar month. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A calendar month as a period: its first and last day (inclusive). */
export function calendarMonth(month: string): DatePeriod {
  if (!MONTH_PATTERN.test(month)) throw new RangeError(`not a month: ${JSON.stringify(month)} (expected e.g. 2026-10)`);
  return { from: `${month}-01`, to: addDays(`${nextMonth(month)}-01`, -1) };
}

/** The calendar month before the one containing `instant`, judged by the date in `timeZone` (what a schedule on the 1st reports on). */
export function previousMonth(instant: Date, timeZone: string): string {
  const [year, month] = localDate(instant, timeZone).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
}

/** `2026-10` → `2026-11`. */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${pad(m + 1)}`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `2026-10` → `October 2026`; anything that is not a month is returned as given. */
export function monthLabel(month: string): string {
  return MONTH_PATTERN.test(month) ? `${MONTH_NAMES[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}` : month;
}

/** `1 January – 31 March 2027`; the first year is left out when both dates share it. */
export function periodLabel(period: DatePeriod): string {
  const [fy, fm, fd] = dateParts(period.from);
  const [ty, tm, td] = dateParts(period.to);
  return `${fd} ${MONTH_NAMES[fm - 1]}${fy === ty ? '' : ` ${fy}`} – ${td} ${MONTH_NAMES[tm - 1]} ${ty}`;
}

/** `Mon 2 Feb – Sun 8 Feb 2026` */
export function weekLabel(week: Pick<IsoWeek, 'monday' | 'sunday'>): string {
  const [my, mm, md] = dateParts(week.monday);
  const [sy, sm, sd] = dateParts(week.sunday);
  return `Mon ${md} ${shortMonth(mm)}${my === sy ? '' : ` ${my}`} – Sun ${sd} ${shortMonth(sm)} ${sy}`;
}

/** `2026-02-01` → `1 Feb` */
export function shortDate(date: string): string {
  const [, month, day] = dateParts(date);
  return `${day} ${shortMonth(month)}`;
}

/** `29 March – 6 May 2027 (Europe/London)`: an election's pre-election period, as the Town Clerk reads it. */
export function describePreElectionPeriod(election: Pick<Election, 'preElectionStart' | 'pollingDay'>, timezone: string): string {
  return `${periodLabel({ from: election.preElectionStart, to: election.pollingDay })} (${timezone})`;
}

/** `Tue 2 Feb 2027, 10:15` in the time zone. */
export function formatLocal(instant: string, timezone: string): string {
  const parts: Record<string, string> = {};
  for (const p of dateTimeFormat(timezone).formatToParts(new Date(instant))) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const weekday = WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];
  return `${weekday} ${Number(parts.day)} ${shortMonth(Number(parts.month))} ${parts.year}, ${parts.hour}:${parts.minute}`;
}

function shortMonth(month: number): string {
  return MONTH_NAMES[month - 1]!.slice(0, 3);
}

function dateParts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// Building an Intl.DateTimeFormat costs far more than formatting with one: keep one per time zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format;
}

function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}
