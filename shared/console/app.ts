import { COUNCIL_ID_PATTERN, type CouncilId } from '../domain/council';
import { FindingNotFoundError } from '../domain/errors';
import { ACTION_TITLES, isOperatorAction, ROLE_TITLES, roleAllows, type Action, type Principal } from '../domain/roles';
import { AccessRefusedError, authorise } from '../review/authorise';
import { SuppressionNotFoundError } from '../review/suppressions';
import { CouncilNotConfiguredError, CouncilNotFoundError, requireCouncil } from '../store/audit-store';
import { ASSET_CACHE_CONTROL, assetManifest, listConsoleAssets, type AssetManifest, type ConsoleAsset } from './assets';
import type { ConsoleDeps, PageContext, PageOptions, Route } from './context';
import { securityHeaders } from './headers';
import { html } from './html';
import type { ConsoleHandler, ConsoleRequest, ConsoleResponse } from './http';
import { layout } from './layout';
import { NAV_ITEMS, ROUTES } from './routes';
import { cookieNames, parseCookies, randomId, Sealer, SESSION_SECONDS, setCookie, SIGN_IN_SECONDS, type SessionData, type SignInState } from './session';
import { oidcClient } from './sign-in';

/**
 * The council's console (issue #11) as one function from request to response, for the local server
 * and the Lambda function alike. Primary course for a council's page:
 * 1. match the route (method and path) in the route table;
 * 2. no valid session → to sign-in (a POST is refused);
 * 3. a POST without the session's CSRF token → refused, nothing changed;
 * 4. the principal's role in the path's council from the store's member record, then `authorise` for
 *    the route's action: a non-member, an unknown council (and, in the handlers, an unknown finding)
 *    get the same 404 page; a member whose role does not allow it the 403 page saying so;
 * 5. the handler adapts the request to the review use cases and renders the page.
 * Every response carries the security headers; a failure shows the 500 page, never a stack.
 */
