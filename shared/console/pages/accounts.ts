import {
  approveCouncilAccount,
  confirmImpostor,
  dismissImpostor,
  HANDLE_HINTS,
  listAccountStates,
  listImpostorCandidates,
  NotAnImpostorCandidateError,
  registerCouncilAccount,
  removeCouncilAccount,
  setCouncilAccountPaused,
  type AccountState,
  type ImpostorCandidate,
} from '../../accounts/council-accounts';
import { formatLocal } from '../../domain/calendar';
import { DEFAULT_DIGEST_SCHEDULE } from '../../domain/council';
import { AccountNotFoundError, ValidationError } from '../../domain/errors';
import { PLATFORMS, platformTitle, type Platform } from '../../domain/post';
import { webLink } from '../../rendering/display';
import { FindingTransitionError } from '../../review/review-finding';
import { FindingStatusChangedError } from '../../store/audit-store';
import { choices, errorSummary, notification, postForm, summaryList, tag, type FieldError } from '../components';
import type { NavItem, PageContext, Route } from '../context';
import { actionButton, issueErrors, table, textArea, textInput } from '../fields';
import { html, type Html } from '../html';
import type { ConsoleResponse } from '../http';

/**
 * The accounts area: every registered account with its state, registering one, the Town Clerk's
 * approval, pausing and removing, and the impostor candidates discovery found. The pages adapt only:
 * shared/accounts/council-accounts.ts authorises and does each thing, for the command line too.
 */
export const ACCOUNTS_NAV: NavItem = { id: 'accounts', text: 'Accounts', href: (c) => `/councils/${c}/accounts`, action: 'read-findings' };

export const ACCOUNTS_ROUTES: readonly Route[] = [
  { method: 'GET', path: '/councils/:council/accounts', action: 'read-findings', handle: (c) => accountsPage(c) },
  // The impostor list links here with the platform and handle filled in, for an account the council runs after all.
  { method: 'GET', path: '/councils/:council/accounts/register', action: 'manage-accounts', handle: (c) => registerPage(c, [], c.request.query) },
  { method: 'POST', path: '/councils/:council/accounts/register', action: 'manage-accounts', handle: register },
  { method: 'POST', path: '/councils/:council/accounts/approve', action: 'approve-accounts', handle: (c) => accountAction(c, 'approve') },
  { method: 'POST', path: '/councils/:council/accounts/pause', action: 'manage-accounts', handle: (c) => accountAction(c, 'pause') },
  { method: 'POST', path: '/councils/:council/accounts/resume', action: 'manage-accounts', handle: (c) => accountAction(c, 'resume') },
  { method: 'GET', path: '/councils/:council/accounts/remove', action: 'manage-accounts', handle: confirmRemoval },
  { method: 'POST', path: '/councils/:council/accounts/remove', action: 'manage-accounts', handle: (c) => accountAction(c, 'remove') },
  { method: 'POST', path: '/councils/:council/accounts/impostors/:id/confirm', action: 'review-findings', handle: (c) => impostorAction(c, 'confirm') },
  { method: 'POST', path: '/councils/:council/accounts/impostors/:id/dismiss', action: 'review-findings', handle: (c) => impostorAction(c, 'dismiss') },
];

type AccountAction = 'approve' | 'pause' | 'resume' | 'remove';

const DONE: Record<string, string> = {
  registered: 'Account registered. The Town Clerk approves it before it counts as the council’s.',
  approve: 'Account approved.',
  pause: 'Account paused: it is not checked until it is resumed.',
  resume: 'Account resumed: it is checked again from where it stopped.',
  remove: 'Account removed: it is no longer checked. Its posts and findings are kept as evidence.',
  confirm: 'Marked as an impostor. Report it to the platform, then resolve the finding once the account is closed.',
  dismiss: 'Marked as not presenting as the council.',
};

const CONDITION_TEXT: Record<AccountState['condition'], { text: string; colour: string }> = {
  'needs-reconnection': { text: 'Needs reconnection', colour: 'red' },
  'capture-failing': { text: 'Capture failing', colour: 'orange' },
  paused: { text: 'Paused', colour: 'grey' },
  monitored: { text: 'Checked', colour: 'green' },
};

interface PageState {
  errors?: FieldError[];
  /** The candidate whose dismissal was refused, and what was typed. */
  dismissing?: { id: string; reason: string };
  problem?: string;
}

function timezoneOf(context: PageContext): string {
  return context.council.timezone ?? DEFAULT_DIGEST_SCHEDULE.timezone;
}

