import { ValidationError } from '../../domain/errors';
import { MembershipRefusedError } from '../../review/members';
import { addCouncilWithClerk, invitePerson } from '../../review/people';
import { errorSummary, notification, postForm, type FieldError } from '../components';
import type { PageContext, Route } from '../context';
import { actionButton, issueErrors, table, textArea, textInput } from '../fields';
import { html } from '../html';
import type { ConsoleResponse } from '../http';

/**
 * The operator's page: the councils the deployment serves, adding one with its first Town Clerk, and
 * inviting a council's Town Clerk (a successor). The operator reads no council's findings here.
 * Anyone else gets the 404 of a page that does not exist; a member of the council whose Town Clerk
 * is invited, the 403 saying only the operator may.
 */
export const OPERATOR_ROUTES: readonly Route[] = [
  { method: 'GET', path: '/operator/councils', action: 'add-council', handle: (c) => councilsPage(c) },
  { method: 'POST', path: '/operator/councils', action: 'add-council', handle: addCouncil },
  { method: 'POST', path: '/councils/:council/town-clerk', action: 'invite-first-clerk', handle: inviteClerk },
];

const LABELS: Record<string, string> = {
  id: 'Council id',
  councilId: 'Council id',
  name: 'Council name',
  digestTo: 'Weekly digest recipients',
  email: 'Town Clerk’s email address',
  clerkEmail: 'Town Clerk’s email address',
};
const IDS: Record<string, string> = { id: 'councilId', councilId: 'councilId', name: 'councilName', digestTo: 'digestTo', email: 'clerkEmail', clerkEmail: 'clerkEmail' };

async function councilsPage(context: PageContext, refused?: { errors: FieldError[]; values: URLSearchParams }): Promise<ConsoleResponse> {
  const councils = await context.deps.store.listCouncils();
  const errors = refused?.errors ?? [];
  const value = (name: string) => refused?.values.get(name) ?? '';
  const done = context.request.method === 'GET' ? context.request.query.get('done') : null;
  const banner = done === 'added' ? notification('Success', 'Council added and its Town Clerk invited.', { success: true }) : done === 'invited' ? notification('Success', 'Town Clerk invited.', { success: true }) : '';
  const body = html`${banner}${errorSummary(errors)}<h1 class="govuk-heading-l">Councils</h1><p class="govuk-body">The councils this deployment checks. You add a council and invite its Town Clerk; the Town Clerk invites everyone else. You do not see a council’s findings.</p>${table({
    caption: 'Councils',
    captionHidden: true,
    head: ['Council', 'Digest to', 'Invite a Town Clerk'],
    rows: councils.map((c) => [
      html`${c.name}<br><span class="govuk-body-s">${c.id}</span>`,
      c.digestTo.join(', '),
      postForm(
        `/councils/${c.id}/town-clerk`,
        context.csrfToken,
        html`${textInput({ name: 'email', id: `clerk-${c.id}`, label: `Town Clerk’s email address for ${c.name}`, labelClass: 'govuk-visually-hidden', type: 'email', spellcheck: false, errors })}${actionButton('Invite', `a Town Clerk of ${c.name}`, { secondary: true })}`,
      ),
    ]),
  })}<h2 class="govuk-heading-m">Add a council</h2>${postForm(
    '/operator/councils',
    context.csrfToken,
    html`${textInput({ name: 'name', id: 'councilName', label: 'Council name', value: value('name'), errors })}${textInput({
      name: 'councilId',
      id: 'councilId',
      label: 'Council id',
      hint: 'Lower-case letters, digits and hyphens, for example little-stowbury-pc. It is part of every address of its console.',
      value: value('councilId'),
      spellcheck: false,
      errors,
    })}${textArea({ name: 'digestTo', id: 'digestTo', label: 'Weekly digest recipients', hint: 'One email address a line.', value: value('digestTo'), spellcheck: false, errors })}${textInput({
      name: 'clerkEmail',
      id: 'clerkEmail',
      label: 'Town Clerk’s email address',
      type: 'email',
      value: value('clerkEmail'),
      spellcheck: false,
      errors,
    })}${textInput({ name: 'clerkName', id: 'clerkName', label: 'Town Clerk’s name', value: value('clerkName'), errors })}<button type="submit" class="govuk-button" data-module="govuk-button">Add the council and invite its Town Clerk</button>`,
  )}`;
  return context.page({ title: 'Councils', body, error: errors.length > 0, ...(errors.length ? { status: 400 } : {}) });
}

async function addCouncil(context: PageContext): Promise<ConsoleResponse> {
  const form = context.form;
  try {
    await addCouncilWithClerk({ ...context.deps, invitations: context.deps.invitations ?? { invite: async () => {} } }, context.principal, {
      councilId: form.get('councilId') ?? '',
      name: form.get('name') ?? '',
      digestTo: form.get('digestTo') ?? '',
      clerkEmail: form.get('clerkEmail') ?? '',
      ...(form.get('clerkName') ? { clerkName: form.get('clerkName')! } : {}),
    });
  } catch (error) {
    if (error instanceof ValidationError) {
      const field = (f: string) => f.replace(/\[\d+\]$/, '');
      return councilsPage(context, { errors: issueErrors(error.issues, (f) => IDS[field(f)] ?? 'councilName', (f) => LABELS[field(f)] ?? f), values: form });
    }
    throw error;
  }
  return context.redirect('/operator/councils?done=added');
}

async function inviteClerk(context: PageContext): Promise<ConsoleResponse> {
  try {
    await invitePerson({ ...context.deps, invitations: context.deps.invitations ?? { invite: async () => {} } }, context.principal, {
      councilId: context.councilId,
      email: context.form.get('email') ?? '',
      role: 'town-clerk',
    });
  } catch (error) {
    if (error instanceof ValidationError) {
      return councilsPage(context, { errors: issueErrors(error.issues, () => `clerk-${context.councilId}`, () => `Town Clerk’s email address for ${context.council.name}`), values: new URLSearchParams() });
    }
    if (error instanceof MembershipRefusedError) return councilsPage(context, { errors: [{ field: `clerk-${context.councilId}`, message: error.message }], values: new URLSearchParams() });
    throw error;
  }
  return context.redirect('/operator/councils?done=invited');
}
