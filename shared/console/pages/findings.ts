import { formatLocal, isoWeekOf, parseIsoWeek, weekLabel } from '../../domain/calendar';
import { SEVERITIES, type Severity } from '../../domain/config';
import { DEFAULT_DIGEST_SCHEDULE } from '../../domain/council';
import { ValidationError } from '../../domain/errors';
import { FINDING_STATUSES, RESOLUTION_OUTCOMES, RULE_IDS, RULE_TITLES, type ResolutionOutcome, type ReviewAction, type RuleId } from '../../domain/finding';
import { platformTitle } from '../../domain/post';
import type { FindingEvent, StoredFinding } from '../../domain/records';
import { SEVERITIES_HIGH_FIRST, webLink } from '../../rendering/display';
import { acknowledgeFinding, dismissFinding, FindingTransitionError, readFinding, reopenFinding, resolveFinding, TRANSITIONS } from '../../review/review-finding';
import { FindingStatusChangedError, type FindingStatus } from '../../store/audit-store';
import { button, choices, errorSummary, notification, postForm, summaryList, tag, textarea, timeline, type FieldError } from '../components';
import type { NavItem, PageContext, Route } from '../context';
import { html, queryString, type Html } from '../html';
import type { ConsoleResponse } from '../http';

/**
 * The findings area: the council's findings list and one finding with its review forms. The pages
 * only adapt: reading and every change go through shared/review's use cases, which authorise again.
 */
export const FINDINGS_NAV: NavItem = { id: 'findings', text: 'Findings', href: (c) => `/councils/${c}/findings`, action: 'read-findings' };

export const FINDINGS_ROUTES: readonly Route[] = [
  { method: 'GET', path: '/councils/:council/findings', action: 'read-findings', handle: findingsList },
  { method: 'GET', path: '/councils/:council/findings/:id', action: 'read-findings', handle: (c) => findingPage(c) },
  ...(['acknowledge', 'resolve', 'dismiss', 'reopen'] as const).map(
    (action): Route => ({ method: 'POST', path: `/councils/:council/findings/:id/${action}`, action: 'review-findings', handle: (c) => reviewAction(c, action) }),
  ),
];

/** How many posts one page of the list shows. */
export const POSTS_PER_PAGE = 25;

const STATUS_TITLES: Record<FindingStatus, string> = { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved', dismissed: 'Dismissed' };
const SEVERITY_TITLES: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };
const OUTCOME_TITLES: Record<ResolutionOutcome, string> = { 'post-deleted': 'Post deleted', 'post-edited': 'Post edited', 'reply-posted': 'Reply posted', other: 'Other' };
const ACTION_DONE: Record<ReviewAction, string> = { acknowledge: 'acknowledged', resolve: 'resolved', dismiss: 'dismissed', reopen: 'reopened' };

interface Filters {
  rule: RuleId[];
  severity: Severity[];
  account: string[];
  status: FindingStatus[];
  week?: string;
}

const DIMENSIONS = ['rule', 'severity', 'account', 'status'] as const;
type Dimension = (typeof DIMENSIONS)[number];

function timezoneOf(context: PageContext): string {
  return context.council.timezone ?? DEFAULT_DIGEST_SCHEDULE.timezone;
}

/** The filters in the query, each value checked: an unknown one is named in the error summary and left out. */
function readFilters(query: URLSearchParams, weeks: readonly string[]): { filters: Filters; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const pick = <T extends string>(field: string, allowed: readonly T[], label: string): T[] =>
    query.getAll(field).filter((value) => {
      if ((allowed as readonly string[]).includes(value)) return true;
      errors.push({ field: `filter-${field}`, message: `${label} "${value}" is not one of the choices: choose from the list` });
      return false;
    }) as T[];
  const filters: Filters = {
    rule: pick('rule', RULE_IDS, 'Rule'),
    severity: pick('severity', SEVERITIES, 'Severity'),
    account: query.getAll('account').filter((a) => a.length > 0 && a.length <= 200),
    status: pick('status', FINDING_STATUSES, 'Status'),
  };
  const week = query.get('week');
  if (week) {
    if (/^\d{4}-W\d{2}$/.test(week) && weeks.includes(week)) filters.week = week;
    else errors.push({ field: 'filter-week', message: `Week "${week}" is not a week of the last year: choose one from the list` });
  }
  return { filters, errors };
}