export function createConsole(deps: ConsoleDeps): ConsoleHandler {
  const clock = deps.clock ?? (() => new Date());
  const sealer = new Sealer(deps.sessionSecret);
  const names = cookieNames(deps.baseUrl);
  const files = deps.assets ? deps.assets.files : listConsoleAssets();
  const manifest: AssetManifest = deps.assets?.manifest ?? assetManifest(files ?? []);
  const assetsByPath = new Map<string, ConsoleAsset>((files ?? []).map((a) => [a.path, a]));
  const oidc = deps.oidc ?? oidcClient(deps.signIn);
  const log = deps.log ?? ((message: string, error: unknown) => console.error(message, error));
  const headers = securityHeaders(
    [...new Set([deps.signIn.issuerUrl, deps.signIn.logoutUrl].filter((u): u is string => Boolean(u)).map((u) => new URL(u).origin))],
  );
  const compiled = ROUTES.map((route) => ({ route, pattern: compile(route.path) }));

  const respond = (status: number, body: string | Uint8Array, extra: Record<string, string> = {}, cookies: string[] = []): ConsoleResponse => ({
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...extra, ...headers },
    cookies,
    body,
  });
  const redirect = (location: string, cookies: string[] = []) => respond(303, '', { location }, cookies);

  interface Frame {
    session?: SessionData;
    council?: { id: string; name: string };
    csrfToken?: string;
    principal?: Principal;
  }

  const renderPage = (frame: Frame, options: PageOptions, cookies: string[] = []): ConsoleResponse =>
    respond(
      options.status ?? 200,
      layout({
        title: options.error ? `Error: ${options.title}` : options.title,
        body: options.body,
        assets: manifest,
        ...(frame.council ? { council: frame.council } : {}),
        ...(frame.session && frame.csrfToken ? { user: { name: frame.session.name, csrfToken: frame.csrfToken } } : {}),
        ...(frame.council && frame.principal ? { nav: NAV_ITEMS.filter((item) => allows(frame.principal!, frame.council!.id, item.action)) } : {}),
        ...(options.section ? { section: options.section } : {}),
        ...(options.backLink ? { backLink: options.backLink } : {}),
      }),
      {},
      cookies,
    );

  const notFound = (frame: Frame) =>
    renderPage(
      { ...frame, council: undefined },
      {
        status: 404,
        title: 'Page not found',
        body: html`<h1 class="govuk-heading-l">Page not found</h1><p class="govuk-body">If you typed the web address, check it is correct.</p><p class="govuk-body">If you followed a link to a finding, it may belong to another council, or you may not be a member of that council.</p><p class="govuk-body"><a class="govuk-link" href="/">Go to your council's findings</a></p>`,
      },
    );

  const refused = (frame: Frame, error: AccessRefusedError) =>
    renderPage(frame, {
      status: 403,
      title: 'You cannot do this',
      body: html`<h1 class="govuk-heading-l">You cannot do this</h1><p class="govuk-body">${refusalSentence(error)}</p><p class="govuk-body">Ask your council's Town Clerk if you need to.</p>`,
    });

  const failed = (frame: Frame) =>
    renderPage(
      { ...frame, council: undefined },
      {
        status: 500,
        title: 'Sorry, there is a problem with the console',
        body: html`<h1 class="govuk-heading-l">Sorry, there is a problem with the console</h1><p class="govuk-body">Try again later. Nothing you asked for was changed unless its page said so.</p>`,
      },
    );

  async function handle(request: ConsoleRequest): Promise<ConsoleResponse> {
    const now = clock();
    const cookies = parseCookies(request.headers.cookie);
    const session = sealer.unseal<SessionData>('session', cookies.get(names.session), now);
    const frame: Frame = session ? { session, csrfToken: sealer.csrfToken(session) } : {};
    const { path, method } = request;

    if (method === 'GET' && path.startsWith('/assets/')) {
      const asset = assetsByPath.get(path);
      return asset ? respond(200, asset.body, { 'content-type': asset.contentType, 'cache-control': ASSET_CACHE_CONTROL }) : notFound({});
    }

    if (path === '/' && method === 'GET') {
      if (!session) return renderPage({}, startPage());
      if (session.operator) return renderPage(frame, operatorStartPage(session));
      if (session.council) return redirect(`/councils/${encodeURIComponent(session.council)}/findings`);
      return renderPage(frame, {
        title: 'Signed in',
        body: html`<h1 class="govuk-heading-l">You are signed in</h1><p class="govuk-body">You are signed in as ${session.name} (${session.email}), and are not a member of any council's console.</p>`,
      });
    }
    if (path === '/sign-in' && method === 'GET') {
      const start = await oidc.start();
      const state: SignInState = { codeVerifier: start.codeVerifier, state: start.state, nonce: start.nonce, returnTo: safeReturn(request.query.get('returnTo')), expiresAt: epoch(now) + SIGN_IN_SECONDS };
      return redirect(start.url, [setCookie(names, names.signIn, sealer.seal('sign-in', state), SIGN_IN_SECONDS)]);
    }
    if (path === '/auth/callback' && method === 'GET') {
      const state = sealer.unseal<SignInState>('sign-in', cookies.get(names.signIn), now);
      const clearSignIn = setCookie(names, names.signIn, '', 0);
      if (!state || request.query.has('error')) return renderPage({}, signInFailed(), [clearSignIn]);
      const callback = new URL(deps.signIn.redirectUri);
      callback.search = request.query.toString();
      let identity;
      try {
        identity = await oidc.finish(callback, state);
      } catch (error) {
        log('console: sign-in failed', error);
        return renderPage({}, signInFailed(), [clearSignIn]);
      }
      const signedIn: SessionData = {
        sid: randomId(),
        email: identity.email,
        name: identity.name,
        ...(identity.council ? { council: identity.council } : {}),
        operator: identity.operator,
        idToken: identity.idToken,
        expiresAt: epoch(now) + SESSION_SECONDS,
      };
      return redirect(state.returnTo, [clearSignIn, setCookie(names, names.session, sealer.seal('session', signedIn), SESSION_SECONDS)]);
    }
    if (path === '/sign-out' && method === 'GET') {
      if (!session) return redirect('/signed-out');
      return renderPage(frame, {
        title: 'Sign out',
        body: html`<h1 class="govuk-heading-l">Sign out</h1><form method="post" action="/sign-out" novalidate><input type="hidden" name="_csrf" value="${frame.csrfToken}"><button type="submit" class="govuk-button" data-module="govuk-button">Sign out</button></form>`,
      });
    }
    if (path === '/sign-out' && method === 'POST') {
      if (!session) return redirect('/signed-out');
      if (!sealer.csrfValid(session, new URLSearchParams(request.body).get('_csrf') ?? undefined)) return csrfRefused(frame);
      return redirect(await oidc.signOutUrl(session.idToken), [setCookie(names, names.session, '', 0)]);
    }
    if (path === '/signed-out' && method === 'GET') {
      return renderPage(session ? frame : {}, {
        title: 'You have signed out',
        body: html`<h1 class="govuk-heading-l">You have signed out</h1><p class="govuk-body"><a class="govuk-link" href="/sign-in">Sign in again</a></p>`,
      });
    }

    const matched = match(compiled, method, path);
    if (!matched) return notFound(frame);
    const { route, params } = matched;
    if (!session) {
      if (method !== 'GET') return redirect('/sign-in');
      return redirect(`/sign-in?returnTo=${encodeURIComponent(path + (request.query.size ? `?${request.query.toString()}` : ''))}`);
    }
    const form = method === 'POST' ? new URLSearchParams(request.body) : new URLSearchParams();
    if (method === 'POST' && !sealer.csrfValid(session, form.get('_csrf') ?? undefined)) return csrfRefused(frame);

    const councilId = params.council;
    if (councilId === undefined) {
      // A council-less route is the operator's.
      if (!isOperatorAction(route.action) || !session.operator) return notFound(frame);
    } else if (!COUNCIL_ID_PATTERN.test(councilId)) {
      return notFound(frame);
    }
    const principal = await principalFor(session, councilId);
    frame.principal = principal;
    let role;
    try {
      role = councilId === undefined ? undefined : authorise(principal, councilId, route.action);
    } catch (error) {
      if (error instanceof AccessRefusedError) {
        const registered = await deps.store.getCouncil(error.councilId);
        return refused({ ...frame, ...(registered ? { council: { id: registered.id, name: registered.name } } : {}) }, error);
      }
      if (error instanceof CouncilNotFoundError) return notFound(frame);
      throw error;
    }
    const council = councilId === undefined ? undefined : await requireCouncil(deps.store, councilId).catch((error: unknown) => {
      if (error instanceof CouncilNotFoundError) return undefined;
      throw error;
    });
    if (councilId !== undefined && !council) return notFound(frame);
    if (council) frame.council = { id: council.id, name: council.name };

    const context: PageContext = {
      request,
      deps,
      now,
      session,
      principal,
      council: council ?? { id: '', name: '', digestTo: [], registeredAt: now.toISOString() },
      councilId: councilId ?? '',
      role,
      params,
      form,
      csrfToken: frame.csrfToken!,
      page: (options) => renderPage(frame, options),
      redirect: (location) => redirect(location),
      can: (action) => councilId !== undefined && allows(principal, councilId, action),
    };
    try {
      return await route.handle(context);
    } catch (error) {
      if (error instanceof AccessRefusedError) return refused(frame, error);
      if (error instanceof CouncilNotFoundError || error instanceof FindingNotFoundError || error instanceof SuppressionNotFoundError) return notFound(frame);
      if (error instanceof CouncilNotConfiguredError) return notConfigured(frame, context.can('edit-settings') ? `/councils/${encodeURIComponent(context.councilId)}/settings` : undefined);
      throw error;
    }
  }

  /** A page that needs the council's configuration, asked for before any was saved: says so, not 500. */
  function notConfigured(frame: Frame, settingsPath: string | undefined): ConsoleResponse {
    return renderPage(frame, {
      status: 409,
      title: 'The council’s settings have not been saved yet',
      body: html`<h1 class="govuk-heading-l">The council’s settings have not been saved yet</h1><p class="govuk-body">This page needs the council’s settings (its names, councillors and elections), and none have been saved.</p>${
        settingsPath ? html`<p class="govuk-body"><a class="govuk-link" href="${settingsPath}">Save the council’s settings</a></p>` : html`<p class="govuk-body">Ask your council’s Town Clerk to save them.</p>`
      }`,
    });
  }

  function csrfRefused(frame: Frame): ConsoleResponse {
    return renderPage(frame, {
      status: 403,
      title: 'This form has expired',
      body: html`<h1 class="govuk-heading-l">This form has expired</h1><p class="govuk-body">Nothing was changed. Go back, reload the page and try again.</p>`,
    });
  }

  /**
   * The principal for a request: the signed-in person with their role in the path's council as the
   * store records it now (so removing a member takes effect at once). A person's `custom:council` is
   * the only council they can be a member of; the operator may be a member of several.
   */
  async function principalFor(session: SessionData, councilId: CouncilId | undefined): Promise<Principal> {
    const principal: Principal = { userId: session.email, name: session.name, memberships: {}, ...(session.operator ? { operator: true } : {}) };
    if (councilId === undefined || (!session.operator && session.council !== councilId)) return principal;
    const member = await deps.store.forCouncil(councilId).getMember(session.email);
    if (member) principal.memberships[councilId] = member.role;
    return principal;
  }

  return async (request) => {
    try {
      return await handle(request);
    } catch (error) {
      log(`console: ${request.method} ${request.path} failed`, error);
      return failed({});
    }
  };
}

