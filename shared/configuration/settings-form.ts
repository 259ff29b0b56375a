import { isCalendarDate } from '../domain/calendar';
import { SEVERITIES, type CouncilConfig, type Severity } from '../domain/config';
import type { Council } from '../domain/council';
import type { ValidationIssue } from '../domain/errors';
import { RULE_IDS, RULE_TITLES, type RuleId } from '../domain/finding';
import { shownValue, unsafeCharacterIn } from '../review/review-text';
import { isWordingRule } from '../detectors/wording/rules';

/**
 * The council's settings as a form and back (issue #11): a pure mapping between the configuration
 * (and the registration's digest recipients) and the fields people fill in, so that the page only
 * renders and the rules live here, tested on their own.
 *
 * Field names are the configuration's own paths (`council.name`, `councillors[2].handles`,
 * `elections[0].pollingDay.day`, `rules.personal-data.severity`), so an error the configuration's
 * schema reports names the field it came from. Lists of names are one per line; a councillor's
 * handles are separated by commas or lines; blank rows are ignored.
 */

/** Blank rows offered under the councillors and elections already set, to add more. */
export const BLANK_COUNCILLOR_ROWS = 3;
export const BLANK_ELECTION_ROWS = 1;
/** The most rows of councillors or elections a form may send (a parish has at most a few dozen councillors). */
export const MAX_ROWS = 200;
/** The longest line of a list, name or handle, and the longest removal notice. */
export const MAX_LINE_LENGTH = 300;
export const MAX_NOTICE_LENGTH = 2000;

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface CouncillorRow {
  name: string;
  ward: string;
  /** Comma- or line-separated. */
  handles: string;
}

export interface ElectionRow {
  pollingDay: DateParts;
  preElectionStart: DateParts;
  /** A by-election's wards, comma- or line-separated; empty for an election of every ward. */
  wards: string;
}

export interface RuleRow {
  id: RuleId;
  title: string;
  enabled: boolean;
  /** Empty: the rule's own severity for each finding. */
  severity: string;
  /**
   * For a rule the wording model speaks for: whether it may add its second opinion (`rules.<id>.wordingModel`).
   * Undefined for the other rules, and for a form sent without the control: the setting is then kept as it is.
   */
  wordingModel?: boolean;
}

/** The settings as the form shows them: every value a string as typed. */
export interface SettingsModel {
  name: string;
  aliases: string;
  domains: string;
  /** The council's wards, one a line. */
  wards: string;
  publishedContacts: string;
  councillors: CouncillorRow[];
  elections: ElectionRow[];
  attributionExempt: string;
  removalNotice: string;
  rules: RuleRow[];
  digestTo: string;
}

/** What a submitted form asks to store: a configuration to push and the digest's recipients. */
export interface SettingsInput {
  /** The configuration, not yet validated (pushCouncilConfig validates it). */
  config: Record<string, unknown>;
  digestTo: string[];
  /** What the form itself refuses (unsafe characters, over-long text, dates that are not dates), by form field. */
  issues: ValidationIssue[];
  /** The form field a configuration path names (`councillors[1].handles[0]` → the row it came from). */
  formFieldOf: (path: string) => string;
}

/** The form filled in from the configuration in effect and the council's registration. */
export function settingsModelOf(config: CouncilConfig | undefined, council: Pick<Council, 'name' | 'digestTo'>): SettingsModel {
  const councillors = (config?.councillors ?? []).map((c) => ({ name: c.name, ward: c.ward ?? '', handles: c.handles.join(', ') }));
  const elections = (config?.elections ?? []).map((e) => ({ pollingDay: dateParts(e.pollingDay), preElectionStart: dateParts(e.preElectionStart), wards: (e.wards ?? []).join(', ') }));
  return {
    name: config?.council.name ?? council.name,
    aliases: lines(config?.council.aliases),
    domains: lines(config?.council.domains),
    wards: lines(config?.council.wards),
    publishedContacts: lines(config?.publishedContacts),
    councillors: [...councillors, ...blankRows(BLANK_COUNCILLOR_ROWS, blankCouncillor)],
    elections: [...elections, ...blankRows(BLANK_ELECTION_ROWS, blankElection)],
    attributionExempt: lines(config?.attributionExempt),
    removalNotice: config?.removalNotice ?? '',
    rules: RULE_IDS.map((id) => ({
      id,
      title: RULE_TITLES[id],
      enabled: config?.rules[id]?.enabled ?? true,
      severity: config?.rules[id]?.severity ?? '',
      ...(isWordingRule(id) ? { wordingModel: config?.rules[id]?.wordingModel ?? true } : {}),
    })),
    digestTo: lines(council.digestTo),
  };
}

