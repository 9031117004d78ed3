/**
 * Cases an agency opens (domain/case-origins.ts): an emergency stop it asks a carrier for (TH
 * §7(b)) and a violation its inspection of a carrier found (CT 28 §3, §5, §8; TH §1(b), §2(b)).
 * Each is a case of the one case workflow, started as intake starts it; its id comes from the
 * officer's Idempotency-Key, so a retry finds the same case and never opens a second.
 */
import { WithStartWorkflowOperation } from '@temporalio/client';
import { agencyCaseRefusal, canOpenAgencyCases, tipScope, type Actor } from '../../domain/access.js';
import type { AgencyOrigin } from '../../domain/case-origins.js';
import { allowedActions as allowedFor } from '../../domain/case-states.js';
import { carrierExists } from '../../prisma/carriers.js';
import { categoryExists, provinceExists } from '../../prisma/reference/reads.js';
import { routingInput, routingRefusal } from '../../prisma/reference/routing.js';
import { tipInScope } from '../../prisma/tips.js';
import { caseWorkflowId, openCase, type DetectionInput, type OpenedCase } from '../../workflows/definitions.js';
import type { caseWorkflow } from '../../workflows/case.js';
import type { Services } from '../deps.js';
import { idempotent, requestFingerprint } from '../http/idempotency.js';
import { keyedId } from '../http/keyed-ids.js';
import { allow, location, operation, type Operation } from '../http/operation.js';
import { problem } from '../http/problems.js';
import { updateResult } from '../http/temporal-deadlines.js';
import { EmergencyStopBody, InspectionFindingBody } from '../schemas/agency-cases.js';
import { IdempotencyKeyHeader } from '../schemas/requests.js';
import { CaseResourceSchema } from '../schemas/responses.js';
import { openedSinceIncident } from './cases.js';
import { caseResource, replayedHeader } from './case-responses.js';
import { incidentProblem } from './incidents.js';
import type { Request, Response } from 'express';

/** What differs between the two ways in: the case's own reference and what it opens with. */
interface AgencyOpening {
  /** Prefixes the case's reference: `~` never occurs in a carrier's own (carrierRefSchema), so the two never meet. */
  ref: 'stop' | 'inspection';
  detection: (actor: Actor, carrierRef: string) => DetectionInput;
}

const unknownReference = (what: string) =>
  problem(422, 'unknown-reference', 'Unknown reference', `${what} is not in the reference data or not visible to you.`);

/** Opens the case once per Idempotency-Key and answers 201 with it, as intake does. */
async function openAgencyCase(
  path: string,
  opening: AgencyOpening,
  call: {
    headers: { 'Idempotency-Key': string };
    body: { carrierId: string; provinceCode: string; tipId?: string };
    req: Request;
    res: Response;
    deps: Services;
  },
): Promise<void> {
  const { headers, body, req, res, deps } = call;
  const { db, temporal } = deps;
  const actor = req.actor;
  const key = headers['Idempotency-Key'];
  const refusal = agencyCaseRefusal(actor, body.provinceCode);
  if (refusal) throw problem(403, 'forbidden', 'Forbidden', refusal);
  const intake = keyedId('intake', actor.id, key);
  const result = await idempotent(
    db,
    { principalId: actor.id, key, fingerprint: requestFingerprint('POST', path, body), staleMs: deps.idempotencyStaleMs },
    async () => {
      const carrierRef = `${opening.ref}~${intake.slice('intake-'.length)}`;
      const detection = opening.detection(actor, carrierRef);
      const [carrier, category, province, tip, unroutable] = await Promise.all([
        carrierExists(db, body.carrierId),
        categoryExists(db, detection.categoryCode),
        provinceExists(db, body.provinceCode),
        body.tipId ? tipInScope(db, tipScope(actor)!, body.tipId) : null,
        routingRefusal(db, routingInput(detection), new Date()),
      ]);
      if (!carrier) throw unknownReference(`carrierId ${body.carrierId}`);
      if (!category || !province)
        throw unknownReference(!category ? `categoryCode ${detection.categoryCode}` : `provinceCode ${body.provinceCode}`);
      if (body.tipId && !tip) throw unknownReference(`tipId ${body.tipId}`);
      if (unroutable)
        throw problem(422, 'unroutable', 'No agency to route the case to', `The reference data cannot route this case: ${unroutable}.`);
      const workflowId = caseWorkflowId(body.carrierId, carrierRef);
      const startWorkflowOperation = new WithStartWorkflowOperation<typeof caseWorkflow>('caseWorkflow', {
        workflowId,
        taskQueue: deps.taskQueue,
        args: [{ detection, intake }],
        workflowIdConflictPolicy: 'USE_EXISTING', // a retry of the key: the same case
      });
      let opened: OpenedCase;
      try {
        opened = await updateResult(
          temporal.connection,
          temporal.client.workflow.startUpdateWithStart(openCase, { startWorkflowOperation, waitForStage: 'ACCEPTED', updateId: intake }),
        );
      } catch (e) {
        const held = incidentProblem(e, res, 'intake');
        if (!held) throw e;
        const resumed = await openedSinceIncident(temporal.client, workflowId, intake);
        if (!resumed) throw held;
        opened = resumed;
      }
      return { status: 201, body: caseResource(opened.view, allowedFor(opened.view, actor, Date.now())) };
    },
  );
  if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
  res
    .status(result.status)
    .location(`/v1/cases/${(result.body as { id: string }).id}`)
    .json(result.body);
}