async function accountsPage(context: PageContext, state: PageState = {}): Promise<ConsoleResponse> {
  const [states, candidates] = await Promise.all([
    listAccountStates(context.deps, context.principal, context.councilId),
    listImpostorCandidates(context.deps, context.principal, context.councilId),
  ]);
  const base = `/councils/${context.councilId}/accounts`;
  const done = context.request.method === 'GET' ? context.request.query.get('done') : null;
  const banner = done && DONE[done] ? notification('Success', DONE[done], { success: true }) : '';
  const errors = [...(state.errors ?? []), ...(state.problem ? [{ field: 'impostors', message: state.problem }] : [])];
  const awaiting = states.filter((s) => !s.approved).length;

  const body = html`${banner}${errorSummary(errors)}<h1 class="govuk-heading-l">Accounts</h1><p class="govuk-body">The council’s accounts that are checked each week: ${states.length} registered${
    awaiting ? `, ${awaiting} awaiting the Town Clerk’s approval` : ''
  }.</p>${context.can('manage-accounts') ? html`<a href="${base}/register" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Register an account</a>` : ''}${
    states.length
      ? table({
          caption: 'Registered accounts',
          captionHidden: true,
          head: ['Account', 'Approval', 'State', ...(context.can('manage-accounts') || context.can('approve-accounts') ? [html`<span class="govuk-visually-hidden">Actions</span>`] : [])],
          rows: states.map((s) => accountRow(context, s)),
        })
      : html`<p class="govuk-body">No accounts are registered yet.</p>`
  }<h2 class="govuk-heading-m" id="impostors" tabindex="-1">Accounts presenting as the council (${candidates.length})</h2><p class="govuk-body">Accounts the weekly search found that present themselves as the council but are not registered. Confirm an impostor and report it to its platform, or mark it as not the council.</p>${
    candidates.length ? candidates.map((c) => candidateCard(context, c, state)) : html`<p class="govuk-body">None found.</p>`
  }`;
  return context.page({ title: 'Accounts', body, section: 'accounts', error: errors.length > 0, ...(state.errors?.length ? { status: 400 } : state.problem ? { status: 409 } : {}) });
}

function accountRow(context: PageContext, state: AccountState): Html[] {
  const { account } = state;
  const timezone = timezoneOf(context);
  const name = `${account.handle} on ${platformTitle(account.platform)}`;
  const condition = CONDITION_TEXT[state.condition];
  const failure = state.failure
    ? html`<p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">${state.failure.sinceAtLeast ? 'Failing since at least' : 'Failing since'} ${formatLocal(state.failure.failingSince, timezone)} (${state.failure.failedRuns} ${
        state.failure.failedRuns === 1 ? 'check' : 'checks'
      } in a row)${state.failure.lastError ? html`: <span class="app-evidence">${state.failure.lastError}</span>` : ''}</p>`
    : '';
  const advice = state.condition === 'needs-reconnection' ? html`<p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">The platform refused its access: sign in to it again, then resume the account.</p>` : '';
  const forms: Html[] = [];
  const form = (action: AccountAction, content: Html) =>
    postForm(`/councils/${context.councilId}/accounts/${action}`, context.csrfToken, html`<input type="hidden" name="platform" value="${account.platform}"><input type="hidden" name="handle" value="${account.handle}">${content}`);
  if (!state.approved && context.can('approve-accounts')) forms.push(form('approve', actionButton('Approve', name)));
  if (context.can('manage-accounts')) {
    forms.push(account.status === 'active' ? form('pause', actionButton('Pause', name, { secondary: true })) : form('resume', actionButton('Resume', name, { secondary: true })));
    // Removing forgets the approval too: it is asked for on a page of its own, as GOV.UK asks before deleting.
    forms.push(
      html`<a class="govuk-link" href="/councils/${context.councilId}/accounts/remove?platform=${encodeURIComponent(account.platform)}&amp;handle=${encodeURIComponent(account.handle)}">Remove<span class="govuk-visually-hidden"> ${name}</span></a>`,
    );
  }
  return [
    html`<span class="app-nowrap">${account.handle}</span><br><span class="govuk-body-s">${platformTitle(account.platform)}${account.displayName ? html` · ${account.displayName}` : ''}</span>`,
    state.approved ? html`${tag('Approved', 'resolved')}<br><span class="govuk-body-s">by ${account.approvedBy} on ${account.approvedOn}</span>` : tag('Awaiting approval', 'medium'),
    html`<strong class="govuk-tag govuk-tag--${condition.colour}">${condition.text}</strong>${failure}${advice}`,
    ...(context.can('manage-accounts') || context.can('approve-accounts') ? [html`${forms}`] : []),
  ];
}