/** The form as submitted, for reading it and for showing it again with its errors (rows renumbered in order). */
export function settingsModelFromForm(form: URLSearchParams): SettingsModel {
  const value = (name: string) => form.get(name) ?? '';
  const rows = (prefix: string) =>
    [...new Set([...form.keys()].flatMap((key) => new RegExp(`^${prefix}\\[(\\d{1,6})\\]\\.`).exec(key)?.[1] ?? []).map(Number))]
      .sort((a, b) => a - b)
      .slice(0, MAX_ROWS + 1);
  const date = (base: string): DateParts => ({ day: value(`${base}.day`), month: value(`${base}.month`), year: value(`${base}.year`) });
  return {
    name: value('council.name'),
    aliases: value('council.aliases'),
    domains: value('council.domains'),
    wards: value('council.wards'),
    publishedContacts: value('publishedContacts'),
    councillors: rows('councillors').map((i) => ({ name: value(`councillors[${i}].name`), ward: value(`councillors[${i}].ward`), handles: value(`councillors[${i}].handles`) })),
    elections: rows('elections').map((i) => ({ pollingDay: date(`elections[${i}].pollingDay`), preElectionStart: date(`elections[${i}].preElectionStart`), wards: value(`elections[${i}].wards`) })),
    attributionExempt: value('attributionExempt'),
    removalNotice: value('removalNotice'),
    rules: RULE_IDS.map((id) => ({
      id,
      title: RULE_TITLES[id],
      enabled: form.get(`rules.${id}.enabled`) === 'true',
      severity: value(`rules.${id}.severity`),
      // An unticked box sends nothing: the form says it offered the box, so that nothing sent means "no".
      ...(isWordingRule(id) && form.get(`rules.${id}.wordingModelOffered`) === 'true' ? { wordingModel: form.get(`rules.${id}.wordingModel`) === 'true' } : {}),
    })),
    digestTo: value('digestTo'),
  };
}

/**
 * What a filled-in form asks to store. Keeps what the form does not show (the time zone, retention);
 * leaves out `approvedAccounts` (the accounts page keeps the registry). Blank lines and rows are
 * dropped; a rule's entry is written when it differs from the rule's defaults or was set before.
 */
