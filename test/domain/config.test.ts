import { describe, expect, it } from 'vitest';
import { parseCouncilConfig } from '../../shared/domain/config';
import { ConfigValidationError, PostValidationError } from '../../shared/domain/errors';
import { parsePost } from '../../shared/domain/post';
import { compileContext } from '../../shared/detectors/context';
import { COUNCIL_INPUT, makePost, testConfig } from '../support/fixtures';

function configError(input: unknown): ConfigValidationError {
  try {
    parseCouncilConfig(input);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('council configuration', () => {
  it('accepts the rulebook shape and fills the optional parts', () => {
    const config = parseCouncilConfig({ council: { name: 'Little Ashby Parish Council' } });
    expect(config.timezone).toBe('Europe/London');
    expect(config.approvedAccounts).toEqual([]);
    expect(config.council.aliases).toEqual([]);
  });

  it('names the field and the value of a bad date', () => {
    const error = configError({ ...COUNCIL_INPUT, approvedAccounts: [{ platform: 'mastodon', handle: '@a@b.social', approvedBy: 'Clerk', approvedOn: '01/04/2025' }] });
    expect(error.issues).toEqual([{ field: 'approvedAccounts[0].approvedOn', value: '"01/04/2025"', message: 'expected a date as YYYY-MM-DD' }]);
  });

  it('lists the report recipients, none unless told, and names a bad or repeated address and its place', () => {
    expect(parseCouncilConfig(COUNCIL_INPUT).reportRecipients).toEqual([]);
    expect(parseCouncilConfig({ ...COUNCIL_INPUT, reportRecipients: ['chair@harbourne-tc.example'] }).reportRecipients).toEqual(['chair@harbourne-tc.example']);

    const bad = configError({ ...COUNCIL_INPUT, reportRecipients: ['chair@harbourne-tc.example', 'Cllr Moreton'] });
    const repeated = configError({ ...COUNCIL_INPUT, reportRecipients: ['chair@harbourne-tc.example', 'Chair@harbourne-tc.example'] });
    const notAList = configError({ ...COUNCIL_INPUT, reportRecipients: 'chair@harbourne-tc.example' });

    expect(bad.issues).toEqual([{ field: 'reportRecipients[1]', value: '"Cllr Moreton"', message: 'expected an email address such as councillor@harbourne-tc.example' }]);
    expect(repeated.issues).toEqual([{ field: 'reportRecipients[1]', value: '"Chair@harbourne-tc.example"', message: 'is listed more than once' }]);
    expect(notAList.issues[0]).toMatchObject({ field: 'reportRecipients', value: '"chair@harbourne-tc.example"' });
    expect(bad.message).toContain('reportRecipients[1]');
  });

  it('refuses an unknown timezone', () => {
    expect(configError({ ...COUNCIL_INPUT, timezone: 'GMT+1ish' }).message).toContain('timezone = "GMT+1ish"');
  });

  it('refuses a pre-election period that starts after polling day', () => {
    const error = configError({ ...COUNCIL_INPUT, elections: [{ pollingDay: '2027-05-06', preElectionStart: '2027-05-07' }] });
    expect(error.issues[0]?.field).toBe('elections[0].preElectionStart');
  });

  it('accepts wards named by councillors, candidates and a by-election, in any case', () => {
    const config = parseCouncilConfig({
      ...COUNCIL_INPUT,
      council: { name: 'Harbourne Town Council', wards: ['Quay', 'Harbour'] },
      councillors: [{ name: 'Alice Moreton', ward: 'Harbour' }],
      candidates: [{ name: 'Lena Marsh', ward: 'quay ward', party: 'Independent' }],
      elections: [{ pollingDay: '2027-11-04', preElectionStart: '2027-10-11', wards: ['Quay'] }],
    });
    expect(config.elections[0]?.wards).toEqual(['Quay']);
    expect(config.candidates[0]?.ward).toBe('quay ward');
  });

  it('refuses a ward that is not one of the council’s, naming the field and the value', () => {
    const error = configError({
      ...COUNCIL_INPUT,
      council: { name: 'Harbourne Town Council', wards: ['Quay', 'Harbour'] },
      councillors: [{ name: 'Alice Moreton', ward: 'Harbor' }],
      elections: [{ pollingDay: '2027-11-04', preElectionStart: '2027-10-11', wards: ['Quay', 'Marsh'] }],
    });
    expect(error.issues).toEqual([
      { field: 'councillors[0].ward', value: '"Harbor"', message: 'unknown ward; expected one of council.wards (Quay, Harbour)' },
      { field: 'elections[0].wards[1]', value: '"Marsh"', message: 'unknown ward; expected one of council.wards (Quay, Harbour)' },
    ]);
  });

  it('refuses a ward when the council lists none, saying where to list them', () => {
    const error = configError({ ...COUNCIL_INPUT, candidates: [{ name: 'Lena Marsh', ward: 'Quay' }] });
    expect(error.issues).toEqual([{ field: 'candidates[0].ward', value: '"Quay"', message: "unknown ward; list the council's wards in council.wards first" }]);
  });

  it('refuses a by-election that names no ward', () => {
    const error = configError({ ...COUNCIL_INPUT, elections: [{ pollingDay: '2027-11-04', preElectionStart: '2027-10-11', wards: [] }] });
    expect(error.issues[0]?.field).toBe('elections[0].wards');
  });

  it('says a missing council name is missing', () => {
    expect(configError({ council: {} }).message).toContain('council.name: is missing');
  });

  it('refuses a configuration that is not an object', () => {
    expect(configError(['not', 'a', 'config']).issues[0]?.message).toMatch(/expected object/);
  });
});

describe('compiled context', () => {
  const context = compileContext(testConfig());

  it('sorts published contacts into phones, emails and postcodes', () => {
    expect([...context.publishedPhones]).toEqual(['01632960001']);
    expect([...context.publishedEmails]).toEqual(['clerk@harbourne-tc.example']);
    expect([...context.publishedPostcodes]).toEqual(['HB47QT']);
    expect(context.ownDomains.has('harbourne-tc.example')).toBe(true);
  });

  it('derives the forms a council name takes in handles', () => {
    expect(context.councilNames).toEqual(expect.arrayContaining(['harbournetowncouncil', 'harbournetc', 'htc', 'harbournecouncil']));
  });

  it('judges the pre-election period by dates in the council timezone, inclusive of both days', () => {
    // preElectionStart 2027-03-29 is a Monday in BST (the clocks change on 28 March 2027).
    expect(context.preElectionPeriod('2027-03-28T22:59:00Z')).toBeUndefined(); // 23:59 BST on the 28th
    expect(context.preElectionPeriod('2027-03-28T23:00:00Z')).toBeDefined(); // 00:00 BST on the 29th
    expect(context.preElectionPeriod('2027-05-06T22:59:00Z')).toBeDefined(); // 23:59 BST on polling day
    expect(context.preElectionPeriod('2027-05-06T23:00:00Z')).toBeUndefined(); // the day after
  });

  it('judges a period that starts in GMT and ends in BST', () => {
    const gmt = compileContext(testConfig({ elections: [{ preElectionStart: '2027-03-15', pollingDay: '2027-04-01' }] }));
    expect(gmt.preElectionPeriod('2027-03-14T23:59:00Z')).toBeUndefined(); // GMT: still the 14th
    expect(gmt.preElectionPeriod('2027-03-15T00:00:00Z')).toBeDefined();
    expect(gmt.preElectionPeriod('2027-04-01T22:30:00Z')).toBeDefined(); // 23:30 BST on the 1st
    expect(gmt.preElectionPeriod('2027-04-01T23:30:00Z')).toBeUndefined(); // 00:30 BST on the 2nd
  });
});

describe('canonical post', () => {
  it('accepts a post with only the required fields', () => {
    const { url: _u, accountName: _n, ...minimal } = makePost({ text: 'hello' });
    expect(parsePost(minimal).text).toBe('hello');
  });

  it('names every bad field of a post', () => {
    const post = { ...makePost(), platform: 'myspace', media: [{ type: 'hologram' }] };
    expect(() => parsePost(post)).toThrow(PostValidationError);
    expect(() => parsePost(post)).toThrow(/platform = "myspace"[\s\S]*media\[0\]\.type = "hologram"/);
  });
});
