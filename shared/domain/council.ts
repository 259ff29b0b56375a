import * as z from '../zod';
import { canonicalTimeZone } from './calendar';
import { issuesFromZod, ValidationError } from './errors';

/**
 * A council's id: the short slug every one of its records is kept under (`harbourne-tc`). Lower-case
 * letters, digits and hyphens, so that it is safe in a table key, an S3 key, a URL and an IAM pattern,
 * and never holds the `#` that separates the parts of a key.
 */
export const COUNCIL_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/;

export const CouncilIdSchema = z.string().check(
  z.regex(COUNCIL_ID_PATTERN, 'expected a council id such as harbourne-tc: 3 to 40 lower-case letters, digits and hyphens, not starting or ending with a hyphen'),
);
export type CouncilId = z.infer<typeof CouncilIdSchema>;

/** The days a digest can be sent on, Monday first (ISO order: index + 1 is the ISO weekday). */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `08:00`: a time of day on the 24-hour clock. */
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** When a council's digest goes when its registration says nothing: Monday 08:00, UK time. */
export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { day: 'monday', time: '08:00', timezone: 'Europe/London' };

/** When a council's weekly digest is sent: a day and a time of day, read in the council's time zone. */
export interface DigestSchedule {
  day: Weekday;
  time: string;
  timezone: string;
}

const TimeZoneSchema = z.pipe(
  z.string().check(z.refine((value) => canonicalTimeZone(value) !== undefined, { message: 'expected an IANA time zone such as Europe/London' })),
  z.transform((value) => canonicalTimeZone(value)!),
);

/**
 * A council in the deployment's registry: the operator's record of a tenant. How the council is named
 * in posts, its accounts and its policy settings are its configuration (config.ts); this is what the
 * deployment needs to serve it: who receives its weekly digest, and when. The schedule's fields are
 * optional so that registrations stored before they existed still read: `digestScheduleOf` gives
 * each missing one its default.
 */
export const CouncilSchema = z.object({
  id: CouncilIdSchema,
  /** The operator's name for it, shown in listings (its configuration names it for the rules). */
  name: z.string().check(z.trim(), z.minLength(1, 'must not be empty')),
  /** Who receives the weekly digest: the Town Clerk, and whoever else the council names. */
  digestTo: z.array(z.email({ message: 'expected an email address' })).check(z.minLength(1, 'must name at least one address')),
  registeredAt: z.iso.datetime({ offset: true }),
  /** The day of the week the digest is sent (default Monday). */
  digestDay: z.optional(z.enum(WEEKDAYS, { message: `expected a day of the week: ${WEEKDAYS.join(', ')}` })),
  /** The time of day it is sent, `HH:MM` on the 24-hour clock (default 08:00). */
  digestTime: z.optional(z.string().check(z.regex(TIME_OF_DAY_PATTERN, 'expected a time of day such as 08:00 (24-hour clock)'))),
  /** The IANA time zone the day and time are read in (default Europe/London); kept in its canonical spelling. */
  timezone: z.optional(TimeZoneSchema),
});
export type Council = z.infer<typeof CouncilSchema>;

/** The council's digest schedule, each field it does not set taking its default. */
export function digestScheduleOf(council: Pick<Council, 'digestDay' | 'digestTime' | 'timezone'>): DigestSchedule {
  return {
    day: council.digestDay ?? DEFAULT_DIGEST_SCHEDULE.day,
    time: council.digestTime ?? DEFAULT_DIGEST_SCHEDULE.time,
    timezone: council.timezone ?? DEFAULT_DIGEST_SCHEDULE.timezone,
  };
}

export class CouncilValidationError extends ValidationError {}

/** A council id, or a CouncilValidationError naming the field (`council` unless told) and the value. */
export function parseCouncilId(input: unknown, field = 'council'): CouncilId {
  const result = CouncilIdSchema.safeParse(input);
  if (!result.success) {
    const issues = issuesFromZod(result.error, input).map((issue) => ({ ...issue, field }));
    throw new CouncilValidationError('invalid council id', issues);
  }
  return result.data;
}

/** A council registration, or a CouncilValidationError naming each field and value. */
export function parseCouncil(input: unknown): Council {
  const result = CouncilSchema.safeParse(input);
  if (!result.success) throw new CouncilValidationError('invalid council registration', issuesFromZod(result.error, input));
  return result.data;
}

/**
 * An id made from a council's name (`Little Stowbury Parish Council` → `little-stowbury-parish-council`),
 * for a preview that names no id; a CouncilValidationError when nothing usable is left.
 */
export function councilIdFromName(name: string): CouncilId {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  return parseCouncilId(slug, '--council');
}
