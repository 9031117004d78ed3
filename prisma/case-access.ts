import type { Case } from './generated/client.js';
import type { CaseView } from '../domain/case-view.js';

/** The fields of a stored case that the access rules read. */
export function accessView(row: Case): CaseView {
  return {
    carrierId: row.carrierId,
    agencyIds: row.agencyIds,
    provinceCode: row.provinceCode,
    leadAgencyId: row.leadAgencyId,
    flags: { restricted: row.kt1 },
  } as CaseView;
}
