import { formatLocal } from '../../domain/calendar';
import { DEFAULT_DIGEST_SCHEDULE } from '../../domain/council';
import { RULE_TITLES } from '../../domain/finding';
import { platformTitle } from '../../domain/post';
import { isActive } from '../../domain/suppression';
import { liftSuppression, listSuppressions } from '../../review/suppressions';
import { button, notification, postForm } from '../components';
import type { NavItem, PageContext, Route } from '../context';
import { html } from '../html';
import type { ConsoleResponse } from '../http';

/** The suppressions area: what the council asked not to be raised again, and lifting it. */
export const SUPPRESSIONS_NAV: NavItem = { id: 'suppressions', text: 'Suppressions', href: (c) => `/councils/${c}/suppressions`, action: 'read-findings' };

export const SUPPRESSIONS_ROUTES: readonly Route[] = [
  { method: 'GET', path: '/councils/:council/suppressions', action: 'read-findings', handle: suppressionsPage },
  { method: 'POST', path: '/councils/:council/suppressions/:id/lift', action: 'review-findings', handle: lift },
];

async function suppressionsPage(context: PageContext): Promise<ConsoleResponse> {
  const all = await listSuppressions(context.deps, context.principal, context.councilId, { includeLifted: true });
  const timezone = context.council.timezone ?? DEFAULT_DIGEST_SCHEDULE.timezone;
  const active = all.filter(isActive);
  const lifted = all.filter((s) => !isActive(s));
  const canLift = context.can('review-findings');
  const base = `/councils/${context.councilId}`;
  const liftedNow = context.request.query.get('lifted') === '1' ? notification('Success', 'Suppression lifted: the next scan raises its evidence again.', { success: true }) : '';
  const body = html`${liftedNow}<h1 class="govuk-heading-l">Suppressions</h1><p class="govuk-body">Evidence the council dismissed as a false alarm and asked not to be raised again, for one account and one rule. Lifting one lets the scan raise it again; findings dismissed before stay dismissed.</p><h2 class="govuk-heading-m">In force (${active.length})</h2>${
    active.length
      ? html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Suppressions in force</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Rule and account</th><th scope="col" class="govuk-table__header">Evidence</th><th scope="col" class="govuk-table__header">Why</th><th scope="col" class="govuk-table__header">By</th>${
          canLift ? html`<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>` : ''
        }</tr></thead><tbody class="govuk-table__body">${active.map(
          (s) =>
            html`<tr class="govuk-table__row"><td class="govuk-table__cell">${RULE_TITLES[s.rule]}<br><span class="govuk-body-s">${s.account} on ${platformTitle(s.platform)}</span></td><td class="govuk-table__cell"><span class="app-evidence">${s.evidence}</span></td><td class="govuk-table__cell">${s.reason}<br><a class="govuk-link govuk-body-s" href="${base}/findings/${encodeURIComponent(s.findingId)}">The dismissed finding</a></td><td class="govuk-table__cell">${s.createdByName ?? s.createdBy}<br><span class="govuk-body-s">${formatLocal(s.createdAt, timezone)}</span></td>${
              canLift
                ? html`<td class="govuk-table__cell">${postForm(`${base}/suppressions/${s.id}/lift`, context.csrfToken, button('Lift', { secondary: true, name: 'suppression', value: s.id }))}</td>`
                : ''
            }</tr>`,
        )}</tbody></table>`
      : html`<p class="govuk-body">None.</p>`
  }<h2 class="govuk-heading-m">Lifted (${lifted.length})</h2>${
    lifted.length
      ? html`<ul class="govuk-list govuk-list--bullet">${lifted.map(
          (s) => html`<li>${RULE_TITLES[s.rule]}, ${s.account}: “${s.evidence}”, lifted by ${s.liftedByName ?? s.liftedBy} on ${formatLocal(s.liftedAt!, timezone)}</li>`,
        )}</ul>`
      : html`<p class="govuk-body">None.</p>`
  }`;
  return context.page({ title: 'Suppressions', body, section: 'suppressions' });
}

async function lift(context: PageContext): Promise<ConsoleResponse> {
  await liftSuppression(context.deps, context.principal, { councilId: context.councilId, suppressionId: context.params.id! });
  return context.redirect(`/councils/${context.councilId}/suppressions?lifted=1`);
}