function matches(finding: StoredFinding, filters: Filters, except?: Dimension): boolean {
  for (const dimension of DIMENSIONS) {
    if (dimension === except) continue;
    const chosen = filters[dimension] as readonly string[];
    if (chosen.length === 0) continue;
    const value = dimension === 'account' ? accountKey(finding) : finding[dimension];
    if (!chosen.includes(value)) return false;
  }
  return true;
}

function accountKey(finding: Pick<StoredFinding, 'platform' | 'account'>): string {
  return `${finding.platform}:${finding.account}`;
}

/** An account filter's value as people read it: `mastodon:@clerk@x.example` → `@clerk@x.example on Mastodon`. */
function accountTitle(key: string): string {
  const colon = key.indexOf(':');
  return colon < 0 ? key : `${key.slice(colon + 1)} on ${platformTitle(key.slice(0, colon))}`;
}

/** The weeks one may filter by: this week and the 51 before it, newest first. */
function recentWeeks(context: PageContext): string[] {
  const weeks: string[] = [];
  let at = context.now.getTime();
  for (let i = 0; i < 52; i += 1, at -= 7 * 86_400_000) weeks.push(isoWeekOf(new Date(at), timezoneOf(context)).id);
  return [...new Set(weeks)];
}

/**
 * GET the findings list. Index queries only: without a week, the open index (open and acknowledged
 * findings, whenever raised); with one, the week index (every finding raised that week, any status).
 */
async function findingsList(context: PageContext): Promise<ConsoleResponse> {
  const weeks = recentWeeks(context);
  const { filters, errors } = readFilters(context.request.query, weeks);
  const council = context.deps.store.forCouncil(context.councilId);
  const all = filters.week ? await council.listFindingsDetectedIn(filters.week) : await council.listOpenFindings();
  const shown = all.filter((f) => matches(f, filters));
  const groups = groupByPost(shown);
  const pages = Math.max(1, Math.ceil(groups.length / POSTS_PER_PAGE));
  const pageNumber = Math.min(pages, Math.max(1, Number.parseInt(context.request.query.get('page') ?? '1', 10) || 1));
  const pageGroups = groups.slice((pageNumber - 1) * POSTS_PER_PAGE, pageNumber * POSTS_PER_PAGE);
  const timezone = timezoneOf(context);
  const base = `/councils/${context.councilId}/findings`;
  const filterQuery = (page?: number) =>
    queryString([
      ...DIMENSIONS.flatMap((d) => (filters[d] as string[]).map((v) => [d, v] as const)),
      ['week', filters.week],
      ['page', page && page > 1 ? String(page) : undefined],
    ]);

  const counts = (dimension: Dimension, value: (f: StoredFinding) => string) => {
    const tally = new Map<string, number>();
    for (const f of all) if (matches(f, filters, dimension)) tally.set(value(f), (tally.get(value(f)) ?? 0) + 1);
    return tally;
  };
  const ruleCounts = counts('rule', (f) => f.rule);
  const severityCounts = counts('severity', (f) => f.severity);
  const statusCounts = counts('status', (f) => f.status);
  const accountCounts = counts('account', accountKey);
  const accounts = [...new Set(all.map(accountKey))].sort();
  const statuses = filters.week ? FINDING_STATUSES : (['open', 'acknowledged'] as const);
  const scope = filters.week ? `raised in ${weekLabel(parseIsoWeek(filters.week))}` : 'still open';

  const filterPanel = html`<div class="moj-filter" data-module="moj-filter"><div class="moj-filter__header"><div class="moj-filter__header-title"><h2 class="govuk-heading-m">Filter</h2></div></div><div class="moj-filter__content">${
    selectedFilters(filters, base)
  }<div class="moj-filter__options"><form method="get" action="${base}" novalidate>${button('Apply filters')}${choices({
    type: 'checkbox',
    name: 'severity',
    idPrefix: 'filter-severity',
    legend: 'Severity',
    small: true,
    items: SEVERITIES_HIGH_FIRST.map((s) => ({ value: s, text: `${SEVERITY_TITLES[s]} (${severityCounts.get(s) ?? 0})`, checked: filters.severity.includes(s) })),
  })}${choices({
    type: 'checkbox',
    name: 'status',
    idPrefix: 'filter-status',
    legend: 'Status',
    small: true,
    ...(filters.week ? {} : { hint: 'Choose a week to see resolved and dismissed findings too.' }),
    items: statuses.map((s) => ({ value: s, text: `${STATUS_TITLES[s]} (${statusCounts.get(s) ?? 0})`, checked: filters.status.includes(s) })),
  })}${choices({
    type: 'checkbox',
    name: 'rule',
    idPrefix: 'filter-rule',
    legend: 'Rule',
    small: true,
    items: RULE_IDS.map((r) => ({ value: r, text: `${RULE_TITLES[r]} (${ruleCounts.get(r) ?? 0})`, checked: filters.rule.includes(r) })),
  })}${
    accounts.length
      ? choices({
          type: 'checkbox',
          name: 'account',
          idPrefix: 'filter-account',
          legend: 'Account',
          small: true,
          items: accounts.map((a) => ({ value: a, text: `${accountTitle(a)} (${accountCounts.get(a) ?? 0})`, checked: filters.account.includes(a) })),
        })
      : ''
  }<div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="filter-week">Week raised</label><select class="govuk-select" id="filter-week" name="week"><option value="">Any week (open findings)</option>${weeks.map(
    (w) => html`<option value="${w}"${filters.week === w ? html` selected` : ''}>${weekLabel(parseIsoWeek(w))}</option>`,
  )}</select></div>${button('Apply filters', { secondary: true })}</form></div></div></div>`;

  const list = pageGroups.length
    ? pageGroups.map((group) => postGroup(group, context, timezone))
    : html`<p class="govuk-body">No findings match.${shown.length === 0 && all.length === 0 && !filters.week ? ' Nothing is open: every finding has been dealt with.' : ''}</p>`;

  const body = html`${errorSummary(errors)}<h1 class="govuk-heading-l">Findings</h1><p class="govuk-body">${shown.length} finding${shown.length === 1 ? '' : 's'} ${scope}, in ${groups.length} post${
    groups.length === 1 ? '' : 's'
  }: most severe and newest first.</p><div class="moj-filter-layout"><div class="moj-filter-layout__filter">${filterPanel}</div><div class="moj-filter-layout__content">${list}${
    pages > 1 ? pagination(pageNumber, pages, (p) => `${base}${filterQuery(p)}`) : ''
  }</div></div>`;
  return context.page({ title: 'Findings', body, section: 'findings', error: errors.length > 0, ...(errors.length ? { status: 400 } : {}) });
}

