import type { CouncilId } from '../domain/council';
import { CouncilAuditError, ValidationError } from '../domain/errors';
import { MemberSchema, type Member } from '../domain/member';
import { ROLE_TITLES, ROLES, roleIn, type Principal, type Role } from '../domain/roles';
import { requireCouncil } from '../store/audit-store';
import { authorise } from './authorise';
import type { ReviewDeps } from './review-finding';

/** An email address or role that cannot be a member's: names the field and the value. */
export class MemberInputError extends ValidationError {}

/** A change to the people of a council that would leave it without a Town Clerk, or that the operator may not make. */
export class MembershipRefusedError extends CouncilAuditError {}

/** Someone named as a council's member who is not one. */
export class MemberNotFoundError extends CouncilAuditError {}

/**
 * Adds a person to a council, or changes their role. The council's Town Clerk invites anyone; the
 * operator, who is no member, invites only a Town Clerk (the council's first, or a successor).
 */
export async function addMember(
  deps: ReviewDeps,
  principal: Principal,
  request: { councilId: CouncilId; email: string; role: Role; name?: string },
): Promise<Member> {
  const userId = memberId(request.email);
  if (!(ROLES as readonly string[]).includes(request.role)) {
    throw new MemberInputError('invalid member', [{ field: 'role', value: JSON.stringify(String(request.role)), message: `expected one of ${ROLES.join(', ')}` }]);
  }
  await authorisePeople(deps, principal, request.councilId, request.role);
  const clock = deps.clock ?? (() => new Date());
  const member = MemberSchema.parse({
    userId,
    ...(request.name?.trim() ? { name: request.name.trim() } : {}),
    role: request.role,
    addedBy: principal.userId,
    addedAt: clock().toISOString(),
  });
  const council = deps.store.forCouncil(request.councilId);
  const existing = await council.getMember(userId);
  if (existing?.role === 'town-clerk' && request.role !== 'town-clerk') await keepATownClerk(deps, request.councilId, userId);
  await council.putMember(member);
  return (await council.getMember(userId)) ?? member;
}

/** The council's people, by email address. */
export async function listMembers(deps: ReviewDeps, principal: Principal, councilId: CouncilId): Promise<Member[]> {
  await authorisePeople(deps, principal, councilId);
  return deps.store.forCouncil(councilId).listMembers();
}

/** Removes a person from a council; the last Town Clerk stays until another is added. */
export async function removeMember(deps: ReviewDeps, principal: Principal, request: { councilId: CouncilId; email: string }): Promise<Member> {
  const userId = memberId(request.email);
  await authorisePeople(deps, principal, request.councilId);
  const council = deps.store.forCouncil(request.councilId);
  const existing = await council.getMember(userId);
  if (!existing) throw new MemberNotFoundError(`${userId} is not a member of council ${request.councilId}`);
  if (actsAsOperator(principal, request.councilId) && existing.role !== 'town-clerk') throw operatorOnlyClerks(request.councilId, existing.role);
  if (existing.role === 'town-clerk') await keepATownClerk(deps, request.councilId, userId);
  await council.removeMember(userId);
  return existing;
}

/**
 * The principal a council member acts as, from their membership record: for the command line and
 * the local console, where no sign-in provider vouches for them.
 */
export async function memberPrincipal(deps: ReviewDeps, councilId: CouncilId, email: string): Promise<Principal | undefined> {
  const member = await deps.store.forCouncil(councilId).getMember(memberId(email));
  return member && { userId: member.userId, name: member.name ?? member.userId, memberships: { [councilId]: member.role } };
}

/** A member's id: their email address in lower case, checked. */
export function memberId(email: string): string {
  const id = email.trim().toLowerCase();
  const parsed = MemberSchema.shape.userId.safeParse(id);
  if (!parsed.success) throw new MemberInputError('invalid member', [{ field: 'email', value: JSON.stringify(email), message: 'expected an email address such as clerk@harbourne-tc.example' }]);
  return id;
}

async function authorisePeople(deps: ReviewDeps, principal: Principal, councilId: CouncilId, role?: Role): Promise<void> {
  if (actsAsOperator(principal, councilId)) {
    authorise(principal, councilId, 'invite-first-clerk');
    if (role !== undefined && role !== 'town-clerk') throw operatorOnlyClerks(councilId, role);
  } else {
    authorise(principal, councilId, 'invite-people');
  }
  await requireCouncil(deps.store, councilId);
}

async function keepATownClerk(deps: ReviewDeps, councilId: CouncilId, leaving: string): Promise<void> {
  const clerks = (await deps.store.forCouncil(councilId).listMembers()).filter((m) => m.role === 'town-clerk' && m.userId !== leaving);
  if (clerks.length === 0) {
    throw new MembershipRefusedError(`${leaving} is the only Town Clerk of council ${councilId}: add another Town Clerk first, so that someone can still approve accounts and invite people`);
  }
}

/** The operator acting on a council they are not a member of: they manage its Town Clerks only. */
function actsAsOperator(principal: Principal, councilId: CouncilId): boolean {
  return principal.operator === true && roleIn(principal, councilId) === undefined;
}

function operatorOnlyClerks(councilId: CouncilId, role: Role): MembershipRefusedError {
  return new MembershipRefusedError(`the operator manages a council's Town Clerks; the Town Clerk of council ${councilId} manages its ${ROLE_TITLES[role]}s`);
}
