import type pg from 'pg';
import { BARE_TABLE } from './definitions.js';

/** The baseline's only activity: one idempotent INSERT. */
export function createBareActivities(pool: pg.Pool) {
  return {
    async storeRow(r: { id: string; seq: number; payload: unknown }): Promise<void> {
      await pool.query(`INSERT INTO ${BARE_TABLE} (id, seq, payload) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        r.id,
        r.seq,
        JSON.stringify(r.payload),
      ]);
    },
  };
}
export type BareActivities = ReturnType<typeof createBareActivities>;

export const CREATE_BARE_TABLE = `CREATE TABLE IF NOT EXISTS ${BARE_TABLE} (
  id text NOT NULL, seq int NOT NULL, payload jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (id, seq))`;
