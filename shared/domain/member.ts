import * as z from '../zod';
import { RoleSchema } from './roles';

/** A person's membership of one council: their role there, and who added them when. */
export const MemberSchema = z.object({
  /** The person's email address, lower case: the id sign-in gives them. */
  userId: z.string().check(z.minLength(3), z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+$/, 'expected an email address')),
  name: z.optional(z.string().check(z.maxLength(120))),
  role: RoleSchema,
  addedBy: z.string(),
  addedAt: z.iso.datetime({ offset: true }),
});
export type Member = z.infer<typeof MemberSchema>;
