// A worker killed in the middle of a case: a new worker resumes it, with no event lost or
// written twice, and the audit chain still verifies. Tampering is then detected and named.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { migratedDatabase } from '../support/db.js';
import { carrierActor, detection, officer, seedForCases } from '../support/cases.js';
import { eventsOf } from '../support/case-harness.js';
import { act, caseWorkflowId, openCase } from '../../workflows/definitions.js';
import { verifyAuditChains } from '../../prisma/case-events/verify.js';
import { TEST_CODEC_KEYS_ENV, testDataConverter } from '../support/payload-codec.js';
import type { Db } from '../../prisma/client.js';

const ROOT = resolve(import.meta.dirname, '../..');
let db: Db;
let url: string;
let client: Client;
let connection: Connection;
const taskQueue = `crash-${randomBytes(4).toString('hex')}`;

/** A standalone worker process, exactly as deployed (worker/main.ts). */
function startWorker(): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TASK_QUEUE: taskQueue,
      WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
      PAYLOAD_CODEC_KEYS: TEST_CODEC_KEYS_ENV,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<void>((res, rej) => {
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('worker running')) res();
    });
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => rej(new Error(`worker exited ${code}: ${out}`)));
  });
  return { child, ready };
}

const killed = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));

beforeAll(async () => {
  ({ db, url } = await migratedDatabase());
  await seedForCases(db);
  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection, dataConverter: testDataConverter });
});
afterAll(() => connection?.close());

it('resumes a case after the worker is killed, with every event exactly once', async () => {
  const carrier = carrierActor();
  const workflowId = caseWorkflowId('VNP', `crash-${randomBytes(3).toString('hex')}`);
  const first = startWorker();
  await first.ready;
  const handle = await client.workflow.start('caseWorkflow', {
    taskQueue,
    workflowId,
    args: [{ detection: detection(workflowId.slice(9)) }],
  });
  await handle.executeUpdate(openCase);
  await handle.executeUpdate(act, { args: [{ actor: carrier, action: { kind: 'confirmHold', holdRecordRef: 'BB-1' } }] });

  // kill -9 while an action is in flight
  const inFlight = handle.executeUpdate(act, { args: [{ actor: officer('TH-DEPT', 'dept-1'), action: { kind: 'acknowledge' } }] });
  first.child.kill('SIGKILL');
  await killed(first.child);

  const second = startWorker();
  await second.ready;
  try {
    const { view } = await inFlight; // answered by the new worker
    expect(view.acknowledgements.map((a) => a.agencyId)).toEqual(['TH-DEPT']);
    const { view: after } = await handle.executeUpdate(act, {
      args: [{ actor: officer('TH-QLTT', 'qltt-1'), action: { kind: 'acknowledge' } }],
    });
    expect(after.status).toBe('ACKNOWLEDGED');
  } finally {
    second.child.kill('SIGTERM');
    await killed(second.child);
  }

  const events = await eventsOf(db, workflowId);
  expect(events.map((e) => e.type)).toEqual(['DETECTED', 'AGENCIES_NOTIFIED', 'HOLD_CONFIRMED', 'ACKNOWLEDGED', 'ACKNOWLEDGED']);
  expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  expect((await db.case.findUniqueOrThrow({ where: { id: workflowId } })).lastSeq).toBe(5);
  expect((await verifyAuditChains(db)).broken).toEqual([]);

  // audit:verify, the operator's command, agrees — then a tampered row makes it fail, naming the case and event
  const verify = () => runAuditVerify(url);
  expect(await verify()).toMatchObject({ code: 0 });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // the append-only trigger stops ordinary updates; a tamperer with superuser rights switches it off
    await c.query('ALTER TABLE "CaseEvent" DISABLE TRIGGER "CaseEvent_append_only"');
    await c.query(`UPDATE "CaseEvent" SET "payload" = '{"forged":true}' WHERE "caseId" = $1 AND "seq" = 3`, [workflowId]);
    await c.query('ALTER TABLE "CaseEvent" ENABLE TRIGGER "CaseEvent_append_only"');
  } finally {
    await c.end();
  }
  const number = (await db.case.findUniqueOrThrow({ where: { id: workflowId } })).number;
  const result = await verify();
  expect(result.out).toContain('FAILED');
  expect(result.code).toBe(1);
  expect(result.out).toContain(`BROKEN case ${number} (${workflowId}) at event #3`);
});

function runAuditVerify(databaseUrl: string): Promise<{ code: number | null; out: string }> {
  return new Promise((res) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => res({ code, out }));
  });
}
