// GOV.UK Design System components (govuk-frontend 6.6) and the Ministry of Justice ones the console uses
// (@ministryofjustice/frontend 11.1), written out in TypeScript: the markup their nunjucks macros make,
// escaped by `html` as those macros are under autoescape, and styled by the packages' own CSS.
//
// Why not the macros themselves through nunjucks: the macros are .njk files read from node_modules at
// run time, which the Lambda bundle does not carry; nunjucks compiles each template to JavaScript with
// `new Function` on first use, measured at 290–585 ms for the handful the console needs (a Lambda cold
// start on every new instance); and precompiling them at build time would need a generated module that
// tsx, vitest and esbuild all load alike. nunjucks itself would fit (91 KB minified). Written here,
// the pages are plain functions: type-checked, bundled, nothing compiled at run time.
import { html, type Html, type HtmlValue } from './html';

export interface FieldError {
  /** The form field's name (and the id of its control). */
  field: string;
  /** Says which field, which value and what is wrong. */
  message: string;
}

/** The error summary at the top of a refused form: each problem linked to its field. */
export function errorSummary(errors: readonly FieldError[]): Html {
  if (errors.length === 0) return html``;
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">${errors.map(
    (e) => html`<li><a href="#${e.field}">${e.message}</a></li>`,
  )}</ul></div></div></div>`;
}

function errorFor(errors: readonly FieldError[] | undefined, field: string): FieldError | undefined {
  return errors?.find((e) => e.field === field);
}

function errorMessage(id: string, error: FieldError | undefined): Html {
  return error ? html`<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error.message}</p>` : html``;
}

export function textarea(options: { name: string; id?: string; label: string; hint?: string; value?: string; rows?: number; errors?: readonly FieldError[] }): Html {
  const id = options.id ?? options.name;
  const error = errorFor(options.errors, options.name);
  const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}"><label class="govuk-label govuk-label--s" for="${id}">${options.label}</label>${
    options.hint ? html`<div id="${id}-hint" class="govuk-hint">${options.hint}</div>` : ''
  }${errorMessage(id, error)}<textarea class="govuk-textarea${error ? ' govuk-textarea--error' : ''}" id="${id}" name="${options.name}" rows="${options.rows ?? 3}"${
    describedBy ? html` aria-describedby="${describedBy}"` : ''
  }>${options.value ?? ''}</textarea></div>`;
}

export interface Choice {
  value: string;
  text: string;
  hint?: string;
  checked?: boolean;
}

/** Radios or checkboxes in a fieldset whose legend names the question. */
export function choices(options: {
  type: 'radio' | 'checkbox';
  name: string;
  idPrefix?: string;
  legend: string;
  legendClass?: string;
  hint?: string;
  items: readonly Choice[];
  small?: boolean;
  errors?: readonly FieldError[];
}): Html {
  const kind = options.type === 'radio' ? 'radios' : 'checkboxes';
  const prefix = options.idPrefix ?? options.name;
  const error = errorFor(options.errors, options.name);
  const describedBy = [options.hint ? `${prefix}-hint` : '', error ? `${prefix}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}"><fieldset class="govuk-fieldset"${describedBy ? html` aria-describedby="${describedBy}"` : ''}><legend class="govuk-fieldset__legend ${
    options.legendClass ?? 'govuk-fieldset__legend--s'
  }">${options.legend}</legend>${options.hint ? html`<div id="${prefix}-hint" class="govuk-hint">${options.hint}</div>` : ''}${errorMessage(prefix, error)}<div class="govuk-${kind}${
    options.small ? ` govuk-${kind}--small` : ''
  }" data-module="govuk-${kind}">${options.items.map((item, index) => {
    // The first control's id is the field's own, so the error summary's link lands on it.
    const id = index === 0 ? prefix : `${prefix}-${index + 1}`;
    return html`<div class="govuk-${kind}__item"><input class="govuk-${kind}__input" id="${id}" name="${options.name}" type="${options.type}" value="${item.value}"${item.checked ? html` checked` : ''}${
      item.hint ? html` aria-describedby="${id}-item-hint"` : ''
    }><label class="govuk-label govuk-${kind}__label" for="${id}">${item.text}</label>${item.hint ? html`<div id="${id}-item-hint" class="govuk-hint govuk-${kind}__hint">${item.hint}</div>` : ''}</div>`;
  })}</div></fieldset></div>`;
}

export function button(text: string, options: { secondary?: boolean; warning?: boolean; name?: string; value?: string } = {}): Html {
  const modifier = options.warning ? ' govuk-button--warning' : options.secondary ? ' govuk-button--secondary' : '';
  return html`<button type="submit" class="govuk-button${modifier}" data-module="govuk-button"${options.name ? html` name="${options.name}" value="${options.value ?? ''}"` : ''}>${text}</button>`;
}

/** A POST form carrying the session's CSRF token. */
export function postForm(action: string, csrfToken: string, content: HtmlValue, options: { id?: string } = {}): Html {
  return html`<form method="post" action="${action}" novalidate${options.id ? html` id="${options.id}"` : ''}><input type="hidden" name="_csrf" value="${csrfToken}">${content}</form>`;
}

const TAG_COLOURS: Record<string, string> = { high: 'red', medium: 'orange', low: 'grey', open: 'blue', acknowledged: 'light-blue', resolved: 'green', dismissed: 'grey' };

export function tag(text: string, colourKey = text): Html {
  const colour = TAG_COLOURS[colourKey];
  return html`<strong class="govuk-tag${colour ? ` govuk-tag--${colour}` : ''}">${text}</strong>`;
}

export function summaryList(rows: readonly { key: string; value: HtmlValue }[]): Html {
  return html`<dl class="govuk-summary-list">${rows.map((r) => html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${r.key}</dt><dd class="govuk-summary-list__value">${r.value}</dd></div>`)}</dl>`;
}

export interface TimelineItem {
  title: string;
  byline: string;
  datetime: string;
  dateText: string;
  description: HtmlValue;
}

/** The MoJ timeline: newest first, each with who, when and what. */
export function timeline(items: readonly TimelineItem[]): Html {
  return html`<div class="moj-timeline">${items.map(
    (item) =>
      html`<div class="moj-timeline__item"><div class="moj-timeline__header"><h3 class="moj-timeline__title">${item.title}</h3> <p class="moj-timeline__byline">by ${item.byline}</p></div><p class="moj-timeline__date"><time datetime="${item.datetime}">${item.dateText}</time></p><div class="moj-timeline__description">${item.description}</div></div>`,
  )}</div>`;
}

export function notification(title: string, content: HtmlValue, options: { success?: boolean } = {}): Html {
  return html`<div class="govuk-notification-banner${options.success ? ' govuk-notification-banner--success' : ''}" ${
    options.success ? html`role="alert"` : html`role="region" aria-labelledby="govuk-notification-banner-title"`
  } data-module="govuk-notification-banner"><div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">${title}</h2></div><div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${content}</p></div></div>`;
}
