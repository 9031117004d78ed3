// prisma/webhooks/: endpoints and the delivery log as owners read them, the fan-out's rows, the
// sender's attempts, and the gauges read from them; on a real PostgreSQL, without HTTP.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.js';
import type { Db } from '../../prisma/client.js';
import { recordCaseWrite } from '../../prisma/cases/writes.js';
import { pipelineCounts } from '../../prisma/gauges.js';
import {
  managedDelivery,
  managedDeliveryPage,
  replayDelivery,
  type DeliveryCursor,
  type DeliveryFilter,
} from '../../prisma/webhooks/deliveries.js';
import {
  createEndpoint,
  disableEndpoint,
  listManagedEndpoints,
  managedEndpoint,
  ownerExists,
  type WebhookEndpointRow,
} from '../../prisma/webhooks/endpoints.js';
import { claimDueDeliveries, recordAttempt } from '../../prisma/webhooks/sending.js';
import { fanOut, newFanoutState } from '../../webhooks/fanout.js';
import { seedForCases } from '../support/cases.js';
import { migratedDatabase } from '../support/db.js';
import { ACTORS, everyPage, openStoredCase } from '../db/records.js';

let db: Db;
const ep: Record<string, WebhookEndpointRow> = {};
const vnp = ACTORS['carrier VNP']!;
const qltt = ACTORS['officer TH-QLTT']!;

const walk = (actor: Actor, filter: DeliveryFilter = {}) =>
  everyPage<DeliveryCursor>((after) => managedDeliveryPage(db, actor, filter, { after, limit: 1 }));

beforeAll(async () => {
  ({ db } = await migratedDatabase());
  await seedForCases(db);
  const endpoint = (name: string, owner: { type: 'carrier' | 'agency'; id: string }, eventTypes: string[] = []) =>
    createEndpoint(db, {
      owner,
      url: `https://example.com/${name}`,
      secret: 'whsec_MDEyMzQ1Njc4OWFiY2RlZg==',
      eventTypes,
      createdBy: 'admin',
    }).then((e) => (ep[name] = e));
  await endpoint('vnp', { type: 'carrier', id: 'VNP' });
  await endpoint('qltt', { type: 'agency', id: 'TH-QLTT' }, ['DETECTED']);
  await endpoint('hn-police', { type: 'agency', id: 'HN-POLICE' });
  await endpoint('vtp', { type: 'carrier', id: 'VTP' });
  const th = await openStoredCase(db, 'HOOK-TH');
  await openStoredCase(db, 'HOOK-HN', { carrierId: 'VTP', provinceCode: 'HN', categoryCode: 'NARCOTICS' });
  const note = { caseId: th.id, seq: 2, type: 'NOTE_ADDED', actor: qltt, at: '2026-03-02T05:00:00.000Z', payload: { note: 'x' } };
  await recordCaseWrite(db, { event: note, view: th, notices: [{ recipient: 'carrier:VNP', kind: 'NOTE', payload: { for: 'VNP' } }] });
  expect(await fanOut(db, newFanoutState())).toEqual({ events: 3, deliveries: 5 });
}, 120_000);

describe('webhook records', () => {
  it('delivers each event to the owners who may see its case, through their filters, with their own notices', async () => {
    const rows = await db.webhookDelivery.findMany({ orderBy: [{ eventId: 'asc' }, { endpointId: 'asc' }] });
    const by = (name: string) => rows.filter((r) => r.endpointId === ep[name]!.id).map((r) => r.eventType);
    expect([by('vnp'), by('qltt'), by('hn-police'), by('vtp')]).toEqual([
      ['DETECTED', 'NOTE_ADDED'],
      ['DETECTED'],
      ['DETECTED'],
      ['DETECTED'],
    ]);
    const note = rows.find((r) => r.eventType === 'NOTE_ADDED')!;
    expect(note.payload).toMatchObject({ type: 'case.note_added', data: { seq: 2, notices: [{ kind: 'NOTE', payload: { for: 'VNP' } }] } });
  });

  it('shows each actor the endpoints it manages, and no other', async () => {
    const names = async (a: Actor) => (await listManagedEndpoints(db, a)).map((e) => e.url.split('/').pop());
    expect(await names(ACTORS.admin!)).toEqual(['vnp', 'qltt', 'hn-police', 'vtp']);
    expect(await names(vnp)).toEqual(['vnp']);
    expect(await names(qltt)).toEqual(['qltt']);
    expect(await names(ACTORS['national manager']!)).toEqual([]);
    expect((await managedEndpoint(db, vnp, ep.vnp!.id))?.id).toBe(ep.vnp!.id);
    expect(await managedEndpoint(db, vnp, ep.vtp!.id)).toBeNull();
    expect([await ownerExists(db, { type: 'carrier', id: 'VTP' }), await ownerExists(db, { type: 'agency', id: 'XX-POLICE' })]).toEqual([
      true,
      false,
    ]);
  });

  it('pages an owner’s deliveries newest event first, and filters them', async () => {
    const all = await managedDeliveryPage(db, ACTORS.admin!, {}, { after: null, limit: 100 });
    expect(all.rows.map((r) => r.eventId)).toEqual([...all.rows.map((r) => r.eventId)].sort((a, b) => Number(b - a)));
    expect(await walk(ACTORS.admin!)).toEqual(all.rows.map((r) => r.id));
    expect(await walk(vnp)).toHaveLength(2);
    expect(await walk(vnp, { endpointId: ep.vtp!.id })).toEqual([]);
    expect(await walk(ACTORS.admin!, { caseId: 'case:VTP:HOOK-HN' })).toHaveLength(2);
    expect(await walk(qltt, { status: 'DELIVERED' })).toEqual([]);
  });

  it('records attempts until a delivery fails, then replays it for a fresh round', async () => {
    const [claimed] = await claimDueDeliveries(db, 1, 60_000);
    expect(await claimDueDeliveries(db, 10, 60_000)).toHaveLength(4); // the leased one is not claimed twice
    const at = new Date();
    await recordAttempt(
      db,
      claimed!.id,
      { at, statusCode: 500, error: null, durationMs: 3 },
      {
        delivered: false,
        attemptCount: 1,
        failed: true,
        nextAttemptAt: at,
      },
    );
    const admin = ACTORS.admin!;
    expect(await managedDelivery(db, admin, claimed!.id)).toMatchObject({
      status: 'FAILED',
      attemptCount: 1,
      attempts: [{ statusCode: 500 }],
    });
    expect(await managedDelivery(db, ACTORS['national manager']!, claimed!.id)).toBeNull(); // manages no endpoint
    expect(await replayDelivery(db, claimed!.id)).toMatchObject({ status: 'PENDING', attemptCount: 0, attempts: [{ statusCode: 500 }] });
    expect(await pipelineCounts(db)).toEqual({
      casesByStatus: [{ status: 'DETECTED', n: 2 }],
      overdueOpenCases: 0,
      deliveriesByStatus: [{ status: 'PENDING', n: 5 }],
      failedAttempts: 1,
    });
  });

  it('disables an endpoint once, cancelling what it had pending', async () => {
    expect(await disableEndpoint(db, ep.vnp!)).toBe(true);
    const disabled = (await managedEndpoint(db, vnp, ep.vnp!.id))!;
    expect(disabled.disabledAt).not.toBeNull();
    expect(await disableEndpoint(db, disabled)).toBe(false);
    expect(await walk(vnp, { status: 'CANCELLED' })).toHaveLength(2);
  });
});
