import type { CouncilId } from '../domain/council';
import { CouncilAuditError } from '../domain/errors';
import { ACTION_TITLES, isOperatorAction, ROLE_TITLES, roleAllows, roleIn, type Action, type Principal, type Role } from '../domain/roles';
import { CouncilNotFoundError } from '../store/audit-store';

/**
 * A member of the council asked for something their role does not allow. It names the role, the
 * council and the action: the person knows the council, so nothing leaks by naming it.
 */
export class AccessRefusedError extends CouncilAuditError {
  constructor(readonly role: Role | 'not the operator', readonly councilId: CouncilId, readonly action: Action) {
    super(
      role === 'not the operator'
        ? `only the operator may ${ACTION_TITLES[action]} (council ${councilId})`
        : `${/^[aeiou]/i.test(ROLE_TITLES[role]) ? 'an' : 'a'} ${ROLE_TITLES[role]} may not ${ACTION_TITLES[action]} in council ${councilId}`,
    );
  }
}

/**
 * Checks that the principal may do the action in the council, before a use case reads anything;
 * returns their role there (undefined for the operator acting as operator).
 *
 * Someone who is not a member of the council gets the very error a council that does not exist
 * gives (CouncilNotFoundError, same words), so that guessing ids tells an outsider nothing, not even
 * whether the council is served. The operator is an outsider to every council they are not a member
 * of: they add councils and invite first Town Clerks, and read no findings.
 */
export function authorise(principal: Principal, councilId: CouncilId, action: Action): Role | undefined {
  if (isOperatorAction(action)) {
    if (principal.operator === true) return undefined;
    const role = roleIn(principal, councilId);
    if (role === undefined) throw councilNotFound(councilId);
    throw new AccessRefusedError('not the operator', councilId, action);
  }
  const role = roleIn(principal, councilId);
  if (role === undefined) throw councilNotFound(councilId);
  if (!roleAllows(role, action)) throw new AccessRefusedError(role, councilId, action);
  return role;
}

/** The words requireCouncil uses for a council that is not registered. */
export function councilNotFound(councilId: CouncilId): CouncilNotFoundError {
  return new CouncilNotFoundError(`no council ${councilId} is registered`);
}
