import { isCalendarDate } from '../../domain/calendar';
import * as z from '../../zod';

/** The Graph API's timestamps: `2025-03-04T09:15:02+0000` (no colon in the offset); tolerant of `+00:00` and `Z`. */
const GRAPH_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})$/;

export const GraphTimeSchema = z.string().check(
  z.regex(GRAPH_TIME, { message: 'expected a Graph API time such as 2025-03-04T09:15:02+0000' }),
  z.refine((value) => !Number.isNaN(parseGraphTime(value).getTime()), { message: 'is not a real date and time' }),
);

/** The instant a Graph API timestamp names (Invalid Date when it is not one, 30 February included). */
export function parseGraphTime(value: string): Date {
  const match = GRAPH_TIME.exec(value);
  if (!match) return new Date(Number.NaN);
  const [, local, offset] = match as unknown as [string, string, string];
  if (!isCalendarDate(local.slice(0, 10))) return new Date(Number.NaN);
  const iso = offset === 'Z' || offset.includes(':') ? `${local}${offset}` : `${local}${offset.slice(0, 3)}:${offset.slice(3)}`;
  return new Date(iso);
}

/** ISO-8601 in UTC, as canonical posts carry it: `2025-03-04T09:15:02Z`. */
export function graphTimeToIso(value: string): string {
  return parseGraphTime(value).toISOString().replace('.000Z', 'Z');
}
