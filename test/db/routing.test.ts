// One routing for two concerns: intake's pre-check (routingRefusal) and the planning activity
// (planCase) route a case with the same code over the administered agencies, so they agree.
import { ApplicationFailure } from '@temporalio/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlanning } from '../../activities/plan.js';
import type { Db } from '../../prisma/client.js';
import { patchAgency } from '../../prisma/reference/agencies.js';
import { routeOver, routingInput, routingRefusal } from '../../prisma/reference/routing.js';
import { loadReference } from '../../prisma/reference/snapshot.js';
import { detection, seedForCases } from '../support/cases.js';
import { migratedDatabase } from '../support/db.js';

let db: Db;
beforeAll(async () => {
  ({ db } = await migratedDatabase());
  await seedForCases(db);
}, 120_000);

const at = '2026-03-02T03:00:00.000Z';
const plan = () => createPlanning(db, () => new Date(at), 1, true).planCase(detection('ROUTE-1', { detectedAt: at }));

describe('routing', () => {
  it('opens a case with the route the intake check accepted', async () => {
    const d = detection('ROUTE-1', { detectedAt: at });
    expect(await routingRefusal(db, routingInput(d), new Date(at))).toBeNull();
    const route = routeOver(await loadReference(db), routingInput(d), new Date(at));
    expect(route).toEqual({
      leadAgencyId: 'TH-QLTT',
      agencyIds: ['TH-QLTT', 'TH-DEPT'],
      deptAgencyId: 'TH-DEPT',
      restricted: false,
      agencyKinds: ['QLTT', 'DEPT'], // the fields whose offences may apply follow them (LHAV Art. 6)
    });
    expect(await plan()).toMatchObject({ ...route, clockScale: 1, searchAttributes: true });
  });

  it('refuses at intake, and fails the plan for good, with the same reason when an agency is missing', async () => {
    await patchAgency(db, 'admin', 'TH-QLTT', { validTo: '2026-01-01' });
    const reason = await routingRefusal(db, routingInput(detection('ROUTE-1')), new Date(at));
    expect(reason).toBe('no QLTT agency at province TH on 2026-03-02');
    const failure = await plan().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ message: reason, type: 'RoutingError', nonRetryable: true });
  });
});
