import * as z from '../zod';
import { CouncilIdSchema } from '../domain/council';
import { PlatformSchema } from '../domain/post';

/** One message on the scan queue: scan this account of this council. */
export const ScanRequestSchema = z.object({
  councilId: CouncilIdSchema,
  platform: PlatformSchema,
  handle: z.string().check(z.minLength(1, 'must not be empty')),
});
export type ScanRequest = z.infer<typeof ScanRequestSchema>;

/** The queue port between dispatch and per-account scanning. */
export interface ScanQueue {
  send(requests: readonly ScanRequest[]): Promise<void>;
}