function selectedFilters(filters: Filters, base: string): Html {
  const chosen: { label: string; value: string; dimension: string }[] = [
    ...filters.severity.map((v) => ({ label: SEVERITY_TITLES[v], value: v, dimension: 'severity' })),
    ...filters.status.map((v) => ({ label: STATUS_TITLES[v], value: v, dimension: 'status' })),
    ...filters.rule.map((v) => ({ label: RULE_TITLES[v], value: v, dimension: 'rule' })),
    ...filters.account.map((v) => ({ label: accountTitle(v), value: v, dimension: 'account' })),
    ...(filters.week ? [{ label: `Week ${filters.week}`, value: filters.week, dimension: 'week' }] : []),
  ];
  if (chosen.length === 0) return html``;
  const without = (item: { dimension: string; value: string }) =>
    `${base}${queryString([
      ...DIMENSIONS.flatMap((d) => (filters[d] as string[]).filter((v) => !(d === item.dimension && v === item.value)).map((v) => [d, v] as const)),
      ['week', item.dimension === 'week' ? undefined : filters.week],
    ])}`;
  return html`<div class="moj-filter__selected"><div class="moj-filter__selected-heading"><div class="moj-filter__heading-title"><h2 class="govuk-heading-m">Selected filters</h2></div><div class="moj-filter__heading-action"><p class="govuk-body"><a class="govuk-link govuk-link--no-visited-state" href="${base}">Clear filters</a></p></div></div><ul class="moj-filter-tags">${chosen.map(
    (item) => html`<li><a class="moj-filter__tag" href="${without(item)}"><span class="govuk-visually-hidden">Remove this filter</span> ${item.label}</a></li>`,
  )}</ul></div>`;
}

interface PostGroup {
  key: string;
  findings: StoredFinding[];
  severity: Severity;
  newest: string;
}

