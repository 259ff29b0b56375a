import { z } from 'zod';
import { ConfigValidationError, issuesFromZod } from './errors';
import { PlatformSchema } from './post';

const IsoDate = z.iso.date({ message: 'expected a date as YYYY-MM-DD' });

const TimeZone = z.string().refine(isTimeZone, { message: 'expected an IANA time zone such as Europe/London' });

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const RegisteredAccountSchema = z.object({
  platform: PlatformSchema,
  handle: z.string().min(1, 'must not be empty'),
  displayName: z.string().optional(),
  /** Where the platform's API is, when not its default (a self-hosted Mastodon instance's own URL, say). */
  baseUrl: z.url().optional(),
  approvedBy: z.string().min(1, 'must not be empty').optional(),
  approvedOn: IsoDate.optional(),
});
export type RegisteredAccount = z.infer<typeof RegisteredAccountSchema>;

export const ElectionSchema = z
  .object({ pollingDay: IsoDate, preElectionStart: IsoDate })
  .refine((e) => e.preElectionStart <= e.pollingDay, {
    message: 'preElectionStart must not be after pollingDay',
    path: ['preElectionStart'],
  });
export type Election = z.infer<typeof ElectionSchema>;

export const RuleSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  severity: SeveritySchema.optional(),
});

/** The council's configuration, in the rulebook's shape, with a few optional extras. */
export const CouncilConfigSchema = z.object({
  council: z.object({
    name: z.string().min(1, 'must not be empty'),
    aliases: z.array(z.string().min(1, 'must not be empty')).default([]),
    /** The council's own web and email domains; those of published email contacts are added. */
    domains: z.array(z.string().min(1, 'must not be empty')).default([]),
  }),
  timezone: TimeZone.default('Europe/London'),
  approvedAccounts: z.array(RegisteredAccountSchema).default([]),
  publishedContacts: z.array(z.string().min(1, 'must not be empty')).default([]),
  councillors: z
    .array(z.object({ name: z.string().min(1, 'must not be empty'), handles: z.array(z.string().min(1, 'must not be empty')).default([]) }))
    .default([]),
  elections: z.array(ElectionSchema).default([]),
  attributionExempt: z.array(z.string().min(1, 'must not be empty')).default([]),
  /** The council's standard notice for removing an offensive comment (Guide 4i). */
  removalNotice: z.string().min(1, 'must not be empty').optional(),
  /** Per-rule switches and severity overrides, keyed by rule id. */
  rules: z.record(z.string(), RuleSettingsSchema).default({}),
});

export type CouncilConfig = z.infer<typeof CouncilConfigSchema>;

/** Parses a council configuration, or throws a ConfigValidationError naming the field and the value. */
export function parseCouncilConfig(input: unknown): CouncilConfig {
  const result = CouncilConfigSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigValidationError('invalid council configuration', issuesFromZod(result.error, input));
  }
  return result.data;
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
