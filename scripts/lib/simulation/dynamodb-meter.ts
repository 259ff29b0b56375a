// Capacity units and writes per partition, metered on the store's own DynamoDB client.
//
// Every request is sent with ReturnConsumedCapacity: dynalite answers with DynamoDB's rounding for the
// table (a write: 1 unit per started KB of the larger of the old and new item; an eventually
// consistent read: half a unit per started 4 KB; a Query: the items read, summed before rounding).
// What dynalite does not report is added here by the same rules: a write rejected by its condition
// still costs its units (DynamoDB charges it; dynalite sends no capacity with the error), and every
// global secondary index the written item is in costs a write of its own (both indexes project ALL,
// so the same size as the table's).
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS } from '../../../shared/store/keys';

export interface PhaseUnits {
  readUnits: number;
  writeUnits: number;
  /** Of writeUnits, those spent on global secondary indexes. */
  indexWriteUnits: number;
  requests: Record<string, number>;
  /** Bytes of the items new puts stored, index copies included, with DynamoDB's 100 bytes of overhead each. */
  storedBytes: number;
  /** Write units by kind of item (the sort key up to its first `#`), and by outcome: `POST`, `RUN`, `FINDING (condition failed)`… */
  writesByKind: Record<string, number>;
  /** Write units per partition: the table's `pk`, or `<index>:<index pk>`. */
  writesByPartition: Map<string, number>;
}

export interface DynamoDbMeter {
  /** Units from now on are counted under this phase. */
  phase: string;
  phases: Map<string, PhaseUnits>;
}

export const newPhase = (): PhaseUnits => ({ readUnits: 0, writeUnits: 0, indexWriteUnits: 0, storedBytes: 0, requests: {}, writesByKind: {}, writesByPartition: new Map() });

type Marshalled = Record<string, AttributeValue>;
interface MeteredInput {
  Item?: Marshalled;
  Key?: Marshalled;
  UpdateExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Marshalled;
}
interface ConsumedCapacity {
  CapacityUnits?: number;
}

/** Adds the meter to `client` (the store's DynamoDB client; the document client shares its stack). */
export function meterDynamoDb(client: DynamoDBClient, meter: DynamoDbMeter = { phase: 'setup', phases: new Map() }): DynamoDbMeter {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      const input = args.input as MeteredInput;
      const request = (args as { request?: { body?: unknown; headers?: Record<string, string> } }).request;
      // Serialised already (this is the build step): ask for the capacity in the JSON body itself.
      if (request && request.body !== undefined && request.body !== null) {
        const text = typeof request.body === 'string' ? request.body : request.body instanceof Uint8Array ? Buffer.from(request.body).toString('utf8') : undefined;
        if (text?.startsWith('{')) {
          const body = JSON.parse(text) as Record<string, unknown>;
          body.ReturnConsumedCapacity = 'TOTAL';
          const bytes = Buffer.from(JSON.stringify(body));
          // As text: the SDK's JSON protocol reads the body as a string further on (and warns about bytes).
          request.body = bytes.toString('utf8');
          if (request.headers?.['content-length'] !== undefined) request.headers['content-length'] = String(bytes.length);
        }
      }
      const units = meter.phases.get(meter.phase) ?? newPhase();
      meter.phases.set(meter.phase, units);
      units.requests[operation] = (units.requests[operation] ?? 0) + 1;
      const isWrite = operation === 'PutItem' || operation === 'UpdateItem' || operation === 'DeleteItem';
      try {
        const result = await next(args);
        const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity }).ConsumedCapacity;
        const tableUnits = consumed?.CapacityUnits ?? 0;
        if (isWrite) countWrite(units, input, tableUnits, operation !== 'DeleteItem', '');
        else units.readUnits += tableUnits;
        return result;
      } catch (error) {
        if (isWrite && (error as Error).name === 'ConditionalCheckFailedException') {
          // Charged as a write of the item's size; no index is touched.
          countWrite(units, input, writeUnitsFor(input.Item ?? input.Key ?? {}), false, ' (condition failed)');
        }
        throw error;
      }
    },
    { step: 'build', priority: 'high', name: 'simulationDynamoDbMeter' },
  );
  return meter;
}

function countWrite(units: PhaseUnits, input: MeteredInput, tableUnits: number, indexesWritten: boolean, outcome: string): void {
  const pk = input.Item?.pk?.S ?? input.Key?.pk?.S ?? '?';
  const kind = `${(input.Item?.sk?.S ?? input.Key?.sk?.S ?? '?').split('#')[0]}${outcome}`;
  const table = Math.max(1, tableUnits);
  units.writeUnits += table;
  units.writesByKind[kind] = (units.writesByKind[kind] ?? 0) + table;
  add(units.writesByPartition, pk, table);
  if (!indexesWritten) return;
  const stored = input.Item ? itemSize(input.Item) + ITEM_OVERHEAD_BYTES : 0;
  units.storedBytes += stored;
  for (const index of TABLE_KEYS.indexes) {
    const indexPk = indexPartitionWritten(input, index.partitionKey);
    if (indexPk === undefined) continue;
    units.storedBytes += stored;
    units.writeUnits += table;
    units.indexWriteUnits += table;
    units.writesByKind[`${kind} (${index.name})`] = (units.writesByKind[`${kind} (${index.name})`] ?? 0) + table;
    add(units.writesByPartition, `${index.name}:${indexPk}`, table);
  }
}

/** The index partition a write puts the item in: from a put's item, or from an update that sets the index key. */
function indexPartitionWritten(input: MeteredInput, attribute: string): string | undefined {
  if (input.Item) return input.Item[attribute]?.S;
  if (!input.UpdateExpression) return undefined;
  const names = Object.entries(input.ExpressionAttributeNames ?? {}).filter(([, name]) => name === attribute).map(([placeholder]) => placeholder);
  for (const name of [...names, attribute]) {
    const value = new RegExp(`(?:^|[\\s,])${name.replace(/[#]/g, '\\#')}\\s*=\\s*(:[\\w]+)`).exec(input.UpdateExpression)?.[1];
    if (value) return input.ExpressionAttributeValues?.[value]?.S ?? '(set by update)';
  }
  return undefined;
}

/** What DynamoDB adds to each item (and each index copy) when it bills storage. */
const ITEM_OVERHEAD_BYTES = 100;

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** A write's units by DynamoDB's rule: one per started KB of the item. */
export function writeUnitsFor(item: Marshalled): number {
  return Math.max(1, Math.ceil(itemSize(item) / 1024));
}

/** An item's size as DynamoDB counts it: attribute names plus values (UTF-8 bytes, numbers about half their digits). */
export function itemSize(item: Marshalled): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/^-|\.|^0+/g, '').length / 2) + 1;
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS) return value.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
  if (value.NS) return value.NS.reduce((n, s) => n + Math.ceil(s.length / 2) + 1, 0);
  if (value.L) return 3 + value.L.reduce((n, v) => n + 1 + valueSize(v), 0);
  if (value.M) return 3 + Object.entries(value.M).reduce((n, [k, v]) => n + 1 + Buffer.byteLength(k) + valueSize(v), 0);
  return 0;
}

/** The hottest partition of a phase and its share of the phase's write units. */
export function hottestPartition(units: PhaseUnits): { partition: string; writeUnits: number; share: number; partitions: number } {
  let partition = '';
  let most = 0;
  for (const [key, n] of units.writesByPartition) {
    if (n > most) {
      partition = key;
      most = n;
    }
  }
  return { partition, writeUnits: most, share: units.writeUnits === 0 ? 0 : most / units.writeUnits, partitions: units.writesByPartition.size };
}
