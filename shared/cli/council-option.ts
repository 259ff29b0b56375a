import { parseCouncilId } from '../domain/council';
import { ValidationError } from '../domain/errors';
import type { AuditStore, CouncilStore } from '../store/audit-store';

/** A command that cannot tell which council it is for. */
export class CouncilOptionError extends ValidationError {}

/**
 * The council a command works on: the one `--council` names, which must be registered; or, when the
 * flag is left out, the only council the store holds. With none or several registered, the error says
 * so and, for several, lists them, so that nothing is done to a council the operator did not mean.
 */
export async function resolveCouncil(store: Pick<AuditStore, 'getCouncil' | 'listCouncils' | 'forCouncil'>, where: string, requested?: string): Promise<CouncilStore> {
  if (requested !== undefined) {
    const id = parseCouncilId(requested, '--council');
    if (!(await store.getCouncil(id))) {
      throw new CouncilOptionError(`no council ${id} is registered in ${where}`, [{ field: '--council', value: JSON.stringify(id), message: 'is not a registered council (council-audit councils list shows them)' }]);
    }
    return store.forCouncil(id);
  }
  const councils = await store.listCouncils();
  if (councils.length === 1) return store.forCouncil(councils[0]!.id);
  if (councils.length === 0) {
    throw new CouncilOptionError(`no council is registered in ${where}`, [{ field: '--council', message: 'register one first with council-audit councils add' }]);
  }
  const listed = councils.slice(0, 10).map((c) => c.id).join(', ');
  throw new CouncilOptionError(`${where} holds ${councils.length} councils`, [
    { field: '--council', message: `is required when there is more than one council: one of ${listed}${councils.length > 10 ? ', …' : ''}` },
  ]);
}
