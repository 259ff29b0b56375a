import { tidy } from '../rendering/display';

/**
 * HTML built in TypeScript with escaping on by default, as nunjucks' `autoescape: true` does: every
 * value put into an `html` template is escaped unless it is itself Html (made by `html` or `trusted`).
 * Text from a post, an account or a person is tidied too (control characters and bidirectional
 * overrides become spaces), so it can neither break out of its element nor read backwards.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text as element content or a quoted attribute value. */
export function escape(text: string): string {
  return tidy(text).replace(/[&<>"'`]/g, (ch) => ESCAPES[ch]!);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escape(String(value as string | number | true));
}

/** A template whose interpolations are escaped (arrays joined, false/null/undefined left out). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i += 1) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup the console itself wrote (never text from outside): not escaped. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** `a=1&b=2` from pairs, leaving out empty values. */
export function queryString(pairs: readonly (readonly [string, string | undefined])[]): string {
  const query = new URLSearchParams();
  for (const [key, value] of pairs) if (value !== undefined && value !== '') query.append(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}