const idempotencyKey = {
  'Idempotency-Key': {
    schema: IdempotencyKeyHeader,
    required: true as const,
    description: 'A unique key per request; retry with the same key',
  },
};
const created = (what: string) => ({
  201: {
    description: `${what} (or, on a replay, had been)`,
    schema: CaseResourceSchema,
    headers: { ...location('The case'), 'Idempotent-Replayed': replayedHeader },
  },
});
const agencies = allow(canOpenAgencyCases, 'open agency cases');

export const agencyCaseOperations: Operation[] = [
  operation({
    method: 'post',
    path: '/v1/emergency-stops',
    operationId: 'requestEmergencyStop',
    summary: 'Ask a carrier to hold an item (emergency stop, TH §7(b))',
    description:
      'An officer of a competent agency names an item; the carrier is notified (notice and webhook) and the hold-confirmation clock runs. ' +
      'Once the carrier confirms the hold, the routed agencies are notified and the case follows the procedure with the requesting agency as lead. ' +
      'Idempotent per Idempotency-Key: a retry gets the same case.',
    tags: ['Cases'],
    access: agencies,
    headers: idempotencyKey,
    body: {
      schema: EmergencyStopBody,
      required: true,
      example: {
        carrierId: 'VNP',
        trackingNumber: 'EE123456789VN',
        provinceCode: 'TH',
        categoryCode: 'BANNED_TRADE',
        reason: 'Nghi vận chuyển pháo nổ',
        legalBasis: 'Chỉ thị UBND tỉnh Thanh Hóa, mục 7 điểm b',
      },
    },
    responses: created('The emergency stop was requested'),
    problems: [400, 403, 409, 413, 415, 422, 503],
    handler: (call) =>
      openAgencyCase(
        '/v1/emergency-stops',
        {
          ref: 'stop',
          detection: (actor, carrierRef) => {
            const b = call.body;
            const origin: AgencyOrigin = { kind: 'EMERGENCY_STOP', agencyId: actor.agencyId!, reason: b.reason, legalBasis: b.legalBasis };
            return {
              carrierId: b.carrierId,
              carrierRef,
              trackingNumber: b.trackingNumber,
              servicePoint: b.servicePoint ?? '',
              provinceCode: b.provinceCode,
              stage: b.stage,
              categoryCode: b.categoryCode,
              description: b.reason,
              crossBorder: b.crossBorder,
              kt1: false,
              signsOfCrime: b.signsOfCrime,
              evidence: [],
              reportedBy: actor,
              origin,
              ...(b.tipId ? { tipId: b.tipId } : {}),
            };
          },
        },
        call,
      ),
  }),
  operation({
    method: 'post',
    path: '/v1/inspection-findings',
    operationId: 'recordInspectionFinding',
    summary: 'Record a violation an inspection of a carrier found (CT 28 §3, §5, §8)',
    description:
      'The provincial department or another competent agency records what it found inspecting a carrier or a service point, not tied to one parcel. ' +
      'The case opens at VIOLATION_CONFIRMED with the carrier as violator and the recording agency as lead: the record, sanction, payment clocks follow. ' +
      'Idempotent per Idempotency-Key: a retry gets the same case.',
    tags: ['Cases'],
    access: agencies,
    headers: idempotencyKey,
    body: {
      schema: InspectionFindingBody,
      required: true,
      example: {
        carrierId: 'VNP',
        provinceCode: 'TH',
        finding: 'NOT_INSPECTED',
        description: 'Bưu cục không kiểm tra nội dung bưu gửi trước khi chấp nhận',
        legalBasis: 'Chỉ thị 28/CT-BTTTT mục 8; NĐ 15/2020',
        servicePoint: 'Bưu cục Hoằng Hóa',
      },
    },
    responses: created('The finding was recorded'),
    problems: [400, 403, 409, 413, 415, 422, 503],
    handler: (call) =>
      openAgencyCase(
        '/v1/inspection-findings',
        {
          ref: 'inspection',
          detection: (actor, carrierRef) => {
            const b = call.body;
            const origin: AgencyOrigin = {
              kind: 'INSPECTION',
              agencyId: actor.agencyId!,
              finding: b.finding,
              legalBasis: b.legalBasis,
              ...(b.violationDate ? { violationDate: b.violationDate } : {}),
            };
            return {
              carrierId: b.carrierId,
              carrierRef,
              trackingNumber: '',
              servicePoint: b.servicePoint ?? '',
              provinceCode: b.provinceCode,
              stage: b.stage,
              categoryCode: b.categoryCode,
              description: b.description,
              crossBorder: false,
              kt1: false,
              signsOfCrime: false,
              evidence: [],
              reportedBy: actor,
              origin,
              ...(b.inspectedAt ? { detectedAt: b.inspectedAt } : {}),
              ...(b.tipId ? { tipId: b.tipId } : {}),
            };
          },
        },
        call,
      ),
  }),
];
