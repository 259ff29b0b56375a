import { CouncilAuditError, FindingNotFoundError } from '../domain/errors';
import type { CouncilId } from '../domain/council';
import { RESOLUTION_OUTCOMES, type ResolutionOutcome, type ReviewAction } from '../domain/finding';
import type { FindingEvent, StoredFinding } from '../domain/records';
import type { Principal } from '../domain/roles';
import { evidenceFingerprint, isActive, type Suppression } from '../domain/suppression';
import { requireCouncil, type AuditStore, type CouncilStore, type FindingStatus } from '../store/audit-store';
import { authorise } from './authorise';
import { ReviewInputError, reviewText } from './review-text';

/**
 * The review actions people take on a council's findings, called alike by the console and the
 * command line. Each use case, primary course:
 * 1. authorise the principal for the council (an outsider learns nothing, see authorise);
 * 2. read the finding through the council's own view (another council's id is simply not found);
 * 3. check the action may follow the finding's status, and the person's text;
 * 4. change the status on condition that it is still the one read, recording who, when and why.
 * Refused input changes nothing stored.
 */
export interface ReviewDeps {
  store: Pick<AuditStore, 'getCouncil' | 'forCouncil'>;
  /** Stamps a suppression's creation; the store stamps the audit trail. */
  clock?: () => Date;
}

export interface FindingRef {
  councilId: CouncilId;
  findingId: string;
}

export interface ReviewResult {
  finding: StoredFinding;
  /** For a dismissal that asked not to raise its evidence again: the suppression in force. */
  suppression?: Suppression;
}

/** Which statuses each action may follow, and the status it leaves. */
export const TRANSITIONS: Record<ReviewAction, { from: readonly FindingStatus[]; to: FindingStatus }> = {
  acknowledge: { from: ['open'], to: 'acknowledged' },
  resolve: { from: ['open', 'acknowledged'], to: 'resolved' },
  dismiss: { from: ['open', 'acknowledged'], to: 'dismissed' },
  reopen: { from: ['resolved', 'dismissed'], to: 'open' },
};

/** An action its finding's status does not allow: says the status and what to do instead. */
export class FindingTransitionError extends CouncilAuditError {
  constructor(readonly findingId: string, readonly status: FindingStatus, readonly action: ReviewAction) {
    super(`finding ${findingId} is ${status}: ${transitionAdvice(status, action)}`);
  }
}

/** Marks a finding as seen and being dealt with; an optional note says by whom or how. */
export async function acknowledgeFinding(deps: ReviewDeps, principal: Principal, request: FindingRef & { note?: string }): Promise<ReviewResult> {
  const note = reviewText('note', request.note, { required: false });
  return review(deps, principal, request, 'acknowledge', { note });
}

/** Records what was done about a finding's post; `other` needs a note saying what. */
export async function resolveFinding(
  deps: ReviewDeps,
  principal: Principal,
  request: FindingRef & { outcome: ResolutionOutcome; note?: string },
): Promise<ReviewResult> {
  if (!(RESOLUTION_OUTCOMES as readonly string[]).includes(request.outcome)) {
    throw new ReviewInputError('invalid resolution', [
      { field: 'outcome', value: JSON.stringify(String(request.outcome)), message: `expected one of ${RESOLUTION_OUTCOMES.join(', ')}` },
    ]);
  }
  const note = reviewText('note', request.note, { required: request.outcome === 'other', requiredBecause: 'when the outcome is "other": say what was done' });
  return review(deps, principal, request, 'resolve', { note, outcome: request.outcome });
}

/**
 * Closes a finding as a false alarm, with the reason. With `suppress`, the same evidence of the same
 * rule on the same account is not raised again (in any post) until the suppression is lifted.
 */
