// dynalite, one process per shard, with every council's items in one shard: each process is
// single-threaded, so two give the simulation twice the table's throughput on two cores. The
// councils list (each council's registry item, on gsi1 COUNCILS#<n>) lives in shard 0 whole, so that
// listing councils is one Query as on DynamoDB. Requests are routed on the store's own client, by key.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../../shared/local/dynalite';
import { COUNCIL_PREFIX } from '../../../shared/store/keys';

export interface DynaliteShards {
  ports: number[];
  /** Creates the table in every shard and routes the client's requests to the shard of their council. */
  route(client: DynamoDBClient, tableName: string, makeClient: (port: number) => DynamoDBClient): Promise<void>;
  stop(): Promise<void>;
}

export async function startDynaliteShards(root: string, count: number): Promise<DynaliteShards> {
  const shards = await Promise.all(Array.from({ length: count }, () => startDynaliteProcess(root)));
  const ports = shards.map((s) => s.port);
  return {
    ports,
    async route(client, tableName, makeClient) {
      for (const port of ports) {
        const setup = makeClient(port);
        await ensureTable(setup, tableName);
        setup.destroy();
      }
      if (ports.length === 1) return;
      client.middlewareStack.add(
        (next) => async (args) => {
          const request = (args as { request?: { port?: number; headers: Record<string, string> } }).request;
          const port = ports[shardOf(args.input as RoutedInput, ports.length)]!;
          if (request) {
            request.port = port;
            request.headers.host = `127.0.0.1:${port}`;
          }
          return next(args);
        },
        { step: 'build', priority: 'low', name: 'simulationDynaliteShard' },
      );
    },
    stop: async () => {
      await Promise.all(shards.map((s) => s.stop()));
    },
  };
}

interface RoutedInput {
  Item?: Record<string, AttributeValue>;
  Key?: Record<string, AttributeValue>;
  IndexName?: string;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
}

/** The shard of a request: 0 for the councils list and registry items, else by the council of its key. */
export function shardOf(input: RoutedInput, shards: number): number {
  const key = input.Item ?? input.Key;
  let partition: string | undefined;
  if (key) {
    if (key.sk?.S === 'COUNCIL') return 0;
    partition = key.pk?.S;
  } else {
    partition = input.ExpressionAttributeValues?.[':pk']?.S;
  }
  if (!partition || !partition.startsWith(COUNCIL_PREFIX)) return 0; // COUNCILS#<n>
  const council = partition.slice(COUNCIL_PREFIX.length).split('#')[0]!;
  let hash = 0;
  for (let i = 0; i < council.length; i += 1) hash = (hash * 31 + council.charCodeAt(i)) >>> 0;
  return hash % shards;
}

/** dynalite in a child process, LevelDB in a temporary folder (in memory where /dev/shm is): about twice as fast as its in-memory store. */
async function startDynaliteProcess(root: string): Promise<{ port: number; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'council-audit-dynalite-'));
  const code = `const s=require('dynalite')({createTableMs:0,deleteTableMs:0,updateTableMs:0,path:process.argv[1]});s.listen(0,'127.0.0.1',()=>process.stdout.write(s.address().port+'\\n'));`;
  const child: ChildProcess = spawn(process.execPath, ['-e', code, dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (status) => reject(new Error(`dynalite exited with ${status}`)));
    child.stdout!.once('data', (data: Buffer) => resolve(Number(String(data).trim())));
  });
  child.removeAllListeners('exit');
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill();
      }),
  };
}
