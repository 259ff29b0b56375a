import { describe, expect, it } from 'vitest';
import { COUNCIL_ACTIONS, type Action, type CouncilAction, type Principal, type Role } from '../../shared/domain/roles';
import { AccessRefusedError, authorise } from '../../shared/review/authorise';
import { CouncilNotFoundError, requireCouncil } from '../../shared/store/audit-store';
import { MemoryAuditStore } from '../support/memory-store';

const HARBOURNE = 'harbourne-tc';

const member = (role: Role): Principal => ({ userId: `${role}@harbourne-tc.example`, name: `Harbourne ${role}`, memberships: { [HARBOURNE]: role } });
const OPERATOR: Principal = { userId: 'ops@hosting.example', name: 'Operator', memberships: {}, operator: true };

/** The table of who does what, written out here rather than read from the code. */
const ALLOWED: Record<Role, Record<CouncilAction, boolean>> = {
  'town-clerk': {
    'read-findings': true, 'review-findings': true, 'read-reports': true, 'approve-accounts': true,
    'manage-accounts': true, 'edit-settings': true, 'invite-people': true,
  },
  admin: {
    'read-findings': true, 'review-findings': true, 'read-reports': true, 'approve-accounts': false,
    'manage-accounts': true, 'edit-settings': true, 'invite-people': false,
  },
  councillor: {
    'read-findings': true, 'review-findings': false, 'read-reports': true, 'approve-accounts': false,
    'manage-accounts': false, 'edit-settings': false, 'invite-people': false,
  },
};

const cases = (Object.keys(ALLOWED) as Role[]).flatMap((role) => COUNCIL_ACTIONS.map((action) => ({ role, action, allowed: ALLOWED[role][action] })));

describe('authorise', () => {
  it.each(cases)('a $role may $action: $allowed', ({ role, action, allowed }) => {
    const act = () => authorise(member(role), HARBOURNE, action);
    if (allowed) {
      expect(act()).toBe(role);
    } else {
      expect(act).toThrow(AccessRefusedError);
      expect(act).toThrow(new RegExp(`may not .+ in council ${HARBOURNE}$`));
      try {
        act();
      } catch (error) {
        expect(error).toMatchObject({ role, councilId: HARBOURNE, action });
      }
    }
  });

  it('names the role, the action and the council in a refusal', () => {
    expect(() => authorise(member('admin'), HARBOURNE, 'approve-accounts')).toThrow('an admin may not approve accounts in council harbourne-tc');
    expect(() => authorise(member('councillor'), HARBOURNE, 'review-findings')).toThrow('a councillor may not review findings in council harbourne-tc');
  });

  it.each(COUNCIL_ACTIONS)('gives an outsider to %s the same answer as a council that does not exist', async (action) => {
    // Prepare: Ashby's clerk, and a store where Harbourne is registered and "nowhere-pc" is not.
    const ashbyClerk: Principal = { userId: 'clerk@ashby-pc.example', name: 'Ashby Clerk', memberships: { 'ashby-pc': 'town-clerk' } };
    const store = new MemoryAuditStore();
    await store.putCouncil({ id: HARBOURNE, name: 'Harbourne Town Council', digestTo: ['clerk@harbourne-tc.example'], registeredAt: '2026-01-01T00:00:00Z' });
    const unregistered = await requireCouncil(store, 'nowhere-pc').then(() => new Error('registered'), (error: unknown) => error as Error);
    // Act
    const refusal = (() => {
      try {
        authorise(ashbyClerk, HARBOURNE, action);
      } catch (error) {
        return error as Error;
      }
      return undefined;
    })();
    // Assess: the same class, and the same words but for the id asked about.
    expect(refusal).toBeInstanceOf(CouncilNotFoundError);
    expect(unregistered).toBeInstanceOf(CouncilNotFoundError);
    expect(refusal!.message.replace(HARBOURNE, '<id>')).toBe(unregistered.message.replace('nowhere-pc', '<id>'));
  });

  it.each(COUNCIL_ACTIONS)('keeps the operator out of a council they are not a member of (%s)', (action) => {
    expect(() => authorise(OPERATOR, HARBOURNE, action)).toThrow(CouncilNotFoundError);
  });

  it.each<Action>(['add-council', 'invite-first-clerk'])('lets the operator, and only the operator, %s', (action) => {
    expect(authorise(OPERATOR, 'new-parish-pc', action)).toBeUndefined();
    expect(() => authorise(member('town-clerk'), HARBOURNE, action)).toThrow(AccessRefusedError);
    expect(() => authorise(member('town-clerk'), HARBOURNE, action)).toThrow('only the operator may');
    expect(() => authorise(member('town-clerk'), 'new-parish-pc', action)).toThrow(CouncilNotFoundError);
  });

  it('lets an operator who is also a member act as that member', () => {
    const both: Principal = { ...OPERATOR, memberships: { [HARBOURNE]: 'councillor' } };
    expect(authorise(both, HARBOURNE, 'read-findings')).toBe('councillor');
    expect(() => authorise(both, HARBOURNE, 'review-findings')).toThrow(AccessRefusedError);
  });

  it('does not take a membership from the object prototype', () => {
    expect(() => authorise(member('town-clerk'), 'constructor' as string, 'read-findings')).toThrow(CouncilNotFoundError);
  });
});
