// Issue 19, defect 6: what PostgreSQL guards is not readable in Temporal beside it. A KT1 case's
// description is sealed in its history (read here as the Temporal UI reads it, without the codec);
// the codec, and its codec-server protocol, give it back; a key rotation keeps the case running
// and its history replayable.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { codecServerResponse } from '../../platform/codec-server.js';
import { AesGcmPayloadCodec, parseCodecKeys } from '../../platform/payload-codec.js';
import { caseDataConverter } from '../../platform/payload-keys.js';
import { createCaseWorker } from '../../worker/create-worker.js';
import { act, getCase, openCase } from '../../workflows/definitions.js';
import type { Db } from '../../prisma/client.js';
import { apiHarness, call, detectionBody } from '../support/api.js';
import { detection, officer, seedForCases } from '../support/cases.js';
import { migratedDatabase } from '../support/db.js';
import { TEST_CODEC_KEYS, testKey } from '../support/payload-codec.js';

const DESCRIPTION = `KT1 ${randomBytes(6).toString('hex')}: linh kiện thiết bị quân sự`;
const history = async (client: Client, workflowId: string) => (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];

/** What the SDK itself writes in a marker and reads back: a patch's id, a local activity's type, attempt and times. */
const SDK_MARKER_DETAILS = new Set(['patch-data', 'data']);

/**
 * Every payload of a history, wherever the event keeps it, but the two kinds Temporal and the SDK
 * must read and so never pass to a codec: search attributes (status, province, category, lead
 * agency, deadline, overdue: what lists filter on) and the SDK's own marker details. A local
 * activity's result, kept in its marker, is the case's and is counted.
 */
function payloadsOf(events: unknown, opts: { evenTemporals?: boolean } = {}): Payload[] {
  const found: Payload[] = [];
  const walk = (v: unknown, inMarker: boolean) => {
    if (!v || typeof v !== 'object' || ArrayBuffer.isView(v)) return;
    if ('data' in v && 'metadata' in v && (v as Payload).data instanceof Uint8Array) found.push(v as Payload);
    for (const [k, child] of Object.entries(v))
      if (opts.evenTemporals || (k !== 'searchAttributes' && !(inMarker && SDK_MARKER_DETAILS.has(k))))
        walk(child, inMarker || k === 'markerRecordedEventAttributes');
  };
  walk(events, false);
  return found;
}
const encodingOf = (p: Payload) => Buffer.from(p.metadata?.encoding ?? []).toString();
const clear = (payloads: Payload[]) => payloads.map((p) => Buffer.from(p.data ?? []).toString('utf8')).join('\n');
const toJson = (p: Payload) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

let raw: Connection;
let rawClient: Client; // as the Temporal UI reads: no codec
beforeAll(async () => {
  raw = await Connection.connect({ address: inject('temporalAddress') });
  rawClient = new Client({ connection: raw });
});
afterAll(() => raw?.close());

