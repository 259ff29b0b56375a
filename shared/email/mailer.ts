/** An email to send: HTML and plain text with the same facts. */
export interface EmailMessage {
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
}

/** The mail port: one SES adapter implements it. */
export interface Mailer {
  send(message: EmailMessage): Promise<{ messageId: string }>;
}
