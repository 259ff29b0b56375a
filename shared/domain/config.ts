import * as z from '../zod';
import { ConfigValidationError, issuesFromZod } from './errors';
import { checkHandle } from './account';
import { PlatformSchema } from './post';
import { wardKey } from './wards';
import { ruleSettingsProblems } from '../detectors/catalogue';

export { wardKey } from './wards';

const IsoDate = z.iso.date({ message: 'expected a date as YYYY-MM-DD' });

const TimeZone = z.string().check(z.refine(isTimeZone, { message: 'expected an IANA time zone such as Europe/London' }));

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const RegisteredAccountSchema = z.strictObject({
  platform: PlatformSchema,
  handle: z.string().check(z.minLength(1, 'must not be empty')),
  displayName: z.optional(z.string()),
  /** Where the platform's API is, when not its default (a self-hosted Mastodon instance's own URL, say). */
  baseUrl: z.optional(z.url()),
  approvedBy: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
  approvedOn: z.optional(IsoDate),
}).check(
  // The same handle rule as `accounts add`, so an account the config registers is one the CLI would.
  z.superRefine((account, ctx) => {
    const problem = checkHandle(account.platform, account.handle);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['handle'], input: account.handle });
  }),
);
export type RegisteredAccount = z.infer<typeof RegisteredAccountSchema>;

const WardName = z.string().check(z.minLength(1, 'must not be empty'));

/**
 * An election. One that names `wards` is a by-election (or a partial election) of those wards: its
 * pre-election period covers only their councillors and candidates. One without covers every ward.
 */
export const ElectionSchema = z.strictObject({
  pollingDay: IsoDate,
  preElectionStart: IsoDate,
  wards: z.optional(z.array(WardName).check(z.minLength(1, 'must name at least one ward (leave it out for an election of every ward)'))),
}).check(
  z.refine((e) => e.preElectionStart <= e.pollingDay, {
    message: 'preElectionStart must not be after pollingDay',
    path: ['preElectionStart'],
  }),
);
export type Election = z.infer<typeof ElectionSchema>;

/**
 * `rules.<id>`: every rule's switch and severity, and the options the rule declares in its `meta.options`
 * (checked against the rule's own schema, with the rule ids, by the configuration's own check below).
 */
export const RuleSettingsSchema = z.looseObject({
  enabled: z._default(z.boolean(), true),
  severity: z.optional(SeveritySchema),
  /** false: the rule's patterns alone, without the wording model's second opinion (for the rules it speaks for). */
  wordingModel: z.optional(z.boolean()),
});

/**
 * The council's configuration, in the rulebook's shape, with a few optional extras. Strict: a key it
 * does not know is refused by name (a misspelt `handels` would otherwise be dropped without a word,
 * and the councillor's handles with it).
 */
