import type { AddressInfo } from 'node:net';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-aws';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { tableDefinition } from '../store/table-definition';

/** A DynamoDB stand-in running inside this process, and a client pointed at it. */
export interface LocalDynamoDb {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  client: DynamoDBClient;
  /** Closes the client and the server (and the on-disk store, when there is one). */
  stop(): Promise<void>;
}

export interface LocalDynamoDbOptions {
  /** A directory (e.g. `.local/dynamodb`) to keep the data in between runs; in memory when absent. */
  path?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  region?: string;
}

/** Starts dynalite on 127.0.0.1 with tables that become ACTIVE at once. */
export async function startDynalite(options: LocalDynamoDbOptions = {}): Promise<LocalDynamoDb> {
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path === undefined ? {} : { path: options.path }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: options.region ?? LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });

  return {
    endpoint,
    client,
    stop: async () => {
      client.destroy();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Creates the table unless it exists; safe to call on every start, and from two callers at once. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  if (await tableStatus(client, tableName)) return;
  try {
    await client.send(new CreateTableCommand(tableDefinition(tableName)));
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ResourceInUseException')) throw error;
  }
  await untilActive(client, tableName);
}

async function tableStatus(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return Table?.TableStatus;
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

// A dynalite started elsewhere may keep new tables CREATING for a while (500 ms by default).
async function untilActive(client: DynamoDBClient, tableName: string, attempts = 100): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if ((await tableStatus(client, tableName)) === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
}
