import * as z from '../zod';
import { CouncilIdSchema, type CouncilId } from './council';

/**
 * Who does what in a council (issue #11). A person belongs to a council with one role; the operator
 * (the hosting organisation) adds councils and invites each one's first Town Clerk, and sees no
 * council's findings unless also a member of it.
 */
export const ROLES = ['town-clerk', 'admin', 'councillor'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Each role's name as people read it. */
export const ROLE_TITLES: Record<Role, string> = {
  'town-clerk': 'Town Clerk',
  admin: 'admin',
  councillor: 'councillor',
};

/** What a person may ask of a council; every use case names one and is authorised for it first. */
export const COUNCIL_ACTIONS = [
  'read-findings',
  'review-findings',
  'read-reports',
  'approve-accounts',
  'manage-accounts',
  'edit-settings',
  'invite-people',
] as const;
export type CouncilAction = (typeof COUNCIL_ACTIONS)[number];

/** What only the operator may do: add a council and invite its first Town Clerk. */
export const OPERATOR_ACTIONS = ['add-council', 'invite-first-clerk'] as const;
export type OperatorAction = (typeof OPERATOR_ACTIONS)[number];

export type Action = CouncilAction | OperatorAction;

/** Each action as a sentence ends: "… may not <action> in council x". */
export const ACTION_TITLES: Record<Action, string> = {
  'read-findings': 'read findings',
  'review-findings': 'review findings',
  'read-reports': 'read reports',
  'approve-accounts': 'approve accounts',
  'manage-accounts': 'register, pause or remove accounts',
  'edit-settings': 'edit settings',
  'invite-people': 'invite people',
  'add-council': 'add a council',
  'invite-first-clerk': "invite a council's first Town Clerk",
};

/**
 * The table of who may do what, as data: the console's route table, the CLI and the tests
 * read it, and no use case special-cases a role.
 */
export const PERMISSIONS: Record<Role, ReadonlySet<CouncilAction>> = {
  'town-clerk': new Set(COUNCIL_ACTIONS),
  admin: new Set<CouncilAction>(['read-findings', 'review-findings', 'read-reports', 'manage-accounts', 'edit-settings']),
  councillor: new Set<CouncilAction>(['read-findings', 'read-reports']),
};

export function isOperatorAction(action: Action): action is OperatorAction {
  return (OPERATOR_ACTIONS as readonly string[]).includes(action);
}

/** Whether a role lets its holder do a council action (operator actions belong to no role). */
export function roleAllows(role: Role, action: Action): boolean {
  return !isOperatorAction(action) && PERMISSIONS[role].has(action);
}

/**
 * The person a use case acts for, as sign-in established them: an id (their email address, lower
 * case), the name the audit trail shows, their role in each council they belong to, and whether
 * they act for the operator.
 */
export const PrincipalSchema = z.object({
  userId: z.string().check(z.minLength(1), z.maxLength(254)),
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  memberships: z.record(CouncilIdSchema, RoleSchema),
  operator: z.optional(z.boolean()),
});
export type Principal = z.infer<typeof PrincipalSchema>;

/** The person's role in a council, or undefined when they are not a member of it. */
export function roleIn(principal: Principal, councilId: CouncilId): Role | undefined {
  return Object.hasOwn(principal.memberships, councilId) ? principal.memberships[councilId] : undefined;
}
