import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLANK_COUNCILLOR_ROWS,
  fieldId,
  fieldLabel,
  inFormOrder,
  MAX_ROWS,
  settingsFromModel,
  settingsModelFromForm,
  settingsModelOf,
  type SettingsModel,
} from '../../shared/configuration/settings-form';
import { parseCouncilConfig, type CouncilConfig } from '../../shared/domain/config';
import { RULE_IDS } from '../../shared/domain/finding';
import { SEVERITIES } from '../../shared/domain/config';

const COUNCIL = { name: 'Harbourne Town Council', digestTo: ['clerk@harbourne-tc.example', 'deputy@harbourne-tc.example'] };

const CONFIG: CouncilConfig = parseCouncilConfig({
  council: { name: 'Harbourne Town Council', aliases: ['Harbourne TC', 'HTC'], domains: ['harbourne-tc.example'], wards: ['Quayside', 'Old Town'] },
  timezone: 'Europe/London',
  publishedContacts: ['01632 960001', 'clerk@harbourne-tc.example'],
  councillors: [
    { name: 'Alice Moreton', handles: ['@cllralicemoreton@mastodon.social'], ward: 'Quayside' },
    { name: 'Owen Pascoe', handles: [] },
  ],
  elections: [{ pollingDay: '2027-05-06', preElectionStart: '2027-03-29' }],
  attributionExempt: ['Harbourne Town Council'],
  removalNotice: 'We removed a comment that broke our policy.',
  rules: { 'hostile-engagement': { enabled: false }, 'risky-link': { enabled: true, severity: 'low' } },
  retention: { postsDays: 60 },
});

/** The form a browser would send for a model: every field by its name, checkboxes only when ticked. */
function formOf(model: SettingsModel): URLSearchParams {
  const form = new URLSearchParams();
  form.set('council.name', model.name);
  form.set('council.aliases', model.aliases);
  form.set('council.domains', model.domains);
  form.set('council.wards', model.wards);
  form.set('publishedContacts', model.publishedContacts);
  model.councillors.forEach((row, i) => {
    form.set(`councillors[${i}].name`, row.name);
    form.set(`councillors[${i}].ward`, row.ward);
    form.set(`councillors[${i}].handles`, row.handles);
  });
  model.elections.forEach((row, i) => {
    for (const part of ['pollingDay', 'preElectionStart'] as const) {
      for (const unit of ['day', 'month', 'year'] as const) form.set(`elections[${i}].${part}.${unit}`, row[part][unit]);
    }
    form.set(`elections[${i}].wards`, row.wards);
  });
  form.set('attributionExempt', model.attributionExempt);
  form.set('removalNotice', model.removalNotice);
  for (const rule of model.rules) {
    if (rule.enabled) form.set(`rules.${rule.id}.enabled`, 'true');
    form.set(`rules.${rule.id}.severity`, rule.severity);
    if (rule.wordingModel !== undefined) form.set(`rules.${rule.id}.wordingModelOffered`, 'true');
    if (rule.wordingModel) form.set(`rules.${rule.id}.wordingModel`, 'true');
  }
  form.set('digestTo', model.digestTo);
  return form;
}

