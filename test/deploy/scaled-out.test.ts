// Issue 14, defect 5: the scaled-out deployment comes up usable. As docker-compose.yml runs it, on an
// empty database: the migration job, then api/server.ts and worker/main.ts as separate processes;
// the administrator of ADMIN_TOKEN registers a carrier, whose key opens a case.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../scripts/lib/ports.js';
import { call, detectionBody } from '../support/api.js';
import { TEST_CODEC_KEYS_ENV } from '../support/payload-codec.js';
import { createTestDatabase } from '../support/postgres.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ADMIN_TOKEN = `admin-${randomBytes(18).toString('hex')}`;

interface Role {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(entry: string, env: Record<string, string>): Role {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  return { child, output: () => out, exited: new Promise((r) => child.once('exit', (code) => r(code))) };
}

async function until(role: Role, text: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!role.output().includes(text)) {
    if (role.child.exitCode !== null) throw new Error(`exited (${role.child.exitCode}) before "${text}":\n${role.output()}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${role.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the scaled-out deployment on an empty database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  let base: string;
  let metrics: string;
  const roles: Role[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    metrics = `127.0.0.1:${await freePort()}`;
    env = {
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TASK_QUEUE: `scaled-${randomBytes(4).toString('hex')}`,
      PAYLOAD_CODEC_KEYS: TEST_CODEC_KEYS_ENV,
      WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
      CLOCK_SCALE: '1440',
      PORT: String(port),
      HOST: '127.0.0.1',
    };
  });
  afterAll(async () => {
    for (const r of roles) r.child.kill('SIGTERM');
    await Promise.all(roles.map((r) => r.exited));
    await db?.drop();
  });

  it('the migration job leaves a usable database: reference data and the first administrator, once', async () => {
    const job = run('scripts/migrate.ts', { ...env, ADMIN_TOKEN });
    expect(await job.exited, job.output()).toBe(0);
    expect(job.output()).toContain('reference data seeded');
    expect(job.output()).toContain('administrator: the key in ADMIN_TOKEN');
    const again = run('scripts/migrate.ts', { ...env, ADMIN_TOKEN });
    expect(await again.exited, again.output()).toBe(0);
    expect(again.output()).toContain('database is up to date');
  });

  it('api/server.ts and worker/main.ts, started apart, open a case; the API says the clock is a demo clock', async () => {
    const worker = run('worker/main.ts', { ...env, WORKER_METRICS_ADDRESS: metrics });
    const api = run('api/server.ts', env);
    roles.push(worker, api);
    await Promise.all([until(worker, 'worker running'), until(api, 'api listening')]);
    expect(api.output()).toContain('DEMO CLOCK ON');
    expect((await call(base, null, 'GET', '/healthz')).body).toMatchObject({ demoClock: { scale: 1440 } });

    expect((await call(base, ADMIN_TOKEN, 'POST', '/v1/carriers', { id: 'VNP', name: 'Bưu điện Việt Nam' })).status).toBe(201);
    const carrier = await call(base, ADMIN_TOKEN, 'POST', '/v1/principals', { name: 'VNPost', role: 'carrier', carrierId: 'VNP' });
    expect(carrier.status, carrier.text).toBe(201);
    const opened = await call(base, carrier.body.key.token, 'POST', '/v1/cases', detectionBody('SCALED-1'), {
      'idempotency-key': 'scaled-1',
    });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.body).toMatchObject({ status: 'NOTIFIED', number: expect.stringMatching(/^TH-\d{4}-000001$/) });

    // the worker's SDK metrics, for Prometheus: the intake's (local) activities it just ran are counted
    const scrape = await (await fetch(`http://${metrics}/metrics`)).text();
    expect(scrape).toMatch(
      new RegExp(
        `^temporal_local_activity_execution_latency_count\\{[^}]*activity_type="registerCase"[^}]*task_queue="${env.TASK_QUEUE}"[^}]*\\} [1-9]`,
        'm',
      ),
    );
    expect(scrape).toMatch(/^temporal_worker_task_slots_available\{/m);
  });

  it('refuses to start a standalone process without the payload keys, in one line', async () => {
    const { PAYLOAD_CODEC_KEYS: _keys, ...withoutKeys } = env;
    const worker = run('worker/main.ts', withoutKeys);
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toContain('PAYLOAD_CODEC_KEYS: required outside `npm start`');
  });
});