export async function dismissFinding(
  deps: ReviewDeps,
  principal: Principal,
  request: FindingRef & { reason: string; suppress?: boolean },
): Promise<ReviewResult> {
  const reason = reviewText('reason', request.reason, { required: true, requiredBecause: 'to dismiss a finding: say why it is a false alarm' })!;
  const { council, finding } = await reviewable(deps, principal, request, 'dismiss');
  if (!request.suppress) return { finding: await record(council, finding, principal, 'dismiss', { note: reason }) };

  // The status changes first, so that a refused dismissal (the finding changed meanwhile) leaves no
  // suppression behind; the suppression's id is the evidence fingerprint, so the event can name it.
  const clock = deps.clock ?? (() => new Date());
  const candidate: Suppression = {
    id: evidenceFingerprint(finding),
    rule: finding.rule,
    platform: finding.platform,
    account: finding.account,
    evidence: finding.evidence,
    findingId: finding.id,
    createdBy: principal.userId,
    createdByName: principal.name,
    createdAt: clock().toISOString(),
    reason,
  };
  const dismissed = await record(council, finding, principal, 'dismiss', { note: reason, suppressionId: candidate.id });
  // The same evidence dismissed before from another post may be suppressed already: that one stays.
  const suppression = (await council.putSuppression(candidate))
    ? candidate
    : ((await council.listSuppressions()).find((s) => s.id === candidate.id && isActive(s)) ?? candidate);
  return { finding: dismissed, suppression };
}

/** Opens a resolved or dismissed finding again, saying why. */
export async function reopenFinding(deps: ReviewDeps, principal: Principal, request: FindingRef & { reason: string }): Promise<ReviewResult> {
  const reason = reviewText('reason', request.reason, { required: true, requiredBecause: 'to reopen a finding: say why' });
  return review(deps, principal, request, 'reopen', { note: reason });
}

/** A finding and its audit trail, oldest first, for anyone who may read the council's findings. */
export async function readFinding(deps: ReviewDeps, principal: Principal, request: FindingRef): Promise<{ finding: StoredFinding; events: FindingEvent[] }> {
  const council = await councilFor(deps, principal, request.councilId, 'read-findings');
  const finding = await requireFinding(council, request.findingId);
  return { finding, events: await council.listFindingEvents(finding.id) };
}

interface ReviewParts {
  note?: string | undefined;
  outcome?: ResolutionOutcome;
  suppressionId?: string;
}

async function review(deps: ReviewDeps, principal: Principal, ref: FindingRef, action: ReviewAction, parts: ReviewParts): Promise<ReviewResult> {
  const { council, finding } = await reviewable(deps, principal, ref, action);
  return { finding: await record(council, finding, principal, action, parts) };
}

/** The council's finding, once the principal may review it and the action may follow its status. */
async function reviewable(deps: ReviewDeps, principal: Principal, ref: FindingRef, action: ReviewAction): Promise<{ council: CouncilStore; finding: StoredFinding }> {
  const council = await councilFor(deps, principal, ref.councilId, 'review-findings');
  const finding = await requireFinding(council, ref.findingId);
  if (!TRANSITIONS[action].from.includes(finding.status)) throw new FindingTransitionError(finding.id, finding.status, action);
  return { council, finding };
}

/** Changes the status on condition that it is still the one read, with who, when and why. */
async function record(council: CouncilStore, finding: StoredFinding, principal: Principal, action: ReviewAction, parts: ReviewParts): Promise<StoredFinding> {
  return council.setFindingStatus(finding.id, TRANSITIONS[action].to, principal.userId, parts.note, {
    action,
    byName: principal.name,
    expectedStatus: finding.status,
    ...(parts.outcome ? { outcome: parts.outcome } : {}),
    ...(parts.suppressionId ? { suppressionId: parts.suppressionId } : {}),
  });
}

async function councilFor(deps: ReviewDeps, principal: Principal, councilId: CouncilId, action: 'read-findings' | 'review-findings'): Promise<CouncilStore> {
  authorise(principal, councilId, action);
  await requireCouncil(deps.store, councilId);
  return deps.store.forCouncil(councilId);
}

async function requireFinding(council: CouncilStore, findingId: string): Promise<StoredFinding> {
  const finding = await council.getFinding(findingId);
  if (!finding) throw new FindingNotFoundError(`council ${council.councilId} has no finding ${findingId}`);
  return finding;
}

function transitionAdvice(status: FindingStatus, action: ReviewAction): string {
  if (TRANSITIONS[action].to === status) return `it is already ${status}; nothing was changed`;
  if (action === 'reopen') return 'it is still open; only a resolved or dismissed finding can be reopened';
  if (action === 'acknowledge' && status === 'acknowledged') return 'it is already acknowledged';
  if (status === 'resolved' || status === 'dismissed') return `reopen it before you ${action} it`;
  return `it cannot be ${TRANSITIONS[action].to} from ${status}`;
}
