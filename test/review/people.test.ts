import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invitations } from '../../shared/console/http';
import { CouncilValidationError } from '../../shared/domain/council';
import { startDynalite, type LocalDynamoDb } from '../../shared/local/dynalite';
import { AccessRefusedError } from '../../shared/review/authorise';
import { MemberInputError, MembershipRefusedError, removeMember } from '../../shared/review/members';
import { addCouncilWithClerk, changeMemberRole, invitePerson } from '../../shared/review/people';
import { CouncilNotFoundError } from '../../shared/store/audit-store';
import { ADMIN, CLERK, HARBOURNE, OPERATOR, reviewStore } from './review-store';

let dynamo: LocalDynamoDb;

beforeAll(async () => {
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo.stop();
});

/** Invitations as a list of who was invited, as the local provider's seeded users would be. */
class InvitationList implements Invitations {
  readonly sent: { email: string; name?: string; councilId: string }[] = [];
  async invite(request: { email: string; name?: string; councilId: string }): Promise<void> {
    this.sent.push(request);
  }
}

async function withClerk() {
  const setup = await reviewStore(dynamo);
  await setup.store.forCouncil(HARBOURNE.id).putMember({ userId: CLERK.userId, name: CLERK.name, role: 'town-clerk', addedBy: 'setup', addedAt: '2026-01-01T00:00:00Z' });
  const invitations = new InvitationList();
  return { ...setup, invitations, deps: { store: setup.store, clock: setup.clock, invitations } };
}

describe('people', () => {
  it('adds an invited person with their role and sends the invitation', async () => {
    const { deps, invitations, store } = await withClerk();
    const member = await invitePerson(deps, CLERK, { councilId: HARBOURNE.id, email: ' Jo.Evans@Harbourne-TC.example ', role: 'councillor', name: 'Jo Evans' });
    expect(member).toMatchObject({ userId: 'jo.evans@harbourne-tc.example', role: 'councillor', name: 'Jo Evans', addedBy: CLERK.userId });
    expect(invitations.sent).toEqual([{ email: 'jo.evans@harbourne-tc.example', name: 'Jo Evans', councilId: HARBOURNE.id }]);
    expect(await store.forCouncil(HARBOURNE.id).getMember('jo.evans@harbourne-tc.example')).toBeDefined();
  });

  it('refuses an admin inviting, and an address that is not one, sending nothing', async () => {
    const { deps, invitations, store } = await withClerk();
    await expect(invitePerson(deps, ADMIN, { councilId: HARBOURNE.id, email: 'x@harbourne-tc.example', role: 'admin' })).rejects.toThrow(AccessRefusedError);
    await expect(invitePerson(deps, CLERK, { councilId: HARBOURNE.id, email: 'not an address', role: 'admin' })).rejects.toThrow(MemberInputError);
    await expect(invitePerson(deps, CLERK, { councilId: HARBOURNE.id, email: 'x@harbourne-tc.example', role: 'mayor' as never })).rejects.toThrow('role = "mayor"');
    expect(invitations.sent).toEqual([]);
    expect(await store.forCouncil(HARBOURNE.id).listMembers()).toHaveLength(1);
  });

  it('changes a role keeping the name, and keeps the last Town Clerk', async () => {
    const { deps } = await withClerk();
    await invitePerson(deps, CLERK, { councilId: HARBOURNE.id, email: 'jo.evans@harbourne-tc.example', role: 'councillor', name: 'Jo Evans' });
    expect(await changeMemberRole(deps, CLERK, { councilId: HARBOURNE.id, email: 'jo.evans@harbourne-tc.example', role: 'admin' })).toMatchObject({ role: 'admin', name: 'Jo Evans' });
    await expect(changeMemberRole(deps, CLERK, { councilId: HARBOURNE.id, email: CLERK.userId, role: 'admin' })).rejects.toThrow(MembershipRefusedError);
    await expect(removeMember(deps, CLERK, { councilId: HARBOURNE.id, email: CLERK.userId })).rejects.toThrow('the only Town Clerk');
  });

  it('lets the operator invite only a Town Clerk', async () => {
    const { deps, invitations } = await withClerk();
    await expect(invitePerson(deps, OPERATOR, { councilId: HARBOURNE.id, email: 'new.admin@harbourne-tc.example', role: 'admin' })).rejects.toThrow(MembershipRefusedError);
    await invitePerson(deps, OPERATOR, { councilId: HARBOURNE.id, email: 'deputy@harbourne-tc.example', role: 'town-clerk' });
    expect(invitations.sent.map((i) => i.email)).toEqual(['deputy@harbourne-tc.example']);
  });

  it('lets the operator add a council and invite its first Town Clerk, and no one else', async () => {
    const { deps, invitations, store } = await withClerk();
    const added = await addCouncilWithClerk(deps, OPERATOR, { councilId: 'little-stowbury-pc', name: 'Little Stowbury Parish Council', digestTo: 'clerk@little-stowbury.example', clerkEmail: 'clerk@little-stowbury.example', clerkName: 'Pat Lee' });
    expect(added.council).toMatchObject({ id: 'little-stowbury-pc', digestTo: ['clerk@little-stowbury.example'] });
    expect(await store.forCouncil('little-stowbury-pc').listMembers()).toMatchObject([{ userId: 'clerk@little-stowbury.example', role: 'town-clerk' }]);
    expect(invitations.sent).toEqual([{ email: 'clerk@little-stowbury.example', name: 'Pat Lee', councilId: 'little-stowbury-pc' }]);

    await expect(addCouncilWithClerk(deps, OPERATOR, { councilId: HARBOURNE.id, name: 'Taken', digestTo: 'a@b.example', clerkEmail: 'a@b.example' })).rejects.toThrow(CouncilValidationError);
    await expect(addCouncilWithClerk(deps, OPERATOR, { councilId: 'Bad Id!', name: 'X', digestTo: 'nope', clerkEmail: 'a@b.example' })).rejects.toThrow(/id = "Bad Id!"[\s\S]*digestTo/);
    await expect(addCouncilWithClerk(deps, CLERK, { councilId: 'other-pc', name: 'Other', digestTo: 'a@b.example', clerkEmail: 'a@b.example' })).rejects.toThrow(CouncilNotFoundError);
    expect(await store.getCouncil('other-pc')).toBeUndefined();
  });
});
