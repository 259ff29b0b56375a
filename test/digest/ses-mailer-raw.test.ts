import { MessageRejected, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { renderFindingsChart } from '../../shared/digest/chart';
import type { EmailMessage } from '../../shared/email/mailer';
import { EmailSendError, SesMailer } from '../../shared/email/ses-mailer';
import { TREND_WEEK_IDS } from './trend-fixtures';

const ses = mockClient(SESv2Client);
const CHART = renderFindingsChart(TREND_WEEK_IDS.map((week) => ({ week, count: 1, high: 0 })));

const MESSAGE: EmailMessage = {
  from: 'council-audit@harbourne-tc.example',
  to: ['clerk@harbourne-tc.example', 'deputy.clerk@harbourne-tc.example'],
  subject: 'Council Audit: Harbourne Town Council, week 2027-W05 — all clear',
  html: '<p>All clear</p><img src="cid:findings-chart" alt="chart">',
  text: 'All clear',
  inlineImages: [{ cid: CHART.cid, filename: CHART.filename, contentType: CHART.contentType, content: CHART.png }],
};

describe('SesMailer with inline images', () => {
  afterEach(() => ses.reset());

  it('sends raw MIME that parses back to the message, with sender, recipients and configuration set', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-0003' });

    // Act
    const result = await new SesMailer(new SESv2Client({ region: 'eu-west-2' }), { configurationSetName: 'council-audit' }).send(MESSAGE);

    // Assess
    expect(result).toEqual({ messageId: 'ses-0003' });
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ FromEmailAddress: MESSAGE.from, Destination: { ToAddresses: MESSAGE.to }, ConfigurationSetName: 'council-audit' });
    expect(input.Content?.Simple).toBeUndefined();
    const parsed = await simpleParser(Buffer.from(input.Content!.Raw!.Data!), { keepCidLinks: true });
    expect(parsed.subject).toBe(MESSAGE.subject);
    expect(parsed.text).toBe(MESSAGE.text);
    expect(parsed.html).toBe(MESSAGE.html);
    expect(parsed.attachments.map((a) => [a.cid, a.contentType])).toEqual([['findings-chart', 'image/png']]);
  });

  it('maps SES refusing a raw message to the same non-retryable error as a simple one', async () => {
    const rejected = new MessageRejected({ message: 'Email address is not verified: clerk@harbourne-tc.example', $metadata: {} });
    ses.on(SendEmailCommand).rejects(rejected);

    const error = await new SesMailer(new SESv2Client({ region: 'eu-west-2' })).send(MESSAGE).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EmailSendError);
    expect(error).toMatchObject({ code: 'MessageRejected', retryable: false, cause: rejected });
    expect((error as EmailSendError).message).toContain(`SES refused the email "${MESSAGE.subject}" (MessageRejected: Email address is not verified`);
  });
});
