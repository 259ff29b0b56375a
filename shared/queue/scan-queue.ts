import * as z from '../zod';
import type { JobQueue } from './council-jobs';
import { CouncilIdSchema } from '../domain/council';
import { PlatformSchema } from '../domain/post';

/**
 * Scan this account of this council. Written without `kind`, as every message was before discovery
 * joined the queue, so that messages in flight during a deploy still parse.
 */
export const AccountScanRequestSchema = z.object({
  kind: z.optional(z.literal('scan')),
  councilId: CouncilIdSchema,
  platform: PlatformSchema,
  handle: z.string().check(z.minLength(1, 'must not be empty')),
});
export type AccountScanRequest = z.infer<typeof AccountScanRequestSchema>;

/** Search the platforms for accounts presenting as this council (the weekly impostor discovery). */
export const DiscoveryRequestSchema = z.object({
  kind: z.literal('discover'),
  councilId: CouncilIdSchema,
});
export type DiscoveryRequest = z.infer<typeof DiscoveryRequestSchema>;

/** One message on the scan queue: an account scan, or a council's impostor discovery. */
export const ScanRequestSchema = z.discriminatedUnion('kind', [AccountScanRequestSchema, DiscoveryRequestSchema]);
export type ScanRequest = z.infer<typeof ScanRequestSchema>;

/** `harbourne-tc mastodon:@harbournetc@mastodon.social` or `harbourne-tc discovery`, for logs and errors. */
export function describeRequest(request: ScanRequest): string {
  return request.kind === 'discover' ? `${request.councilId} discovery` : `${request.councilId} ${request.platform}:${request.handle}`;
}

/** The queue port between dispatch and per-account scanning: a job queue of scan requests. */
export type ScanQueue = JobQueue<ScanRequest>;
