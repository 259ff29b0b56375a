import { addDays, isoWeekOf } from '../domain/calendar';
import { handleKey, isApproved, type Account } from '../domain/account';
import type { CouncilId } from '../domain/council';
import { AccountNotFoundError, CouncilAuditError } from '../domain/errors';
import { PLATFORM_TITLES, PLATFORMS, type Platform } from '../domain/post';
import type { StoredFinding } from '../domain/records';
import type { Principal } from '../domain/roles';
import { authorise } from '../review/authorise';
import { acknowledgeFinding, dismissFinding, type ReviewDeps, type ReviewResult } from '../review/review-finding';
import { currentCaptureFailures, type CaptureFailure } from '../scanning/capture-health';
import { requireCouncil, type CouncilStore } from '../store/audit-store';
import { approveAccount, registerAccount, type Registration } from './register-account';

/**
 * The council's accounts as people manage them (issue #11), alike for the console and the command
 * line. Each use case, primary course: authorise the principal for the council and the action
 * (before anything is read), check the council is registered, then read or change its accounts
 * through the council's own view. Refused input changes nothing stored.
 */

/** How far back the scan runs are read to say since when an account's capture has been failing. */
export const CAPTURE_HISTORY_WEEKS = 6;

/**
 * What an account needs from people now, most pressing first: `needs-reconnection` (its token was
 * refused: someone must sign in to the platform again), `capture-failing` (its scans fail),
 * `paused` (not scanned until resumed), `monitored` (scanned, nothing wrong).
 */
export type AccountCondition = 'needs-reconnection' | 'capture-failing' | 'paused' | 'monitored';

export interface AccountState {
  account: Account;
  /** The Town Clerk's approval is recorded (who and when). */
  approved: boolean;
  condition: AccountCondition;
  /** For `capture-failing` (and a `needs-reconnection` whose scans fail): since when, and the last error. */
  failure?: CaptureFailure;
}

/**
 * Every registered account with its state, those needing attention first (then by platform and
 * handle). For anyone who may read the council's findings.
 */
export async function listAccountStates(deps: ReviewDeps, principal: Principal, councilId: CouncilId): Promise<AccountState[]> {
  const council = await councilFor(deps, principal, councilId, 'read-findings');
  return accountStatesOf(council, (deps.clock ?? (() => new Date()))());
}

/** The states of a council's accounts, unauthorised: for `council-audit accounts status`, run with the table's credentials. */
export async function accountStatesOf(council: CouncilStore, now: Date): Promise<AccountState[]> {
  const config = await council.getCouncilConfig();
  const timezone = config?.timezone ?? 'Europe/London';
  const [accounts, runs] = await Promise.all([council.listAccounts(), recentRuns(council, now, timezone)]);
  const failures = currentCaptureFailures(runs);
  const states = accounts.map((account): AccountState => {
    const failure = failures.get(handleKey(account.platform, account.handle));
    const condition: AccountCondition =
      account.status === 'needs-reconnection' ? 'needs-reconnection' : account.status === 'paused' ? 'paused' : failure ? 'capture-failing' : 'monitored';
    return { account, approved: isApproved(account), condition, ...(failure && account.status !== 'paused' ? { failure } : {}) };
  });
  return states.sort((a, b) => CONDITION_ORDER.indexOf(a.condition) - CONDITION_ORDER.indexOf(b.condition) || Number(a.approved) - Number(b.approved) || a.account.platform.localeCompare(b.account.platform) || a.account.handle.localeCompare(b.account.handle));
}

const CONDITION_ORDER: readonly AccountCondition[] = ['needs-reconnection', 'capture-failing', 'paused', 'monitored'];

/** Registers an account for monitoring (not approved: the Town Clerk approves it). Clerk and admin. */
export async function registerCouncilAccount(deps: ReviewDeps, principal: Principal, councilId: CouncilId, input: Pick<Registration, 'platform' | 'handle' | 'displayName' | 'baseUrl'>): Promise<Account> {
  const council = await councilFor(deps, principal, councilId, 'manage-accounts');
  return registerAccount(council, { platform: input.platform, handle: input.handle, displayName: input.displayName, baseUrl: input.baseUrl }, deps.clock);
}

