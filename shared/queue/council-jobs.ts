import * as z from '../zod';
import { MONTH_PATTERN } from '../domain/calendar';
import { CouncilIdSchema } from '../domain/council';

/** `2026-W05` */
export const IsoWeekIdSchema = z.string().check(z.regex(/^\d{4}-W\d{2}$/, 'expected an ISO week such as 2026-W05'));
/** `2026-10` */
export const MonthSchema = z.string().check(z.regex(MONTH_PATTERN, 'expected a month such as 2026-10'));

/** One message on the digest queue: send this council's digest for this week. */
export const DigestRequestSchema = z.object({ council: CouncilIdSchema, week: IsoWeekIdSchema });
export type DigestRequest = z.infer<typeof DigestRequestSchema>;

/** One message on the report queue: make and store this council's report for this month. */
export const ReportRequestSchema = z.object({ council: CouncilIdSchema, month: MonthSchema });
export type ReportRequest = z.infer<typeof ReportRequestSchema>;

/** The queue port between the hourly tick and the function that does one council's work. */
export interface JobQueue<T> {
  send(requests: readonly T[]): Promise<void>;
}
