import { join } from 'node:path';
import type { AuditStore } from '../store/audit-store';
import { credentialsIn } from '../runtime/aws';
import { environmentSchema, readEnvironment } from '../runtime/environment';
import { dynamoDbStore } from '../store/dynamodb-store';
import { ensureTable, startDynalite } from './dynalite';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws';

export const LOCAL_TABLE = 'council-audit-local';
export const LOCAL_DATA_DIR = '.local';

const STORE_ENVIRONMENT = environmentSchema(['TABLE_NAME', 'AWS_REGION'], ['DYNAMODB_ENDPOINT']);

/**
 * The store the command line works on: the one the environment names (TABLE_NAME, and
 * DYNAMODB_ENDPOINT for a non-AWS endpoint, and credentials from that environment or the SDK's own chain), or else the local twin's
 * embedded store under `.local/`.
 */
export async function openStore(env: NodeJS.ProcessEnv = process.env, dataDir = LOCAL_DATA_DIR): Promise<{ store: AuditStore; where: string; close(): Promise<void> }> {
  if (env.TABLE_NAME) {
    const settings = readEnvironment(STORE_ENVIRONMENT, env);
    const credentials = credentialsIn(env);
    const store = dynamoDbStore({ region: settings.AWS_REGION, endpoint: settings.DYNAMODB_ENDPOINT, tableName: settings.TABLE_NAME, ...(credentials ? { credentials } : {}) });
    return { store, where: `table ${settings.TABLE_NAME}${settings.DYNAMODB_ENDPOINT ? ` at ${settings.DYNAMODB_ENDPOINT}` : ''}`, close: async () => {} };
  }
  const dynamo = await startDynalite({ path: join(dataDir, 'dynamodb') });
  try {
    await ensureTable(dynamo.client, LOCAL_TABLE);
    const store = dynamoDbStore({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: dynamo.endpoint, tableName: LOCAL_TABLE });
    return { store, where: `the local store in ${join(dataDir, 'dynamodb')}`, close: () => dynamo.stop() };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
