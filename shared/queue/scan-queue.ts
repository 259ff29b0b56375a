import * as z from '../zod';
import type { JobQueue } from './council-jobs';
import { CouncilIdSchema } from '../domain/council';
import { PlatformSchema } from '../domain/post';

/** The account a request is about, of which council. */
const ACCOUNT_FIELDS = {
  councilId: CouncilIdSchema,
  platform: PlatformSchema,
  handle: z.string().check(z.minLength(1, 'must not be empty')),
};

/**
 * Scan this account of this council. Written without `kind`, as every message was before discovery
 * joined the queue, so that messages in flight during a deploy still parse.
 */
export const AccountScanRequestSchema = z.object({
  kind: z.optional(z.literal('scan')),
  ...ACCOUNT_FIELDS,
});
export type AccountScanRequest = z.infer<typeof AccountScanRequestSchema>;

/** Search the platforms for accounts presenting as this council (the weekly impostor discovery). */
export const DiscoveryRequestSchema = z.object({
  kind: z.literal('discover'),
  councilId: CouncilIdSchema,
});
export type DiscoveryRequest = z.infer<typeof DiscoveryRequestSchema>;

/** List this account's recent posts again and compare them with what is stored (shared/evidence/reconcile.ts). */
export const ReconcileRequestSchema = z.object({
  kind: z.literal('reconcile'),
  ...ACCOUNT_FIELDS,
});
export type ReconcileRequest = z.infer<typeof ReconcileRequestSchema>;

/** Check this council's stored posts again with the deployed rules, whose version is `rulesVersion`. */
export const RescanRequestSchema = z.object({
  kind: z.literal('rescan'),
  councilId: CouncilIdSchema,
  rulesVersion: z.string().check(z.minLength(1, 'must not be empty')),
});
export type RescanRequest = z.infer<typeof RescanRequestSchema>;

/** One message on the scan queue: an account scan or reconciliation, a council's impostor discovery or rescan. */
export const ScanRequestSchema = z.discriminatedUnion('kind', [AccountScanRequestSchema, DiscoveryRequestSchema, ReconcileRequestSchema, RescanRequestSchema]);
export type ScanRequest = z.infer<typeof ScanRequestSchema>;

/** `harbourne-tc mastodon:@harbournetc@mastodon.social`, `harbourne-tc discovery`…, for logs and errors. */
export function describeRequest(request: ScanRequest): string {
  switch (request.kind) {
    case 'discover':
      return `${request.councilId} discovery`;
    case 'rescan':
      return `${request.councilId} rescan with rules ${request.rulesVersion}`;
    case 'reconcile':
      return `${request.councilId} reconciliation of ${request.platform}:${request.handle}`;
    default:
      return `${request.councilId} ${request.platform}:${request.handle}`;
  }
}

/** The queue port between dispatch and per-account scanning: a job queue of scan requests. */
export type ScanQueue = JobQueue<ScanRequest>;
