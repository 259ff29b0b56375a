import { describe, expect, it } from 'vitest';
import type { Council } from '../../shared/domain/council';
import { digestWeekDue, reportMonthDue } from '../../shared/scheduling/due-work';

// Registered long before any instant below, so that only the schedule decides.
const REGISTERED = '2025-06-01T00:00:00Z';
const london: Pick<Council, 'registeredAt' | 'digestDay' | 'digestTime' | 'timezone'> = { registeredAt: REGISTERED };
const newYork = { registeredAt: REGISTERED, digestDay: 'monday', digestTime: '08:00', timezone: 'America/New_York' } as const;
const auckland = { registeredAt: REGISTERED, digestDay: 'friday', digestTime: '16:30', timezone: 'Pacific/Auckland' } as const;
const at = (instant: string) => new Date(instant);

describe('the week whose digest is due', () => {
  describe('for a council on the default schedule (Monday 08:00, Europe/London)', () => {
    it.each([
      ['in winter (GMT), at 08:00 UTC on the Monday', '2026-11-23T08:00:00Z', '2026-W47'],
      ['in summer (BST), at 07:00 UTC on the Monday', '2026-06-15T07:00:00Z', '2026-W24'],
      ['on the Monday after the clocks went forward', '2026-03-30T07:00:00Z', '2026-W13'],
      ['on the Monday after the clocks went back', '2026-10-26T08:00:00Z', '2026-W43'],
    ])('is last week %s', (_, instant, week) => {
      expect(digestWeekDue(london, at(instant))).toBe(week);
    });

    it.each([
      ['an hour before the slot in winter', '2026-11-23T07:00:00Z'],
      ['at 07:00 UTC in winter, which is 07:00 in London', '2026-11-23T07:59:59Z'],
      ['at 06:00 UTC in summer, which is 07:00 in London', '2026-06-15T06:00:00Z'],
      ['just after midnight on the Monday, London time', '2026-11-23T00:30:00Z'],
    ])('is none %s', (_, instant) => {
      expect(digestWeekDue(london, at(instant))).toBeUndefined();
    });

    it('is still the week before on the Sunday before (its own catch-up), not the week that is ending', () => {
      expect(digestWeekDue(london, at('2026-11-22T20:00:00Z'))).toBe('2026-W46');
    });

    it('stays due for the rest of the week, so a missed tick is caught up, and ends with the week', () => {
      expect(digestWeekDue(london, at('2026-11-24T14:00:00Z'))).toBe('2026-W47'); // Tuesday
      expect(digestWeekDue(london, at('2026-11-29T23:00:00Z'))).toBe('2026-W47'); // Sunday 23:00
      expect(digestWeekDue(london, at('2026-11-30T00:00:00Z'))).toBeUndefined(); // next Monday, before 08:00
      expect(digestWeekDue(london, at('2026-11-30T08:00:00Z'))).toBe('2026-W48');
    });

    it('reads an old registration without a schedule as Monday 08:00 in London', () => {
      const old = { registeredAt: REGISTERED } as Council;
      expect(digestWeekDue(old, at('2026-11-23T08:00:00Z'))).toBe('2026-W47');
      expect(digestWeekDue(old, at('2026-11-23T07:00:00Z'))).toBeUndefined();
    });
  });

  describe('for a council in New York (Monday 08:00 local)', () => {
    it('is none at 08:00 UTC, when London is due, and due at 13:00 UTC (08:00 EST)', () => {
      expect(digestWeekDue(newYork, at('2026-11-23T08:00:00Z'))).toBeUndefined();
      expect(digestWeekDue(newYork, at('2026-11-23T12:00:00Z'))).toBeUndefined();
      expect(digestWeekDue(newYork, at('2026-11-23T13:00:00Z'))).toBe('2026-W47');
    });

    it('is due at 12:00 UTC in summer (08:00 EDT)', () => {
      expect(digestWeekDue(newYork, at('2026-06-15T11:00:00Z'))).toBeUndefined();
      expect(digestWeekDue(newYork, at('2026-06-15T12:00:00Z'))).toBe('2026-W24');
    });

    it('judges the week by the date in New York: late on Sunday UTC-evening is still the old week there', () => {
      // 2026-11-30T03:00Z is Sunday 22:00 in New York: last week's slot has passed, this week's has not come
      expect(digestWeekDue(newYork, at('2026-11-30T03:00:00Z'))).toBe('2026-W47');
    });
  });

  describe('for a council in Auckland (Friday 16:30 local)', () => {
    it('is due from the first tick after 16:30 on Friday there, which is Friday 03:30 UTC in the southern summer (NZDT)', () => {
      expect(digestWeekDue(auckland, at('2026-11-27T03:00:00Z'))).toBeUndefined();
      expect(digestWeekDue(auckland, at('2026-11-27T04:00:00Z'))).toBe('2026-W47');
    });

    it('is due at 04:30 UTC in the southern winter (NZST)', () => {
      expect(digestWeekDue(auckland, at('2026-06-19T04:00:00Z'))).toBeUndefined();
      expect(digestWeekDue(auckland, at('2026-06-19T05:00:00Z'))).toBe('2026-W24');
    });

    it('is already the new week there while it is still Sunday in London', () => {
      // Sunday 2026-11-29 20:00 UTC is Monday 09:00 in Auckland: its Friday slot of the new week is days away
      expect(digestWeekDue(auckland, at('2026-11-29T20:00:00Z'))).toBeUndefined();
    });
  });

  describe('across the hour the clocks skip or repeat', () => {
    const earlySunday = { registeredAt: REGISTERED, digestDay: 'sunday', digestTime: '01:30', timezone: 'Europe/London' } as const;

    it('is due at the first tick after a slot inside the skipped hour', () => {
      // 29 March 2026: London goes from 01:00 GMT straight to 02:00 BST; 01:30 never happens
      expect(digestWeekDue(earlySunday, at('2026-03-29T00:00:00Z'))).toBeUndefined(); // 00:00 GMT
      expect(digestWeekDue(earlySunday, at('2026-03-29T01:00:00Z'))).toBe('2026-W12'); // 02:00 BST
    });

    it('is due once the wall clock reads the slot in a repeated hour, and again after the repeat (the claim stops a second send)', () => {
      // 25 October 2026: 01:00–02:00 happens twice in London, first BST (00:00Z–01:00Z) then GMT (01:00Z–02:00Z)
      expect(digestWeekDue(earlySunday, at('2026-10-25T00:00:00Z'))).toBeUndefined(); // 01:00 BST
      expect(digestWeekDue(earlySunday, at('2026-10-25T00:30:00Z'))).toBe('2026-W42'); // 01:30 BST
      expect(digestWeekDue(earlySunday, at('2026-10-25T01:00:00Z'))).toBeUndefined(); // 01:00 GMT: the clock went back
      expect(digestWeekDue(earlySunday, at('2026-10-25T02:00:00Z'))).toBe('2026-W42'); // 02:00 GMT: the next hourly tick
    });
  });

  describe('for a council registered during the week', () => {
    it('is none in the week it was registered after its slot, and due from its next slot', () => {
      const wednesday = { registeredAt: '2026-11-25T10:00:00Z' };
      expect(digestWeekDue(wednesday, at('2026-11-26T08:00:00Z'))).toBeUndefined();
      expect(digestWeekDue(wednesday, at('2026-11-30T08:00:00Z'))).toBe('2026-W48');
    });

    it('is due when it was registered before its slot the same day', () => {
      expect(digestWeekDue({ registeredAt: '2026-11-23T07:15:00Z' }, at('2026-11-23T08:00:00Z'))).toBe('2026-W47');
    });
  });
});

