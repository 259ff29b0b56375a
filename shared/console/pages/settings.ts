import { readCouncilSettings, saveCouncilSettings, SettingsValidationError } from '../../configuration/council-settings';
import { fieldId, fieldLabel, inFormOrder, settingsFromModel, settingsModelFromForm, settingsModelOf, type SettingsModel } from '../../configuration/settings-form';
import { formatLocal } from '../../domain/calendar';
import { DEFAULT_DIGEST_SCHEDULE } from '../../domain/council';
import { ConfigVersionConflictError } from '../../store/audit-store';
import { errorSummary, notification, postForm, type FieldError } from '../components';
import type { NavItem, PageContext, Route } from '../context';
import { dateInput, issueErrors, select, textArea, textInput } from '../fields';
import { html, type Html } from '../html';
import type { ConsoleResponse } from '../http';

/**
 * The settings area: the council's configuration and digest recipients as one form. The mapping
 * between form and configuration is shared/configuration/settings-form.ts; saving is
 * saveCouncilSettings, which pushes a new version exactly as `council-audit config push` does.
 */
export const SETTINGS_NAV: NavItem = { id: 'settings', text: 'Settings', href: (c) => `/councils/${c}/settings`, action: 'edit-settings' };

export const SETTINGS_ROUTES: readonly Route[] = [
  { method: 'GET', path: '/councils/:council/settings', action: 'edit-settings', handle: (c) => settingsPage(c) },
  { method: 'POST', path: '/councils/:council/settings', action: 'edit-settings', handle: save },
];

async function settingsPage(context: PageContext, refused?: { model: SettingsModel; errors: FieldError[] }): Promise<ConsoleResponse> {
  const settings = await readCouncilSettings(context.deps, context.principal, context.councilId);
  const model = refused?.model ?? settingsModelOf(settings.config, settings.council);
  const errors = refused?.errors ?? [];
  const timezone = context.council.timezone ?? DEFAULT_DIGEST_SCHEDULE.timezone;
  const saved = context.request.method === 'GET' ? context.request.query.get('saved') : null;
  const banner =
    saved === 'unchanged'
      ? notification('Important', 'Nothing had changed, so nothing was saved.')
      : saved && /^\d+$/.test(saved)
        ? notification('Success', `Settings saved as version ${saved}. The next weekly check uses them.`, { success: true })
        : '';
  const version = settings.version
    ? html`<p class="govuk-body">Version ${settings.version.version}, saved by ${settings.version.by} on ${formatLocal(settings.version.at, timezone)}.</p>`
    : html`<p class="govuk-body">These settings have not been saved from here yet.</p>`;
  const e = errors;

  const body = html`${banner}${errorSummary(errors)}<h1 class="govuk-heading-l">Settings</h1>${version}${postForm(
    `/councils/${context.councilId}/settings`,
    context.csrfToken,
    html`<h2 class="govuk-heading-m">The council’s names</h2>${field('council.name', model.name, e, { hint: 'As the checks look for it in posts and account names.' })}${area('council.aliases', model.aliases, e, {
      hint: 'One a line, for example Harbourne TC.',
    })}${area('council.domains', model.domains, e, { hint: 'The council’s own web and email domains, one a line, for example harbourne-tc.example.' })}${area('council.wards', model.wards, e, {
      hint: 'One a line, for a council elected by wards: councillors and by-elections name them.',
    })}<h2 class="govuk-heading-m">Published contacts</h2>${area(
      'publishedContacts',
      model.publishedContacts,
      e,
      { hint: 'Phone numbers, email addresses and postcodes the council publishes, one a line: posts may show these.' },
    )}<h2 class="govuk-heading-m">Councillors</h2><p class="govuk-body">Their names and their own accounts’ handles. Leave a row blank to add no one; clear a row to remove them.</p>${model.councillors.map((row, i) =>
      councillorRow(row, i, e),
    )}<h2 class="govuk-heading-m">Elections</h2><p class="govuk-body">Polling days and when each pre-election period starts: political posts are checked more strictly in it.</p>${model.elections.map((row, i) =>
      electionRow(row, i, e),
    )}<h2 class="govuk-heading-m">Credits</h2>${area('attributionExempt', model.attributionExempt, e, {
      hint: 'Sources whose photographs and words need no credit (the council’s own), one a line.',
    })}<h2 class="govuk-heading-m">Removal notice</h2>${area('removalNotice', model.removalNotice, e, { hint: 'What the council posts when it removes a comment that breaks its policy.', rows: 4 })}<h2 class="govuk-heading-m">Rules</h2>${rulesTable(
      model,
      e,
    )}<h2 class="govuk-heading-m">Weekly digest</h2>${area('digestTo', model.digestTo, e, { hint: 'Who receives the weekly email, one address a line.', spellcheck: false })}<button type="submit" class="govuk-button" data-module="govuk-button">Save settings</button>`,
  )}`;
  return context.page({ title: 'Settings', body, section: 'settings', error: errors.length > 0, ...(errors.length ? { status: 400 } : {}) });
}

function field(name: string, value: string, errors: readonly FieldError[], options: { hint?: string } = {}): Html {
  return textInput({ name, id: fieldId(name), label: fieldLabel(name), value, errors, ...options });
}

function area(name: string, value: string, errors: readonly FieldError[], options: { hint?: string; rows?: number; spellcheck?: boolean } = {}): Html {
  return textArea({ name, id: fieldId(name), label: fieldLabel(name), value, errors, rows: options.rows ?? 3, ...(options.hint ? { hint: options.hint } : {}), ...(options.spellcheck === false ? { spellcheck: false } : {}) });
}

