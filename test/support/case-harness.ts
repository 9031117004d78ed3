import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { Db } from '../../prisma/client.js';
import type { Actor } from '../../domain/access.js';
import type { CaseAction } from '../../domain/case-actions.js';
import type { CaseView } from '../../domain/case-view.js';
import { createCaseWorker } from '../../worker/create-worker.js';
import { act, caseWorkflowId, getCase, openCase, type CaseWorkflowInput, type DetectionInput, type RefusalDetails } from '../../workflows/definitions.js';
import type { caseWorkflow } from '../../workflows/case.js';
import { detection } from './cases.js';

/** A case worker on a time-skipping (or any) test environment, sharing the run's workflow bundle. */
export async function caseWorker(env: TestWorkflowEnvironment, db: Db, opts: { clockScale?: number } = {}): Promise<{ worker: Worker; taskQueue: string }> {
  const taskQueue = `cases-${randomBytes(4).toString('hex')}`;
  const worker = await createCaseWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    deps: { db, now: () => new Date(), clockScale: opts.clockScale, searchAttributes: false },
    bundlePath: inject('workflowBundlePath'),
  });
  return { worker, taskQueue };
}

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

  do(actor: Actor, action: CaseAction): Promise<CaseView> {
    return this.handle.executeUpdate(act, { args: [{ action, actor }] });
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

  view(): Promise<CaseView> {
    return this.handle.query(getCase);
  }
}

/** Events of a case as stored, in order. */
export async function eventsOf(db: Db, caseId: string) {
  return db.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
}

export const uniqueRef = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex')}`;