function candidateCard(context: PageContext, candidate: ImpostorCandidate, state: PageState): Html {
  const { finding } = candidate;
  const timezone = timezoneOf(context);
  const base = `/councils/${context.councilId}/accounts/impostors/${encodeURIComponent(finding.id)}`;
  const profile = webLink(finding.postUrl);
  const confirmed = finding.status === 'acknowledged';
  const reasonId = `dismiss-${finding.id}`.replace(/[^A-Za-z0-9-]+/g, '-');
  const dismissing = state.dismissing?.id === finding.id ? state.dismissing : undefined;
  const platform = platformTitle(finding.platform);
  const ours = context.can('manage-accounts') && !confirmed
    ? html`<p class="govuk-body">If the council runs it after all, <a class="govuk-link" href="/councils/${context.councilId}/accounts/register?platform=${encodeURIComponent(finding.platform)}&amp;handle=${encodeURIComponent(finding.account)}">register it<span class="govuk-visually-hidden"> (${finding.account})</span></a> and the Town Clerk approves it.</p>`
    : '';
  const actions = context.can('review-findings')
    ? html`${ours}${confirmed ? '' : postForm(`${base}/confirm`, context.csrfToken, actionButton('Confirm it is an impostor', finding.account))}${postForm(
        `${base}/dismiss`,
        context.csrfToken,
        html`${textArea({ name: 'reason', id: reasonId, label: 'Why is it not the council?', hint: 'For example: the allotment society’s own account.', rows: 2, value: dismissing?.reason ?? '', errors: state.errors })}${actionButton(
          'Mark as not the council',
          finding.account,
          { secondary: true },
        )}`,
      )}`
    : '';
  return html`<div class="govuk-summary-card"><div class="govuk-summary-card__title-wrapper"><h3 class="govuk-summary-card__title">${finding.account} on ${platform}</h3>${
    confirmed ? tag('Confirmed impostor', 'high') : tag('To decide', 'open')
  }</div><div class="govuk-summary-card__content">${summaryList([
    { key: 'What it shows', value: html`<span class="app-evidence">${finding.evidence}</span>` },
    { key: 'Why it was raised', value: finding.reason },
    { key: 'Found', value: formatLocal(finding.detectedAt, timezone) },
    ...(profile ? [{ key: 'Profile', value: html`<a class="govuk-link" href="${profile}" rel="noreferrer noopener">Open the profile on ${platform}</a>` }] : []),
    { key: 'Finding', value: html`<a class="govuk-link" href="/councils/${context.councilId}/findings/${encodeURIComponent(finding.id)}">The finding and its history</a>` },
  ])}<details class="govuk-details"${confirmed ? html` open` : ''}><summary class="govuk-details__summary"><span class="govuk-details__summary-text">How to report it to ${platform}</span></summary><div class="govuk-details__text">${
    candidate.howToReport
  }</div></details>${actions}</div></div>`;
}

/** GET: are you sure? Removing an account stops its checks and forgets its approval; its evidence stays. */
async function confirmRemoval(context: PageContext): Promise<ConsoleResponse> {
  const query = context.request.query;
  const states = await listAccountStates(context.deps, context.principal, context.councilId);
  const wanted = { platform: query.get('platform') ?? '', handle: query.get('handle') ?? '' };
  const state = states.find((s) => s.account.platform === wanted.platform && s.account.handle.replace(/^@/, '').toLowerCase() === wanted.handle.replace(/^@/, '').toLowerCase());
  if (!state) return accountsPage(context, { problem: `${wanted.handle} on ${platformTitle(wanted.platform)} is not registered: it may have been removed meanwhile. Nothing was changed.` });
  const { account } = state;
  const name = `${account.handle} on ${platformTitle(account.platform)}`;
  const body = html`<h1 class="govuk-heading-l">Remove ${name}?</h1><p class="govuk-body">It will no longer be checked${
    state.approved ? ', and its approval is forgotten: registering it again needs the Town Clerk to approve it again' : ''
  }. Its posts and findings are kept as evidence.</p><div class="govuk-button-group">${postForm(
    `/councils/${context.councilId}/accounts/remove`,
    context.csrfToken,
    html`<input type="hidden" name="platform" value="${account.platform}"><input type="hidden" name="handle" value="${account.handle}"><button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Remove the account</button>`,
  )}<a class="govuk-link" href="/councils/${context.councilId}/accounts">Cancel</a></div>`;
  return context.page({ title: `Remove ${name}?`, body, section: 'accounts', backLink: { href: `/councils/${context.councilId}/accounts`, text: 'Back to accounts' } });
}

