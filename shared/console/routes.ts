import type { NavItem, Route } from './context';
import { FINDINGS_NAV, FINDINGS_ROUTES } from './pages/findings';
import { SUPPRESSIONS_NAV, SUPPRESSIONS_ROUTES } from './pages/suppressions';

/**
 * The console's route table: each area's routes (method, path pattern, the action it needs) from its
 * own module under pages/. Adding an area is one line here and one in NAV_ITEMS. Sign-in, sign-out,
 * the start page and the assets are the app's own (app.ts), needing no council.
 */
export const ROUTES: readonly Route[] = [
  ...FINDINGS_ROUTES,
  ...SUPPRESSIONS_ROUTES,
];

/** The navigation under the header, in order; each shown to those whose role allows its action. */
export const NAV_ITEMS: readonly NavItem[] = [
  FINDINGS_NAV,
  SUPPRESSIONS_NAV,
];