/** Records the Town Clerk's approval of a registered account, in their name, today. Town Clerk only. */
export async function approveCouncilAccount(deps: ReviewDeps, principal: Principal, councilId: CouncilId, ref: AccountRef): Promise<Account> {
  const council = await councilFor(deps, principal, councilId, 'approve-accounts');
  const account = await requireAccount(council, ref);
  return approveAccount(council, { platform: account.platform, handle: account.handle, by: principal.name }, deps.clock);
}

/** Pauses an account's monitoring, or resumes it (which also clears "needs reconnection"). Clerk and admin. */
export async function setCouncilAccountPaused(deps: ReviewDeps, principal: Principal, councilId: CouncilId, ref: AccountRef, paused: boolean): Promise<Account> {
  const council = await councilFor(deps, principal, councilId, 'manage-accounts');
  const account = await requireAccount(council, ref);
  return council.setAccountStatus(account.platform, account.handle, paused ? 'paused' : 'active');
}

/** Unregisters an account; its posts and findings stay as evidence. Clerk and admin. */
export async function removeCouncilAccount(deps: ReviewDeps, principal: Principal, councilId: CouncilId, ref: AccountRef): Promise<Account> {
  const council = await councilFor(deps, principal, councilId, 'manage-accounts');
  const account = await requireAccount(council, ref);
  const removed = await council.removeAccount(account.platform, account.handle);
  if (!removed) throw notRegistered(councilId, ref);
  return removed;
}

export interface AccountRef {
  platform: string;
  handle: string;
}

/** An account impostor discovery found presenting as the council, not registered, awaiting a decision. */
export interface ImpostorCandidate {
  finding: StoredFinding;
  /** How to report an impostor to that platform. */
  howToReport: string;
}

/**
 * Open (or acknowledged) unapproved-account findings about accounts the council has not registered:
 * those discovery found presenting as the council. Acknowledged ones are confirmed impostors being
 * reported. For anyone who may read the council's findings.
 */
export async function listImpostorCandidates(deps: ReviewDeps, principal: Principal, councilId: CouncilId): Promise<ImpostorCandidate[]> {
  return impostorCandidatesOf(await councilFor(deps, principal, councilId, 'read-findings'));
}

/** A council's impostor candidates, unauthorised: for `council-audit accounts impostors`. */
export async function impostorCandidatesOf(council: Pick<CouncilStore, 'listOpenFindings' | 'listAccounts'>): Promise<ImpostorCandidate[]> {
  const [open, accounts] = await Promise.all([council.listOpenFindings(), council.listAccounts()]);
  const registered = new Set(accounts.map((a) => handleKey(a.platform, a.handle)));
  return open
    .filter((f) => f.rule === 'unapproved-account' && !registered.has(handleKey(f.platform, f.account)))
    .sort((a, b) => Number(a.status === 'acknowledged') - Number(b.status === 'acknowledged') || b.detectedAt.localeCompare(a.detectedAt) || a.id.localeCompare(b.id))
    .map((finding) => ({ finding, howToReport: HOW_TO_REPORT[finding.platform] }));
}

/** An impostor candidate asked for by id that is not one (another rule's finding, or a registered account's). */
export class NotAnImpostorCandidateError extends CouncilAuditError {}

/**
 * Confirms that a candidate is an impostor: its finding is acknowledged with a note saying so, and
 * stays open until the platform closes the account (then resolve it). Clerk and admin.
 */
export async function confirmImpostor(deps: ReviewDeps, principal: Principal, councilId: CouncilId, findingId: string): Promise<ReviewResult> {
  const finding = await requireCandidate(deps, principal, councilId, findingId);
  return acknowledgeFinding(deps, principal, {
    councilId,
    findingId,
    note: `Confirmed as an impostor of the council: to be reported to ${PLATFORM_TITLES[finding.platform]}.`,
  });
}

/**
 * Marks a candidate as not the council (not presenting as it after all, or a councillor's or a
 * community group's own account): its finding is dismissed with the reason. The finding's id is the
 * account's, so discovery finding it again next week raises nothing. Clerk and admin.
 */
export async function dismissImpostor(deps: ReviewDeps, principal: Principal, councilId: CouncilId, findingId: string, reason: string): Promise<ReviewResult> {
  await requireCandidate(deps, principal, councilId, findingId);
  return dismissFinding(deps, principal, { councilId, findingId, reason });
}

/** Each platform's name as people read it: the one table (shared/domain/post.ts) the digest and the report use too. */
export { PLATFORM_TITLES };