/** GET the register form, or show it again with what was refused. */
async function registerPage(context: PageContext, errors: FieldError[] = [], values?: URLSearchParams): Promise<ConsoleResponse> {
  const value = (name: string) => values?.get(name) ?? '';
  const chosen = value('platform');
  const body = html`${errorSummary(errors)}<h1 class="govuk-heading-l">Register an account</h1><p class="govuk-body">Register each account the council runs, so that it is checked each week. The Town Clerk then approves it.</p>${postForm(
    `/councils/${context.councilId}/accounts/register`,
    context.csrfToken,
    html`${choices({
      type: 'radio',
      name: 'platform',
      legend: 'Which platform is it on?',
      legendClass: 'govuk-fieldset__legend--m',
      items: PLATFORMS.map((p) => ({ value: p, text: platformChoice(p), hint: HANDLE_HINTS[p], checked: chosen === p })),
      errors,
    })}${textInput({ name: 'handle', id: 'handle', label: 'Handle, page name or feed address', labelClass: 'govuk-label--m', hint: 'As the hint under its platform shows.', value: value('handle'), spellcheck: false, errors })}${textInput({
      name: 'displayName',
      id: 'displayName',
      label: 'Name shown on the account (optional)',
      value: value('displayName'),
      errors,
    })}${textInput({ name: 'baseUrl', id: 'baseUrl', label: 'Address of its server (optional)', hint: 'Only for an account on a server of its own, for example https://social.harbourne-tc.example.', value: value('baseUrl'), type: 'text', spellcheck: false, errors })}<button type="submit" class="govuk-button" data-module="govuk-button">Register</button>`,
  )}`;
  return context.page({
    title: 'Register an account',
    body,
    section: 'accounts',
    error: errors.length > 0,
    ...(errors.length ? { status: 400 } : {}),
    backLink: { href: `/councils/${context.councilId}/accounts`, text: 'Back to accounts' },
  });
}

function platformChoice(platform: Platform): string {
  return platform === 'rss' ? 'A website’s news feed (RSS or Atom)' : platform === 'other' ? 'Another platform' : platformTitle(platform);
}

const REGISTER_LABELS: Record<string, string> = { platform: 'Platform', handle: 'Handle', displayName: 'Name shown', baseUrl: 'Server address' };

async function register(context: PageContext): Promise<ConsoleResponse> {
  const form = context.form;
  const platform = form.get('platform') ?? '';
  if (platform === '') return registerPage(context, [{ field: 'platform', message: 'Platform: choose which platform the account is on' }], form);
  try {
    await registerCouncilAccount(context.deps, context.principal, context.councilId, {
      platform,
      handle: form.get('handle') ?? '',
      displayName: form.get('displayName')?.trim() || undefined,
      baseUrl: form.get('baseUrl')?.trim() || undefined,
    });
  } catch (error) {
    if (error instanceof ValidationError) {
      return registerPage(context, issueErrors(error.issues.filter((i) => i.field in REGISTER_LABELS), (f) => f, (f) => REGISTER_LABELS[f] ?? f), form);
    }
    throw error;
  }
  return context.redirect(`/councils/${context.councilId}/accounts?done=registered`);
}

async function accountAction(context: PageContext, action: AccountAction): Promise<ConsoleResponse> {
  const ref = { platform: context.form.get('platform') ?? '', handle: context.form.get('handle') ?? '' };
  const { deps, principal, councilId } = context;
  try {
    if (action === 'approve') await approveCouncilAccount(deps, principal, councilId, ref);
    else if (action === 'remove') await removeCouncilAccount(deps, principal, councilId, ref);
    else await setCouncilAccountPaused(deps, principal, councilId, ref, action === 'pause');
  } catch (error) {
    if (error instanceof AccountNotFoundError) return accountsPage(context, { problem: `${ref.handle} on ${platformTitle(ref.platform)} is not registered: it may have been removed meanwhile. Nothing was changed.` });
    throw error;
  }
  return context.redirect(`/councils/${councilId}/accounts?done=${action}`);
}

async function impostorAction(context: PageContext, action: 'confirm' | 'dismiss'): Promise<ConsoleResponse> {
  const findingId = context.params.id!;
  const { deps, principal, councilId } = context;
  const reason = context.form.get('reason') ?? '';
  try {
    if (action === 'confirm') await confirmImpostor(deps, principal, councilId, findingId);
    else await dismissImpostor(deps, principal, councilId, findingId, reason);
  } catch (error) {
    if (error instanceof NotAnImpostorCandidateError) return accountsPage(context, { problem: 'That account is no longer awaiting a decision. Nothing was changed.' });
    if (error instanceof FindingTransitionError || error instanceof FindingStatusChangedError) return accountsPage(context, { problem: `${error.message}` });
    if (error instanceof ValidationError) {
      const id = `dismiss-${findingId}`.replace(/[^A-Za-z0-9-]+/g, '-');
      return accountsPage(context, { errors: issueErrors(error.issues, () => id, () => 'Why it is not the council'), dismissing: { id: findingId, reason } });
    }
    throw error;
  }
  return context.redirect(`/councils/${councilId}/accounts?done=${action}#impostors`);
}
