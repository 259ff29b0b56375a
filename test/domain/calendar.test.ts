import { describe, expect, it } from 'vitest';
import { addDays, calendarMonth, daysBetween, describePreElectionPeriod, formatLocal, isCalendarDate, isoWeekOf, localDate, monthLabel, nextMonth, parseIsoWeek, periodLabel, previousIsoWeek, previousMonth, shortDate, weekLabel } from '../../shared/domain/calendar';

describe('ISO weeks in the council timezone', () => {
  it('runs Monday to Sunday', () => {
    const week = isoWeekOf('2026-11-18T12:00:00Z', 'Europe/London'); // a Wednesday
    expect(week).toMatchObject({ id: '2026-W47', monday: '2026-11-16', sunday: '2026-11-22' });
  });

  it('puts late Sunday evening in BST into the next week when it is already Monday in London', () => {
    // 23:30 UTC on Sunday 5 July 2026 is 00:30 BST on Monday 6 July.
    expect(isoWeekOf('2026-07-05T22:59:00Z', 'Europe/London').id).toBe('2026-W27');
    expect(isoWeekOf('2026-07-05T23:30:00Z', 'Europe/London').id).toBe('2026-W28');
  });

  it('judges by GMT in winter', () => {
    expect(isoWeekOf('2026-11-22T23:30:00Z', 'Europe/London').id).toBe('2026-W47'); // still Sunday in GMT
  });

  it('gives the 53rd week of a long year, across New Year', () => {
    expect(isoWeekOf('2026-12-31T12:00:00Z', 'Europe/London')).toMatchObject({ id: '2026-W53', monday: '2026-12-28', sunday: '2027-01-03' });
    expect(isoWeekOf('2027-01-03T12:00:00Z', 'Europe/London').id).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04T12:00:00Z', 'Europe/London').id).toBe('2027-W01');
  });

  it('puts 1 January into the last week of the year before when it falls late in the week', () => {
    expect(isoWeekOf('2028-01-01T12:00:00Z', 'Europe/London').id).toBe('2027-W52'); // a Saturday
  });

  it('counts the week before, for a Monday digest', () => {
    expect(previousIsoWeek('2027-01-04T08:00:00Z', 'Europe/London').id).toBe('2026-W53');
    expect(previousIsoWeek('2026-11-23T08:00:00Z', 'Europe/London').id).toBe('2026-W47');
  });

  it('parses a week id back, and refuses one that does not exist', () => {
    expect(parseIsoWeek('2026-W53')).toMatchObject({ monday: '2026-12-28', sunday: '2027-01-03' });
    expect(parseIsoWeek('2026-W01').monday).toBe('2025-12-29');
    expect(() => parseIsoWeek('2027-W53')).toThrow('2027 has no week 53');
    expect(() => parseIsoWeek('last week')).toThrow('expected e.g. 2026-W05');
  });

  it('agrees with itself: every day of a parsed week maps back to it', () => {
    const week = parseIsoWeek('2027-W13'); // the week the clocks go forward
    for (let d = 0; d < 7; d++) expect(isoWeekOf(`${addDays(week.monday, d)}T12:00:00Z`, 'Europe/London').id).toBe('2027-W13');
  });
});

describe('calendar months and periods', () => {
  it('runs a month from its first to its last day, February of a leap year included', () => {
    expect(calendarMonth('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(calendarMonth('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(() => calendarMonth('2026-13')).toThrow('not a month: "2026-13"');
  });

  it('steps months across the new year both ways, judging "last month" by the council\'s date', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(previousMonth(new Date('2027-01-01T06:00:00Z'), 'Europe/London')).toBe('2026-12');
    // 23:15 UTC on 30 September is 00:15 BST on 1 October: last month is September.
    expect(previousMonth(new Date('2026-09-30T23:15:00Z'), 'Europe/London')).toBe('2026-09');
  });

  it('counts days between dates and knows a real date from an impossible one', () => {
    expect(daysBetween('2026-12-01', '2026-12-31')).toBe(30);
    expect(daysBetween('2027-03-28', '2027-03-29')).toBe(1); // the clocks change; the date still moves by one
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('01/03/2027')).toBe(false);
  });
});

describe('dates as people read them', () => {
  it('names months, periods and weeks in English, leaving out a repeated year', () => {
    expect(monthLabel('2026-10')).toBe('October 2026');
    expect(monthLabel('latest')).toBe('latest');
    expect(periodLabel({ from: '2027-01-01', to: '2027-03-31' })).toBe('1 January – 31 March 2027');
    expect(periodLabel({ from: '2026-12-28', to: '2027-01-03' })).toBe('28 December 2026 – 3 January 2027');
    expect(weekLabel(parseIsoWeek('2026-W53'))).toBe('Mon 28 Dec 2026 – Sun 3 Jan 2027');
    expect(shortDate('2027-02-01')).toBe('1 Feb');
  });

  it('describes a pre-election period with its time zone', () => {
    expect(describePreElectionPeriod({ preElectionStart: '2027-03-29', pollingDay: '2027-05-06' }, 'Europe/London')).toBe('29 March – 6 May 2027 (Europe/London)');
  });

  it('gives the same local date and time, in winter and in summer, from one formatter per zone', () => {
    expect(localDate(new Date('2026-07-05T23:30:00Z'), 'Europe/London')).toBe('2026-07-06');
    expect(localDate(new Date('2026-07-05T23:30:00Z'), 'UTC')).toBe('2026-07-05');
    expect(formatLocal('2027-07-01T23:30:00Z', 'Europe/London')).toBe('Fri 2 Jul 2027, 00:30');
    expect(formatLocal('2027-07-01T23:30:00Z', 'America/New_York')).toBe('Thu 1 Jul 2027, 19:30');
  });
});

describe('localDate, on many instants', () => {
  it('makes one date formatter per time zone, not one per date', () => {
    // Prepare: a zone no other test uses, and a formatter that counts how often it is made
    const Original = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        made += 1;
      }
    } as typeof Original;
    try {
      // Act
      const days = new Set<string>();
      for (let i = 0; i < 1_000; i++) days.add(localDate(new Date(Date.UTC(2026, 0, 1) + i * 3_600_000), 'Pacific/Chatham'));
      // Assess: the dates are right, from a single formatter
      expect(days.size).toBe(43);
      expect(localDate(new Date('2026-01-01T10:00:00Z'), 'Pacific/Chatham')).toBe('2026-01-01');
      expect(localDate(new Date('2026-01-01T11:00:00Z'), 'Pacific/Chatham')).toBe('2026-01-02');
      expect(made).toBe(1);
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
});
