import { SendEmailCommand, SESv2Client, type EmailContent } from '@aws-sdk/client-sesv2';
import { CouncilAuditError } from '../domain/errors';
import { clientConfig, type AwsSettings } from '../runtime/aws';
import type { EmailMessage, Mailer } from './mailer';
import { composeMime } from './mime';

/** SES errors that will fail again however often the message is retried, until someone changes something. */
const PERMANENT = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'NotFoundException',
  'BadRequestException',
]);

/** SES did not accept a message. `retryable` is false when retrying unchanged cannot help. */
export class EmailSendError extends CouncilAuditError {
  readonly code: string;
  readonly retryable: boolean;

  constructor(message: string, code: string, retryable: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.retryable = retryable;
  }
}

export interface SesMailerOptions {
  /** SES configuration set (event publishing, suppression, dedicated IPs). */
  configurationSetName?: string;
}

/** The mailer on SES, with a client of its own. */
export function sesMailer(settings: AwsSettings & SesMailerOptions): SesMailer {
  return new SesMailer(new SESv2Client(clientConfig(settings)), settings.configurationSetName ? { configurationSetName: settings.configurationSetName } : {});
}

/**
 * The Mailer port over SES v2 `SendEmail`. A message with inline images or attachments goes as raw
 * MIME composed here (mime.ts), so the structure the HTML relies on (multipart/related, the image's
 * Content-ID, the report's PDF attached) is ours and tested rather than left to SES; one without goes
 * as simple content (subject, HTML and text, UTF-8). The message id returned is the one SES assigns.
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly options: SesMailerOptions = {},
  ) {}

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    const content: EmailContent = message.inlineImages?.length || message.attachments?.length
      ? { Raw: { Data: await composeMime(message) } }
      : {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: {
              Html: { Data: message.html, Charset: 'UTF-8' },
              Text: { Data: message.text, Charset: 'UTF-8' },
            },
          },
        };
    const command = new SendEmailCommand({
      FromEmailAddress: message.from,
      Destination: { ToAddresses: [...message.to] },
      Content: content,
      ...(this.options.configurationSetName ? { ConfigurationSetName: this.options.configurationSetName } : {}),
    });

    let output;
    try {
      output = await this.client.send(command);
    } catch (error) {
      const code = errorCode(error);
      const retryable = !PERMANENT.has(code);
      const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
      throw new EmailSendError(
        `SES refused the email "${message.subject}" (${code}${detail})${retryable ? '' : '; retrying will not help until the sender, recipients or SES account are fixed'}`,
        code,
        retryable,
        { cause: error },
      );
    }
    if (!output.MessageId) {
      throw new EmailSendError(`SES accepted the email "${message.subject}" but returned no message id`, 'NoMessageId', true);
    }
    return { messageId: output.MessageId };
  }
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const named = error as { name?: unknown; Code?: unknown };
    if (typeof named.name === 'string' && named.name !== 'Error') return named.name;
    if (typeof named.Code === 'string') return named.Code;
  }
  return 'UnknownError';
}
