import type { CouncilConfig } from '../domain/config';
import { CouncilAuditError } from '../domain/errors';
import { parseIsoWeek, previousIsoWeek, type IsoWeek } from '../domain/calendar';
import { expiresAfter, retentionOf } from '../domain/retention';
import { DIGEST_LEASE_MINUTES, type DigestRecord } from '../domain/records';
import type { Mailer } from '../email/mailer';
import { consoleReportLink, latestReportLink } from '../report/report-link';
import type { ReportStorage } from '../report/report-storage';
import { requireCouncilConfig, type CouncilStore } from '../store/audit-store';
import { buildDigestFacts, type DigestFacts, type ReportLink } from './build-digest';
import { renderFindingsChart } from './chart';
import { renderDigestHtml } from './render-html';
import { renderDigestText } from './render-text';

export interface WeeklyDigestInput {
  /** The records of the council the digest is for. */
  store: CouncilStore;
  mailer: Mailer;
  config: CouncilConfig;
  /** The week reported on (usually `previousIsoWeek(now, config.timezone)`). */
  week: IsoWeek;
  from: string;
  to: readonly string[];
  now: Date;
  /** A link to the latest monthly Full Council report, when there is one (shown in both parts, with its expiry). */
  reportLink?: ReportLink;
  /** Send it even if it was sent, or is being sent (an operator's re-send of the week). */
  force?: boolean;
  /** The deployment's console, for each item's "review it" link; absent, the digest has no such links. */
  consoleUrl?: string;
}

export type WeeklyDigestResult =
  | { status: 'sent'; week: IsoWeek; messageId: string; facts: DigestFacts; html: string; text: string }
  /** Another run claimed or sent this week's digest; nothing was built or sent. `record` is the stored claim. */
  | { status: 'already-sent'; week: IsoWeek; messageId?: string; record?: DigestRecord };

/** What was prepared when sending failed, carried by DigestSendError for logs. */
export interface FailedDigest {
  status: 'failed';
  week: IsoWeek;
  facts?: DigestFacts;
  html?: string;
  text?: string;
}

/**
 * The week's digest could not be prepared or sent. The claim was released (marked failed), so
 * running the use case again for the same week retries it.
 */
export class DigestSendError extends CouncilAuditError {
  readonly digest: FailedDigest;

  constructor(message: string, digest: FailedDigest, options?: { cause?: unknown }) {
    super(message, options);
    this.digest = digest;
  }
}

/**
 * The mail was sent but the store could not record it. The claim stays `sending` until its lease
 * passes (DIGEST_LEASE_MINUTES); the next hourly tick then reports it as stale (an alarm) and queues
 * the week again, which sends a second copy unless an operator has marked it sent with `messageId`.
 */
