/**
 * The headers on every response, pages, redirects, assets and errors alike: a Content-Security-Policy
 * allowing this origin only (no inline script or style, no framing), HSTS, no MIME sniffing, and no
 * referrer beyond the origin. `formTargets` are the origins a form may end up at: the sign-in
 * provider's, because signing out is a POST redirected to its sign-out page (form-action applies to
 * the redirect).
 */
export function securityHeaders(formTargets: readonly string[]): Record<string, string> {
  const formAction = ["'self'", ...formTargets].join(' ');
  return {
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action ${formAction}; frame-ancestors 'none'`,
    'strict-transport-security': 'max-age=63072000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
}