/** Findings grouped by post; posts most severe first, then newest; within a post, the same order. */
export function groupByPost(findings: readonly StoredFinding[]): PostGroup[] {
  const rank = (s: Severity) => SEVERITIES_HIGH_FIRST.indexOf(s);
  const byPost = new Map<string, StoredFinding[]>();
  for (const f of findings) {
    const key = f.postId !== undefined ? `${accountKey(f)} ${f.postId}` : f.postUrl !== undefined ? `url ${f.postUrl}` : `finding ${f.id}`;
    const group = byPost.get(key);
    if (group) group.push(f);
    else byPost.set(key, [f]);
  }
  const groups = [...byPost].map(([key, group]): PostGroup => {
    group.sort((a, b) => rank(a.severity) - rank(b.severity) || b.detectedAt.localeCompare(a.detectedAt) || a.id.localeCompare(b.id));
    return { key, findings: group, severity: group[0]!.severity, newest: group.reduce((n, f) => (f.detectedAt > n ? f.detectedAt : n), '') };
  });
  return groups.sort((a, b) => rank(a.severity) - rank(b.severity) || b.newest.localeCompare(a.newest) || a.key.localeCompare(b.key));
}

function postGroup(group: PostGroup, context: PageContext, timezone: string): Html {
  const first = group.findings[0]!;
  const link = webLink(first.postUrl);
  const base = `/councils/${context.councilId}/findings`;
  return html`<section class="app-post" aria-label="Post by ${first.account}"><h2 class="govuk-heading-s govuk-!-margin-bottom-1">${first.account} <span class="govuk-caption-s">on ${platformTitle(first.platform)}${
    first.postedAt ? `, posted ${formatLocal(first.postedAt, timezone)}` : ''
  }</span></h2>${link ? html`<p class="govuk-body-s govuk-!-margin-bottom-2"><a class="govuk-link" href="${link}" rel="noreferrer noopener">View the post<span class="govuk-visually-hidden"> by ${first.account}</span></a></p>` : ''}<table class="govuk-table govuk-!-margin-bottom-2"><caption class="govuk-table__caption govuk-visually-hidden">Findings in this post</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Finding</th><th scope="col" class="govuk-table__header">Severity</th><th scope="col" class="govuk-table__header">Status</th><th scope="col" class="govuk-table__header">Raised</th></tr></thead><tbody class="govuk-table__body">${group.findings.map(
    (f) =>
      html`<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="${base}/${encodeURIComponent(f.id)}">${RULE_TITLES[f.rule]}</a><p class="govuk-body-s govuk-!-margin-bottom-0">${f.evidence}</p></td><td class="govuk-table__cell">${tag(SEVERITY_TITLES[f.severity], f.severity)}</td><td class="govuk-table__cell">${tag(STATUS_TITLES[f.status], f.status)}</td><td class="govuk-table__cell"><time datetime="${f.detectedAt}">${formatLocal(f.detectedAt, timezone).replace(/, \d\d:\d\d$/, '')}</time></td></tr>`,
  )}</tbody></table></section>`;
}

