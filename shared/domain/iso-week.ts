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
  return dateFormatIn(timeZone).format(instant);
}

/** One formatter per time zone: making one costs far more than formatting a date with it. */
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

function dateFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = DATE_FORMATS.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DATE_FORMATS.set(timeZone, format);
  }
  return format;
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

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
