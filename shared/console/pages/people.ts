import { ValidationError } from '../../domain/errors';
import type { Member } from '../../domain/member';
import { ROLE_TITLES, ROLES, type Role } from '../../domain/roles';
import { listMembers, MemberNotFoundError, MembershipRefusedError, removeMember } from '../../review/members';
import { changeMemberRole, invitePerson } from '../../review/people';
import type { Invitations } from '../http';
import { choices, errorSummary, notification, postForm, type FieldError } from '../components';
import type { NavItem, PageContext, Route } from '../context';
import { actionButton, issueErrors, select, table, textInput } from '../fields';
import { html, type HtmlValue } from '../html';
import type { ConsoleResponse } from '../http';

/**
 * The people area, for the Town Clerk: who belongs to the council with which role, inviting someone,
 * changing a role and removing someone. shared/review/members.ts keeps the rules (the last Town
 * Clerk stays); the invitation goes through the Invitations port (Cognito in AWS).
 */
export const PEOPLE_NAV: NavItem = { id: 'people', text: 'People', href: (c) => `/councils/${c}/people`, action: 'invite-people' };

export const PEOPLE_ROUTES: readonly Route[] = [
  { method: 'GET', path: '/councils/:council/people', action: 'invite-people', handle: (c) => peoplePage(c) },
  { method: 'POST', path: '/councils/:council/people/invite', action: 'invite-people', handle: invite },
  { method: 'POST', path: '/councils/:council/people/role', action: 'invite-people', handle: changeRole },
  { method: 'POST', path: '/councils/:council/people/remove', action: 'invite-people', handle: remove },
];

const ROLE_HINTS: Record<Role, string> = {
  'town-clerk': 'Everything: reviews findings, approves accounts, keeps the settings, invites people.',
  admin: 'Registers, pauses and removes accounts, keeps the settings and reviews findings; does not approve accounts.',
  councillor: 'Reads the findings and the reports; takes no actions.',
};

const DONE: Record<string, string> = {
  invited: 'Invitation sent: they receive an email with how to sign in.',
  added: 'Added. No invitation could be sent from here: tell them to sign in with this email address.',
  role: 'Role changed.',
  removed: 'Removed from the council: they can no longer sign in to its console.',
};

interface PageState {
  errors?: FieldError[];
  values?: URLSearchParams;
  problem?: string;
}

/** The invitations of the deployment; absent (a console run without them), the person is only added. */
function invitationsOf(context: PageContext): Invitations | undefined {
  return context.deps.invitations;
}

async function peoplePage(context: PageContext, state: PageState = {}): Promise<ConsoleResponse> {
  const members = await listMembers(context.deps, context.principal, context.councilId);
  const base = `/councils/${context.councilId}/people`;
  const done = context.request.method === 'GET' ? context.request.query.get('done') : null;
  const banner = done && DONE[done] ? notification('Success', DONE[done], { success: true }) : '';
  const errors = [...(state.errors ?? []), ...(state.problem ? [{ field: 'people', message: state.problem }] : [])];
  const value = (name: string) => state.values?.get(name) ?? '';
  const chosenRole = value('role');

  const body = html`${banner}${errorSummary(errors)}<h1 class="govuk-heading-l">People</h1><p class="govuk-body">Who can sign in to the council’s console, and what each may do.</p><h2 class="govuk-heading-m" id="people" tabindex="-1">Members (${members.length})</h2>${table({
    caption: 'Members of the council',
    captionHidden: true,
    head: ['Name and email', 'Role', html`<span class="govuk-visually-hidden">Change role</span>`, html`<span class="govuk-visually-hidden">Remove</span>`],
    rows: members.map((m) => memberRow(context, m)),
  })}<h2 class="govuk-heading-m">Invite someone</h2>${postForm(
    `${base}/invite`,
    context.csrfToken,
    html`${textInput({ name: 'email', id: 'email', label: 'Email address', type: 'email', autocomplete: 'off', spellcheck: false, value: value('email'), errors })}${textInput({
      name: 'name',
      id: 'name',
      label: 'Name',
      hint: 'As the history of a finding shows them.',
      value: value('name'),
      errors,
    })}${choices({ type: 'radio', name: 'role', legend: 'Role', items: ROLES.map((r) => ({ value: r, text: capitalise(ROLE_TITLES[r]), hint: ROLE_HINTS[r], checked: chosenRole === r })), errors })}<button type="submit" class="govuk-button" data-module="govuk-button">Send invitation</button>`,
  )}`;
  return context.page({ title: 'People', body, section: 'people', error: errors.length > 0, ...(state.errors?.length ? { status: 400 } : state.problem ? { status: 409 } : {}) });
}

