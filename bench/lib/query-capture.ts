/**
 * The SQL an API request makes Prisma send: the API role reports Prisma's query events over IPC
 * while capture is on (bench/roles/api.ts, `captureQueries`).
 */
import type { Role } from './roles.js';

export interface Captured {
  sql: string;
  params: unknown[];
}

/** Turns capture on or off in the API process, once it has said so. */
function toggle(api: Role<{ base: string }>, on: boolean): Promise<void> {
  return new Promise((resolve) => {
    const acked = (m: { captureAck?: boolean }) => {
      if (m.captureAck !== on) return;
      api.child.off('message', acked);
      resolve();
    };
    api.child.on('message', acked);
    api.child.send({ capture: on });
  });
}

/** Every statement Prisma sent while `fn` ran, in order. */
export async function queriesDuring(api: Role<{ base: string }>, fn: () => Promise<void>): Promise<Captured[]> {
  const seen: Captured[] = [];
  const onQuery = (m: { query?: { sql: string; params: string } }) => {
    if (m.query) seen.push({ sql: m.query.sql, params: JSON.parse(m.query.params) as unknown[] });
  };
  api.child.on('message', onQuery);
  await toggle(api, true);
  try {
    await fn();
  } finally {
    await toggle(api, false);
    api.child.off('message', onQuery);
  }
  return seen;
}

/** A statement in a few words: its verb and table, e.g. `SELECT "ApiKey"`. */
export function gist(sql: string): string {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '?';
  const table = /(?:FROM|INTO|UPDATE)\s+"public"\."(\w+)"/i.exec(sql)?.[1] ?? (/^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(sql) ? '' : '?');
  return `${verb} ${table}`.trim();
}
