import type { Writable } from 'node:stream';
import { CouncilValidationError, parseCouncil, parseCouncilId, type Council } from '../domain/council';
import type { AuditStore } from '../store/audit-store';

/** The command-line flag for each field of a registration, so an error names what the operator typed. */
const FLAGS: Readonly<Record<string, string>> = { id: '--council', name: '--name', digestTo: '--digest-to' };

/**
 * `councils add`: registers a council, or updates the name and digest recipients of one already
 * registered (it keeps when it was first registered). Recipients are comma-separated.
 */
export async function addCouncil(
  store: Pick<AuditStore, 'getCouncil' | 'putCouncil'>,
  input: { council: string; name: string; digestTo: string },
  clock: () => Date = () => new Date(),
): Promise<{ council: Council; updated: boolean }> {
  let council: Council;
  try {
    council = parseCouncil({
      id: input.council,
      name: input.name,
      digestTo: input.digestTo.split(',').map((address) => address.trim()).filter(Boolean),
      registeredAt: clock().toISOString(),
    });
  } catch (error) {
    if (!(error instanceof CouncilValidationError)) throw error;
    throw new CouncilValidationError(
      error.what,
      error.issues.map((issue) => ({ ...issue, field: FLAGS[issue.field.replace(/\[\d+\]$/, '')] ?? issue.field })),
      { cause: error },
    );
  }
  const existing = await store.getCouncil(council.id);
  const registered = existing ? { ...council, registeredAt: existing.registeredAt } : council;
  await store.putCouncil(registered);
  return { council: registered, updated: existing !== undefined };
}

/** `councils remove`: takes a council off the registry; its records stay. False when it was not registered. */
export async function removeCouncil(store: Pick<AuditStore, 'removeCouncil'>, id: string): Promise<boolean> {
  return store.removeCouncil(parseCouncilId(id, '--council'));
}

export function writeCouncilTable(out: Writable, councils: readonly Council[]): void {
  if (councils.length === 0) {
    out.write('No councils registered.\n');
    return;
  }
  const rows = councils.map((c) => [c.id, c.name, c.digestTo.join(', '), c.registeredAt.slice(0, 10)]);
  const headers = ['council', 'name', 'digest to', 'registered'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()}\n`;
  out.write(line(headers));
  for (const row of rows) out.write(line(row));
}