export function settingsFromModel(model: SettingsModel, current: CouncilConfig | undefined): SettingsInput {
  const issues: ValidationIssue[] = [];
  const text = (field: string, raw: string, max = MAX_LINE_LENGTH): string => {
    const value = raw.replace(/\r\n?/g, '\n').trim();
    const unsafe = unsafeCharacterIn(value);
    if (unsafe) issues.push({ field, value: shownValue(value), message: `holds the control character ${unsafe.code} at position ${unsafe.position}: write plain text` });
    else if (value.length > max) issues.push({ field, value: shownValue(value), message: `is ${value.length} characters long: at most ${max}` });
    return value;
  };
  const list = (field: string, raw: string, separator: RegExp = /\n/): string[] =>
    raw
      .replace(/\r\n?/g, '\n')
      .split(separator)
      .map((line) => text(field, line))
      .filter((line) => line !== '');

  if (model.councillors.length > MAX_ROWS) issues.push({ field: 'councillors', message: `has more than ${MAX_ROWS} rows` });
  if (model.elections.length > MAX_ROWS) issues.push({ field: 'elections', message: `has more than ${MAX_ROWS} rows` });

  const councillorRows: number[] = [];
  const councillors = model.councillors.slice(0, MAX_ROWS).flatMap((row, i) => {
    if (`${row.name}${row.ward}${row.handles}`.trim() === '') return [];
    councillorRows.push(i);
    const ward = text(`councillors[${i}].ward`, row.ward);
    return [{ name: text(`councillors[${i}].name`, row.name), handles: list(`councillors[${i}].handles`, row.handles, /[,\n]/), ...(ward ? { ward } : {}) }];
  });

  const electionRows: number[] = [];
  const elections = model.elections.slice(0, MAX_ROWS).flatMap((row, i) => {
    if (isBlankDate(row.pollingDay) && isBlankDate(row.preElectionStart) && row.wards.trim() === '') return [];
    electionRows.push(i);
    const date = (name: 'pollingDay' | 'preElectionStart') => {
      const parsed = isoDate(row[name]);
      if (parsed === 'invalid') issues.push({ field: `elections[${i}].${name}`, value: JSON.stringify(shownDate(row[name])), message: 'must be a real date, as day, month and year, for example 6 5 2027' });
      return typeof parsed === 'string' && parsed !== 'invalid' ? { [name]: parsed } : {};
    };
    const wards = list(`elections[${i}].wards`, row.wards, /[,\n]/);
    return [{ ...date('pollingDay'), ...date('preElectionStart'), ...(wards.length ? { wards } : {}) }];
  });

  const rules: Record<string, unknown> = {};
  for (const rule of model.rules) {
    const severity = rule.severity.trim();
    if (rule.enabled && severity === '' && rule.wordingModel !== false && current?.rules[rule.id] === undefined) continue;
    // The rule's own options (copyright-attribution's sources, say) are not on the form: they are kept.
    const { enabled: _enabled, severity: _severity, ...options } = (current?.rules[rule.id] ?? {}) as Record<string, unknown>;
    // The second opinion is written only when turned off (on is the default), or when it was written before.
    if (rule.wordingModel === false) options.wordingModel = false;
    else if (rule.wordingModel === true && options.wordingModel === false) delete options.wordingModel;
    rules[rule.id] = { ...options, enabled: rule.enabled, ...(severity === '' ? {} : { severity: (SEVERITIES as readonly string[]).includes(severity) ? (severity as Severity) : severity }) };
  }

  const removalNotice = text('removalNotice', model.removalNotice, MAX_NOTICE_LENGTH);
  // What the form does not show (time zone, retention, candidates, report recipients, fields added
  // later) is kept as it is, so saving the form never drops a setting; the registry keeps the accounts.
  const { approvedAccounts: _accounts, ...kept } = (current ?? {}) as Partial<CouncilConfig>;
  const config: Record<string, unknown> = {
    ...kept,
    council: {
      ...(current?.council ?? {}),
      name: text('council.name', model.name),
      aliases: list('council.aliases', model.aliases),
      domains: list('council.domains', model.domains),
      wards: list('council.wards', model.wards),
    },
    publishedContacts: list('publishedContacts', model.publishedContacts),
    councillors,
    elections,
    attributionExempt: list('attributionExempt', model.attributionExempt),
    removalNotice: removalNotice || undefined,
    rules,
  };
  if (config.removalNotice === undefined) delete config.removalNotice;
  const digestTo = list('digestTo', model.digestTo, /[,\n]/);

  return { config, digestTo, issues: firstPerField(issues), formFieldOf: (path) => formFieldOf(path, councillorRows, electionRows) };
}

/** The form field a configuration or registration path is shown against. */
function formFieldOf(path: string, councillorRows: readonly number[], electionRows: readonly number[]): string {
  const row = /^(councillors|elections)\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (row) {
    const rows = row[1] === 'councillors' ? councillorRows : electionRows;
    const formRow = rows[Number(row[2])] ?? Number(row[2]);
    return row[3] ? `${row[1]}[${formRow}].${row[3]}` : `${row[1]}[${formRow}]`;
  }
  const rule = /^rules\.([\w-]+)(?:\.(\w+))?/.exec(path);
  if (rule) return `rules.${rule[1]}.${rule[2] === 'enabled' ? 'enabled' : 'severity'}`;
  // A line of a list is shown against the list: `council.aliases[2]` → `council.aliases`.
  return path.replace(/\[\d+\]$/, '');
}

