import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Council } from '../../shared/domain/council';
import type { Principal, Role } from '../../shared/domain/roles';
import { ensureTable, type LocalDynamoDb } from '../../shared/local/dynalite';
import { DynamoDbAuditStore } from '../../shared/store/dynamodb-store';

/** Fictional councils, people and a settable clock for the review use cases' tests. */

export const HARBOURNE: Council = { id: 'harbourne-tc', name: 'Harbourne Town Council', digestTo: ['clerk@harbourne-tc.example'], registeredAt: '2026-01-01T00:00:00Z' };
export const ASHBY: Council = { id: 'ashby-pc', name: 'Ashby Parish Council', digestTo: ['clerk@ashby-pc.example'], registeredAt: '2026-01-01T00:00:00Z' };

export function memberOf(councilId: string, role: Role, name: string): Principal {
  return { userId: `${name.toLowerCase().replaceAll(' ', '.')}@${councilId}.example`, name, memberships: { [councilId]: role } };
}

export const CLERK = memberOf(HARBOURNE.id, 'town-clerk', 'Alex Morgan');
export const ADMIN = memberOf(HARBOURNE.id, 'admin', 'Sam Patel');
export const COUNCILLOR = memberOf(HARBOURNE.id, 'councillor', 'Jo Evans');
export const OPERATOR: Principal = { userId: 'ops@hosting.example', name: 'Hosting operator', memberships: {}, operator: true };
export const ASHBY_CLERK = memberOf(ASHBY.id, 'town-clerk', 'Chris Hale');

let tables = 0;

/** A store on a table of its own, both councils registered, and a clock the test sets. */
export async function reviewStore(dynamo: LocalDynamoDb, start = '2026-02-09T09:00:00Z') {
  tables += 1;
  const tableName = `review-${process.pid}-${tables}`;
  await ensureTable(dynamo.client, tableName);
  let now = new Date(start);
  const clock = () => now;
  const store = new DynamoDbAuditStore({ client: DynamoDBDocumentClient.from(dynamo.client), tableName, clock });
  await store.putCouncil(HARBOURNE);
  await store.putCouncil(ASHBY);
  return {
    store,
    clock,
    setTime: (iso: string) => {
      now = new Date(iso);
    },
  };
}
