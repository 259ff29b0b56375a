import { describe, expect, it } from 'vitest';
import { DigestSendError, sendWeeklyDigest } from '../../shared/digest/weekly-digest';
import type { EmailMessage, Mailer } from '../../shared/email/mailer';
import { testConfig } from '../support/fixtures';
import { MemoryCouncilStore } from '../support/memory-store';
import { busyWeek, FROM, NOW, scanRun, storeWith, TO, WEEK } from './digest-fixtures';

/** A mailer that records what it was asked to send and fails when told to. */
class RecordingMailer implements Mailer {
  readonly sent: EmailMessage[] = [];
  failWith: Error | undefined;

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    if (this.failWith) throw this.failWith;
    this.sent.push(structuredClone(message));
    return { messageId: `local-${this.sent.length}` };
  }
}

async function busyStore(): Promise<MemoryCouncilStore> {
  const { findings, earlier, runs } = busyWeek();
  return storeWith([...findings, ...earlier], runs);
}

describe('sendWeeklyDigest', () => {
  it('sends the week’s digest to the recipients and records it as sent', async () => {
    // Prepare
    const store = await busyStore();
    const mailer = new RecordingMailer();

    // Act
    const result = await sendWeeklyDigest({ store, mailer, config: testConfig(), week: WEEK, from: FROM, to: TO, now: NOW });

    // Assess
    expect(result.status).toBe('sent');
    if (result.status !== 'sent') return;
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toEqual({
      from: FROM,
      to: TO,
      subject: result.facts.subject,
      html: result.html,
      text: result.text,
      inlineImages: [{ cid: 'findings-chart', filename: 'findings-chart.png', contentType: 'image/png', content: expect.any(Uint8Array) }],
    });
    expect(result.facts.subject).toMatch(/^Council Audit: Harbourne Town Council, week 2027-W05 — \d+ new findings \(\d+ high\)/);
    expect(await store.getDigest(WEEK.id)).toMatchObject({ status: 'sent', messageId: result.messageId, attempts: 1, updatedAt: NOW.toISOString() });
  });

  it('sends a week only once: a second run finds it already sent', async () => {
    const store = await busyStore();
    const mailer = new RecordingMailer();
    const input = { store, mailer, config: testConfig(), week: WEEK, from: FROM, to: TO, now: NOW };

    const first = await sendWeeklyDigest(input);
    const second = await sendWeeklyDigest(input);

    expect(first.status).toBe('sent');
    expect(second).toMatchObject({ status: 'already-sent', messageId: first.status === 'sent' ? first.messageId : 'unreachable' });
    expect(mailer.sent).toHaveLength(1);
  });

  it('sends once when two runs start together', async () => {
    const store = await busyStore();
    const mailer = new RecordingMailer();
    const input = { store, mailer, config: testConfig(), week: WEEK, from: FROM, to: TO, now: NOW };

    const results = await Promise.all([sendWeeklyDigest(input), sendWeeklyDigest(input)]);

    expect(results.map((r) => r.status).sort()).toEqual(['already-sent', 'sent']);
    expect(mailer.sent).toHaveLength(1);
  });

  it('marks the digest failed when the mailer fails, and a later run sends it', async () => {
    // Prepare
    const store = await busyStore();
    const mailer = new RecordingMailer();
    mailer.failWith = new Error('SES refused the email (MessageRejected: Email address is not verified)');
    const input = { store, mailer, config: testConfig(), week: WEEK, from: FROM, to: TO, now: NOW };

    // Act
    const failure = await sendWeeklyDigest(input).catch((error: unknown) => error);

    // Assess
    expect(failure).toBeInstanceOf(DigestSendError);
    expect((failure as DigestSendError).message).toMatch(/weekly digest for 2027-W05 could not be sent: .*MessageRejected.*run it again to retry/);
    expect((failure as DigestSendError).cause).toBe(mailer.failWith);
    expect((failure as DigestSendError).digest.text).toContain('NEW THIS WEEK');
    expect(await store.getDigest(WEEK.id)).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining('MessageRejected') });
    expect(mailer.sent).toHaveLength(0);

    // Act: the retry
    mailer.failWith = undefined;
    const retry = await sendWeeklyDigest(input);

    // Assess
    expect(retry.status).toBe('sent');
    expect(mailer.sent).toHaveLength(1);
    const record = await store.getDigest(WEEK.id);
    expect(record).toMatchObject({ status: 'sent', attempts: 2 });
    expect(record?.error).toBeUndefined();
  });

  it('releases the claim when the facts cannot be read, so a retry can send', async () => {
    const store = await busyStore();
    const mailer = new RecordingMailer();
    const input = { store, mailer, config: testConfig(), week: WEEK, from: FROM, to: TO, now: NOW };
    const listScanRuns = store.listScanRuns.bind(store);
    store.listScanRuns = async () => {
      throw new Error('table not reachable');
    };

    await expect(sendWeeklyDigest(input)).rejects.toThrow(/could not be prepared: table not reachable/);
    expect(await store.getDigest(WEEK.id)).toMatchObject({ status: 'failed' });

    store.listScanRuns = listScanRuns;
    await expect(sendWeeklyDigest(input)).resolves.toMatchObject({ status: 'sent' });
    expect(mailer.sent).toHaveLength(1);
  });

  it('sends an all-clear digest for a quiet week', async () => {
    const store = await storeWith([], [scanRun()]);
    const mailer = new RecordingMailer();

    const result = await sendWeeklyDigest({ store, mailer, config: testConfig(), week: WEEK, from: FROM, to: TO, now: NOW });

    expect(result.status).toBe('sent');
    expect(mailer.sent[0]!.subject).toBe('Council Audit: Harbourne Town Council, week 2027-W05 — all clear');
    expect(mailer.sent[0]!.text).toContain('All clear');
  });

  it('refuses to claim a week it has nobody to send to', async () => {
    const store = await busyStore();
    const mailer = new RecordingMailer();

    await expect(sendWeeklyDigest({ store, mailer, config: testConfig(), week: WEEK, from: FROM, to: [], now: NOW })).rejects.toThrow(/no recipients/);
    expect(await store.getDigest(WEEK.id)).toBeUndefined();
  });
});
