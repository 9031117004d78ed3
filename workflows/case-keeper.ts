/**
 * What the case workflow keeps between steps: the case's state, and its events written one at a
 * time in sequence order, each stored as a chained audit event before its Update answers; a write
 * PostgreSQL refuses for good holds the case in an incident (./incidents.ts) until an
 * administrator retries it.
 */
import { allHandlersFinished, condition, workflowInfo } from '@temporalio/workflow';
import * as steps from '../domain/case-step.js';
import { records, type Writer } from './case-activities.js';
import { notReady } from './case-refusals.js';
import type { CaseWorkflowInput } from './definitions.js';
import { incidentDesk, type IncidentDesk } from './incidents.js';
import { publish } from './search-attributes.js';

export class CaseKeeper {
  state: steps.CaseState | null;
  /** Set by every recorded step: the main loop wakes to re-read the clocks. */
  changed = false;
  private writes: Promise<unknown> = Promise.resolve();
  readonly desk: IncidentDesk;

  constructor(private readonly input: CaseWorkflowInput) {
    this.state = input.resume ?? null;
    const { detection } = input;
    this.desk = incidentDesk(records, workflowInfo().workflowId, () => {
      const v = this.state?.view;
      return v
        ? { carrierId: v.carrierId, provinceCode: v.provinceCode, agencyIds: v.agencyIds, restricted: v.flags.restricted }
        : { carrierId: detection.carrierId, provinceCode: detection.provinceCode, agencyIds: [], restricted: detection.kt1 };
    });
  }

  /** The case once opened; queries and actions before that are refused as not ready. */
  opened(): steps.CaseState {
    return this.state ?? notReady();
  }

  /** Records a step's event and notices after those before it, and waits until they are stored. */
  record(step: steps.Step, via: Writer = records): Promise<unknown> {
    this.state = step.state;
    const { seq, type } = step.write.event;
    this.writes = this.writes.then(() =>
      this.desk.attempt({ activity: 'recordEvent', step: { seq, type } }, () => via.recordEvent(step.write)),
    );
    publish(this.state.plan, step.write.view);
    this.changed = true;
    return this.writes;
  }

  /** Takes the clocks that are due off the case: what is left to escalate. */
  dueEscalations(): steps.DueEscalation[] {
    const { state, due } = steps.dueEscalations(this.opened(), new Date());
    this.state = state;
    return due;
  }

  /** The history is long enough to continue as new. */
  tooLong(): boolean {
    return workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > (this.input.historyLimit ?? Infinity);
  }

  /** Every handler has finished and every event is stored. */
  settled(): Promise<unknown> {
    return condition(allHandlersFinished).then(() => this.writes);
  }

  /** Every event recorded so far is stored. */
  stored(): Promise<unknown> {
    return this.writes;
  }
}
