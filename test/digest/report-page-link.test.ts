import { describe, expect, it } from 'vitest';
import { sendCouncilDigest } from '../../shared/digest/weekly-digest';
import type { EmailMessage, Mailer } from '../../shared/email/mailer';
import type { ReportStorage } from '../../shared/report/report-storage';
import { testConfig } from '../support/fixtures';
import { busyWeek, FROM, NOW, storeWith, TO, visibleText, WEEK } from './digest-fixtures';

class RecordingMailer implements Mailer {
  readonly sent: EmailMessage[] = [];
  async send(message: EmailMessage): Promise<{ messageId: string }> {
    this.sent.push(message);
    return { messageId: `local-${this.sent.length}` };
  }
}

/** Storage that signs links the way S3 does: each one with its lifetime. */
const signing: ReportStorage = {
  put: async () => undefined,
  linkTo: async (key, seconds) => `https://reports.example/${key}?X-Amz-Expires=${seconds}`,
};

async function digestWith(consoleUrl?: string): Promise<{ text: string; html: string; councilId: string }> {
  const { findings, runs } = busyWeek();
  const store = await storeWith(findings, runs);
  await store.putCouncilConfig(testConfig());
  await store.recordReport({ month: '2027-01', key: 'reports/harbourne-tc/2027-01/council-audit-report-2027-01.pdf', generatedAt: '2027-02-01T07:05:00Z' });
  const mailer = new RecordingMailer();
  await sendCouncilDigest({ store, mailer, from: FROM, to: TO, reports: signing, now: NOW, week: WEEK.id, ...(consoleUrl ? { consoleUrl } : {}) });
  return { text: mailer.sent[0]!.text, html: mailer.sent[0]!.html, councilId: store.councilId };
}

describe("the digest's link to the Full Council report", () => {
  it("links the console's reports page, which does not expire, when the deployment has a console", async () => {
    const { text, html, councilId } = await digestWith('https://audit.harbourne-tc.example/');

    const page = `https://audit.harbourne-tc.example/councils/${councilId}/reports`;
    expect(text).toContain(`The Full Council report for January 2027:\n  ${page}\n`);
    expect(html).toContain(`href="${page}"`);
    expect(text).toContain('This link does not expire');
    expect(text).not.toContain('X-Amz-Expires');
    expect(visibleText(html)).not.toContain('expires on');
  });

  it('keeps the download link, and says when it expires, only when there is no console', async () => {
    const { text } = await digestWith();

    expect(text).toContain('https://reports.example/reports/harbourne-tc/2027-01/council-audit-report-2027-01.pdf?X-Amz-Expires=43200');
    expect(text).toMatch(/This link expires on .+\./);
    expect(text).not.toContain('/reports\n');
  });
});