/** What to type as the handle for each platform, shown beside the register form's field. */
export const HANDLE_HINTS: Record<Platform, string> = {
  mastodon: 'The full handle with its server, for example @harbournetc@mastodon.social.',
  bluesky: 'The handle, for example harbournetc.bsky.social, or the account’s DID (did:plc:…).',
  facebook: 'The Page’s user name as it appears after facebook.com/, for example HarbourneTownCouncil, or its numeric id. Not the whole address.',
  instagram: 'The user name without the @, for example harbournetc.',
  x: 'The user name without the @, for example HarbourneTC (at most 15 letters, digits or underscores).',
  youtube: 'The channel’s @handle, for example @harbournetc, or its id (UC followed by 22 characters).',
  rss: 'The feed’s address, starting https://, for example https://harbourne-tc.example/news/feed.',
  other: 'Any name that identifies the account; it is listed but cannot be read automatically.',
};

/** How to report an impostor to each platform: where to click, and what to choose. */
export const HOW_TO_REPORT: Record<Platform, string> = {
  mastodon:
    'Open the account’s profile, choose the menu (⋯), then “Report”. Choose “It’s something else” and say it is impersonating the council. The report goes to that server’s moderators; you can also write to the server’s administrator (its About page names them).',
  bluesky: 'Open the account’s profile, choose the menu (⋯), then “Report account” and “Misleading account” (impersonation), and say which council it pretends to be.',
  facebook:
    'Open the Page or profile, choose the menu (⋯), then “Report Page” or “Find support or report”, and choose “Pretending to be someone” then “A business or organisation”. Facebook’s Help Centre also has an impersonation form for organisations.',
  instagram:
    'Open the profile, choose the menu (⋯), then “Report”, “Report account”, and “It’s pretending to be someone else”, then “A business or organisation”. Instagram’s Help Centre also has an impersonation form.',
  x: 'Open the profile, choose the menu (⋯), then “Report”, and “They’re pretending to be me or someone else”. X’s Help Centre also has an impersonation form for organisations.',
  youtube: 'Open the channel, choose “About”, then the flag or menu, “Report user”, and “Impersonation”.',
  rss: 'A feed has no platform to report to: write to whoever hosts the website it comes from, and keep a copy of what it publishes.',
  other: 'Use the platform’s own way to report impersonation, and keep a screenshot of the account as evidence.',
};

async function requireCandidate(deps: ReviewDeps, principal: Principal, councilId: CouncilId, findingId: string): Promise<StoredFinding> {
  const council = await councilFor(deps, principal, councilId, 'review-findings');
  const finding = await council.getFinding(findingId);
  // Whatever the reason, the same words: a guessed id says nothing about the council's other findings.
  const refuse = () => new NotAnImpostorCandidateError(`council ${councilId} has no impostor candidate ${findingId}`);
  if (!finding || finding.rule !== 'unapproved-account') throw refuse();
  if (await council.getAccount(finding.platform, finding.account)) throw refuse();
  return finding;
}

async function councilFor(deps: ReviewDeps, principal: Principal, councilId: CouncilId, action: 'read-findings' | 'review-findings' | 'manage-accounts' | 'approve-accounts'): Promise<CouncilStore> {
  authorise(principal, councilId, action);
  await requireCouncil(deps.store, councilId);
  return deps.store.forCouncil(councilId);
}

/** The registered account a reference names, however its handle is written (case, a leading @). */
async function requireAccount(council: CouncilStore, ref: AccountRef): Promise<Account> {
  const platform = (PLATFORMS as readonly string[]).includes(ref.platform) ? (ref.platform as Platform) : undefined;
  const account = platform && (await council.getAccount(platform, ref.handle));
  if (!account) throw notRegistered(council.councilId, ref);
  return account;
}

function notRegistered(councilId: CouncilId, ref: AccountRef): AccountNotFoundError {
  return new AccountNotFoundError(`council ${councilId} has no ${ref.platform} account ${ref.handle} registered`);
}

async function recentRuns(council: CouncilStore, now: Date, timezone: string) {
  const thisWeek = isoWeekOf(now, timezone);
  const weeks = Array.from({ length: CAPTURE_HISTORY_WEEKS }, (_, i) => isoWeekOf(`${addDays(thisWeek.monday, -7 * i)}T12:00:00Z`, 'UTC').id);
  return (await Promise.all(weeks.map((week) => council.listScanRuns(week)))).flat();
}
