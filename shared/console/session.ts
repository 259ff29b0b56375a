import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The console's cookies, sealed: AES-256-GCM under a key derived from the session secret (HKDF), so
 * the browser holds them but can neither read nor change them, and no session table is needed. Each
 * sealed value carries its purpose (a session cannot be replayed as a sign-in state) and its expiry.
 */
export interface SessionData {
  /** Random per sign-in: what the CSRF token is bound to. */
  sid: string;
  /** The email claim, lower case: the member id. */
  email: string;
  name: string;
  /** The `custom:council` claim: the council the person belongs to, when any. */
  council?: string;
  operator: boolean;
  /** The ID token, for the provider's sign-out (id_token_hint). */
  idToken?: string;
  /** Epoch seconds. */
  expiresAt: number;
}

/** What the sign-in redirect must remember until the provider sends the person back. */
export interface SignInState {
  codeVerifier: string;
  state: string;
  nonce: string;
  /** A path on the console to go back to after signing in. */
  returnTo: string;
  expiresAt: number;
}

/** How long a session lasts (a working day), and how long a sign-in may take. */
export const SESSION_SECONDS = 8 * 60 * 60;
export const SIGN_IN_SECONDS = 10 * 60;

export class Sealer {
  private readonly key: Buffer;
  private readonly csrfKey: Buffer;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('the session secret must be at least 32 characters long');
    this.key = Buffer.from(hkdfSync('sha256', secret, 'council-audit-console', 'cookie-seal', 32));
    this.csrfKey = Buffer.from(hkdfSync('sha256', secret, 'council-audit-console', 'csrf', 32));
  }

  seal(purpose: string, value: object): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
  }

  /** The value sealed for this purpose, or undefined when it was tampered with, is another's, or has expired. */
  unseal<T extends { expiresAt: number }>(purpose: string, sealed: string | undefined, now: Date): T | undefined {
    if (!sealed) return undefined;
    const parts = sealed.split('.');
    if (parts.length !== 3) return undefined;
    try {
      const [iv, tag, body] = parts.map((part) => Buffer.from(part, 'base64url')) as [Buffer, Buffer, Buffer];
      if (iv.length !== 12 || tag.length !== 16) return undefined;
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(tag);
      const value = JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as T;
      return typeof value.expiresAt === 'number' && value.expiresAt * 1000 > now.getTime() ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /** The CSRF token of a session: an HMAC of its random id, so it needs no storage and dies with it. */
  csrfToken(session: Pick<SessionData, 'sid'>): string {
    return createHmac('sha256', this.csrfKey).update(session.sid).digest('base64url');
  }

  csrfValid(session: Pick<SessionData, 'sid'>, token: string | undefined): boolean {
    if (!token) return false;
    const expected = Buffer.from(this.csrfToken(session));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

export function randomId(): string {
  return randomBytes(16).toString('base64url');
}

/** The request's cookies by name (the first of a repeated name wins). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(at + 1).trim());
  }
  return cookies;
}

export interface CookieNames {
  session: string;
  signIn: string;
  secure: boolean;
}

/** `__Host-` names (only sent to this host, over https, for the whole site) when the console is on https. */
export function cookieNames(baseUrl: string): CookieNames {
  const secure = new URL(baseUrl).protocol === 'https:';
  const prefix = secure ? '__Host-' : '';
  return { session: `${prefix}council-audit-session`, signIn: `${prefix}council-audit-sign-in`, secure };
}

/** A Set-Cookie value: HttpOnly, SameSite=Lax, Path=/, Secure on https; max-age 0 clears it. */
export function setCookie(names: CookieNames, name: string, value: string, maxAgeSeconds: number): string {
  return [`${name}=${value}`, 'Path=/', `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax', ...(names.secure ? ['Secure'] : [])].join('; ');
}
