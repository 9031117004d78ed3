import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import proto from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../workflows/definitions.js';
import type { TemporalTarget } from './temporal-target.js';

const { temporal } = proto; // CommonJS package: named ESM imports fail at run time
type IndexedValueType = proto.temporal.api.enums.v1.IndexedValueType;

const INDEXED: Record<string, IndexedValueType> = {
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  BOOL: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  TEXT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  INT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
};

/** Registers the case search attributes that the namespace lacks (idempotent). */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing: Record<string, IndexedValueType> = {};
  for (const key of SEARCH_ATTRIBUTES) {
    if (!existing.customAttributes?.[key.name]) missing[key.name] = INDEXED[key.type]!;
  }
  if (Object.keys(missing).length > 0) {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
  }
}

/**
 * A client of the case namespace; its payloads pass through the target's codec. `options` add to
 * the target's connection (the API's shorter retries, apiTemporalConnection).
 */
export async function connectTemporal(
  target: TemporalTarget,
  options: Pick<ConnectionOptions, 'interceptors'> = {},
): Promise<{ connection: Connection; client: Client }> {
  const connection = await Connection.connect({ ...target.connection, ...options });
  return { connection, client: new Client({ connection, namespace: target.namespace, dataConverter: target.dataConverter }) };
}
