import { perContext, type DetectionContext } from './context';
import type { AccountDetector, AccountSighting, Hit } from './detector';
import { RULE_META } from './meta';
import { normaliseHandle } from '../domain/account';
import { allMatches } from './text/prose/matches';

/** Forms of the council's name this short or shorter ("HTC") count only as a whole word of a handle or name. */
const SHORT_FORM = 4;
/** Forms this long or longer ("harbournetc") are distinctive enough to count anywhere in a handle. */
const LONG_FORM = 8;

/** Hosting suffixes that say nothing about who runs an account. */
const HOST_SUFFIX = /\.(?:bsky\.social|bsky\.app)$/;
/** A councillor's own account: "Cllr Alice Moreton (Harbourne Town Council)" is not the council presenting itself. */
const COUNCILLOR_NAME = /^\s*(?:cllr|councill?or)\b/i;
/** A post that speaks for the council: "on behalf of …", "the official page of …", "— Town Clerk". */
const SPEAKS_FOR =
  /\b(?:on\s+behalf\s+of|official\s+(?:account|page|channel|feed)\s+(?:of|for)|(?:we|everyone|all\s+of\s+us)\s+(?:here\s+)?at|here\s+at)\s+(?:the\s+)?/gi;
const CLERK_SIGN_OFF = /(?:^|[\n.!]\s*)[-–—~]\s*(?:the\s+)?(?:town|parish|deputy\s+town)\s+clerk\s*[.!]?\s*$/i;

interface Compiled {
  long: readonly string[];
  medium: readonly string[];
  short: ReadonlySet<string>;
  /** The place name on its own ("harbourne"): enough to identify an account the Town Clerk registered. */
  place: string | undefined;
  councillorHandles: ReadonlySet<string>;
}
const compile = perContext((context): Compiled => {
  const forms = context.councilNames;
  const place = context.councilPlace;
  return {
    long: forms.filter((f) => f.length >= LONG_FORM),
    medium: forms.filter((f) => f.length > SHORT_FORM && f.length < LONG_FORM),
    short: new Set(forms.filter((f) => f.length <= SHORT_FORM)),
    place: place && place.length >= 4 ? place : undefined,
    councillorHandles: new Set(context.config.councillors.flatMap((councillor) => councillor.handles.map(normaliseHandle))),
  };
});

export const unapprovedAccount: AccountDetector = {
  meta: RULE_META['unapproved-account'],

  detect(account: AccountSighting, context: DetectionContext): Hit[] {
    const c = compile(context);
    const hit = account.registered ? registeredAccountProblem(account, c, context) : unregisteredAccountProblem(account, c, context);
    return hit ? [{ evidence: evidenceOf(account), severity: 'high', ...hit }] : [];
  },
};

type Problem = Pick<Hit, 'reason' | 'remediation'>;

function registeredAccountProblem(account: AccountSighting, c: Compiled, context: DetectionContext): Problem | undefined {
  const reasons: string[] = [];
  const missing = [account.approvedBy ? '' : 'who approved it', account.approvedOn ? '' : 'when'].filter(Boolean);
  if (missing.length) reasons.push(`it is registered for monitoring but has no record of the Town Clerk's approval (not recorded: ${missing.join(' or ')})`);
  // A councillor's own account, as the configuration lists it, names whose it is: approved, it is not anonymous.
  const identified =
    c.councillorHandles.has(normaliseHandle(account.handle)) ||
    identifies(handleTokens(account.handle), c, true) ||
    (account.displayName !== undefined && identifies(nameTokens(account.displayName), c, true));
  if (!identified) {
    reasons.push(`it is used for council business but is anonymous: neither its handle${account.displayName ? ' nor its display name' : ''} identifies ${context.config.council.name}`);
  }
  if (reasons.length === 0) return undefined;
  return {
    reason: reasons.join('; and '),
    remediation: identified
      ? 'If the council runs this account, approve it (in the console, or with `council-audit accounts approve`); if not, close it.'
      : `Rename the account so that its handle or display name identifies ${context.config.council.name}, then approve it (in the console, or with \`council-audit accounts approve\`); otherwise close it.`,
  };
}

