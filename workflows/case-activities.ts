/**
 * How the case workflow calls its activities, and which revisions of the procedure it runs.
 * Timeouts and retries: docs/incidents.md, "Activity timeouts and retries".
 */
import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/index.js';
import type { Revisions } from '../domain/case-step.js';

// Every attempt is retried without limit — a database outage must not lose a step — soon after the
// database is back (at most 2 s apart); what PostgreSQL refuses for good is not retried but held
// in an incident (./incidents.ts).
const retry = { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds' };

/** One transaction each, milliseconds of work: an attempt lost with its worker is retried after 5 s. */
export const records = proxyActivities<CaseActivities>({ startToCloseTimeout: '5 seconds', retry });

/** Planning reads the whole reference snapshot once per case: a little more room. */
const planning = proxyActivities<CaseActivities>({ startToCloseTimeout: '10 seconds', retry });

// The intake's writes run inside the workflow task that took the update-with-start: one round trip
// through Temporal where scheduled activities took four (issue 18). Each is idempotent, and the
// task completes (and the intake answers) only once they have returned.
const local = proxyLocalActivities<CaseActivities>({ startToCloseTimeout: '10 seconds', retry });

/** What writes a step's event: a scheduled activity, or a local one during the intake. */
export type Writer = Pick<CaseActivities, 'recordEvent'>;

/** v6: plan, register and notify as local activities; cases opened before ran them as activities. */
export const intakeActivities = () =>
  patched('intake-local-activities') ? { plan: local, write: local } : { plan: planning, write: records };

// v3: import/export-related goods start with the 2-year sanctioning limitation.
// v5: the limitation follows the field of the offence (domain/sanctioning-limitation.ts).
export const revisions = (): Revisions => ({
  importExportLimitation: patched('import-export-limitation'),
  offenceFieldLimitation: patched('offence-field-limitation'),
});