describe('settings form', () => {
  it('gives back the same configuration when saved unchanged, keeping what the form does not show', () => {
    // Prepare: the form filled in from the configuration, as sent back (with its blank rows).
    const model = settingsModelOf(CONFIG, COUNCIL);
    expect(model.councillors).toHaveLength(2 + BLANK_COUNCILLOR_ROWS);
    expect(model.elections[0]!.pollingDay).toEqual({ day: '6', month: '5', year: '2027' });

    // Act
    const input = settingsFromModel(settingsModelFromForm(formOf(model)), CONFIG);

    // Assess
    expect(input.issues).toEqual([]);
    expect(parseCouncilConfig(input.config)).toEqual({ ...CONFIG, approvedAccounts: [] });
    expect(input.digestTo).toEqual(COUNCIL.digestTo);
  });

  it('never drops a setting the form does not show: candidates, report recipients, a rule’s own options, a by-election’s wards', () => {
    // Prepare: a by-election of one ward, a candidate, report recipients and an option of a rule.
    const config = parseCouncilConfig({
      ...CONFIG,
      candidates: [{ name: 'Lena Marsh', ward: 'Quayside', party: 'Green Party' }],
      reportRecipients: ['chair@harbourne-tc.example'],
      elections: [{ pollingDay: '2027-02-25', preElectionStart: '2027-01-18', wards: ['Quayside'] }],
      rules: { ...CONFIG.rules, 'copyright-attribution': { exempt: ['Harbourne Camera Club'] } },
    });
    const model = settingsModelOf(config, COUNCIL);
    expect(model.elections[0]!.wards).toBe('Quayside');
    expect(model.wards).toBe('Quayside\nOld Town');

    // Act: an admin changes only the aliases.
    const form = formOf(model);
    form.set('council.aliases', 'Harbourne TC');
    const input = settingsFromModel(settingsModelFromForm(form), config);

    // Assess
    expect(input.issues).toEqual([]);
    const saved = parseCouncilConfig(input.config);
    expect(saved.council.aliases).toEqual(['Harbourne TC']);
    expect(saved).toEqual({ ...config, council: { ...config.council, aliases: ['Harbourne TC'] }, approvedAccounts: [] });
  });

  it('refuses a councillor’s ward that is not one of the council’s wards, naming the field', () => {
    const model = settingsModelOf(CONFIG, COUNCIL);
    model.councillors[0]!.ward = 'Harbor';
    const input = settingsFromModel(model, CONFIG);

    expect(() => parseCouncilConfig(input.config)).toThrow(/councillors\[0\]\.ward = "Harbor": unknown ward/);
  });

  it('reads lists one per line (and handles by commas), dropping blank lines and rows', () => {
    const form = formOf(settingsModelOf(CONFIG, COUNCIL));
    form.set('council.aliases', '  Harbourne TC \r\n\r\n\nHTC\n   ');
    form.set('councillors[3].name', 'Raj Bhatt');
    form.set('councillors[3].handles', '@rajbhatt.bsky.social, ,\n@raj@mastodon.social');
    form.set('digestTo', 'clerk@harbourne-tc.example,\n deputy@harbourne-tc.example ,');

    const input = settingsFromModel(settingsModelFromForm(form), CONFIG);

    expect(input.issues).toEqual([]);
    expect(input.config.council).toMatchObject({ aliases: ['Harbourne TC', 'HTC'] });
    expect(input.config.councillors).toEqual([
      { name: 'Alice Moreton', handles: ['@cllralicemoreton@mastodon.social'], ward: 'Quayside' },
      { name: 'Owen Pascoe', handles: [] },
      { name: 'Raj Bhatt', handles: ['@rajbhatt.bsky.social', '@raj@mastodon.social'] },
    ]);
    expect(input.digestTo).toEqual(COUNCIL.digestTo);
  });

  it('writes a rule only when it differs from its defaults or was set before', () => {
    const form = formOf(settingsModelOf(CONFIG, COUNCIL));
    form.delete('rules.personal-data.enabled');
    form.set('rules.offensive-language.severity', 'high');
    form.set('rules.risky-link.severity', '');

    const { config } = settingsFromModel(settingsModelFromForm(form), CONFIG);

    expect(config.rules).toEqual({
      'personal-data': { enabled: false },
      'offensive-language': { enabled: true, severity: 'high' },
      'risky-link': { enabled: true },
      'hostile-engagement': { enabled: false },
    });
  });

  it('turns the wording model off for a rule when its box is unticked, on again when ticked, and keeps it when the form has no box', () => {
    const form = formOf(settingsModelOf(CONFIG, COUNCIL));
    expect(settingsModelOf(CONFIG, COUNCIL).rules.find((r) => r.id === 'risky-link')?.wordingModel).toBeUndefined();
    form.delete('rules.offensive-language.wordingModel');
    form.delete('rules.hostile-engagement.wordingModel');
    const saved = (form: URLSearchParams, current: CouncilConfig) => parseCouncilConfig(settingsFromModel(settingsModelFromForm(form), current).config);
    const off = saved(form, CONFIG);
    expect(off.rules['offensive-language']).toEqual({ enabled: true, wordingModel: false });
    // Its own settings are kept beside it
    expect(off.rules['hostile-engagement']).toEqual({ enabled: false, wordingModel: false });
    expect(off.rules['personal-data']).toBeUndefined();

    const on = saved(formOf(settingsModelOf(off, COUNCIL)), off);
    expect(on.rules['offensive-language']).toEqual({ enabled: true, wordingModel: false });
    const ticked = formOf(settingsModelOf(off, COUNCIL));
    ticked.set('rules.offensive-language.wordingModel', 'true');
    expect(saved(ticked, off).rules['offensive-language']).toEqual({ enabled: true });

    // A form sent without the box (an older page, a script) leaves the setting as it was
    const without = formOf(settingsModelOf(off, COUNCIL));
    for (const key of [...without.keys()]) if (key.includes('wordingModel')) without.delete(key);
    expect(saved(without, off).rules['offensive-language']).toEqual({ enabled: true, wordingModel: false });
  });

  it('keeps 50 councillors in order, and renumbers rows sent with gaps', () => {
    const form = formOf(settingsModelOf(undefined, COUNCIL));
    for (let i = 0; i < 50; i += 1) {
      form.set(`councillors[${i * 2 + 10}].name`, `Councillor ${i + 1}`);
      form.set(`councillors[${i * 2 + 10}].ward`, `Ward ${(i % 7) + 1}`);
      form.set(`councillors[${i * 2 + 10}].handles`, `@cllr${i + 1}@mastodon.social`);
    }

    const model = settingsModelFromForm(form);
    const input = settingsFromModel(model, undefined);

    expect(model.councillors).toHaveLength(BLANK_COUNCILLOR_ROWS + 50);
    expect(input.issues).toEqual([]);
    const councillors = input.config.councillors as { name: string }[];
    expect(councillors).toHaveLength(50);
    expect(councillors.map((c) => c.name)).toEqual(Array.from({ length: 50 }, (_, i) => `Councillor ${i + 1}`));
    // An error the schema finds in the 50th councillor is shown against the row the form sent it in.
    expect(input.formFieldOf('councillors[49].handles[0]')).toBe(`councillors[${BLANK_COUNCILLOR_ROWS + 49}].handles`);
  });

  it('keeps hostile strings as text, and refuses control characters and over-long text naming the field and value', () => {
    const form = formOf(settingsModelOf(CONFIG, COUNCIL));
    form.set('council.aliases', '<script>alert(1)</script>\n"; DROP TABLE councils; --\n{{ 7*7 }}');
    form.set('councillors[0].name', 'Alice \u202emoreton');
    form.set('removalNotice', 'x'.repeat(2001));

    const input = settingsFromModel(settingsModelFromForm(form), CONFIG);

    expect((input.config.council as { aliases: string[] }).aliases).toEqual(['<script>alert(1)</script>', '"; DROP TABLE councils; --', '{{ 7*7 }}']);
    expect(input.issues).toEqual([
      { field: 'councillors[0].name', value: '"Alice \\u202emoreton"', message: 'holds the control character U+202E at position 7: write plain text' },
      { field: 'removalNotice', value: expect.stringMatching(/^"x+\.\.\.$/), message: 'is 2001 characters long: at most 2000' },
    ]);
  });

  it('refuses a date that is not a real one, naming the field and what was typed', () => {
    const form = formOf(settingsModelOf(CONFIG, COUNCIL));
    form.set('elections[0].pollingDay.day', '31');
    form.set('elections[0].pollingDay.month', '2');
    form.set('elections[1].preElectionStart.day', 'soon');

    const input = settingsFromModel(settingsModelFromForm(form), CONFIG);

    expect(input.issues).toEqual([
      { field: 'elections[0].pollingDay', value: '"31/2/2027"', message: expect.stringContaining('must be a real date') },
      { field: 'elections[1].preElectionStart', value: '"soon//"', message: expect.stringContaining('must be a real date') },
    ]);
    expect(fieldId('elections[0].pollingDay')).toBe('elections-0-pollingDay-day');
    expect(fieldLabel('elections[1].preElectionStart')).toBe('Election 2: pre-election period starts');
  });

  it('refuses more rows than any council has', () => {
    const form = new URLSearchParams();
    for (let i = 0; i <= MAX_ROWS + 5; i += 1) form.set(`councillors[${i}].name`, `C ${i}`);
    const input = settingsFromModel(settingsModelFromForm(form), undefined);
    expect(input.issues[0]).toEqual({ field: 'councillors', message: `has more than ${MAX_ROWS} rows` });
  });

  it('orders issues as their fields appear on the form', () => {
    const fields = ['digestTo', 'rules.risky-link.severity', 'elections[0].pollingDay', 'councillors[1].name', 'councillors[0].handles', 'rules.personal-data.enabled', 'council.name', 'removalNotice'];
    expect(inFormOrder(fields.map((field) => ({ field }))).map((i) => i.field)).toEqual([
      'council.name',
      'councillors[0].handles',
      'councillors[1].name',
      'elections[0].pollingDay',
      'removalNotice',
      'rules.personal-data.enabled',
      'rules.risky-link.severity',
      'digestTo',
    ]);
  });

  it('labels every field the form has', () => {
    expect(fieldLabel('council.aliases')).toBe('Other names');
    expect(fieldLabel('councillors[2].handles')).toBe('Councillor 3: handles');
    for (const id of RULE_IDS) expect(fieldLabel(`rules.${id}.severity`)).toMatch(/: severity$/);
    expect(fieldId('rules.personal-data.severity')).toBe('rules-personal-data-severity');
  });

  it('gives back any configuration it shows, whatever its text (markup, quotes, templates, any script)', () => {
    // Text a person could type on one line: no control characters, no line breaks, not padded with space.
    const line = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      // eslint-disable-next-line no-control-regex -- control characters are what a typed line cannot hold
      .map((t) => t.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, '').trim())
      .filter((t) => t !== '');
    const handle = line.map((t) => t.replace(/,/g, ''))
      .filter((t) => t.trim() !== '')
      .map((t) => t.trim());
    const date = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const config = fc.record({
      council: fc.record({ name: line, aliases: fc.array(line, { maxLength: 4 }), domains: fc.array(line, { maxLength: 3 }), wards: fc.constant(['Quayside', 'Old Town <b>&amp;</b>']) }),
      publishedContacts: fc.array(line, { maxLength: 4 }),
      councillors: fc.array(fc.record({ name: line, handles: fc.array(handle, { maxLength: 3 }), ward: fc.option(fc.constantFrom('Quayside', 'Old Town <b>&amp;</b>'), { nil: undefined }) }, { requiredKeys: ['name', 'handles'] }), { maxLength: 8 }),
      elections: fc.array(fc.tuple(date, date).map(([a, b]) => (a <= b ? { pollingDay: b, preElectionStart: a } : { pollingDay: a, preElectionStart: b })), { maxLength: 3 }),
      attributionExempt: fc.array(line, { maxLength: 3 }),
      removalNotice: fc.option(line, { nil: undefined }),
      rules: fc.dictionary(fc.constantFrom(...RULE_IDS), fc.record({ enabled: fc.boolean(), severity: fc.option(fc.constantFrom(...SEVERITIES), { nil: undefined }) }, { requiredKeys: ['enabled'] })),
    });
    fc.assert(
      fc.property(config, (input) => {
        const parsed = parseCouncilConfig(JSON.parse(JSON.stringify(input)));
        const model = settingsModelOf(parsed, COUNCIL);
        const back = settingsFromModel(settingsModelFromForm(formOf(model)), parsed);
        expect(back.issues).toEqual([]);
        expect(parseCouncilConfig(back.config)).toEqual({ ...parsed, approvedAccounts: [] });
      }),
      { numRuns: 200 },
    );
  });
});
