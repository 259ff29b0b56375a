import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWeeklyDigest } from '../../shared/digest/weekly-digest';
import { SesMailer } from '../../shared/email/ses-mailer';
import { startSesLocal, type SesLocal } from '../../shared/local/ses-local';
import { testConfig } from '../support/fixtures';
import { busyWeek, collapse, FROM, NOW, storeWith, TO, visibleText, WEEK } from './digest-fixtures';
import { quarterOfFindings, REPORT_LINK } from './trend-fixtures';

describe('weekly digest with its chart and report link, through the local SES', () => {
  let ses: SesLocal;

  beforeAll(async () => {
    ses = await startSesLocal();
  });

  afterAll(async () => {
    await ses?.stop();
  });

  it('delivers one raw MIME mail whose inline PNG chart, trend and report link read back', async () => {
    // Prepare
    await ses.clear();
    const { inRange } = quarterOfFindings();
    const { runs } = busyWeek();
    const store = await storeWith(inRange, runs);

    // Act
    const result = await sendWeeklyDigest({ store, mailer: new SesMailer(ses.client), config: testConfig(), week: WEEK, from: FROM, to: TO, now: NOW, reportLink: REPORT_LINK });

    // Assess
    expect(result.status).toBe('sent');
    if (result.status !== 'sent') return;
    const mails = await ses.readMails();
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.messageId).toBe(result.messageId);
    expect(mail.subject).toBe(result.facts.subject);
    expect(mail.from).toBe(FROM);
    expect(mail.destination.to).toEqual(TO);

    // The chart came through as an inline PNG under the Content-ID the HTML names.
    expect(result.html).toContain('src="cid:findings-chart"');
    const charts = mail.attachments.filter((a) => a.cid === 'findings-chart');
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ contentType: 'image/png', contentDisposition: 'inline', filename: 'findings-chart.png' });
    const png = PNG.sync.read(Buffer.from(charts[0]!.content, 'base64'));
    expect([png.width, png.height]).toEqual([600, 120]);

    // Both parts say the same about the weeks, the findings and the report.
    const html = visibleText(mail.body.html ?? '');
    const text = collapse(mail.body.text ?? '');
    const thisWeek = inRange.filter((f) => f.detectedWeek === WEEK.id);
    for (const body of [html, text]) {
      expect(body).toContain(`${inRange.length} new findings in 2026-W47 – 2027-W05`);
      for (const f of thisWeek) expect(body).toContain(f.reason);
      expect(body).toContain(REPORT_LINK.url);
      expect(body).toContain('This link expires on Mon 15 Feb 2027, 07:00 (Europe/London).');
    }
    expect(await store.getDigest(WEEK.id)).toMatchObject({ status: 'sent', messageId: mail.messageId });
  });
});
