import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CouncilAuditError } from '../domain/errors';
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

/** The local store's folder cannot be used: another process has it, or it cannot be made or written. */
export class LocalStoreError extends CouncilAuditError {}

/**
 * Starts dynalite on 127.0.0.1 with tables that become ACTIVE at once. A store on disk is used by one
 * process at a time: a second `npm start` (or command) gets a LocalStoreError naming the folder and
 * the process that has it, instead of LevelDB's lock failure, which dynalite throws out of a request
 * callback as "Database is closed" and so crashes the process.
 */
export async function startDynalite(options: LocalDynamoDbOptions = {}): Promise<LocalDynamoDb> {
  const unlock = options.path === undefined ? async () => {} : await lockFolder(options.path);
  try {
    return await startServer(options, unlock);
  } catch (error) {
    await unlock();
    throw error;
  }
}

async function startServer(options: LocalDynamoDbOptions, unlock: () => Promise<void>): Promise<LocalDynamoDb> {
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
      try {
        await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      } finally {
        await unlock();
      }
    },
  };
}

/**
 * Takes the folder for this process: a lock file holding our pid, created exclusively. A lock left by
 * a process that no longer runs (killed mid-run) is taken over. Written by hand because it is one file
 * and one liveness check; a lock library would add a dependency for no more than this.
 */
async function lockFolder(path: string): Promise<() => Promise<void>> {
  const lock = join(path, 'council-audit.lock');
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    throw new LocalStoreError(`cannot use the local store in ${path}: ${describeFsError(error)}`, { cause: error });
  }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      return async () => {
        await rm(lock, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new LocalStoreError(`cannot use the local store in ${path}: ${describeFsError(error)}`, { cause: error });
      }
      const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new LocalStoreError(
          `the local store in ${path} is in use by another process (pid ${holder}${holder === process.pid ? ', this one' : ''}): wait for it to finish, or give this run a folder of its own`,
        );
      }
      await rm(lock, { force: true });
    }
  }
  throw new LocalStoreError(`cannot lock the local store in ${path}: another process keeps taking it`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way of the folder';
  return code ?? String(error);
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
