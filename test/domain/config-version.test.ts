import { describe, expect, it } from 'vitest';
import { configChanges } from '../../shared/domain/config-version';
import { closestName, editDistance } from '../../shared/domain/field-names';
import { parseCouncilConfig } from '../../shared/domain/config';
import { testConfig } from '../support/fixtures';

describe('what a configuration change changed', () => {
  it('names each changed path, lists of names as a whole and lists of objects item by item', () => {
    // Prepare
    const before = testConfig({ elections: [{ pollingDay: '2027-05-06', preElectionStart: '2027-03-29' }] });
    const after = testConfig({
      council: { ...before.council, aliases: [...before.council.aliases, 'HTC'] },
      elections: [{ pollingDay: '2027-05-13', preElectionStart: '2027-03-29' }, { pollingDay: '2028-05-04', preElectionStart: '2028-03-27' }],
      removalNotice: undefined,
      rules: { 'risky-link': { enabled: false } },
    });

    // Act
    const changes = configChanges(before, after);

    // Assess
    expect(changes).toEqual(expect.arrayContaining([
      { path: 'council.aliases', change: 'changed' },
      { path: 'elections[0].pollingDay', change: 'changed' },
      { path: 'elections[1]', change: 'added' },
      { path: 'rules.risky-link', change: 'added' },
    ]));
    expect(changes.map((c) => c.path)).not.toContain('elections[0].preElectionStart');
  });

  it('finds nothing between a configuration and itself with its keys in another order, or another approvedAccounts', () => {
    const config = testConfig();
    const reordered = parseCouncilConfig(Object.fromEntries(Object.entries(structuredClone(config)).reverse()));
    expect(configChanges(config, { ...reordered, approvedAccounts: [] })).toEqual([]);
  });
});

describe('did you mean', () => {
  it.each([
    ['handels', ['name', 'handles'], 'handles'],
    ['timeZone', ['timezone', 'council'], 'timezone'],
    ['aproved', ['approvedBy', 'approvedOn'], undefined],
    ['colour', ['council', 'councillors', 'rules'], undefined],
    ['personal-date', ['personal-data', 'political-content'], 'personal-data'],
  ])('suggests for %s among %j: %s', (unknown, known, suggestion) => {
    expect(closestName(unknown, known)).toBe(suggestion);
  });

  it('counts two letters swapped as one edit', () => {
    expect(editDistance('handels', 'handles')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