function allows(principal: Principal, councilId: string, action: Action): boolean {
  const role = principal.memberships[councilId];
  return role !== undefined && roleAllows(role, action);
}

function refusalSentence(error: AccessRefusedError): string {
  if (error.role === 'not the operator') return `Only the operator may ${ACTION_TITLES[error.action]}.`;
  const title = ROLE_TITLES[error.role];
  const article = /^[aeiou]/i.test(title) ? 'an' : 'a';
  const can = error.role === 'councillor' ? " you can read this council's findings and reports, but" : '';
  return `As ${article} ${title}${can} you cannot ${ACTION_TITLES[error.action]}.`;
}

function startPage(): PageOptions {
  return {
    title: 'Council Audit',
    body: html`<h1 class="govuk-heading-xl">Council Audit</h1><p class="govuk-body-l">Review what the checks found on your council's public social media: findings, suppressions and reports.</p><p class="govuk-body">Sign in with the email address your council's Town Clerk invited.</p><a href="/sign-in" role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button">Sign in<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg></a>`,
  };
}

/** The operator's start: the councils page, and their own council's findings when they are also a member of one. */
function operatorStartPage(session: SessionData): PageOptions {
  return {
    title: 'Signed in',
    body: html`<h1 class="govuk-heading-l">You are signed in</h1><p class="govuk-body">You are signed in as ${session.name} (${session.email}) for the operator.</p><ul class="govuk-list"><li><a class="govuk-link" href="/operator/councils">Councils: add a council and invite its Town Clerk</a></li>${
      session.council ? html`<li><a class="govuk-link" href="/councils/${session.council}/findings">Your council's findings</a></li>` : ''
    }</ul>`,
  };
}

function signInFailed(): PageOptions {
  return {
    status: 400,
    title: 'Sign-in did not finish',
    body: html`<h1 class="govuk-heading-l">Sign-in did not finish</h1><p class="govuk-body">It may have taken too long, or been started in another window.</p><p class="govuk-body"><a class="govuk-link" href="/sign-in">Sign in again</a></p>`,
  };
}

/** A path on this console to return to after sign-in; anything else (another site) goes home. */
function safeReturn(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

function epoch(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

interface Compiled {
  route: Route;
  pattern: { regex: RegExp; names: string[] };
}

function compile(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { regex: new RegExp(`^${source}/?$`), names };
}

function match(routes: readonly Compiled[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const { route, pattern } of routes) {
    if (route.method !== method) continue;
    const found = pattern.regex.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    pattern.names.forEach((name, index) => (params[name] = found[index + 1]!));
    return { route, params };
  }
  return undefined;
}