export class DigestRecordError extends CouncilAuditError {
  constructor(
    message: string,
    readonly messageId: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Sends the Town Clerk the week's compliance digest, at most once per week.
 *
 * Primary course:
 * 1. Claim the week's digest; if another run has claimed it (within its lease) or sent it, stop
 *    (already-sent). A forced send claims it whatever its state.
 * 2. Build the facts from the week's findings, the still-open findings and the scan runs.
 * 3. Render HTML and plain text from the same facts, and the findings-per-week chart.
 * 4. Send them through the mailer, the chart inline (the HTML shows it by Content-ID).
 * 5. Record the digest as sent, with the message id.
 *
 * Extension: anything failing in 2–4 marks the digest failed (which releases the claim) and throws
 * a DigestSendError, so the scheduler or an operator can run it again.
 */
export async function sendWeeklyDigest(input: WeeklyDigestInput): Promise<WeeklyDigestResult> {
  const { store, mailer, config, week, from, to, now, reportLink, force, consoleUrl } = input;
  const at = now.toISOString();
  if (to.length === 0) throw new CouncilAuditError(`the weekly digest of council ${store.councilId} for ${week.id} has no recipients (its registration names none)`);

  if (!(await store.claimDigest(week.id, at, { ...(force ? { force } : {}), expiresAt: expiresAfter(now, retentionOf(config).recordsDays) }))) {
    const record = await store.getDigest(week.id);
    return { status: 'already-sent', week, ...(record?.messageId ? { messageId: record.messageId } : {}), ...(record ? { record } : {}) };
  }

  const prepared: FailedDigest = { status: 'failed', week };
  let messageId: string;
  try {
    const facts = await buildDigestFacts(store, config, week, now, {
      councilId: store.councilId,
      ...(reportLink ? { reportLink } : {}),
      ...(consoleUrl ? { consoleUrl } : {}),
    });
    prepared.facts = facts;
    prepared.html = renderDigestHtml(facts);
    const chart = renderFindingsChart(facts.trend);
    prepared.text = renderDigestText(facts);
    ({ messageId } = await mailer.send({
      from,
      to: [...to],
      subject: facts.subject,
      html: prepared.html,
      text: prepared.text,
      inlineImages: [{ cid: chart.cid, filename: chart.filename, contentType: chart.contentType, content: chart.png }],
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const stage = prepared.text === undefined ? 'could not be prepared' : 'could not be sent';
    let released = 'It has been marked failed; run it again to retry.';
    try {
      await store.markDigestFailed(week.id, reason, at);
    } catch (markError) {
      released = `It could not be marked failed either (${markError instanceof Error ? markError.message : String(markError)}), so the claim stays "sending" until its lease passes (${DIGEST_LEASE_MINUTES} minutes); then it is sent again.`;
    }
    throw new DigestSendError(`the weekly digest for ${week.id} ${stage}: ${reason}. ${released}`, prepared, { cause: error });
  }

  try {
    await store.markDigestSent(week.id, messageId, at);
  } catch (error) {
    throw new DigestRecordError(
      `the weekly digest for ${week.id} was sent (message ${messageId}) but could not be recorded as sent: ${error instanceof Error ? error.message : String(error)}`,
      messageId,
      { cause: error },
    );
  }
  return { status: 'sent', week, messageId, facts: prepared.facts!, html: prepared.html!, text: prepared.text! };
}

export interface CouncilDigestInput {
  /** The records of the council the digest is for. */
  store: CouncilStore;
  mailer: Mailer;
  from: string;
  /** The council's own recipients, from its registration. */
  to: readonly string[];
  /** Where the council's monthly reports are, for the digest's link to the latest. */
  reports?: ReportStorage;
  now: Date;
  /** `2026-W05` to (re)send a given week; last week, in the council's time zone, when absent. */
  week?: string;
  /** Send it even if it was sent or is being sent (see sendWeeklyDigest). */
  force?: boolean;
  /** The deployment's console, for each item's "review it" link. */
  consoleUrl?: string;
}

/**
 * The scheduled digest of one council, primary course:
 * 1. read the council's configuration (its time zone says which week was last week);
 * 2. take the week named, or last week;
 * 3. link the council's latest monthly report: on the console's reports page when there is a console
 *    (a link that does not expire), else a download link from the reports store when there is one;
 * 4. send the week's digest, at most once (sendWeeklyDigest).
 */
export async function sendCouncilDigest(input: CouncilDigestInput): Promise<WeeklyDigestResult> {
  const { store, reports, now } = input;
  const config = await requireCouncilConfig(store);
  const week = input.week ? parseIsoWeek(input.week) : previousIsoWeek(now, config.timezone);
  // The console's reports page does not expire; a pre-signed download only when there is no console.
  const reportLink = input.consoleUrl ? await consoleReportLink(store, input.consoleUrl) : reports ? await latestReportLink(store, reports, now) : undefined;
  return sendWeeklyDigest({
    store,
    mailer: input.mailer,
    config,
    week,
    from: input.from,
    to: input.to,
    now,
    ...(reportLink ? { reportLink } : {}),
    ...(input.force ? { force: true } : {}),
    ...(input.consoleUrl ? { consoleUrl: input.consoleUrl } : {}),
  });
}
