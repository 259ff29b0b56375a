/** An image sent inside the email and shown by the HTML part as `<img src="cid:…">` (mail clients block remote images). */
export interface InlineImage {
  /** The Content-ID, without angle brackets: `findings-chart` for `cid:findings-chart`. */
  cid: string;
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** A file sent with the email for the reader to open or save (the monthly report's PDF). */
export interface Attachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** An email to send: HTML and plain text with the same facts, and the images the HTML shows. */
export interface EmailMessage {
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  inlineImages?: InlineImage[];
  /** Files to open or save, sent as attachments (multipart/mixed). */
  attachments?: Attachment[];
}

/** The mail port: one SES adapter implements it. */
export interface Mailer {
  send(message: EmailMessage): Promise<{ messageId: string }>;
}
