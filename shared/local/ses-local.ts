import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import addressparser from 'nodemailer/lib/addressparser';
import * as z from '../zod';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws';

/** An attachment of a captured mail; for a raw mail, as mailparser read it back. */
export const LocalAttachmentSchema = z.object({
  filename: z.optional(z.string()),
  contentType: z.string(),
  contentDisposition: z.optional(z.string()),
  /** Raw mails: the Content-ID without angle brackets. */
  cid: z.optional(z.string()),
  /** The Content-ID as sent, with angle brackets. */
  contentId: z.optional(z.string()),
  /** Base64. */
  content: z.string(),
});

/** One To/Cc/Bcc entry may hold several addresses (a raw mail's header): one address per entry. */
const Recipients = z.pipe(
  z._default(z.array(z.string()), []),
  z.transform((entries) => entries.flatMap((entry) => addressparser(entry, { flatten: true }).map((a) => a.address))),
);

/**
 * A mail captured by the local SES, as its `GET /store` API returns it. For a raw MIME mail the
 * server parses the message back: `from` is the From header's text, and the HTML has each
 * `cid:` image replaced by a `data:` URI of the attachment.
 */
export const LocalMailSchema = z.object({
  messageId: z.string(),
  from: z.string(),
  replyTo: z._default(z.array(z.string()), []),
  destination: z.object({ to: Recipients, cc: Recipients, bcc: Recipients }),
  subject: z.string(),
  body: z.object({ html: z.optional(z.string()), text: z.optional(z.string()) }),
  attachments: z._default(z.array(LocalAttachmentSchema), []),
  /** Epoch seconds. */
  at: z.number(),
});
export type LocalMail = z.infer<typeof LocalMailSchema>;

const StoreSchema = z.object({ emails: z.array(LocalMailSchema) });

export interface SesLocal {
  /** `http://127.0.0.1:<port>`: give it to SESv2Client as `endpoint` (or SES_ENDPOINT). */
  endpoint: string;
  /** A client pointed at the local SES, with dummy credentials. */
  client: SESv2Client;
  /**
   * Every mail captured so far. aws-ses-v2-local keeps one store per process, so two instances in
   * one process see each other's mails: clear() first, or filter by recipient or subject.
   */
  readMails(): Promise<LocalMail[]>;
  clear(): Promise<void>;
  stop(): Promise<void>;
}

export interface SesLocalOptions {
  /** 0 (the default) lets the OS choose a free port. */
  port?: number;
  region?: string;
}

/** Starts aws-ses-v2-local in this process on 127.0.0.1 (the embedded twin of SES). */
export async function startSesLocal(options: SesLocalOptions = {}): Promise<SesLocal> {
  // Loaded on demand: it is a development dependency, and nothing in shared/ starts servers at import.
  const start = await loadServerFactory();
  const server = await start({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = server.address();
  if (address === null || typeof address === 'string' || !server.listening) {
    server.close();
    throw new Error(`aws-ses-v2-local did not start listening on 127.0.0.1:${options.port ?? 0}`);
  }
  const endpoint = `http://127.0.0.1:${(address as AddressInfo).port}`;
  const client = new SESv2Client({
    endpoint,
    region: options.region ?? LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });

  return {
    endpoint,
    client,
    async readMails() {
      const response = await fetch(`${endpoint}/store`);
      if (!response.ok) throw new Error(`local SES store answered ${response.status}`);
      return StoreSchema.parse(await response.json()).emails;
    },
    async clear() {
      const response = await fetch(`${endpoint}/clear-store`, { method: 'POST' });
      if (!response.ok) throw new Error(`local SES clear-store answered ${response.status}`);
    },
    async stop() {
      client.destroy();
      await closeServer(server);
    },
  };
}

type ServerFactory = (config: { host: string; port: number }) => Promise<Server>;

async function loadServerFactory(): Promise<ServerFactory> {
  const mod: unknown = await import('aws-ses-v2-local');
  // A CommonJS module: Node's ESM loader gives `{ default: module.exports }`, bundlers unwrap it once.
  for (const candidate of [mod, (mod as { default?: unknown }).default, ((mod as { default?: { default?: unknown } }).default ?? {}).default]) {
    if (typeof candidate === 'function') return candidate as ServerFactory;
  }
  throw new Error('aws-ses-v2-local does not export a server factory');
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
