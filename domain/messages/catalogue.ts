/**
 * The shape of a message catalogue: one total record per key set (keys.ts), so that a label
 * missing in either language is a type error. Values are plain strings; `{name}` marks a value
 * filled in by `fill` (index.ts).
 */
import type {
  ActionKind,
  AgencyKind,
  CaseOriginKind,
  CaseOutcome,
  CaseStatus,
  CategoryCode,
  ClockId,
  ClockStart,
  DecisionOutcome,
  DetectionStage,
  EscalationTarget,
  EventType,
  InspectionFinding,
  Kt1Mode,
  PeriodKind,
  ProblemType,
  RefusalCode,
  ReportCode,
  ReportMetric,
  Role,
  ServiceMethod,
  TableId,
  ValidationCode,
  ViolationParty,
  ViolatorKind,
} from './keys.js';
import type { ReportPhrase } from './reports-vi.js';
import type { UiKey } from './vi.js';

export type Locale = 'vi' | 'en';

/** The periodic reports' words (reports-vi.ts): the printable page, the CSV export, tables and their rows. */
export interface ReportCatalogue {
  reportPhrase: Record<ReportPhrase, string>;
  reportTable: Record<TableId, string>;
  reportMetric: Record<ReportMetric, string>;
  reportCode: Record<ReportCode, string>;
  periodKind: Record<PeriodKind, string>;
  kt1Mode: Record<Kt1Mode, string>;
}

export interface Catalogue extends ReportCatalogue {
  /** BCP 47 tag for the page's `lang` attribute. */
  lang: string;
  status: Record<CaseStatus, string>;
  action: Record<ActionKind, string>;
  clock: Record<ClockId, string>;
  /** What a clock counts from. */
  clockStart: Record<ClockStart, string>;
  escalation: Record<EscalationTarget, string>;
  role: Record<Role, string>;
  agencyKind: Record<AgencyKind, string>;
  stage: Record<DetectionStage, string>;
  category: Record<CategoryCode, string>;
  outcome: Record<CaseOutcome, string>;
  violator: Record<ViolatorKind, string>;
  violationParty: Record<ViolationParty, string>;
  serviceMethod: Record<ServiceMethod, string>;
  decision: Record<DecisionOutcome, string>;
  /** How a case began (domain/case-origins.ts). */
  origin: Record<CaseOriginKind, string>;
  inspectionFinding: Record<InspectionFinding, string>;
  event: Record<EventType, string>;
  refusal: Record<RefusalCode, string>;
  problem: Record<ProblemType, string>;
  /** Beside a failing field; `{limit}` is the bound the value missed, when there is one. */
  validation: Record<ValidationCode, string>;
  /** Everything else the console shows: headings, buttons, field labels. */
  ui: Record<UiKey, string>;
}
