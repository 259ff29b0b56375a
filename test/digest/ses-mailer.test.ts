import { MessageRejected, SendEmailCommand, SESv2Client, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { EmailSendError, SesMailer } from '../../shared/email/ses-mailer';
import type { EmailMessage } from '../../shared/email/mailer';

const ses = mockClient(SESv2Client);

const MESSAGE: EmailMessage = {
  from: 'council-audit@harbourne-tc.example',
  to: ['clerk@harbourne-tc.example'],
  subject: 'Council Audit: Harbourne Town Council, week 2027-W05 — all clear',
  html: '<p>All clear</p>',
  text: 'All clear',
};

function errorOf(promise: Promise<unknown>): Promise<EmailSendError> {
  return promise.then(
    () => {
      throw new Error('expected the send to fail');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(EmailSendError);
      return error as EmailSendError;
    },
  );
}

describe('SesMailer', () => {
  afterEach(() => ses.reset());

  it('sends subject, HTML and text as UTF-8 to the recipients, with the configuration set', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-0001' });

    const result = await new SesMailer(new SESv2Client({ region: 'eu-west-2' }), { configurationSetName: 'council-audit' }).send(MESSAGE);

    expect(result).toEqual({ messageId: 'ses-0001' });
    const calls = ses.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      FromEmailAddress: MESSAGE.from,
      Destination: { ToAddresses: MESSAGE.to },
      Content: {
        Simple: {
          Subject: { Data: MESSAGE.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: MESSAGE.html, Charset: 'UTF-8' }, Text: { Data: MESSAGE.text, Charset: 'UTF-8' } },
        },
      },
      ConfigurationSetName: 'council-audit',
    });
  });

  it('leaves the configuration set out when none is given', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-0002' });

    await new SesMailer(new SESv2Client({ region: 'eu-west-2' })).send(MESSAGE);

    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input).not.toHaveProperty('ConfigurationSetName');
  });

  it('turns SES refusing the message into a clear, non-retryable error', async () => {
    const rejected = new MessageRejected({ message: 'Email address is not verified: clerk@harbourne-tc.example', $metadata: {} });
    ses.on(SendEmailCommand).rejects(rejected);

    const error = await errorOf(new SesMailer(new SESv2Client({ region: 'eu-west-2' })).send(MESSAGE));

    expect(error.message).toContain('SES refused the email "Council Audit: Harbourne Town Council, week 2027-W05 — all clear"');
    expect(error.message).toContain('MessageRejected: Email address is not verified');
    expect(error.code).toBe('MessageRejected');
    expect(error.retryable).toBe(false);
    expect(error.cause).toBe(rejected);
  });

  it('marks throttling as retryable', async () => {
    ses.on(SendEmailCommand).rejects(new TooManyRequestsException({ message: 'Too many requests', $metadata: {} }));

    const error = await errorOf(new SesMailer(new SESv2Client({ region: 'eu-west-2' })).send(MESSAGE));

    expect(error.code).toBe('TooManyRequestsException');
    expect(error.retryable).toBe(true);
  });

  it('refuses an answer without a message id', async () => {
    ses.on(SendEmailCommand).resolves({});

    const error = await errorOf(new SesMailer(new SESv2Client({ region: 'eu-west-2' })).send(MESSAGE));

    expect(error.message).toMatch(/returned no message id/);
  });
});
