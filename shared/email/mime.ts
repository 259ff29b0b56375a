import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { EmailMessage } from './mailer';

export interface MimeOptions {
  /** The Date header; now when not given. */
  date?: Date;
  /** The Message-ID header, with or without angle brackets; a random one at the sender's domain when not given. */
  messageId?: string;
}

/**
 * The message as one raw MIME document (RFC 5322), for SES `Raw` content:
 *
 *   multipart/alternative
 *   ├── text/plain; charset=utf-8
 *   └── multipart/related
 *       ├── text/html; charset=utf-8
 *       └── image/png (Content-ID: <findings-chart>, inline)   … one per inline image
 *
 * Without inline images the HTML part stands alone in the alternative. With attachments (a report's
 * PDF) the whole is wrapped in multipart/mixed, the alternative first and each file after it
 * (Content-Disposition: attachment, base64). Headers are UTF-8 encoded
 * words where needed, so a council name with an accent or an en dash survives.
 */
export async function composeMime(message: EmailMessage, options: MimeOptions = {}): Promise<Uint8Array> {
  const composer = new MailComposer({
    from: message.from,
    to: [...message.to],
    subject: message.subject,
    date: options.date ?? new Date(),
    messageId: bracketed(options.messageId ?? `${randomUUID()}@${domainOf(message.from)}`),
    text: message.text,
    html: message.html,
    textEncoding: 'quoted-printable',
    attachments: [
      ...(message.inlineImages ?? []).map((image) => ({
        cid: image.cid,
        filename: image.filename,
        contentType: image.contentType,
        contentDisposition: 'inline' as const,
        content: Buffer.from(image.content),
      })),
      ...(message.attachments ?? []).map((file) => ({
        filename: file.filename,
        contentType: file.contentType,
        contentDisposition: 'attachment' as const,
        content: Buffer.from(file.content),
      })),
    ],
  });
  const raw = await composer.compile().build();
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
}

function bracketed(id: string): string {
  return id.startsWith('<') ? id : `<${id}>`;
}

/** The domain of `Name <user@domain>` or `user@domain`; `localhost` when there is none. */
function domainOf(address: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(address);
  return match?.[1] ?? 'localhost';
}
