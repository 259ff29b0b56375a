// When each council's scheduled work falls due, worked out from its registration and the time alone
// (no store, no clock of its own): the hourly tick asks, for every council, which digest week and
// which report month are due now, then checks the store only for those.
import { addDays, isoWeekOf, localDateTime, previousIsoWeek, previousMonth } from '../domain/calendar';
import { digestScheduleOf, WEEKDAYS, type Council } from '../domain/council';

/** The monthly report is due from this local time on the 1st: ready before the working day. */
export const REPORT_TIME = '07:00';

type Scheduled = Pick<Council, 'registeredAt' | 'digestDay' | 'digestTime' | 'timezone'>;

/**
 * The week whose digest is due at `now` unless it has been sent: last week, once the council's local
 * time has reached its slot (day and time) this week. A tick that was missed is caught up by the next
 * one, up to the end of the week. Nothing is due before the slot, nor in the week a council was
 * registered after its slot (its first digest waits for the next one).
 *
 * Times are compared on the local wall clock, so summer time needs no arithmetic: a slot in the hour
 * the clocks skip is reached at the first tick after it; one in the hour they repeat, at the first
 * tick whose clock reads it or later (the :00 tick of the repeat reads earlier, so at most an hour
 * late; the digest's claim makes a second send harmless).
 */
export function digestWeekDue(council: Scheduled, now: Date): string | undefined {
  const { day, time, timezone } = digestScheduleOf(council);
  const monday = isoWeekOf(now, timezone).monday;
  const slot = `${addDays(monday, WEEKDAYS.indexOf(day))}T${time}`;
  if (!reached(now, timezone, slot) || reached(new Date(council.registeredAt), timezone, slot)) return undefined;
  return previousIsoWeek(now, timezone).id;
}

/**
 * The month whose report is due at `now` unless it is stored: the month just ended, from 07:00 on the
 * 1st in the council's time zone until the month ends (so a missed tick is caught up). Nothing is due
 * in the month a council was registered after its 1st, 07:00.
 */
export function reportMonthDue(council: Scheduled, now: Date): string | undefined {
  const { timezone } = digestScheduleOf(council);
  const slot = `${localDateTime(now, timezone).date.slice(0, 7)}-01T${REPORT_TIME}`;
  if (!reached(now, timezone, slot) || reached(new Date(council.registeredAt), timezone, slot)) return undefined;
  return previousMonth(now, timezone);
}

/** Whether the wall clock in `timeZone` at `instant` reads `slot` (`YYYY-MM-DDTHH:MM`) or later. */
function reached(instant: Date, timeZone: string, slot: string): boolean {
  const local = localDateTime(instant, timeZone);
  return `${local.date}T${local.time}` >= slot;
}
