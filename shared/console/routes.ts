import type { NavItem, Route } from './context';
import { FINDINGS_NAV, FINDINGS_ROUTES } from './pages/findings';
import { SUPPRESSIONS_NAV, SUPPRESSIONS_ROUTES } from './pages/suppressions';
import { ACCOUNTS_NAV, ACCOUNTS_ROUTES } from './pages/accounts';
import { REPORTS_NAV, REPORTS_ROUTES } from './pages/reports';
import { SETTINGS_NAV, SETTINGS_ROUTES } from './pages/settings';
import { PEOPLE_NAV, PEOPLE_ROUTES } from './pages/people';
import { OPERATOR_ROUTES } from './pages/operator';

/**
 * The console's route table: each area's routes (method, path pattern, the action it needs) from its
 * own module under pages/. Adding an area is one line here and one in NAV_ITEMS. Sign-in, sign-out,
 * the start page and the assets are the app's own (app.ts), needing no council.
 */
export const ROUTES: readonly Route[] = [
  ...FINDINGS_ROUTES,
  ...SUPPRESSIONS_ROUTES,
  ...ACCOUNTS_ROUTES,
  ...REPORTS_ROUTES,
  ...SETTINGS_ROUTES,
  ...PEOPLE_ROUTES,
  // The operator's: decided by being the operator, not by a role in the council (no navigation item).
  ...OPERATOR_ROUTES,
];

/** The navigation under the header, in order; each shown to those whose role allows its action. */
export const NAV_ITEMS: readonly NavItem[] = [
  FINDINGS_NAV,
  SUPPRESSIONS_NAV,
  ACCOUNTS_NAV,
  REPORTS_NAV,
  SETTINGS_NAV,
  PEOPLE_NAV,
];
