import type { CouncilId } from '../domain/council';
import { CouncilAuditError } from '../domain/errors';
import type { Principal } from '../domain/roles';
import { isActive, type Suppression } from '../domain/suppression';
import { requireCouncil } from '../store/audit-store';
import { authorise } from './authorise';
import type { ReviewDeps } from './review-finding';

/** A suppression to lift that is not in force: never created, or lifted already. */
export class SuppressionNotFoundError extends CouncilAuditError {}

/**
 * The council's suppressions, newest first: those in force, and with `includeLifted` those lifted
 * too (the Suppressions page shows who lifted what). For anyone who may read the council's findings.
 */
export async function listSuppressions(deps: ReviewDeps, principal: Principal, councilId: CouncilId, options: { includeLifted?: boolean } = {}): Promise<Suppression[]> {
  authorise(principal, councilId, 'read-findings');
  await requireCouncil(deps.store, councilId);
  const all = await deps.store.forCouncil(councilId).listSuppressions();
  return all.filter((s) => options.includeLifted === true || isActive(s)).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}

/**
 * Lifts a suppression, primary course: authorise (reviewing findings), then mark it lifted by the
 * principal. The next scan that sees its evidence raises it again; findings dismissed before stay
 * dismissed (a person decided them), and can be reopened one by one.
 */
export async function liftSuppression(deps: ReviewDeps, principal: Principal, request: { councilId: CouncilId; suppressionId: string }): Promise<Suppression> {
  authorise(principal, request.councilId, 'review-findings');
  await requireCouncil(deps.store, request.councilId);
  const lifted = await deps.store.forCouncil(request.councilId).removeSuppression(request.suppressionId, principal.userId, principal.name);
  if (!lifted) throw new SuppressionNotFoundError(`council ${request.councilId} has no suppression ${request.suppressionId} in force`);
  return lifted;
}
