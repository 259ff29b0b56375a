import type { AssetManifest } from './assets';
import type { NavItem } from './context';
import { html, type Html } from './html';

/** What the layout shows around a page. */
export interface LayoutOptions {
  title: string;
  body: Html;
  assets: AssetManifest;
  /** The council whose pages these are: its name heads the page. */
  council?: { id: string; name: string };
  /** The person signed in, with the CSRF token of the sign-out form. */
  user?: { name: string; csrfToken: string };
  nav?: readonly NavItem[];
  section?: string;
  backLink?: { href: string; text: string };
}

/**
 * The page around every page: a skip link, the council's own header (its name; no GOV.UK crown or
 * logo, which are reserved for gov.uk services), the navigation, one main landmark, a footer.
 * No inline script or style: the Content-Security-Policy refuses them.
 */
export function layout(options: LayoutOptions): string {
  const home = options.council ? `/councils/${options.council.id}/findings` : '/';
  return html`<!DOCTYPE html>
<html lang="en-GB" class="govuk-template govuk-template--rebranded">
<head>
<meta charset="utf-8">
<title>${options.title} – ${options.council ? `${options.council.name} – ` : ''}Council Audit</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="robots" content="noindex, nofollow">
<link rel="stylesheet" href="${options.assets.stylesheet}">
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<header class="app-header">
<div class="govuk-width-container">
${
  options.user
    ? html`<form class="app-header__user" method="post" action="/sign-out"><input type="hidden" name="_csrf" value="${options.user.csrfToken}"><span>${options.user.name}</span> <button type="submit" class="govuk-button govuk-button--inverse govuk-!-margin-bottom-0 govuk-!-margin-left-2" data-module="govuk-button">Sign out</button></form>`
    : ''
}
<a href="${home}" class="app-header__council">${options.council?.name ?? 'Council Audit'}</a>
${options.council ? html`<span class="app-header__service">Council Audit</span>` : ''}
</div>
</header>
${navigation(options)}
<div class="govuk-width-container">
${options.backLink ? html`<a href="${options.backLink.href}" class="govuk-back-link">${options.backLink.text}</a>` : ''}
<main class="govuk-main-wrapper" id="main-content">
${options.body}
</main>
</div>
<footer class="govuk-footer">
<div class="govuk-width-container">
<div class="govuk-footer__meta"><div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
<p class="govuk-body-s">Council Audit: open-source checks of a council's public social media. Evidence is shown with personal data masked.</p>
</div></div>
</div>
</footer>
<script type="module" src="${options.assets.script}"></script>
</body>
</html>`.value;
}

function navigation(options: LayoutOptions): Html {
  if (!options.council || !options.nav?.length) return html``;
  const councilId = options.council.id;
  return html`<section aria-label="Council Audit menu" class="govuk-service-navigation" data-module="govuk-service-navigation"><div class="govuk-width-container"><div class="govuk-service-navigation__container"><nav aria-label="Menu" class="govuk-service-navigation__wrapper"><ul class="govuk-service-navigation__list" id="navigation">${options.nav.map((item) =>
    item.id === options.section
      ? html`<li class="govuk-service-navigation__item govuk-service-navigation__item--active"><a class="govuk-service-navigation__link" href="${item.href(councilId)}" aria-current="page"><strong class="govuk-service-navigation__active-fallback">${item.text}</strong></a></li>`
      : html`<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="${item.href(councilId)}">${item.text}</a></li>`,
  )}</ul></nav></div></div></section>`;
}
