import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCouncilSettings, saveCouncilSettings, SettingsValidationError } from '../../shared/configuration/council-settings';
import { pushCouncilConfig } from '../../shared/configuration/push-config';
import { settingsFromModel, settingsModelOf, type SettingsModel } from '../../shared/configuration/settings-form';
import { startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { AccessRefusedError } from '../../shared/review/authorise';
import { CouncilNotFoundError } from '../../shared/store/audit-store';
import { ADMIN, ASHBY_CLERK, CLERK, COUNCILLOR, HARBOURNE, OPERATOR, reviewStore } from '../review/review-store';

let dynamo: LocalDynamoDb;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.stop();
});

const CONFIG = {
  council: { name: 'Harbourne Town Council', aliases: ['Harbourne TC'], domains: ['harbourne-tc.example'] },
  councillors: [{ name: 'Alice Moreton', handles: ['@cllralicemoreton@mastodon.social'] }],
  elections: [{ pollingDay: '2027-05-06', preElectionStart: '2027-03-29' }],
};

async function configured(start?: string) {
  const setup = await reviewStore(dynamo, start);
  await pushCouncilConfig(setup.store, HARBOURNE.id, CONFIG, { by: 'setup', clock: setup.clock });
  return setup;
}

async function formFor(setup: Awaited<ReturnType<typeof configured>>, change: (model: SettingsModel) => void) {
  const { config, council } = await readCouncilSettings(setup, CLERK, HARBOURNE.id);
  const model = settingsModelOf(config, council);
  change(model);
  return settingsFromModel(model, config);
}

describe('council settings', () => {
  it('saves a change as the next configuration version, recorded as made by the person, and the digest recipients on the registration', async () => {
    // Prepare
    const setup = await configured();
    const input = await formFor(setup, (model) => {
      model.aliases = 'Harbourne TC\nHTC';
      model.wards = 'Quayside';
      model.councillors[0]!.ward = 'Quayside';
      model.digestTo = 'clerk@harbourne-tc.example\nchair@harbourne-tc.example';
    });

    // Act
    const saved = await saveCouncilSettings(setup, ADMIN, HARBOURNE.id, input);

    // Assess
    expect(saved.push).toMatchObject({ outcome: 'stored', version: 2 });
    expect(saved.push.changes.map((c) => c.path)).toEqual(['council.wards', 'council.aliases', 'councillors[0].ward']);
    const now = await readCouncilSettings(setup, CLERK, HARBOURNE.id);
    expect(now.version).toMatchObject({ version: 2, by: 'Sam Patel (sam.patel@harbourne-tc.example)' });
    expect(now.config!.council.aliases).toEqual(['Harbourne TC', 'HTC']);
    expect(now.council.digestTo).toEqual(['clerk@harbourne-tc.example', 'chair@harbourne-tc.example']);
    expect(saved.recipientsChanged).toBe(true);
  });

  it('stores nothing when nothing changed', async () => {
    const setup = await configured();
    const saved = await saveCouncilSettings(setup, CLERK, HARBOURNE.id, await formFor(setup, () => {}));
    expect(saved).toMatchObject({ push: { outcome: 'unchanged', version: 1 }, recipientsChanged: false });
  });

  it('refuses bad values, naming each form field and value, and changes nothing', async () => {
    // Prepare: an election that ends before it starts, a severity no rule has, a recipient that is no address.
    const setup = await configured();
    const input = await formFor(setup, (model) => {
      model.name = '   ';
      model.elections[0]!.preElectionStart = { day: '7', month: '5', year: '2027' };
      model.rules[0]!.severity = 'extreme';
      model.digestTo = 'clerk@harbourne-tc.example\nnot an address';
      model.councillors[0]!.name = 'Alice \u202eMoreton';
    });

    // Act
    const refused = await saveCouncilSettings(setup, CLERK, HARBOURNE.id, input).then(
      () => undefined,
      (error: unknown) => error,
    );

    // Assess
    expect(refused).toBeInstanceOf(SettingsValidationError);
    const issues = (refused as SettingsValidationError).issues;
    expect(issues.map((i) => i.field).sort()).toEqual(['council.name', 'councillors[0].name', 'digestTo', 'elections[0].preElectionStart', 'rules.personal-data.severity']);
    expect(issues.find((i) => i.field === 'rules.personal-data.severity')?.value).toBe('"extreme"');
    expect(issues.find((i) => i.field === 'digestTo')?.value).toBe('"not an address"');
    const after = await readCouncilSettings(setup, CLERK, HARBOURNE.id);
    expect(after.version?.version).toBe(1);
    expect(after.council.digestTo).toEqual(HARBOURNE.digestTo);
  });

  it('lets only the Town Clerk and admins read or save the settings', async () => {
    const setup = await configured();
    const input = await formFor(setup, (model) => {
      model.aliases = 'Harbourne Town';
    });
    await expect(saveCouncilSettings(setup, COUNCILLOR, HARBOURNE.id, input)).rejects.toThrow(AccessRefusedError);
    await expect(readCouncilSettings(setup, COUNCILLOR, HARBOURNE.id)).rejects.toThrow('a councillor may not edit settings in council harbourne-tc');
    await expect(saveCouncilSettings(setup, ASHBY_CLERK, HARBOURNE.id, input)).rejects.toThrow(CouncilNotFoundError);
    await expect(saveCouncilSettings(setup, OPERATOR, HARBOURNE.id, input)).rejects.toThrow(CouncilNotFoundError);
    expect((await readCouncilSettings(setup, CLERK, HARBOURNE.id)).version?.version).toBe(1);
  });

  it('fills the form from the registration for a council never configured, and saves its first version', async () => {
    const setup = await reviewStore(dynamo);
    const { config, council } = await readCouncilSettings(setup, CLERK, HARBOURNE.id);
    expect(config).toBeUndefined();
    const model = settingsModelOf(config, council);
    expect(model.name).toBe('Harbourne Town Council');
    const saved = await saveCouncilSettings(setup, CLERK, HARBOURNE.id, settingsFromModel(model, config));
    expect(saved.push).toMatchObject({ outcome: 'stored', version: 1 });
  });
});
