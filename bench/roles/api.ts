// The Postwatch API (api/app.ts), as a process of its own. With `captureQueries`, the SQL that
// Prisma sends is reported over IPC while the parent asks for it (the listing benchmark runs
// the very same statements raw).
import type { Server } from 'node:http';
import { createApp } from '../../api/app.js';
import { createLogger } from '../../platform/logger.js';
import { parseCodecKeys } from '../../platform/payload-codec.js';
import { caseDataConverter } from '../../platform/payload-keys.js';
import { connectTemporal } from '../../platform/temporal.js';
import { embeddedTemporalTarget } from '../../platform/temporal-target.js';
import { createDb } from '../../prisma/client.js';
import { serve, settings } from './role.js';

export interface ApiSettings {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  /** PAYLOAD_CODEC_KEYS of the run: payloads sealed as deployed. */
  codecKeys: string;
  captureQueries?: boolean;
}

await serve(async () => {
  const s = settings<ApiSettings>();
  let capturing = false;
  const db = createDb(s.databaseUrl, {
    onQuery: s.captureQueries
      ? (e) => capturing && process.send?.({ query: { sql: e.query, params: e.params, ms: e.duration } })
      : undefined,
  });
  const temporal = await connectTemporal(
    embeddedTemporalTarget(s.temporalAddress, 'default', caseDataConverter(parseCodecKeys(s.codecKeys))),
  );
  const app = createApp({ db, temporal, taskQueue: s.taskQueue, log: createLogger('silent'), rateLimitPerMinute: 0 });
  const server: Server = await new Promise((resolve, reject) => {
    const srv = app.listen(0, '127.0.0.1', () => resolve(srv));
    srv.once('error', reject);
  });
  const port = (server.address() as { port: number }).port;
  return {
    info: { base: `http://127.0.0.1:${port}` },
    onMessage(m) {
      if (typeof m.capture === 'boolean') {
        capturing = m.capture;
        process.send?.({ captureAck: m.capture });
      }
    },
    async stop() {
      await new Promise((r) => server.close(r));
      await temporal.connection.close();
      await db.$disconnect();
    },
  };
});
