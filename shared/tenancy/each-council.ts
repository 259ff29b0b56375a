import type { Council, CouncilId } from '../domain/council';
import { CouncilAuditError } from '../domain/errors';
import { requireCouncil, type AuditStore } from '../store/audit-store';

/** What happened for one council in a run over many. */
export type CouncilOutcome<T> = { council: CouncilId; ok: true; value: T } | { council: CouncilId; ok: false; error: string };

/**
 * A run over many councils in which some failed. Every other council was still served; running the
 * whole again is safe because each council's work is idempotent (a digest is claimed once, a report
 * replaced, a scan request deduplicated by its keys).
 */
export class CouncilRunError<T = unknown> extends CouncilAuditError {
  constructor(
    readonly what: string,
    readonly outcomes: readonly CouncilOutcome<T>[],
  ) {
    const failed = outcomes.filter((o): o is Extract<CouncilOutcome<T>, { ok: false }> => !o.ok);
    super(`${what} failed for ${failed.length} of ${outcomes.length} council${outcomes.length === 1 ? '' : 's'}: ${failed.map((f) => `${f.council} (${f.error})`).join('; ')}`);
  }
}

export interface EachCouncilOptions {
  /** One council, named by an operator; every registered council when absent. */
  council?: CouncilId;
  /** How many councils are worked on at once. */
  concurrency?: number;
  /** Called once per council that failed, before the run goes on to the others. */
  onError?: (council: CouncilId, error: unknown) => void;
}

/**
 * Runs `work` for the council named, or for every registered council, a few at a time. One council's
 * failure does not stop the others: when any failed, a CouncilRunError naming each is thrown once all
 * have run, so the scheduler or the queue retries. A council that is named but not registered is
 * refused before anything runs.
 */
export async function forEachCouncil<T>(
  store: Pick<AuditStore, 'getCouncil' | 'listCouncils'>,
  what: string,
  work: (council: Council) => Promise<T>,
  options: EachCouncilOptions = {},
): Promise<CouncilOutcome<T>[]> {
  const councils = options.council === undefined ? await store.listCouncils() : [await requireCouncil(store, options.council)];
  const outcomes = await mapConcurrently(councils, options.concurrency ?? 4, async (council): Promise<CouncilOutcome<T>> => {
    try {
      return { council: council.id, ok: true, value: await work(council) };
    } catch (error) {
      options.onError?.(council.id, error);
      return { council: council.id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  });
  if (outcomes.some((o) => !o.ok)) throw new CouncilRunError(what, outcomes);
  return outcomes;
}

/** `fn` over `items`, at most `limit` at a time, the results in the order of the items. */
export async function mapConcurrently<I, O>(items: readonly I[], limit: number, fn: (item: I) => Promise<O>): Promise<O[]> {
  const results: O[] = new Array<O>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
