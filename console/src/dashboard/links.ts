/** The inbox addresses that list the cases behind each figure of the dashboard. */
import type { CaseStatus } from '../../../domain/messages/index.js';

const inbox = (p: Record<string, string>) => `/?${new URLSearchParams(p).toString()}`;

export const casesWithStatus = (status: CaseStatus) => inbox({ status });
export const casesLedBy = (agencyId: string | null) => inbox({ leadAgency: agencyId ?? '' });
export const overdueCasesLedBy = (agencyId: string | null) => inbox({ leadAgency: agencyId ?? '', overdue: 'true' });
export const casesDetectedIn = (m: { from: string; to: string }) => inbox({ detectedFrom: m.from, detectedTo: m.to, closed: 'true' });
