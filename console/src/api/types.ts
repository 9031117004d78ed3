/**
 * What the API answers, as the console reads it. The case itself is the domain's CaseView; the
 * rest mirrors the API's response schemas (api/response-schemas.ts, api/console/schemas.ts).
 */
import type { AssignmentView, CaseView } from '../../../domain/case-view.js';
import type { DeadlineView } from '../../../domain/clocks.js';
import type { AuthorityCap, FineRule } from '../../../domain/fines.js';
import type { ActionKind, AgencyKind, CaseStatus, ClockId, EscalationTarget, Role } from '../../../domain/messages/index.js';

/** The fine schedule and authority caps are served as the domain holds them. */
export type { AuthorityCap, CaseView, DeadlineView, FineRule };

export interface CaseResource extends Omit<CaseView, 'assignee'> {
  assignee: AssignmentView | null;
  allowedActions: ActionKind[];
  links: { self: string; history: string };
}

export interface CaseSummary {
  id: string;
  number: string;
  status: CaseStatus;
  carrierId: string;
  trackingNumber: string;
  provinceCode: string;
  categoryCode: string;
  leadAgencyId: string | null;
  assignee: { id: string; name: string } | null;
  flags: { crossBorder: boolean; kt1: boolean; signsOfCrime: boolean; overdue: boolean };
  nextDeadlineAt: string | null;
  deadlines: DeadlineView[];
  detectedAt: string;
}

/** Whom a case can be assigned to (GET /v1/cases/{id}/assignees). */
export interface AssigneeList {
  items: { id: string; name: string; role: 'officer' | 'manager'; agencyId: string }[];
}

/** GET /v1/principals: people and systems, with their keys (never secrets). */
export interface Principal {
  id: string;
  name: string;
  role: Exclude<Role, 'system'>;
  carrierId: string | null;
  agencyId: string | null;
  provinceCode: string | null;
  title: string | null;
  keys: { id: string; prefix: string; name: string; revokedAt: string | null }[];
}

export interface Carrier {
  id: string;
  name: string;
}

/** GET /v1/dashboard. */
export interface Dashboard {
  openByStatus: { status: CaseStatus; count: number }[];
  openByAgency: { agencyId: string | null; count: number }[];
  overdueByAgency: { agencyId: string | null; count: number }[];
  months: {
    month: string;
    from: string;
    to: string;
    cases: number;
    onTime: number;
    sanctions: number;
    imposedVnd: number;
    collectedVnd: number;
  }[];
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface HistoryEvent {
  seq: number;
  at: string;
  type: string;
  actor: { id: string | null; role: string; agencyId: string | null };
  from: string | null;
  to: string | null;
  reason: string | null;
}

export interface HistoryPage {
  caseId: string;
  number: string;
  events: HistoryEvent[];
  next: string | null;
}

export interface Session {
  principal: {
    id: string;
    name: string;
    role: Exclude<Role, 'carrier' | 'system'>;
    agencyId: string | null;
    provinceCode: string | null;
    title: string | null;
  };
  csrfToken: string;
  expiresAt: string;
  idleTimeoutSeconds: number;
}

export interface Notice {
  id: string;
  caseId: string;
  caseNumber: string | null;
  seq: number;
  kind: string;
  createdAt: string;
  readAt: string | null;
}

export interface NoticePage extends Page<Notice> {
  unreadCount: number;
}

export interface Agency {
  id: string;
  kind: AgencyKind;
  provinceCode: string | null;
  name: string;
  nameEn: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface Category {
  code: string;
  labelVi: string;
  labelEn: string;
  primaryAgency: AgencyKind;
  alsoNotify: AgencyKind[];
  offenceCode: string;
}

export interface DeadlinePolicy {
  clock: ClockId;
  startsAt: string;
  limitValue: number;
  unit: 'HOURS' | 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'MONTHS' | 'YEARS';
  legalBasis: string;
  escalationChain: EscalationTarget[];
  verify: boolean;
}

export interface CalendarDay {
  date: string;
  name: string;
  kind: 'HOLIDAY' | 'MAKE_UP_WORKDAY';
}
