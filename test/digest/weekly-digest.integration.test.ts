import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWeeklyDigest } from '../../shared/digest/weekly-digest';
import { SesMailer } from '../../shared/email/ses-mailer';
import { startSesLocal, type SesLocal } from '../../shared/local/ses-local';
import { testConfig } from '../support/fixtures';
import { busyWeek, collapse, FROM, NOW, storeWith, TO, visibleText, WEEK } from './digest-fixtures';

describe('weekly digest through the local SES', () => {
  let ses: SesLocal;

  beforeAll(async () => {
    ses = await startSesLocal();
    await ses.clear();
  });

  afterAll(async () => {
    await ses?.stop();
  });

  it('delivers one mail with the subject, the recipients and the findings’ reasons', async () => {
    // Prepare
    const { findings, earlier, runs } = busyWeek();
    const store = await storeWith([...findings, ...earlier], runs);
    const input = { store, mailer: new SesMailer(ses.client), config: testConfig(), week: WEEK, from: FROM, to: TO, now: NOW };

    // Act
    const result = await sendWeeklyDigest(input);
    const again = await sendWeeklyDigest(input);

    // Assess
    expect(result.status).toBe('sent');
    expect(again.status).toBe('already-sent');
    if (result.status !== 'sent') return;
    const mails = await ses.readMails();
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.messageId).toBe(result.messageId);
    expect(mail!.subject).toBe(result.facts.subject);
    expect(mail!.subject).toContain('Harbourne Town Council, week 2027-W05');
    expect(mail!.from).toBe(FROM);
    expect(mail!.destination.to).toEqual(TO);
    const html = visibleText(mail!.body.html ?? '');
    const text = collapse(mail!.body.text ?? '');
    for (const finding of findings) {
      expect(html).toContain(finding.reason);
      expect(text).toContain(finding.reason);
    }
    expect(await store.getDigest(WEEK.id)).toMatchObject({ status: 'sent', messageId: mail!.messageId });
  });
});
