import { join } from 'node:path';
import type { AuditStore } from '../store/audit-store';
import { runtimeFromEnvironment } from '../runtime/runtime';
import { ensureTable, startDynalite } from './dynalite';
import { LOCAL_ENVIRONMENT } from './local-aws';

export const LOCAL_TABLE = 'council-audit-local';
export const LOCAL_DATA_DIR = '.local';

/**
 * The store the command line works on: the one the environment names (TABLE_NAME, and
 * DYNAMODB_ENDPOINT for a non-AWS endpoint), or else the local twin's embedded store under `.local/`.
 */
export async function openStore(env: NodeJS.ProcessEnv = process.env, dataDir = LOCAL_DATA_DIR): Promise<{ store: AuditStore; where: string; close(): Promise<void> }> {
  if (env.TABLE_NAME) {
    const runtime = runtimeFromEnvironment(env);
    return { store: runtime.store, where: `table ${env.TABLE_NAME}${env.DYNAMODB_ENDPOINT ? ` at ${env.DYNAMODB_ENDPOINT}` : ''}`, close: async () => {} };
  }
  const dynamo = await startDynalite({ path: join(dataDir, 'dynamodb') });
  try {
    await ensureTable(dynamo.client, LOCAL_TABLE);
    const runtime = runtimeFromEnvironment({ TABLE_NAME: LOCAL_TABLE, DYNAMODB_ENDPOINT: dynamo.endpoint, ...LOCAL_ENVIRONMENT });
    return { store: runtime.store, where: `the local store in ${join(dataDir, 'dynamodb')}`, close: () => dynamo.stop() };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
