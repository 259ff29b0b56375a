import { describe, expect, it } from 'vitest';
import { CouncilValidationError, councilIdFromName, digestScheduleOf, parseCouncil, parseCouncilId } from '../../shared/domain/council';

function refusal(attempt: () => unknown): CouncilValidationError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof CouncilValidationError) return error;
    throw error;
  }
  throw new Error('expected the input to be refused');
}

describe('a council id', () => {
  it.each(['harbourne-tc', 'stow-on-the-wold', 'abc', 'little-ashby-pc-2', 'a'.repeat(40)])('accepts %s', (id) => {
    expect(parseCouncilId(id)).toBe(id);
  });

  it.each([
    ['Harbourne-TC', 'capitals'],
    ['harbourne tc', 'a space'],
    ['ab', 'too short'],
    ['a'.repeat(41), 'too long'],
    ['-harbourne', 'a leading hyphen'],
    ['harbourne-', 'a trailing hyphen'],
    ['harbourne#tc', 'the key separator'],
    ['harbourne_tc', 'an underscore'],
  ])('refuses %j (%s), naming the field and the value', (id) => {
    const error = refusal(() => parseCouncilId(id));
    expect(error.message).toBe(`invalid council id: council = ${JSON.stringify(id)}: expected a council id such as harbourne-tc: 3 to 40 lower-case letters, digits and hyphens, not starting or ending with a hyphen`);
  });

  it('names the field it was given as', () => {
    expect(refusal(() => parseCouncilId('Harbourne', '--council')).issues[0]).toMatchObject({ field: '--council', value: '"Harbourne"' });
  });

  it('says a missing id is missing', () => {
    expect(refusal(() => parseCouncilId(undefined)).message).toContain('council: is missing');
  });
});

describe('a council registration', () => {
  const harbourne = { id: 'harbourne-tc', name: 'Harbourne Town Council', digestTo: ['clerk@harbourne-tc.example'], registeredAt: '2026-11-01T09:00:00Z' };

  it('is accepted with an id, a name, at least one recipient and when it was registered', () => {
    expect(parseCouncil(harbourne)).toEqual(harbourne);
  });

  it('names every field that is wrong, with its value', () => {
    const error = refusal(() => parseCouncil({ ...harbourne, id: 'Harbourne TC', name: ' ', digestTo: ['clerk@harbourne-tc.example', 'the clerk'] }));
    expect(error.issues.map((i) => [i.field, i.value])).toEqual([
      ['id', '"Harbourne TC"'],
      ['name', '" "'],
      ['digestTo[1]', '"the clerk"'],
    ]);
    expect(error.message).toContain('digestTo[1] = "the clerk": expected an email address');
  });

  it('refuses a council with nobody to send its digest to', () => {
    expect(refusal(() => parseCouncil({ ...harbourne, digestTo: [] })).message).toContain('digestTo = []: must name at least one address');
  });
});

describe('an id made from a council name (npm start --config without --council)', () => {
  it.each([
    ['Little Stowbury Parish Council', 'little-stowbury-parish-council'],
    ["St. Mary's & All Saints' Parish Council", 'st-mary-s-all-saints-parish-council'],
    ['Llanfair Pwllgwyngyll Community Council (Ynys Môn)', 'llanfair-pwllgwyngyll-community-council'],
    ['  Pétworth Town Council  ', 'petworth-town-council'],
  ])('%s → %s', (name, id) => {
    expect(councilIdFromName(name)).toBe(id);
  });

  it('refuses a name that leaves too little for an id, naming --council', () => {
    expect(() => councilIdFromName('!!')).toThrow(/--council = ""/);
  });
});

describe("a council's digest schedule", () => {
  const harbourne = { id: 'harbourne-tc', name: 'Harbourne Town Council', digestTo: ['clerk@harbourne-tc.example'], registeredAt: '2026-11-01T09:00:00Z' };

  it('is Monday 08:00 in Europe/London for a registration that names none (one stored before schedules existed)', () => {
    const council = parseCouncil(harbourne);
    expect(digestScheduleOf(council)).toEqual({ day: 'monday', time: '08:00', timezone: 'Europe/London' });
  });

  it('keeps the day, time and time zone a registration names, the zone in its canonical spelling', () => {
    const council = parseCouncil({ ...harbourne, digestDay: 'friday', digestTime: '16:30', timezone: 'pacific/auckland' });
    expect(digestScheduleOf(council)).toEqual({ day: 'friday', time: '16:30', timezone: 'Pacific/Auckland' });
  });

  it.each([
    ['digestDay', 'funday', 'expected a day of the week: monday, tuesday'],
    ['digestTime', '8am', 'expected a time of day such as 08:00 (24-hour clock)'],
    ['digestTime', '24:00', 'expected a time of day such as 08:00'],
    ['timezone', 'Mars/Olympus_Mons', 'expected an IANA time zone such as Europe/London'],
    ['timezone', '+01:00', 'expected an IANA time zone such as Europe/London'],
  ])('refuses %s = %j, naming the field and the value', (field, value, message) => {
    const error = refusal(() => parseCouncil({ ...harbourne, [field]: value }));
    expect(error.message).toContain(`${field} = ${JSON.stringify(value)}: ${message}`);
  });
});
