import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Actor } from '../../domain/access.js';
import type { CaseAction } from '../../domain/case-actions.js';
import type { CaseView } from '../../domain/case-view.js';
import {
  act,
  caseWorkflowId,
  getCase,
  openCase,
  type CaseWorkflowInput,
  type DetectionInput,
  type RefusalDetails,
} from '../../workflows/definitions.js';
import type { caseWorkflow } from '../../workflows/case.js';
import { detection } from './cases.js';

/** Drives one case through its Updates, as the API will. */
export class CaseDriver {
  constructor(
    readonly handle: WorkflowHandle<typeof caseWorkflow>,
    readonly id: string,
  ) {}

  static async open(env: TestWorkflowEnvironment, taskQueue: string, d: DetectionInput | string, extra: Partial<CaseWorkflowInput> = {}) {
    const det = typeof d === 'string' ? detection(d) : d;
    const workflowId = caseWorkflowId(det.carrierId, det.carrierRef);
    const handle = await env.client.workflow.start<typeof caseWorkflow>('caseWorkflow', {
      taskQueue,
      workflowId,
      args: [{ detection: det, ...extra }],
    });
    const driver = new CaseDriver(handle, workflowId);
    await handle.executeUpdate(openCase);
    return driver;
  }

  async do(actor: Actor, action: CaseAction): Promise<CaseView> {
    return (await this.handle.executeUpdate(act, { args: [{ action, actor }] })).view;
  }

  /** The refusal of an action that must be refused (fails the test if it is accepted). */
  async refused(actor: Actor, action: CaseAction): Promise<RefusalDetails> {
    try {
      await this.do(actor, action);
    } catch (e) {
      if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) return e.cause.details?.[0] as RefusalDetails;
      throw e;
    }
    throw new Error(`${action.kind} by ${actor.id} was accepted but should have been refused`);
  }

  /** The case now, by the server's clock when given (see getCase). */
  view(asOfMs?: number): Promise<CaseView> {
    return this.handle.query(getCase, asOfMs === undefined ? undefined : new Date(asOfMs).toISOString());
  }
}
