/**
 * Signs in through the local OpenID Connect provider with plain HTTP requests, following redirects by
 * hand and keeping cookies as a browser would (cookies are per host, not per port, so one jar serves
 * the console and the provider on 127.0.0.1): the whole authorization code flow with PKCE, the same
 * one a person goes through, without a browser.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

/** A request with the jar's cookies, no redirect followed. */
export async function request(jar: CookieJar, url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
  const response = await fetch(url, {
    method: init.method ?? (init.form ? 'POST' : 'GET'),
    redirect: 'manual',
    headers: { cookie: jar.header(), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
  });
  jar.take(response);
  return response;
}

/** Follows redirects from `url` (GETs), returning the last response and its address. */
export async function follow(jar: CookieJar, url: string, limit = 15): Promise<{ response: Response; url: string }> {
  let at = url;
  for (let i = 0; i < limit; i += 1) {
    const response = await request(jar, at);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { response, url: at };
    at = new URL(location, at).href;
  }
  throw new Error(`more than ${limit} redirects from ${url}`);
}

/** Signs in at the console as `email` through the provider's login form; returns the page landed on. */
export async function signInThroughProvider(jar: CookieJar, consoleUrl: string, email: string, start = '/sign-in'): Promise<{ response: Response; url: string }> {
  const login = await follow(jar, `${consoleUrl}${start}`);
  const page = await login.response.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
  if (!action) throw new Error(`no login form at ${login.url}: ${page.slice(0, 200)}`);
  const submitted = await request(jar, new URL(action, login.url).href, { form: { prompt: 'login', login: email, password: 'any password' } });
  return follow(jar, new URL(submitted.headers.get('location')!, login.url).href);
}