function pagination(current: number, pages: number, href: (page: number) => string): Html {
  return html`<nav class="govuk-pagination" aria-label="Pages of findings">${
    current > 1 ? html`<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="${href(current - 1)}" rel="prev"><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>` : ''
  }<p class="govuk-body govuk-!-margin-bottom-0 govuk-!-margin-top-1">Page ${current} of ${pages}</p>${
    current < pages ? html`<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="${href(current + 1)}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>` : ''
  }</nav>`;
}

interface FormState {
  action?: ReviewAction;
  errors?: FieldError[];
  values?: URLSearchParams;
  problem?: string;
}

/** GET one finding: what was found, masked as in the digest; the review forms its status allows; its audit trail. */
async function findingPage(context: PageContext, state: FormState = {}): Promise<ConsoleResponse> {
  const { finding, events } = await readFinding(context.deps, context.principal, { councilId: context.councilId, findingId: context.params.id! });
  const timezone = timezoneOf(context);
  const link = webLink(finding.postUrl);
  const done = context.request.method === 'GET' ? context.request.query.get('done') : null;
  const doneBanner = done && Object.values(ACTION_DONE).includes(done) ? notification('Success', html`Finding ${done}. <a class="govuk-notification-banner__link" href="/councils/${context.councilId}/findings">Back to the findings</a>`, { success: true }) : '';
  const errors = state.errors ?? [];
  const problem = state.problem ? [{ field: 'history', message: state.problem }] : [];

  const body = html`${doneBanner}${errorSummary([...errors, ...problem])}<span class="govuk-caption-l">${finding.account} on ${platformTitle(finding.platform)}</span><h1 class="govuk-heading-l">${RULE_TITLES[finding.rule]}</h1>${summaryList([
    { key: 'Severity', value: tag(SEVERITY_TITLES[finding.severity], finding.severity) },
    { key: 'Status', value: tag(STATUS_TITLES[finding.status], finding.status) },
    { key: 'Post', value: link ? html`<a class="govuk-link" href="${link}" rel="noreferrer noopener">View the post by ${finding.account}</a>` : 'No link to the post' },
    ...(finding.postedAt ? [{ key: 'Posted', value: formatLocal(finding.postedAt, timezone) }] : []),
    { key: 'Raised', value: formatLocal(finding.detectedAt, timezone) },
    { key: 'Evidence', value: html`<span class="app-evidence">${finding.evidence}</span>` },
    { key: 'Why it was raised', value: finding.reason },
    { key: 'Policy clause', value: finding.clause },
    { key: 'What to do', value: finding.remediation },
  ])}${context.can('review-findings') ? reviewForms(context, finding, state) : html`<p class="govuk-body">You can read this finding. Reviewing it is for the council's Town Clerk and admins.</p>`}<h2 class="govuk-heading-m" id="history" tabindex="-1">History</h2>${timeline(
    historyItems(finding, events, timezone),
  )}`;
  return context.page({
    title: RULE_TITLES[finding.rule],
    body,
    section: 'findings',
    error: errors.length + problem.length > 0,
    ...(errors.length ? { status: 400 } : problem.length ? { status: 409 } : {}),
    backLink: { href: `/councils/${context.councilId}/findings`, text: 'Back to findings' },
  });
}

function reviewForms(context: PageContext, finding: StoredFinding, state: FormState): Html {
  const base = `/councils/${context.councilId}/findings/${encodeURIComponent(finding.id)}`;
  const allowed = (action: ReviewAction) => TRANSITIONS[action].from.includes(finding.status);
  const value = (action: ReviewAction, field: string) => (state.action === action ? (state.values?.get(field) ?? undefined) : undefined);
  const errors = state.errors;
  const forms: Html[] = [];
  if (allowed('acknowledge')) {
    forms.push(
      html`<h3 class="govuk-heading-s">Acknowledge</h3>${postForm(
        `${base}/acknowledge`,
        context.csrfToken,
        html`${textarea({ name: 'note', id: 'acknowledge-note', label: 'Note (optional)', hint: 'Who is dealing with it, or how.', value: value('acknowledge', 'note'), errors: scoped(errors, 'acknowledge') })}${button('Acknowledge', { secondary: true })}`,
      )}`,
    );
  }
  if (allowed('resolve')) {
    const outcome = value('resolve', 'outcome');
    forms.push(
      html`<h3 class="govuk-heading-s">Resolve</h3>${postForm(
        `${base}/resolve`,
        context.csrfToken,
        html`${choices({
          type: 'radio',
          name: 'outcome',
          idPrefix: 'resolve-outcome',
          legend: 'What was done?',
          items: RESOLUTION_OUTCOMES.map((o) => ({ value: o, text: OUTCOME_TITLES[o], checked: outcome === o })),
          errors: scoped(errors, 'resolve', { outcome: 'outcome' }),
        })}${textarea({ name: 'note', id: 'resolve-note', label: 'Note', hint: 'Needed when you choose Other: say what was done.', value: value('resolve', 'note'), errors: scoped(errors, 'resolve') })}${button('Resolve')}`,
      )}`,
    );
  }
  if (allowed('dismiss')) {
    forms.push(
      html`<h3 class="govuk-heading-s">Dismiss as a false alarm</h3>${postForm(
        `${base}/dismiss`,
        context.csrfToken,
        html`${textarea({ name: 'reason', id: 'dismiss-reason', label: 'Why is it a false alarm?', value: value('dismiss', 'reason'), errors: scoped(errors, 'dismiss') })}${choices({
          type: 'checkbox',
          name: 'suppress',
          idPrefix: 'dismiss-suppress',
          legend: 'Raising it again',
          items: [
            {
              value: 'yes',
              text: "Don't raise this again for this account and evidence",
              hint: 'It is listed under Suppressions, where it can be lifted.',
              checked: value('dismiss', 'suppress') === 'yes',
            },
          ],
        })}${button('Dismiss', { warning: true })}`,
      )}`,
    );
  }
  if (allowed('reopen')) {
    forms.push(
      html`<h3 class="govuk-heading-s">Reopen</h3>${postForm(
        `${base}/reopen`,
        context.csrfToken,
        html`${textarea({ name: 'reason', id: 'reopen-reason', label: 'Why reopen it?', value: value('reopen', 'reason'), errors: scoped(errors, 'reopen') })}${button('Reopen', { secondary: true })}`,
      )}`,
    );
  }
  return html`<h2 class="govuk-heading-m">Review</h2>${forms}`;
}

/** The errors of one form, by their field's name there (the ids are the action's: `dismiss-reason`). */
function scoped(errors: readonly FieldError[] | undefined, action: ReviewAction, names: Record<string, string> = {}): FieldError[] {
  const prefix = `${action}-`;
  return (errors ?? []).filter((e) => e.field.startsWith(prefix)).map((e) => ({ ...e, field: names[e.field.slice(prefix.length)] ?? e.field.slice(prefix.length) }));
}

function historyItems(finding: StoredFinding, events: readonly FindingEvent[], timezone: string) {
  const items = events.map((event) => ({
    title: eventTitle(event),
    byline: event.byName ? `${event.byName} (${event.by})` : event.by,
    datetime: event.at,
    dateText: formatLocal(event.at, timezone),
    description: html`${event.note ? html`<p class="govuk-body app-evidence">${event.note}</p>` : ''}${
      event.suppressionId ? html`<p class="govuk-body">Not to be raised again for this account and evidence (suppression ${event.suppressionId}).</p>` : ''
    }${event.status === event.previousStatus ? '' : html`<p class="govuk-body-s">${STATUS_TITLES[event.previousStatus]} → ${STATUS_TITLES[event.status]}</p>`}`,
  }));
  items.reverse();
  items.push({ title: 'Raised', byline: 'the scan', datetime: finding.detectedAt, dateText: formatLocal(finding.detectedAt, timezone), description: html`<p class="govuk-body">${finding.reason}</p>` });
  return items;
}

function eventTitle(event: FindingEvent): string {
  switch (event.action) {
    case 'acknowledge':
      return 'Acknowledged';
    case 'resolve':
      return `Resolved${event.outcome ? `: ${OUTCOME_TITLES[event.outcome].toLowerCase()}` : ''}`;
    case 'dismiss':
      return 'Dismissed as a false alarm';
    case 'reopen':
      return 'Reopened';
    default:
      return STATUS_TITLES[event.status];
  }
}

const FIELD_LABELS: Record<string, string> = { note: 'Note', reason: 'Reason', outcome: 'What was done' };

/** POST a review action: the use case decides; a refusal re-renders the page with the error summary. */
async function reviewAction(context: PageContext, action: ReviewAction): Promise<ConsoleResponse> {
  const ref = { councilId: context.councilId, findingId: context.params.id! };
  const form = context.form;
  try {
    if (action === 'acknowledge') await acknowledgeFinding(context.deps, context.principal, { ...ref, note: form.get('note') ?? undefined });
    else if (action === 'resolve') {
      const outcome = form.get('outcome');
      if (!outcome) {
        return await findingPage(context, { action, values: form, errors: [{ field: 'resolve-outcome', message: 'What was done: choose post deleted, post edited, reply posted or other' }] });
      }
      await resolveFinding(context.deps, context.principal, { ...ref, outcome: outcome as ResolutionOutcome, note: form.get('note') ?? undefined });
    } else if (action === 'dismiss') {
      await dismissFinding(context.deps, context.principal, { ...ref, reason: form.get('reason') ?? '', suppress: form.get('suppress') === 'yes' });
    } else await reopenFinding(context.deps, context.principal, { ...ref, reason: form.get('reason') ?? '' });
  } catch (error) {
    if (error instanceof ValidationError) {
      const errors = error.issues.map((issue) => ({
        field: `${action}-${issue.field}`,
        message: `${FIELD_LABELS[issue.field] ?? issue.field}${issue.value !== undefined ? ` ${issue.value.length > 60 ? `${issue.value.slice(0, 59)}…` : issue.value}` : ''}: ${issue.message}`,
      }));
      return findingPage(context, { action, values: form, errors });
    }
    if (error instanceof FindingTransitionError || error instanceof FindingStatusChangedError) return findingPage(context, { problem: error.message });
    throw error;
  }
  return context.redirect(`/councils/${context.councilId}/findings/${encodeURIComponent(ref.findingId)}?done=${ACTION_DONE[action]}`);
}
