import { describe, expect, it } from 'vitest';
import { addDays, isoWeekOf, localDate, parseIsoWeek, previousIsoWeek } from '../../shared/domain/iso-week';

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