function memberRow(context: PageContext, member: Member): HtmlValue[] {
  const base = `/councils/${context.councilId}/people`;
  const who = member.name ?? member.userId;
  const id = `role-${member.userId}`.replace(/[^A-Za-z0-9-]+/g, '-');
  return [
    html`${who}${member.name ? html`<br><span class="govuk-body-s">${member.userId}</span>` : ''}`,
    capitalise(ROLE_TITLES[member.role]),
    postForm(
      `${base}/role`,
      context.csrfToken,
      html`<input type="hidden" name="email" value="${member.userId}">${select({
        name: 'role',
        id,
        label: `New role for ${who}`,
        labelClass: 'govuk-visually-hidden',
        value: member.role,
        items: ROLES.map((r) => ({ value: r, text: capitalise(ROLE_TITLES[r]) })),
      })}${actionButton('Change role', `of ${who}`, { secondary: true })}`,
    ),
    postForm(`${base}/remove`, context.csrfToken, html`<input type="hidden" name="email" value="${member.userId}">${actionButton('Remove', who, { warning: true })}`),
  ];
}

const LABELS: Record<string, string> = { email: 'Email address', role: 'Role', name: 'Name' };

async function invite(context: PageContext): Promise<ConsoleResponse> {
  const form = context.form;
  const role = form.get('role') ?? '';
  const errors: FieldError[] = [];
  if (role === '') errors.push({ field: 'role', message: 'Role: choose what they may do' });
  if ((form.get('email') ?? '').trim() === '') errors.push({ field: 'email', message: 'Email address: enter the address they sign in with' });
  if (errors.length) return peoplePage(context, { errors, values: form });
  const invitations = invitationsOf(context);
  const request = { councilId: context.councilId, email: form.get('email') ?? '', role: role as Role, ...(form.get('name')?.trim() ? { name: form.get('name')! } : {}) };
  try {
    await invitePerson({ ...context.deps, invitations: invitations ?? { invite: async () => {} } }, context.principal, request);
  } catch (error) {
    if (error instanceof ValidationError) return peoplePage(context, { errors: issueErrors(error.issues, (f) => f, (f) => LABELS[f] ?? f), values: form });
    if (error instanceof MembershipRefusedError) return peoplePage(context, { problem: error.message, values: form });
    throw error;
  }
  return context.redirect(`/councils/${context.councilId}/people?done=${invitations ? 'invited' : 'added'}`);
}

async function changeRole(context: PageContext): Promise<ConsoleResponse> {
  try {
    await changeMemberRole(context.deps, context.principal, { councilId: context.councilId, email: context.form.get('email') ?? '', role: (context.form.get('role') ?? '') as Role });
  } catch (error) {
    if (error instanceof MembershipRefusedError || error instanceof MemberNotFoundError) return peoplePage(context, { problem: error.message });
    if (error instanceof ValidationError) return peoplePage(context, { problem: error.message });
    throw error;
  }
  return context.redirect(`/councils/${context.councilId}/people?done=role`);
}

async function remove(context: PageContext): Promise<ConsoleResponse> {
  try {
    await removeMember(context.deps, context.principal, { councilId: context.councilId, email: context.form.get('email') ?? '' });
  } catch (error) {
    if (error instanceof MembershipRefusedError || error instanceof MemberNotFoundError || error instanceof ValidationError) return peoplePage(context, { problem: error.message });
    throw error;
  }
  return context.redirect(`/councils/${context.councilId}/people?done=removed`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
