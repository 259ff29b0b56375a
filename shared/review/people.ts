import type { Invitations } from '../console/http';
import { CouncilValidationError, parseCouncil, type Council, type CouncilId } from '../domain/council';
import type { Member } from '../domain/member';
import type { Principal, Role } from '../domain/roles';
import type { AuditStore } from '../store/audit-store';
import { authorise } from './authorise';
import { addMember, memberId, MemberNotFoundError } from './members';
import type { ReviewDeps } from './review-finding';

/**
 * Inviting people to a council (issue #11): the membership is the store's (members.ts applies the
 * rules: the Town Clerk invites anyone, the operator only a Town Clerk, the last Town Clerk stays),
 * the invitation to sign in is the Invitations port's (Cognito's AdminCreateUser in AWS).
 */
export interface PeopleDeps extends ReviewDeps {
  invitations: Invitations;
}

/**
 * Adds a person with a role and sends them an invitation to sign in, primary course: add the member
 * (authorised and checked there, nothing stored if refused), then invite them. A failed invitation
 * leaves the membership, and inviting again sends it again.
 */
export async function invitePerson(deps: PeopleDeps, principal: Principal, request: { councilId: CouncilId; email: string; role: Role; name?: string }): Promise<Member> {
  const member = await addMember(deps, principal, request);
  await deps.invitations.invite({ email: member.userId, ...(member.name ? { name: member.name } : {}), councilId: request.councilId });
  return member;
}

/** Changes a member's role, keeping their name; the last Town Clerk stays one until another is added. */
export async function changeMemberRole(deps: ReviewDeps, principal: Principal, request: { councilId: CouncilId; email: string; role: Role }): Promise<Member> {
  authorise(principal, request.councilId, 'invite-people');
  const existing = await deps.store.forCouncil(request.councilId).getMember(memberId(request.email));
  if (!existing) throw new MemberNotFoundError(`${memberId(request.email)} is not a member of council ${request.councilId}`);
  return addMember(deps, principal, { councilId: request.councilId, email: existing.userId, role: request.role, ...(existing.name ? { name: existing.name } : {}) });
}

/**
 * The operator adds a council and invites its first Town Clerk, primary course: authorise (operator
 * only), check the registration and the clerk's address before storing anything, register the
 * council, then add and invite the Town Clerk.
 */
export async function addCouncilWithClerk(
  deps: { store: AuditStore; invitations: Invitations; clock?: () => Date },
  principal: Principal,
  request: { councilId: string; name: string; digestTo: string; clerkEmail: string; clerkName?: string },
): Promise<{ council: Council; clerk: Member }> {
  authorise(principal, request.councilId, 'add-council');
  const clock = deps.clock ?? (() => new Date());
  const council = parseCouncil({
    id: request.councilId.trim(),
    name: request.name,
    digestTo: request.digestTo.split(/[,\n]/).map((a) => a.trim()).filter(Boolean),
    registeredAt: clock().toISOString(),
  });
  memberId(request.clerkEmail);
  if (await deps.store.getCouncil(council.id)) {
    throw new CouncilValidationError('council already registered', [{ field: 'councilId', value: JSON.stringify(council.id), message: 'is already registered: invite its Town Clerk from the list of councils' }]);
  }
  await deps.store.putCouncil(council);
  const clerk = await invitePerson(deps, principal, { councilId: council.id, email: request.clerkEmail, role: 'town-clerk', ...(request.clerkName?.trim() ? { name: request.clerkName } : {}) });
  return { council, clerk };
}