function councillorRow(row: SettingsModel['councillors'][number], i: number, errors: readonly FieldError[]): Html {
  const name = (part: string) => `councillors[${i}].${part}`;
  return html`<fieldset class="govuk-fieldset govuk-!-margin-bottom-4"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Councillor ${i + 1}</legend>${textInput({
    name: name('name'),
    id: fieldId(name('name')),
    label: 'Name',
    labelClass: '',
    value: row.name,
    width: '20',
    errors,
  })}${textInput({ name: name('ward'), id: fieldId(name('ward')), label: 'Ward (optional)', labelClass: '', value: row.ward, width: '20', errors })}${textInput({
    name: name('handles'),
    id: fieldId(name('handles')),
    label: 'Their own accounts’ handles',
    labelClass: '',
    hint: 'Separated by commas, for example @cllralice@mastodon.social.',
    value: row.handles,
    spellcheck: false,
    errors,
  })}</fieldset>`;
}

function electionRow(row: SettingsModel['elections'][number], i: number, errors: readonly FieldError[]): Html {
  const name = (part: string) => `elections[${i}].${part}`;
  return html`<fieldset class="govuk-fieldset govuk-!-margin-bottom-4"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Election ${i + 1}</legend>${dateInput({
    name: name('pollingDay'),
    id: fieldId(name('pollingDay')).replace(/-day$/, ''),
    legend: 'Polling day',
    hint: 'For example 6 5 2027.',
    value: row.pollingDay,
    errors,
  })}${dateInput({ name: name('preElectionStart'), id: fieldId(name('preElectionStart')).replace(/-day$/, ''), legend: 'Pre-election period starts', value: row.preElectionStart, errors })}${textInput({
    name: name('wards'),
    id: fieldId(name('wards')),
    label: 'Wards (a by-election only)',
    labelClass: '',
    hint: 'Separated by commas. Leave empty when every ward is elected.',
    value: row.wards,
    width: '20',
    errors,
  })}</fieldset>`;
}

const SEVERITY_CHOICES = [
  { value: '', text: 'The rule’s own, finding by finding' },
  { value: 'high', text: 'High' },
  { value: 'medium', text: 'Medium' },
  { value: 'low', text: 'Low' },
];

function rulesTable(model: SettingsModel, errors: readonly FieldError[]): Html {
  return html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Rules: switched on or off, their severity, and whether the wording model may add a second opinion</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Rule</th><th scope="col" class="govuk-table__header">Checked</th><th scope="col" class="govuk-table__header">Severity</th><th scope="col" class="govuk-table__header">Second opinion</th></tr></thead><tbody class="govuk-table__body">${model.rules.map(
    (rule) => {
      const enabledId = fieldId(`rules.${rule.id}.enabled`);
      return html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${rule.title}</th><td class="govuk-table__cell"><div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes"><div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="${enabledId}" name="rules.${rule.id}.enabled" type="checkbox" value="true"${
        rule.enabled ? html` checked` : ''
      }><label class="govuk-label govuk-checkboxes__label" for="${enabledId}">Check posts for ${rule.title.toLowerCase()}</label></div></div></td><td class="govuk-table__cell">${select({
        name: `rules.${rule.id}.severity`,
        id: fieldId(`rules.${rule.id}.severity`),
        label: `Severity of ${rule.title.toLowerCase()} findings`,
        labelClass: 'govuk-visually-hidden',
        value: rule.severity,
        items: SEVERITY_CHOICES,
        errors,
      })}</td><td class="govuk-table__cell">${secondOpinion(rule)}</td></tr>`;
    },
  )}</tbody></table><p class="govuk-body">The second opinion is a model that reads a post’s wording as a whole when the rule’s own checks find nothing, learned from other councils’ labelled posts; its findings say so. Untick it to keep a rule to its own checks.</p>`;
}

/** The wording model's box for a rule it speaks for, with a hidden field saying the box was offered (an unticked box sends nothing). */
function secondOpinion(rule: SettingsModel['rules'][number]): Html {
  if (rule.wordingModel === undefined) return html`<span class="govuk-body-s">Its own checks only</span>`;
  const id = fieldId(`rules.${rule.id}.wordingModel`);
  return html`<input type="hidden" name="rules.${rule.id}.wordingModelOffered" value="true"><div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes"><div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="${id}" name="rules.${rule.id}.wordingModel" type="checkbox" value="true"${
    rule.wordingModel ? html` checked` : ''
  }><label class="govuk-label govuk-checkboxes__label" for="${id}">Let the wording model add to ${rule.title.toLowerCase()}</label></div></div>`;
}

async function save(context: PageContext): Promise<ConsoleResponse> {
  const model = settingsModelFromForm(context.form);
  const { config } = await readCouncilSettings(context.deps, context.principal, context.councilId);
  try {
    const saved = await saveCouncilSettings({ ...context.deps, store: context.deps.store }, context.principal, context.councilId, settingsFromModel(model, config));
    const outcome = saved.push.outcome === 'unchanged' && !saved.recipientsChanged ? 'unchanged' : String(saved.push.version ?? '');
    return context.redirect(`/councils/${context.councilId}/settings?saved=${outcome || 'unchanged'}`);
  } catch (error) {
    if (error instanceof SettingsValidationError) return settingsPage(context, { model, errors: issueErrors(inFormOrder(error.issues), fieldId, fieldLabel) });
    if (error instanceof ConfigVersionConflictError) {
      return settingsPage(context, { model, errors: [{ field: fieldId('council.name'), message: 'Someone else saved the settings at the same moment: nothing of yours was saved. Check the settings and save again.' }] });
    }
    throw error;
  }
}
