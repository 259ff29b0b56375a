import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConsole } from '../console/app';
import type { ConsoleDeps } from '../console/context';
import { consoleListener, listen } from '../console/node-server';
import type { CouncilId } from '../domain/council';
import type { AuditStore } from '../store/audit-store';
import { startLocalProvider, type LocalUser } from './oidc-provider';

/** The people `npm run console` seeds: Harbourne's Town Clerk, an admin and a councillor, and the operator. */
export const SEEDED_USERS: readonly LocalUser[] = [
  { email: 'clerk@harbourne-tc.example', name: 'Alex Morgan', council: 'harbourne-tc', role: 'town-clerk' },
  { email: 'admin@harbourne-tc.example', name: 'Sam Patel', council: 'harbourne-tc', role: 'admin' },
  { email: 'councillor@harbourne-tc.example', name: 'Jo Evans', council: 'harbourne-tc', role: 'councillor' },
  { email: 'operator@council-audit.example', name: 'Hosting operator', groups: ['operator'] },
];

const CLIENT_ID = 'council-audit-console';

/**
 * Seeds each user's membership of their council, as the operator's and Town Clerk's invitations
 * would; a council not registered in the store is left alone.
 */
export async function seedMembers(store: AuditStore, users: readonly LocalUser[], at: Date): Promise<void> {
  for (const user of users) {
    if (!user.council || !user.role) continue;
    if (!(await store.getCouncil(user.council as CouncilId))) continue;
    const council = store.forCouncil(user.council);
    if ((await council.getMember(user.email))?.role === user.role) continue;
    await council.putMember({ userId: user.email, name: user.name, role: user.role, addedBy: 'npm run console (seeded)', addedAt: at.toISOString() });
  }
}

/**
 * The console on 127.0.0.1 with a local OpenID Connect provider beside it, over the given store:
 * what `npm run console` runs and the browser tests drive.
 */
export async function startLocalConsole(options: {
  store: AuditStore;
  users?: readonly LocalUser[];
  port?: number;
  clock?: () => Date;
  log?: ConsoleDeps['log'];
  /** The stored monthly reports (`npm run console`: the folder `npm start` wrote them to). */
  reports?: ConsoleDeps['reports'];
  /** Prints a period's report to PDF (`npm run console`: Chromium). */
  renderPdf?: ConsoleDeps['renderPdf'];
}): Promise<{ url: string; issuer: string; users: readonly LocalUser[]; close(): Promise<void> }> {
  const users = options.users ?? SEEDED_USERS;
  // Listen first: the provider must know the console's callback address, port included.
  const answer: { listener?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const probe = createServer((req, res) => answer.listener!(req, res));
  try {
    await listen(probe, options.port ?? 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.port === undefined) throw error;
    await listen(probe, 0);
  }
  const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const provider = await startLocalProvider({ users, clientId: CLIENT_ID, clientSecret, redirectUri: `${url}/auth/callback`, postLogoutRedirectUri: `${url}/signed-out` });
  const consoleHandler = createConsole({
    store: options.store,
    signIn: { issuerUrl: provider.issuer, clientId: CLIENT_ID, clientSecret, redirectUri: `${url}/auth/callback`, postLogoutRedirectUri: `${url}/signed-out` },
    sessionSecret: randomBytes(32).toString('base64url'),
    baseUrl: url,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.reports ? { reports: options.reports } : {}),
    ...(options.renderPdf ? { renderPdf: options.renderPdf } : {}),
  });
  answer.listener = consoleListener(consoleHandler);
  return {
    url,
    issuer: provider.issuer,
    users,
    close: async () => {
      probe.closeAllConnections();
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      await provider.close();
    },
  };
}
