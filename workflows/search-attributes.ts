/** Keeps Temporal UI's filters in step with the case (the namespace must have the search attributes). */
import { upsertSearchAttributes } from '@temporalio/workflow';
import type { CasePlan } from '../domain/case-step.js';
import type { CaseView } from '../domain/case-view.js';
import { CaseCategoryKey, CaseLeadAgencyKey, CaseNextDeadlineKey, CaseOverdueKey, CaseProvinceKey, CaseStatusKey } from './definitions.js';

/** Publishes the case's status, lead, overdue flag and next deadline; `first` adds what never changes. */
export function publish(plan: CasePlan, view: CaseView, first = false): void {
  if (!plan.searchAttributes) return;
  const next = view.deadlines.map((d) => d.dueAt).sort()[0];
  upsertSearchAttributes([
    { key: CaseStatusKey, value: view.status },
    { key: CaseLeadAgencyKey, value: view.leadAgencyId ?? '' },
    { key: CaseOverdueKey, value: view.flags.overdue },
    { key: CaseNextDeadlineKey, value: next ? new Date(next) : null },
    ...(first
      ? [
          { key: CaseProvinceKey, value: view.provinceCode },
          { key: CaseCategoryKey, value: view.categoryCode },
        ]
      : []),
  ] as never);
}