describe('a KT1 case in Temporal', () => {
  let api: Awaited<ReturnType<typeof apiHarness>>;
  let caseId: string;
  beforeAll(async () => {
    api = await apiHarness();
    const carrier = await api.principal({ name: 'VNP', role: 'carrier', carrierId: 'VNP' });
    const body = detectionBody(`KT1-${randomBytes(3).toString('hex')}`, { kt1: true, description: DESCRIPTION });
    const res = await call(api.base, carrier.token, 'POST', '/v1/cases', body, { 'idempotency-key': randomBytes(8).toString('hex') });
    expect(res.status, res.text).toBe(201);
    caseId = res.body.id;
  });

  it('keeps the description out of the history in clear', async () => {
    const payloads = payloadsOf(await history(rawClient, caseId));
    expect(payloads.length).toBeGreaterThan(3);
    expect(clear(payloads)).not.toContain(DESCRIPTION);
    expect(clear(payloads)).not.toContain('linh kiện');
    expect(payloads.map(encodingOf).filter((e) => e !== 'binary/encrypted')).toEqual([]);
    expect(clear(payloadsOf(await history(rawClient, caseId), { evenTemporals: true }))).not.toContain(DESCRIPTION);
  });

  it('gives it back through the codec, and through the codec-server protocol the UI uses', async () => {
    const sealed = payloadsOf(await history(rawClient, caseId));
    const codec = new AesGcmPayloadCodec(TEST_CODEC_KEYS);
    expect(clear(await codec.decode(sealed))).toContain(DESCRIPTION);
    const answer = await codecServerResponse(codec, '/decode', { payloads: sealed.map(toJson) });
    expect(answer.status).toBe(200);
    const decoded = (answer.body as { payloads: { data: string }[] }).payloads.map((p) => Buffer.from(p.data, 'base64').toString('utf8'));
    expect(decoded.join('\n')).toContain(DESCRIPTION);
  });

  it('replays its sealed history through the codec', async () => {
    const handle = api.temporal.client.workflow.getHandle(caseId);
    await Worker.runReplayHistory(
      { workflowBundle: { codePath: inject('workflowBundlePath') }, dataConverter: caseDataConverter(TEST_CODEC_KEYS) },
      await handle.fetchHistory(),
      caseId,
    );
  });
});

describe('a key rotation', () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await migratedDatabase());
    await seedForCases(db);
  });

  it('keeps a running case readable and acting, seals what follows with the new key, and still replays', async () => {
    const before = caseDataConverter(parseCodecKeys(testKey('rot-1')));
    const after = caseDataConverter(parseCodecKeys(`${testKey('rot-2')},${testKey('rot-1')}`));
    const native = await NativeConnection.connect({ address: inject('temporalAddress') });
    const taskQueue = `rotation-${randomBytes(4).toString('hex')}`;
    const workerWith = (dataConverter: typeof before) =>
      createCaseWorker({
        connection: native,
        namespace: 'default',
        taskQueue,
        deps: { db, now: () => new Date() },
        dataConverter,
        bundlePath: inject('workflowBundlePath'),
      });
    const clientWith = (dataConverter: typeof before) => new Client({ connection: raw, dataConverter });
    const workflowId = `rotation-${randomBytes(4).toString('hex')}`;
    try {
      const first = await workerWith(before);
      await first.runUntil(async () => {
        const handle = await clientWith(before).workflow.start('caseWorkflow', {
          taskQueue,
          workflowId,
          args: [{ detection: detection(workflowId, { description: DESCRIPTION }) }],
        });
        await handle.executeUpdate(openCase);
      });
      const second = await workerWith(after);
      await second.runUntil(async () => {
        const handle = clientWith(after).workflow.getHandle(workflowId);
        expect((await handle.query(getCase)).status).toBe('NOTIFIED');
        const { view } = await handle.executeUpdate(act, {
          args: [{ actor: officer('TH-DEPT', 'dept-1'), action: { kind: 'acknowledge' } }],
        });
        expect(view.number).toBeTruthy();
      });
      const ids = new Set(
        payloadsOf(await history(rawClient, workflowId)).map((p) => Buffer.from(p.metadata!['encryption-key-id']!).toString()),
      );
      expect([...ids].sort()).toEqual(['rot-1', 'rot-2']);
      const events = await clientWith(after).workflow.getHandle(workflowId).fetchHistory();
      await Worker.runReplayHistory(
        { workflowBundle: { codePath: inject('workflowBundlePath') }, dataConverter: after },
        events,
        workflowId,
      );
      // a key dropped too early: the start of the case can no longer be opened, and the error names the key
      const dropped = new AesGcmPayloadCodec(parseCodecKeys(testKey('rot-2')));
      await expect(dropped.decode(payloadsOf(events.events))).rejects.toThrow(/"rot-1"/);
    } finally {
      await rawClient.workflow
        .getHandle(workflowId)
        .terminate('test finished')
        .catch(() => {});
      await native.close();
    }
  });
});
