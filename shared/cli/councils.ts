import type { Writable } from 'node:stream';
import { CouncilValidationError, digestScheduleOf, parseCouncil, parseCouncilId, WEEKDAYS, type Council } from '../domain/council';
import type { AuditStore } from '../store/audit-store';

/** The command-line flag for each field of a registration, so an error names what the operator typed. */
const FLAGS: Readonly<Record<string, string>> = {
  id: '--council',
  name: '--name',
  digestTo: '--digest-to',
  digestDay: '--digest-day',
  digestTime: '--digest-time',
  timezone: '--timezone',
};

/** What `councils add` is given: every flag as typed; the schedule's flags may be left out. */
export interface AddCouncilInput {
  council: string;
  name: string;
  digestTo: string;
  digestDay?: string | undefined;
  digestTime?: string | undefined;
  timezone?: string | undefined;
}

/**
 * `councils add`: registers a council, or updates the name and digest recipients of one already
 * registered (it keeps when it was first registered). Recipients are comma-separated. The digest's
 * day, time and time zone default to Monday 08:00 Europe/London for a new council; for one already
 * registered, a schedule flag left out keeps what it had.
 */
export async function addCouncil(
  store: Pick<AuditStore, 'getCouncil' | 'putCouncil'>,
  input: AddCouncilInput,
  clock: () => Date = () => new Date(),
): Promise<{ council: Council; updated: boolean }> {
  let council: Council;
  try {
    council = parseCouncil({
      id: input.council,
      name: input.name,
      digestTo: input.digestTo.split(',').map((address) => address.trim()).filter(Boolean),
      registeredAt: clock().toISOString(),
      ...(input.digestDay !== undefined ? { digestDay: weekday(input.digestDay) } : {}),
      ...(input.digestTime !== undefined ? { digestTime: input.digestTime } : {}),
      ...(input.timezone !== undefined ? { timezone: input.timezone } : {}),
    });
  } catch (error) {
    if (!(error instanceof CouncilValidationError)) throw error;
    throw new CouncilValidationError(
      error.what,
      error.issues.map((issue) => ({ ...issue, field: FLAGS[issue.field.replace(/\[\d+\]$/, '')] ?? issue.field })),
      { cause: error },
    );
  }
  const previous = await store.getCouncil(council.id);
  const registered: Council = {
    ...council,
    ...digestFields(digestScheduleOf({ ...previous, ...council })),
    ...(previous ? { registeredAt: previous.registeredAt } : {}),
  };
  await store.putCouncil(registered);
  return { council: registered, updated: previous !== undefined };
}

/** `Monday`, `MON` and `mon` all mean monday; anything else is left for the schema to refuse by name. */
function weekday(input: string): string {
  const typed = input.trim().toLowerCase();
  return (typed.length >= 3 && WEEKDAYS.find((day) => day.startsWith(typed))) || input;
}

function digestFields(schedule: ReturnType<typeof digestScheduleOf>): Pick<Council, 'digestDay' | 'digestTime' | 'timezone'> {
  return { digestDay: schedule.day, digestTime: schedule.time, timezone: schedule.timezone };
}

/** `Mon 08:00 Europe/London` */
export function describeDigestSchedule(council: Pick<Council, 'digestDay' | 'digestTime' | 'timezone'>): string {
  const { day, time, timezone } = digestScheduleOf(council);
  return `${day.charAt(0).toUpperCase()}${day.slice(1, 3)} ${time} ${timezone}`;
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
  const rows = councils.map((c) => [c.id, c.name, c.digestTo.join(', '), describeDigestSchedule(c), c.registeredAt.slice(0, 10)]);
  const headers = ['council', 'name', 'digest to', 'digest sent', 'registered'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()}\n`;
  out.write(line(headers));
  for (const row of rows) out.write(line(row));
}
