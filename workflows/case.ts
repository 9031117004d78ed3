import { condition, proxyActivities, setHandler, workflowInfo, upsertSearchAttributes } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import {
  CaseCategoryKey,
  CaseProvinceKey,
  CaseStatusKey,
  getCase,
  openCase,
  type CaseView,
  type DetectionInput,
} from './definitions.js';

const acts = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** One enforcement case, from detection to closure (domain.md section 4). */
export async function caseWorkflow(input: DetectionInput): Promise<CaseView> {
  const caseId = workflowInfo().workflowId;
  const view: CaseView = {
    id: caseId,
    number: null,
    carrierId: input.carrierId,
    carrierRef: input.carrierRef,
    provinceCode: input.provinceCode,
    categoryCode: input.categoryCode,
    status: 'DETECTED',
    leadAgencyId: null,
    agencyIds: [],
    overdue: false,
    nextDeadlineAt: null,
    deadlines: [],
    fineVnd: null,
    paidVnd: 0,
    interestVnd: 0,
    outcome: null,
    closedAt: null,
    lastSeq: 0,
  };
  setHandler(getCase, () => view);
  setHandler(openCase, async () => {
    await condition(() => view.number !== null);
    return view;
  });

  // 1. Detected: the case exists in the system of record before anyone is told.
  const { number } = await acts.registerCase({
    caseId,
    carrierId: input.carrierId,
    carrierRef: input.carrierRef,
    trackingNumber: input.trackingNumber,
    provinceCode: input.provinceCode,
    categoryCode: input.categoryCode,
    stage: input.stage,
    crossBorder: input.crossBorder,
    kt1: input.kt1,
    signsOfCrime: input.signsOfCrime,
    event: { caseId, seq: 1, type: 'DETECTED', actor: input.reportedBy, at: new Date().toISOString(), payload: input },
    snapshot: view,
  });
  view.number = number;
  view.lastSeq = 1;
  upsertSearchAttributes([
    { key: CaseStatusKey, value: view.status },
    { key: CaseProvinceKey, value: view.provinceCode },
    { key: CaseCategoryKey, value: view.categoryCode },
  ] as never);
  return view;
}