function unregisteredAccountProblem(account: AccountSighting, c: Compiled, context: DetectionContext): Problem | undefined {
  if (c.councillorHandles.has(normaliseHandle(account.handle))) return undefined;
  const personal = account.displayName !== undefined && COUNCILLOR_NAME.test(account.displayName);
  const inHandle = identifies(handleTokens(account.handle), c, false);
  const inName = account.displayName === undefined ? undefined : identifies(nameTokens(account.displayName), c, false);
  if (!personal && (inHandle || inName)) {
    const where = inHandle ? `its handle ${account.handle}` : `its display name "${account.displayName}"`;
    return {
      reason: `presents as the council (${where} carries the council's name or alias "${inHandle ?? inName}") but is not one of the council's approved accounts on ${account.platform}`,
    };
  }
  if (!inHandle && !inName && account.firstPost && speaksForCouncil(account.firstPost.text, c)) {
    return {
      reason: `posts on the council's behalf but is anonymous and not one of the council's approved accounts: neither its handle nor its display name identifies ${context.config.council.name}`,
      remediation: `Council business must not be done from anonymous accounts: use an approved account that identifies ${context.config.council.name}, and close this one.`,
    };
  }
  return undefined;
}

/**
 * The council name form a handle or name carries, if any: a long form anywhere, a medium one from
 * the start of a word, a short alias only as a whole word (`htc_beachhuts`, not `westcountry`).
 * For an account the Town Clerk registered, the place name alone identifies it.
 */
function identifies(tokens: readonly string[], c: Compiled, placeIsEnough: boolean): string | undefined {
  if (tokens.length === 0) return undefined;
  for (const token of tokens) if (c.short.has(token)) return token;
  const joined = tokens.join('');
  for (const form of c.long) if (joined.includes(form)) return form;
  if (c.medium.length) {
    const starts = new Set<number>();
    let offset = 0;
    for (const token of tokens) {
      starts.add(offset);
      offset += token.length;
    }
    for (const form of c.medium) {
      for (let i = joined.indexOf(form); i >= 0; i = joined.indexOf(form, i + 1)) if (starts.has(i)) return form;
    }
  }
  if (placeIsEnough && c.place && joined.includes(c.place)) return c.place;
  return undefined;
}

/** The words of a handle: its local part only (not the instance), split at punctuation and camelCase. */
function handleTokens(handle: string): string[] {
  let local = handle.trim().replace(/^@/, '');
  const at = local.indexOf('@');
  if (at > 0) local = local.slice(0, at);
  return nameTokens(local.replace(HOST_SUFFIX, ''));
}

/** `STCBeachHuts` → `stc beach huts`; `Harbourne TC Events` → `harbourne tc events`; `htc2026` → `htc 2026`. */
function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

function speaksForCouncil(text: string, c: Compiled): boolean {
  if (CLERK_SIGN_OFF.test(text)) return true;
  for (const match of allMatches(SPEAKS_FOR, text)) {
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
    if (identifies(nameTokens(after.split(/[.,;:!?\n]/, 1)[0]!), c, false)) return true;
  }
  return false;
}

/** The account as the Town Clerk would look it up: handle, name, platform and where to find it. */
function evidenceOf(account: AccountSighting): string {
  const name = account.displayName ? ` ("${account.displayName}")` : '';
  const where = account.profileUrl ?? profileUrl(account) ?? account.firstPost?.url;
  return `${account.handle}${name} on ${account.platform}${where ? `, ${where}` : ''}`;
}

function profileUrl(account: AccountSighting): string | undefined {
  const handle = account.handle.trim().replace(/^@/, '');
  if (account.platform === 'mastodon') {
    const [user, instance] = handle.split('@');
    const host = instance?.replace(/^https?:\/\//, '').replace(/\/+$/, '');
    return user && host ? `https://${host}/@${user}` : undefined;
  }
  if (account.platform === 'bluesky') return `https://bsky.app/profile/${handle}`;
  return undefined;
}