/** The field's name as its label reads, for the error summary: `Councillor 3: handles`. */
export function fieldLabel(field: string): string {
  const row = /^(councillors|elections)\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (row) {
    const part = row[3] ? `: ${ROW_PARTS[row[3]] ?? row[3]}` : '';
    return `${row[1] === 'councillors' ? 'Councillor' : 'Election'} ${Number(row[2]) + 1}${part}`;
  }
  const rule = /^rules\.([\w-]+)\.(enabled|severity)$/.exec(field);
  if (rule) return `${RULE_TITLES[rule[1] as RuleId] ?? rule[1]}: ${rule[2] === 'enabled' ? 'switched on' : 'severity'}`;
  return LABELS[field] ?? field;
}

/** Issues in the order their fields appear on the form, as the GOV.UK error summary lists them. */
export function inFormOrder<T extends { field: string }>(issues: readonly T[]): T[] {
  const rank = (field: string): number[] => {
    const row = /^(councillors|elections)(?:\[(\d+)\](?:\.(\w+))?)?/.exec(field);
    if (row) return [row[1] === 'councillors' ? 4 : 5, Number(row[2] ?? -1), ['name', 'ward', 'handles', 'pollingDay', 'preElectionStart'].indexOf(row[3] ?? '')];
    const rule = /^rules\.([\w-]+)\.(enabled|severity)$/.exec(field);
    if (rule) return [8, RULE_IDS.indexOf(rule[1] as RuleId), rule[2] === 'enabled' ? 0 : 1];
    const at = FORM_ORDER.indexOf(field);
    return [at === -1 ? FORM_ORDER.length : at];
  };
  const compare = (a: number[], b: number[]): number => {
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) if ((a[i] ?? -1) !== (b[i] ?? -1)) return (a[i] ?? -1) - (b[i] ?? -1);
    return 0;
  };
  return [...issues].sort((a, b) => compare(rank(a.field), rank(b.field)));
}

/** The form's sections in order (councillors at 4, elections at 5, rules at 8 are ranked by row). */
const FORM_ORDER = ['council.name', 'council.aliases', 'council.domains', 'council.wards', 'publishedContacts', 'councillors', 'elections', 'attributionExempt', 'removalNotice', 'rules', 'digestTo', 'timezone'];

/** The id of the control an error about a field links to (a date's first box: its day). */
export function fieldId(field: string): string {
  const id = field.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+$/, '');
  return /\.(pollingDay|preElectionStart)$/.test(field) ? `${id}-day` : id;
}

const LABELS: Record<string, string> = {
  'council.name': 'Council name',
  'council.aliases': 'Other names',
  'council.domains': 'Web and email domains',
  'council.wards': 'Wards',
  publishedContacts: 'Published contacts',
  councillors: 'Councillors',
  elections: 'Elections',
  attributionExempt: 'Sources that need no credit',
  removalNotice: 'Removal notice',
  digestTo: 'Weekly digest recipients',
  timezone: 'Time zone',
};

const ROW_PARTS: Record<string, string> = {
  name: 'name',
  ward: 'ward',
  handles: 'handles',
  pollingDay: 'polling day',
  preElectionStart: 'pre-election period starts',
};

function lines(values: readonly string[] | undefined): string {
  return (values ?? []).join('\n');
}

function blankRows<T>(count: number, make: () => T): T[] {
  return Array.from({ length: count }, make);
}

function blankCouncillor(): CouncillorRow {
  return { name: '', ward: '', handles: '' };
}

function blankElection(): ElectionRow {
  return { pollingDay: { day: '', month: '', year: '' }, preElectionStart: { day: '', month: '', year: '' }, wards: '' };
}

function dateParts(iso: string): DateParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

function isBlankDate(parts: DateParts): boolean {
  return `${parts.day}${parts.month}${parts.year}`.trim() === '';
}

function shownDate(parts: DateParts): string {
  return `${parts.day.trim()}/${parts.month.trim()}/${parts.year.trim()}`.slice(0, 40);
}

/** YYYY-MM-DD, undefined for a blank date (the schema says it is missing), or `invalid`. */
function isoDate(parts: DateParts): string | undefined {
  if (isBlankDate(parts)) return undefined;
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return 'invalid';
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : 'invalid';
}

function firstPerField(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => !seen.has(issue.field) && Boolean(seen.add(issue.field)));
}
