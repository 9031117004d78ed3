// What the prisma/ module tests share: cases written the way the workflow's activities write them
// (prisma/cases/writes.ts) without a workflow, the test actors, and a walk over keyset pages.
import type { Actor } from '../../domain/access.js';
import { openedCase } from '../../domain/case-apply.js';
import type { CaseView } from '../../domain/case-view.js';
import type { Db } from '../../prisma/client.js';
import { registerCase } from '../../prisma/cases/writes.js';
import { routeOver, routingInput } from '../../prisma/reference/routing.js';
import { loadReference } from '../../prisma/reference/snapshot.js';
import type { DetectionInput } from '../../workflows/definitions.js';
import { detection } from '../support/cases.js';

/** Registers a case (its row, number and DETECTED event) and returns the view the workflow would hold. */
export async function openStoredCase(db: Db, carrierRef: string, over: Partial<DetectionInput> = {}): Promise<CaseView> {
  const d = detection(carrierRef, { detectedAt: '2026-03-02T03:00:00.000Z', ...over });
  const route = routeOver(await loadReference(db), routingInput(d), new Date(d.detectedAt!));
  const view = openedCase({
    id: `case:${d.carrierId}:${carrierRef}`,
    number: '',
    carrierId: d.carrierId,
    carrierRef,
    trackingNumber: d.trackingNumber,
    provinceCode: d.provinceCode,
    categoryCode: d.categoryCode,
    stage: d.stage,
    detectedAt: d.detectedAt!,
    leadAgencyId: route.leadAgencyId,
    agencyIds: route.agencyIds,
    crossBorder: d.crossBorder,
    kt1: d.kt1,
    signsOfCrime: d.signsOfCrime,
    restricted: route.restricted,
  });
  const event = { caseId: view.id, seq: 1, type: 'DETECTED', actor: d.reportedBy, at: d.detectedAt!, payload: { detection: d } };
  const { number } = await registerCase(db, { view, event, notices: [], detection: d });
  return { ...view, number };
}

/** The test actors, one per kind of scope the access rules know. */
export const ACTORS: Record<string, Actor> = {
  admin: { id: 'admin', role: 'admin' },
  'carrier VNP': { id: 'c-vnp', role: 'carrier', carrierId: 'VNP' },
  'carrier VTP': { id: 'c-vtp', role: 'carrier', carrierId: 'VTP' },
  'carrier without a carrier': { id: 'c-none', role: 'carrier', carrierId: null },
  'officer TH-QLTT': { id: 'o-th-qltt', role: 'officer', agencyId: 'TH-QLTT', agencyKind: 'QLTT', provinceCode: 'TH' },
  'officer HN-POLICE': { id: 'o-hn-police', role: 'officer', agencyId: 'HN-POLICE', agencyKind: 'POLICE', provinceCode: 'HN' },
  'officer of the inspectorate': { id: 'o-insp', role: 'officer', agencyId: 'NATIONAL-INSPECTORATE', agencyKind: 'INSPECTORATE' },
  'officer NATIONAL-KT1': { id: 'o-kt1', role: 'officer', agencyId: 'NATIONAL-KT1', agencyKind: 'KT1' },
  'manager TH-DEPT': { id: 'm-th-dept', role: 'manager', agencyId: 'TH-DEPT', agencyKind: 'DEPT', provinceCode: 'TH' },
  'manager TH-POLICE': { id: 'm-th-police', role: 'manager', agencyId: 'TH-POLICE', agencyKind: 'POLICE', provinceCode: 'TH' },
  'national manager': { id: 'm-national', role: 'manager', agencyId: null, provinceCode: null },
};

/** The ids of every page of a keyset list, walked with its cursors from the first page. */
export async function everyPage<C>(page: (after: C | null) => Promise<{ rows: { id: string }[]; next: C | null }>): Promise<string[]> {
  const ids: string[] = [];
  let after: C | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const p = await page(after);
    ids.push(...p.rows.map((r) => r.id));
    if (!p.next) return ids;
    after = p.next;
  }
  throw new Error('the cursor never reached the last page');
}
