import { describe, expect, it } from 'vitest';
import { demoShiftDays, shiftElections } from '../../shared/local/local-cycle';

describe("the local twin's demo dates", () => {
  it('moves the newest post to today, by whole days', () => {
    const now = new Date('2026-12-07T15:00:00Z');

    const days = demoShiftDays(['2027-01-04T09:00:00Z', '2027-04-20T09:00:00Z', 'not a date'], now);

    expect(days).toBe(-134);
    expect(new Date(Date.parse('2027-04-20T09:00:00Z') + days * 86_400_000).toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });

  it('moves it to yesterday when its time of day has not come yet: never a post from the future', () => {
    const now = new Date('2026-12-07T08:00:00Z');

    const days = demoShiftDays(['2027-04-20T09:00:00Z'], now);

    expect(new Date(Date.parse('2027-04-20T09:00:00Z') + days * 86_400_000).toISOString()).toBe('2026-12-06T09:00:00.000Z');
  });

  it('moves the elections by the same days and leaves the rest of the configuration as it is', () => {
    const input = { council: { name: 'Little Stowbury Parish Council' }, elections: [{ pollingDay: '2027-02-25', preElectionStart: '2027-01-18' }] };

    const moved = shiftElections(input, -50) as typeof input;

    expect(moved.elections).toEqual([{ pollingDay: '2027-01-06', preElectionStart: '2026-11-29' }]);
    expect(moved.council).toBe(input.council);
    expect(input.elections[0]!.pollingDay).toBe('2027-02-25');
    expect(shiftElections({ council: {} }, -50)).toEqual({ council: {} });
  });
});
