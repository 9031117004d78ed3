/**
 * The form of every action a person may take, built from the case's allowed actions: which
 * endpoint it posts to, its fields, and the body the fields make. Keyed by action kind, so an
 * action added to the domain without a form here fails the build; the system's own steps have none.
 */
import type { ActionKind, UiKey } from '../../../domain/messages/index.js';
import type { CaseResource } from '../api/types.js';

type Options = 'violationParty' | 'violator' | 'serviceMethod' | 'decision' | 'clocks' | 'extensions' | 'assignees';

export interface FieldSpec {
  /** The body field it fills (dots for nested paths, as the API names failing fields). */
  name: string;
  label: UiKey;
  type: 'text' | 'textarea' | 'number' | 'date' | 'checkbox' | 'select';
  options?: Options;
  optional?: boolean;
  /** A select's first, empty choice, when it means something ("I take it myself"). */
  emptyLabel?: UiKey;
  /** Shown only while another field has one of these values. */
  when?: { field: string; in: string[] };
}

export interface FormSpec {
  endpoint: string;
  fields: FieldSpec[];
  /** The request body from the form's values (strings, or booleans for checkboxes). */
  body: (v: Record<string, string | boolean>) => Record<string, unknown>;
}

type Values = Record<string, string | boolean>;
const str = (v: Values, k: string) => (typeof v[k] === 'string' ? (v[k] as string).trim() : '');
/** A value the person left empty is left out, so that the API names a missing field as missing. */
const opt = (v: Values, k: string) => (str(v, k) ? { [k]: str(v, k) } : {});
const amount = (v: Values, k: string) => (str(v, k) === '' ? {} : { [k]: Number(str(v, k).replace(/[.\s,]/g, '')) });
const reason: FieldSpec = { name: 'reason', label: 'fieldReason', type: 'textarea' };

export type PersonAction = Exclude<ActionKind, 'notify' | 'close' | 'expire'>;