export const CouncilConfigSchema = z.strictObject({
  council: z.strictObject({
    name: z.string().check(z.minLength(1, 'must not be empty')),
    /** The council's wards, by name: the names that councillors, candidates and by-elections may use. */
    wards: z._default(z.array(WardName), []),
    aliases: z._default(z.array(z.string().check(z.minLength(1, 'must not be empty'))), []),
    /** The council's own web and email domains; those of published email contacts are added. */
    domains: z._default(z.array(z.string().check(z.minLength(1, 'must not be empty'))), []),
  }),
  timezone: z._default(TimeZone, 'Europe/London'),
  approvedAccounts: z._default(z.array(RegisteredAccountSchema), []),
  publishedContacts: z._default(z.array(z.string().check(z.minLength(1, 'must not be empty'))), []),
  councillors: z._default(
    z.array(
      z.strictObject({
        name: z.string().check(z.minLength(1, 'must not be empty')),
        handles: z._default(z.array(z.string().check(z.minLength(1, 'must not be empty'))), []),
        /** The ward the councillor represents: a by-election's period covers only its own ward's councillors. */
        ward: z.optional(WardName),
      }),
    ),
    [],
  ),
  /** People standing for election who are not (yet) councillors: featured in a pre-election period, a breach. */
  candidates: z._default(
    z.array(
      z.strictObject({
        name: z.string().check(z.minLength(1, 'must not be empty')),
        handles: z._default(z.array(z.string().check(z.minLength(1, 'must not be empty'))), []),
        ward: z.optional(WardName),
        party: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
      }),
    ),
    [],
  ),
  elections: z._default(z.array(ElectionSchema), []),
  attributionExempt: z._default(z.array(z.string().check(z.minLength(1, 'must not be empty'))), []),
  /** The council's standard notice for removing an offensive comment (Guide 4i). */
  removalNotice: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
  /**
   * Who receives the monthly Full Council report by email on the 1st (the councillors, the Chair, the
   * Town Clerk): email addresses, each at most once. None: the report is stored but not emailed.
   */
  reportRecipients: z._default(
    z
      .array(z.email({ message: 'expected an email address such as councillor@harbourne-tc.example' }))
      .check(
        z.maxLength(50, 'must name at most 50 addresses (one email; SES sends to at most 50 recipients)'),
        z.superRefine((addresses, ctx) => {
          const seen = new Set<string>();
          addresses.forEach((address, i) => {
            const key = address.toLowerCase();
            if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'is listed more than once', path: [i], input: address });
            seen.add(key);
          });
        }),
      ),
    [],
  ),
  /** Per-rule switches and severity overrides, keyed by rule id. */
  rules: z._default(z.record(z.string(), RuleSettingsSchema), {}),
  /**
   * How long records are kept, in days (see shared/domain/retention.ts): copies of posts (default
   * 90) and findings with their audit trail, scan runs, digest and report records (default six years),
   * and how long the copy of a post deleted on its platform outlives the deletion (default 7).
   */
  retention: z.optional(
    z.strictObject({
      postsDays: z.optional(z.number().check(z.int('must be a whole number of days'), z.positive('must be at least 1 day'), z.lte(3660, 'must be at most 3660 days'))),
      findingsDays: z.optional(z.number().check(z.int('must be a whole number of days'), z.positive('must be at least 1 day'), z.lte(36600, 'must be at most 36600 days'))),
      /** Days the copy of a post deleted on its platform is kept after the deletion was noticed (default 7). */
      deletedPostsGraceDays: z.optional(z.number().check(z.int('must be a whole number of days'), z.nonnegative('must not be negative'), z.lte(365, 'must be at most 365 days'))),
    }),
  ),
}).check(z.superRefine((config, ctx) => {
  // Every ward named by a councillor, a candidate or an election must be one of the council's wards.
  const known = new Set(config.council.wards.map(wardKey));
  const expected = config.council.wards.length
    ? `expected one of council.wards (${config.council.wards.join(', ')})`
    : 'list the council\'s wards in council.wards first';
  const check = (ward: string | undefined, path: (string | number)[]) => {
    if (ward !== undefined && !known.has(wardKey(ward))) ctx.addIssue({ code: 'custom', message: `unknown ward; ${expected}`, path, input: ward });
  };
  config.councillors.forEach((c, i) => check(c.ward, ['councillors', i, 'ward']));
  config.candidates.forEach((c, i) => check(c.ward, ['candidates', i, 'ward']));
  config.elections.forEach((e, i) => e.wards?.forEach((w, j) => check(w, ['elections', i, 'wards', j])));
  // An unknown rule id, or an option its rule does not declare, is refused by name.
  for (const problem of ruleSettingsProblems(config.rules)) ctx.addIssue({ code: 'custom', message: problem.message, path: ['rules', ...problem.path], input: problem.input });
}));


export type CouncilConfig = z.infer<typeof CouncilConfigSchema>;

/** Parses a council configuration, or throws a ConfigValidationError naming the field and the value. */
export function parseCouncilConfig(input: unknown): CouncilConfig {
  const result = CouncilConfigSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigValidationError('invalid council configuration', issuesFromZod(result.error, input, CouncilConfigSchema));
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
