// GOV.UK form controls the accounts, settings, people and reports pages use beyond components.ts:
// text inputs, selects, date inputs, tables and buttons that say which row they act on. The same
// markup as govuk-frontend 6.6's macros. Here an error is matched by the control's id, because these
// forms' field names (`councillors[2].handles`) are not ids.
import type { ValidationIssue } from '../domain/errors';
import type { FieldError } from './components';
import { html, type Html, type HtmlValue } from './html';

interface ControlOptions {
  name: string;
  id: string;
  label: string;
  /** The label as a visible heading-sized label, or hidden (a table cell whose header names it). */
  labelClass?: string;
  hint?: string;
  errors?: readonly FieldError[] | undefined;
}

function errorFor(errors: readonly FieldError[] | undefined, id: string): FieldError | undefined {
  return errors?.find((e) => e.field === id);
}

function parts(options: ControlOptions): { error: FieldError | undefined; describedBy: string; label: Html; hint: Html; message: Html } {
  const { id } = options;
  const error = errorFor(options.errors, id);
  const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    error,
    describedBy,
    label: html`<label class="govuk-label ${options.labelClass ?? 'govuk-label--s'}" for="${id}">${options.label}</label>`,
    hint: options.hint ? html`<div id="${id}-hint" class="govuk-hint">${options.hint}</div>` : html``,
    message: error ? html`<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error.message}</p>` : html``,
  };
}

export function textInput(options: ControlOptions & { value?: string; type?: 'text' | 'email'; width?: string; autocomplete?: string; spellcheck?: boolean }): Html {
  const p = parts(options);
  return html`<div class="govuk-form-group${p.error ? ' govuk-form-group--error' : ''}">${p.label}${p.hint}${p.message}<input class="govuk-input${options.width ? ` govuk-input--width-${options.width}` : ''}${
    p.error ? ' govuk-input--error' : ''
  }" id="${options.id}" name="${options.name}" type="${options.type ?? 'text'}" value="${options.value ?? ''}"${p.describedBy ? html` aria-describedby="${p.describedBy}"` : ''}${
    options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''
  }${options.spellcheck === false ? html` spellcheck="false"` : ''}></div>`;
}

export function textArea(options: ControlOptions & { value?: string; rows?: number; spellcheck?: boolean }): Html {
  const p = parts(options);
  return html`<div class="govuk-form-group${p.error ? ' govuk-form-group--error' : ''}">${p.label}${p.hint}${p.message}<textarea class="govuk-textarea${p.error ? ' govuk-textarea--error' : ''}" id="${options.id}" name="${
    options.name
  }" rows="${options.rows ?? 3}"${p.describedBy ? html` aria-describedby="${p.describedBy}"` : ''}${options.spellcheck === false ? html` spellcheck="false"` : ''}>${options.value ?? ''}</textarea></div>`;
}

export function select(options: ControlOptions & { value: string; items: readonly { value: string; text: string }[] }): Html {
  const p = parts(options);
  // A value the form sent that is not a choice is kept (shown as itself) so the error can name it.
  const items = options.items.some((i) => i.value === options.value) ? options.items : [...options.items, { value: options.value, text: options.value }];
  return html`<div class="govuk-form-group${p.error ? ' govuk-form-group--error' : ''}">${p.label}${p.hint}${p.message}<select class="govuk-select${p.error ? ' govuk-select--error' : ''}" id="${options.id}" name="${
    options.name
  }"${p.describedBy ? html` aria-describedby="${p.describedBy}"` : ''}>${items.map((i) => html`<option value="${i.value}"${i.value === options.value ? html` selected` : ''}>${i.text}</option>`)}</select></div>`;
}

/**
 * The GOV.UK date input: day, month and year boxes in a fieldset whose legend is the question. `id`
 * is the base; the day box's id is `<id>-day`, where the error summary's link lands.
 */
export function dateInput(options: { name: string; id: string; legend: string; hint?: string; value: { day: string; month: string; year: string }; errors?: readonly FieldError[] | undefined }): Html {
  const error = errorFor(options.errors, `${options.id}-day`);
  const describedBy = [options.hint ? `${options.id}-hint` : '', error ? `${options.id}-error` : ''].filter(Boolean).join(' ');
  const box = (unit: 'day' | 'month' | 'year', label: string, width: number) =>
    html`<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="${options.id}-${unit}">${label}</label><input class="govuk-input govuk-date-input__input govuk-input--width-${width}${
      error ? ' govuk-input--error' : ''
    }" id="${options.id}-${unit}" name="${options.name}.${unit}" type="text" inputmode="numeric" value="${options.value[unit]}"></div></div>`;
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}"><fieldset class="govuk-fieldset" role="group"${describedBy ? html` aria-describedby="${describedBy}"` : ''}><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${
    options.legend
  }</legend>${options.hint ? html`<div id="${options.id}-hint" class="govuk-hint">${options.hint}</div>` : ''}${
    error ? html`<p id="${options.id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error.message}</p>` : ''
  }<div class="govuk-date-input" id="${options.id}">${box('day', 'Day', 2)}${box('month', 'Month', 2)}${box('year', 'Year', 4)}</div></fieldset></div>`;
}

/** A submit button whose accessible name says what it acts on: "Approve" + hidden " @harbournetc on Mastodon". */
export function actionButton(text: string, hidden: string, options: { secondary?: boolean; warning?: boolean } = {}): Html {
  const modifier = options.warning ? ' govuk-button--warning' : options.secondary ? ' govuk-button--secondary' : '';
  return html`<button type="submit" class="govuk-button${modifier} govuk-!-margin-bottom-1" data-module="govuk-button">${text}<span class="govuk-visually-hidden"> ${hidden}</span></button>`;
}

/** A GOV.UK table with a caption (shown, or hidden when a heading above says the same). */
export function table(options: { caption: string; captionHidden?: boolean; head: readonly HtmlValue[]; rows: readonly (readonly HtmlValue[])[] }): Html {
  return html`<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m${options.captionHidden ? ' govuk-visually-hidden' : ''}">${options.caption}</caption><thead class="govuk-table__head"><tr class="govuk-table__row">${options.head.map(
    (h) => html`<th scope="col" class="govuk-table__header">${h}</th>`,
  )}</tr></thead><tbody class="govuk-table__body">${options.rows.map((row) => html`<tr class="govuk-table__row">${row.map((cell) => html`<td class="govuk-table__cell">${cell}</td>`)}</tr>`)}</tbody></table>`;
}

/**
 * A refused use case's issues as the error summary lists them: the label the person sees, the value
 * they gave, and what is wrong, each linked to its control's id.
 */
export function issueErrors(issues: readonly ValidationIssue[], idOf: (field: string) => string, labelOf: (field: string) => string): FieldError[] {
  return issues.map((issue) => ({
    field: idOf(issue.field),
    message: `${labelOf(issue.field)}${issue.value !== undefined ? ` ${issue.value.length > 80 ? `${issue.value.slice(0, 79)}…` : issue.value}` : ''}: ${issue.message}`,
  }));
}