describe('the month whose report is due', () => {
  it('is the month just ended from 07:00 on the 1st in London, in winter (GMT) and summer (BST)', () => {
    expect(reportMonthDue(london, at('2026-12-01T06:00:00Z'))).toBeUndefined();
    expect(reportMonthDue(london, at('2026-12-01T07:00:00Z'))).toBe('2026-11');
    expect(reportMonthDue(london, at('2026-07-01T05:00:00Z'))).toBeUndefined();
    expect(reportMonthDue(london, at('2026-07-01T06:00:00Z'))).toBe('2026-06');
  });

  it('is December of the year before on 1 January', () => {
    expect(reportMonthDue(london, at('2027-01-01T07:00:00Z'))).toBe('2026-12');
  });

  it('stays due through the month, so a missed tick is caught up, and moves on when the next month begins', () => {
    expect(reportMonthDue(london, at('2026-12-02T09:00:00Z'))).toBe('2026-11');
    expect(reportMonthDue(london, at('2026-12-31T23:00:00Z'))).toBe('2026-11');
    expect(reportMonthDue(london, at('2027-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('is judged by the date and time in the council\'s own time zone', () => {
    // 1 December 07:00 in London is 02:00 on 1 December in New York, and 20:00 on 1 December in Auckland
    expect(reportMonthDue(newYork, at('2026-12-01T07:00:00Z'))).toBeUndefined();
    expect(reportMonthDue(newYork, at('2026-12-01T12:00:00Z'))).toBe('2026-11'); // 07:00 EST
    expect(reportMonthDue(auckland, at('2026-11-30T18:00:00Z'))).toBe('2026-11'); // 07:00 NZDT on 1 December
    expect(reportMonthDue(auckland, at('2026-11-30T17:00:00Z'))).toBeUndefined();
  });

  it('is none in the month a council was registered after its 1st, 07:00', () => {
    expect(reportMonthDue({ registeredAt: '2026-12-10T09:00:00Z' }, at('2026-12-15T09:00:00Z'))).toBeUndefined();
    expect(reportMonthDue({ registeredAt: '2026-12-10T09:00:00Z' }, at('2027-01-01T07:00:00Z'))).toBe('2026-12');
  });
});
