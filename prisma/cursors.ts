import type { Tx } from './client.js';

/**
 * Named positions of consumers that walk a table in id order (the webhook fan-out walks
 * CaseEvent). A cursor moves in the same transaction as the work it covers.
 */
export async function cursorPosition(tx: Tx, name: string): Promise<bigint> {
  return (await tx.cursor.findUnique({ where: { name } }))?.position ?? 0n;
}

export async function moveCursor(tx: Tx, name: string, position: bigint): Promise<void> {
  await tx.cursor.upsert({ where: { name }, create: { name, position }, update: { position } });
}