export const ACTION_FORMS: Record<PersonAction, FormSpec> = {
  confirmHold: {
    endpoint: 'hold-confirmation',
    fields: [{ name: 'holdRecordRef', label: 'fieldHoldRecordRef', type: 'text' }],
    body: (v) => opt(v, 'holdRecordRef'),
  },
  acknowledge: { endpoint: 'acknowledgement', fields: [], body: () => ({}) },
  // the empty choice takes the case oneself ("nhận xử lý"); a named officer is given it
  assign: {
    endpoint: 'assignment',
    fields: [{ name: 'officerId', label: 'fieldAssignee', type: 'select', options: 'assignees', emptyLabel: 'takeCase' }],
    body: (v) => opt(v, 'officerId'),
  },
  startVerification: { endpoint: 'verification', fields: [], body: () => ({ outcome: 'started' }) },
  requestInformation: {
    endpoint: 'information-requests',
    fields: [{ name: 'question', label: 'fieldQuestion', type: 'textarea' }],
    body: (v) => opt(v, 'question'),
  },
  respondInformation: {
    endpoint: 'information-responses',
    fields: [{ name: 'answer', label: 'fieldAnswer', type: 'textarea' }],
    body: (v) => opt(v, 'answer'),
  },
  addAgency: {
    endpoint: 'routing',
    fields: [
      { name: 'agencyId', label: 'fieldAgencyId', type: 'text' },
      reason,
      { name: 'asLead', label: 'fieldAsLead', type: 'checkbox' },
    ],
    body: (v) => ({ ...opt(v, 'agencyId'), ...opt(v, 'reason'), asLead: v.asLead === true }),
  },
  extendDeadline: {
    endpoint: 'deadline-extensions',
    fields: [
      { name: 'clock', label: 'fieldClock', type: 'select', options: 'clocks' },
      { name: 'extension', label: 'fieldExtension', type: 'select', options: 'extensions' },
      reason,
    ],
    body: (v) => ({ ...opt(v, 'clock'), ...opt(v, 'extension'), ...opt(v, 'reason') }),
  },
  clear: { endpoint: 'verification', fields: [reason], body: (v) => ({ outcome: 'cleared', ...opt(v, 'reason') }) },
  release: { endpoint: 'release', fields: [], body: () => ({}) },
  refer: {
    endpoint: 'referral',
    fields: [reason, { name: 'investigatingBody', label: 'fieldInvestigatingBody', type: 'text', optional: true }],
    body: (v) => ({ ...opt(v, 'reason'), ...opt(v, 'investigatingBody') }),
  },
  returnFromInvestigation: { endpoint: 'referral-return', fields: [reason], body: (v) => opt(v, 'reason') },
  confirmViolation: {
    endpoint: 'verification',
    fields: [
      { name: 'against', label: 'fieldAgainst', type: 'select', options: 'violationParty' },
      { name: 'summary', label: 'fieldSummary', type: 'textarea' },
      { name: 'violationDate', label: 'fieldViolationDate', type: 'date', optional: true },
    ],
    body: (v) => ({ outcome: 'violation', ...opt(v, 'against'), ...opt(v, 'summary'), ...opt(v, 'violationDate') }),
  },
  recordViolation: {
    endpoint: 'violation-record',
    fields: [
      { name: 'recordNumber', label: 'fieldRecordNumber', type: 'text' },
      { name: 'seized', label: 'fieldSeized', type: 'checkbox' },
    ],
    body: (v) => ({ ...opt(v, 'recordNumber'), seized: v.seized === true }),
  },
  proposeSanction: {
    endpoint: 'sanction-proposal',
    fields: [
      { name: 'offenceCode', label: 'fieldOffenceCode', type: 'text' },
      { name: 'violator', label: 'fieldViolator', type: 'select', options: 'violator' },
      { name: 'amountVnd', label: 'fieldAmountVnd', type: 'number' },
      { name: 'legalArticle', label: 'fieldLegalArticle', type: 'text' },
    ],
    body: (v) => ({ ...opt(v, 'offenceCode'), ...opt(v, 'violator'), ...amount(v, 'amountVnd'), ...opt(v, 'legalArticle') }),
  },
  decideSanction: {
    endpoint: 'sanction-decision',
    fields: [
      { name: 'outcome', label: 'fieldDecisionOutcome', type: 'select', options: 'decision' },
      { name: 'decisionNumber', label: 'fieldDecisionNumber', type: 'text', when: { field: 'outcome', in: ['approve'] } },
      { ...reason, when: { field: 'outcome', in: ['sendBack', 'noSanction'] } },
    ],
    body: (v) =>
      str(v, 'outcome') === 'approve' ? { outcome: 'approve', ...opt(v, 'decisionNumber') } : { ...opt(v, 'outcome'), ...opt(v, 'reason') },
  },
  serveDecision: {
    endpoint: 'decision-service',
    fields: [{ name: 'method', label: 'fieldServiceMethod', type: 'select', options: 'serviceMethod' }],
    body: (v) => opt(v, 'method'),
  },
  recordPayment: {
    endpoint: 'payments',
    fields: [
      { name: 'amountVnd', label: 'fieldAmountVnd', type: 'number' },
      { name: 'receiptRef', label: 'fieldReceiptRef', type: 'text', optional: true },
    ],
    body: (v) => ({ ...amount(v, 'amountVnd'), ...opt(v, 'receiptRef') }),
  },
  // instalments are granted over the API (POST …/payment-relief); the console postpones
  grantPaymentRelief: {
    endpoint: 'payment-relief',
    fields: [{ name: 'requestRef', label: 'fieldRequestRef', type: 'text' }, { name: 'until', label: 'fieldUntil', type: 'date' }, reason],
    body: (v) => ({ relief: 'postponement', ...opt(v, 'requestRef'), ...opt(v, 'until'), ...opt(v, 'reason') }),
  },
  startEnforcement: {
    endpoint: 'enforcement',
    fields: [{ ...reason, optional: true }],
    body: (v) => ({ step: 'start', ...opt(v, 'reason') }),
  },
  recordEnforcement: {
    endpoint: 'enforcement',
    fields: [
      { name: 'measure', label: 'fieldMeasure', type: 'text' },
      { name: 'collectedVnd', label: 'fieldCollectedVnd', type: 'number' },
    ],
    body: (v) => ({ step: 'completed', ...opt(v, 'measure'), ...amount(v, 'collectedVnd') }),
  },
  addNote: { endpoint: 'notes', fields: [{ name: 'text', label: 'fieldText', type: 'textarea' }], body: (v) => opt(v, 'text') },
  addEvidence: {
    endpoint: 'evidence',
    fields: [
      { name: 'evidence.0.ref', label: 'fieldEvidenceRef', type: 'text' },
      { name: 'evidence.0.description', label: 'fieldEvidenceDescription', type: 'text' },
    ],
    body: (v) => ({ evidence: [{ ref: str(v, 'evidence.0.ref'), description: str(v, 'evidence.0.description') }] }),
  },
};

/** The forms of the actions the caller may take now, in the API's order. */
export const formsFor = (c: CaseResource): [PersonAction, FormSpec][] =>
  c.allowedActions.filter((a): a is PersonAction => a in ACTION_FORMS).map((a) => [a, ACTION_FORMS[a]]);
