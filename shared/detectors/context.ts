import type { CouncilConfig, Election } from '../domain/config';

/**
 * The council configuration compiled once for a scan: look-up sets and helpers every detector
 * needs, so that no detector re-derives them per post.
 */
export interface DetectionContext {
  readonly config: CouncilConfig;
  /** Normalised forms (lower-case letters and digits only) of the council's name and aliases. */
  readonly councilNames: readonly string[];
  /** The place in the council's name, normalised: `harbourne` for Harbourne Town Council. */
  readonly councilPlace: string | undefined;
  /** The council's own domains: configured ones and those of published email addresses. */
  readonly ownDomains: ReadonlySet<string>;
  /** Published phone numbers as national digits (`01632960123`). */
  readonly publishedPhones: ReadonlySet<string>;
  /** Published email addresses, lower case. */
  readonly publishedEmails: ReadonlySet<string>;
  /** Published postcodes, upper case without spaces. */
  readonly publishedPostcodes: ReadonlySet<string>;
  /** The calendar date (YYYY-MM-DD) of an instant in the council's timezone. */
  localDate(instant: string): string;
  /** The election whose pre-election period (inclusive, council's timezone) contains the instant. */
  preElectionPeriod(instant: string): Election | undefined;
  /** Every election whose pre-election period contains the instant (a by-election may overlap another). */
  preElectionPeriods(instant: string): Election[];
}

export function compileContext(config: CouncilConfig): DetectionContext {
  const dateFormat = new Intl.DateTimeFormat('en-CA', {
    timeZone: config.timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const localDate = (instant: string): string => {
    const date = new Date(instant);
    return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
  };

  const publishedEmails = new Set<string>();
  const publishedPhones = new Set<string>();
  const publishedPostcodes = new Set<string>();
  const ownDomains = new Set(config.council.domains.map((d) => d.toLowerCase().replace(/^www\./, '')));
  for (const contact of config.publishedContacts) {
    const trimmed = contact.trim();
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) {
      publishedEmails.add(trimmed.toLowerCase());
      ownDomains.add(trimmed.split('@')[1]!.toLowerCase());
    } else if (UK_POSTCODE.test(trimmed)) {
      publishedPostcodes.add(trimmed.toUpperCase().replace(/\s+/g, ''));
    } else if (/\d/.test(trimmed)) {
      const digits = nationalDigits(trimmed);
      if (digits.length >= 10) publishedPhones.add(digits);
    }
  }

  return {
    config,
    councilNames: councilNameForms(config),
    councilPlace: placeOf(config.council.name)?.place,
    ownDomains,
    publishedPhones,
    publishedEmails,
    publishedPostcodes,
    localDate,
    preElectionPeriod(instant) {
      const day = localDate(instant);
      return config.elections.find((e) => day >= e.preElectionStart && day <= e.pollingDay);
    },
    preElectionPeriods(instant) {
      const day = localDate(instant);
      return config.elections.filter((e) => day >= e.preElectionStart && day <= e.pollingDay);
    },
  };
}

/**
 * Derives something from the compiled configuration once per scan, for a detector to reuse on every
 * post (councillors' names as one pattern, say). Keyed weakly, so a finished scan frees it.
 */
export function perContext<T>(derive: (context: DetectionContext) => T): (context: DetectionContext) => T {
  const cache = new WeakMap<DetectionContext, T>();
  return (context) => {
    if (cache.has(context)) return cache.get(context) as T;
    const value = derive(context);
    cache.set(context, value);
    return value;
  };
}

/** A UK postcode (`DT6 9ZQ`, `SW1A 1AA`), spaced or not. */
export const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i;

/** Phone digits in national form: `+44 (0)1632 960123` and `01632 960123` both give `01632960123`. */
export function nationalDigits(phone: string): string {
  const digits = phone.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (digits.startsWith('44') && /^\s*(\+|00)/.test(phone)) return `0${digits.slice(2)}`;
  if (digits.startsWith('0044')) return `0${digits.slice(4)}`;
  return digits;
}

/** `Harbourne Town Council` → place `harbourne`, kind `town`; `Harbourne Council` → no kind. */
function placeOf(name: string): { place: string; kind?: string } | undefined {
  const m = /^(.+?)\s+(?:(town|parish|city|village|community|neighbourhood)\s+)?council$/i.exec(name.trim());
  if (!m?.[1]) return undefined;
  return { place: squash(m[1]), ...(m[2] ? { kind: m[2].toLowerCase() } : {}) };
}

/** Lower-case letters and digits only: `Harbourne T.C.` becomes `harbournetc`. */
export function squash(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
}

/**
 * The forms a council's name takes in handles and display names: the full name, every alias, and
 * the place name with the usual suffixes (`harbournetc`, `harbournecouncil`, `harbournetowncouncil`).
 */
function councilNameForms(config: CouncilConfig): string[] {
  const forms = new Set<string>();
  for (const name of [config.council.name, ...config.council.aliases]) forms.add(squash(name));
  const named = placeOf(config.council.name);
  if (named) {
    forms.add(`${named.place}council`);
    if (named.kind) forms.add(`${named.place}${named.kind}council`).add(`${named.place}${named.kind[0]}c`);
  }
  return [...forms].filter((f) => f.length > 0);
}

/** What a rule's options schema needs to read its options: the rule's id and its `meta.options`. */
interface OptionsOwner {
  readonly id: string;
  readonly options?: { safeParse(input: unknown): { success: boolean; data?: unknown } };
}

const parsedOptions = new WeakMap<DetectionContext, Map<string, unknown>>();

/**
 * A rule's options from the council's configuration (`rules.<id>` less `enabled` and `severity`), parsed
 * by the rule's own schema; the configuration schema has refused bad ones, so a failure keeps the defaults.
 */
export function ruleOptions<T>(context: DetectionContext, meta: OptionsOwner): T {
  let byRule = parsedOptions.get(context);
  if (byRule === undefined) parsedOptions.set(context, (byRule = new Map()));
  if (!byRule.has(meta.id)) {
    const { enabled: _enabled, severity: _severity, ...options } = context.config.rules[meta.id] ?? {};
    const result = meta.options?.safeParse(options);
    byRule.set(meta.id, result?.success ? result.data : meta.options?.safeParse({}).data);
  }
  return byRule.get(meta.id) as T;
}
