import type { Council, CouncilId } from '../domain/council';
import type { Action, Principal, Role } from '../domain/roles';
import type { ReportReader } from '../report/report-storage';
import type { AuditStore } from '../store/audit-store';
import type { AssetManifest, ConsoleAsset } from './assets';
import type { Html } from './html';
import type { ConsoleRequest, ConsoleResponse, Invitations } from './http';
import type { SessionData } from './session';
import type { OidcClient, SignInSettings } from './sign-in';

/** What the console is given: the store, how people sign in, and the deployment's settings. */
export interface ConsoleDeps {
  store: AuditStore;
  signIn: SignInSettings;
  /** At least 32 characters: seals the cookies (AES-256-GCM) and keys the CSRF tokens. */
  sessionSecret: string;
  clock?: () => Date;
  /** Where the console is served: `https://audit.example` (https makes the cookies `__Host-` and Secure). */
  baseUrl: string;
  invitations?: Invitations;
  /**
   * Where the stored monthly reports are read from: the reports bucket in AWS, the folder `npm start`
   * writes to locally. Without it, a month's PDF is not offered and its HTML is made afresh.
   */
  reports?: ReportReader;
  /** Prints a report for any period to PDF (Chromium); without it, the period form offers HTML, CSV and JSON. */
  renderPdf?: (html: string) => Promise<Uint8Array>;
  /**
   * The static files' names, and the files themselves when this handler serves them (locally). The
   * deployed function is given the manifest only (CloudFront serves /assets/* from S3); absent, the
   * files are listed from the repository.
   */
  assets?: { manifest: AssetManifest; files?: readonly ConsoleAsset[] };
  /** The sign-in client; by default one for `signIn` (tests may give another provider's). */
  oidc?: OidcClient;
  /** Where unexpected failures are reported (never to the person): console.error by default. */
  log?: (message: string, error: unknown) => void;
}

/** Everything a page handler may use: who is asking, for which council, and the helpers to answer. */
export interface PageContext {
  request: ConsoleRequest;
  deps: ConsoleDeps;
  now: Date;
  session: SessionData;
  principal: Principal;
  /** The council of the path, registered, the principal a member of it (absent on a council-less route). */
  council: Council;
  councilId: CouncilId;
  /** The principal's role in the council (undefined for the operator acting as operator). */
  role: Role | undefined;
  /** The path's parameters (`:id` → params.id), decoded. */
  params: Readonly<Record<string, string>>;
  /** A POST's form fields (CSRF already checked). */
  form: URLSearchParams;
  csrfToken: string;
  /** A whole page in the console's layout. */
  page(options: PageOptions): ConsoleResponse;
  /** 303 See Other to a path of the console. */
  redirect(path: string): ConsoleResponse;
  /** Whether the principal's role here allows an action (to show or leave out a form or a link). */
  can(action: Action): boolean;
}

export interface PageOptions {
  /** The page's title and its one h1 (an error page prefixes "Error: " to the title). */
  title: string;
  body: Html;
  status?: number;
  /** The title has "Error: " before it (a refused form). */
  error?: boolean;
  /** Which navigation item is the current page. */
  section?: string;
  /** Breadcrumb-like back link above the h1. */
  backLink?: { href: string; text: string };
}

/**
 * One route: its method, path pattern and the action it needs. A `:council` segment makes it a
 * council's route: the principal's role AND membership of that council are checked (shared/review's
 * authorise) before the handler reads anything. A route without one must name an operator action.
 */
export interface Route {
  method: 'GET' | 'POST';
  /** `/councils/:council/findings/:id` */
  path: string;
  action: Action;
  handle(context: PageContext): Promise<ConsoleResponse>;
}

/** An entry of the navigation under the header, shown to those whose role allows its action. */
export interface NavItem {
  id: string;
  text: string;
  href(councilId: CouncilId): string;
  action: Action;
}
