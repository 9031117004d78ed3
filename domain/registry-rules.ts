/**
 * The carrier registry (docs/reports.md): licences and notifications of postal activity,
 * service points, pledges. What each field may hold, the rules a row keeps on its own, and the
 * conflicts between rows. Administrators' changes are checked here before they are stored
 * (prisma/registry-admin.ts), as reference-rules.ts does for the reference data.
 */
import { isIsoDate, type IsoDate } from './calendar.js';
import type { RuleViolation } from './reference-rules.js';

/** A postal licence (giấy phép bưu chính) or a confirmed notification (văn bản xác nhận thông báo hoạt động bưu chính). */
export const LICENCE_KINDS = ['LICENCE', 'NOTIFICATION'] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];

/** Where the licensed services may be provided (Law on Post 2010 Art. 21–25). */
export const LICENCE_SCOPES = ['PROVINCIAL', 'INTER_PROVINCIAL', 'INTERNATIONAL'] as const;
export type LicenceScope = (typeof LICENCE_SCOPES)[number];

/** A postal licence runs for at most 10 years (Decree 47/2011; verify). */
export const LICENCE_MAX_YEARS = 10;

/** Ids and codes an administrator chooses: they appear in URLs and case reports. */
export const REGISTRY_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface Licence {
  id: string;
  carrierId: string;
  kind: LicenceKind;
  number: string;
  issuingAuthority: string;
  issuedOn: IsoDate;
  /** The last day it is valid, as printed on it (included); null: no end date. */
  validTo: IsoDate | null;
  scope: LicenceScope;
  /** The province of a PROVINCIAL licence. */
  provinceCode: string | null;
}

export interface ServicePoint {
  carrierId: string;
  code: string;
  name: string;
  address: string;
  provinceCode: string;
  commune: string;
  communeLevel: boolean;
  remote: boolean;
  /** Open during [validFrom, validTo). */
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export interface Pledge {
  id: string;
  carrierId: string;
  signatory: string;
  signedOn: IsoDate;
  documentRef: string;
  /** Codes of the carrier's service points it covers. */
  servicePoints: string[];
}

const text = (v: string, field: string, max = 300): RuleViolation[] =>
  v.trim().length === 0
    ? [{ field, message: 'must not be empty' }]
    : v.length > max
      ? [{ field, message: `at most ${max} characters` }]
      : [];

const code = (v: string, field: string): RuleViolation[] =>
  REGISTRY_CODE.test(v) ? [] : [{ field, message: 'letters, digits, . _ - (1–64), starting with a letter or digit' }];

const date = (v: string, field: string): RuleViolation[] => (isIsoDate(v) ? [] : [{ field, message: 'must be a real date YYYY-MM-DD' }]);

const addYears = (d: IsoDate, n: number): IsoDate => `${Number(d.slice(0, 4)) + n}${d.slice(4)}`;

/** Whether a licence is valid on a day (both its first and its last day included). */
export const licenceValidOn = (l: Pick<Licence, 'issuedOn' | 'validTo'>, day: IsoDate): boolean =>
  l.issuedOn <= day && (l.validTo === null || day <= l.validTo);

/** What is wrong with a licence on its own. */
export function licenceViolations(l: Licence): RuleViolation[] {
  const out = [
    ...code(l.id, 'id'),
    ...text(l.number, 'number', 64),
    ...text(l.issuingAuthority, 'issuingAuthority'),
    ...date(l.issuedOn, 'issuedOn'),
    ...(l.validTo === null ? [] : date(l.validTo, 'validTo')),
  ];
  if (l.scope === 'PROVINCIAL' && !l.provinceCode)
    out.push({ field: 'provinceCode', message: 'a provincial licence names the province it is valid in' });
  if (l.scope !== 'PROVINCIAL' && l.provinceCode)
    out.push({ field: 'provinceCode', message: `a ${l.scope} licence is not limited to one province` });
  if (out.some((v) => v.field === 'issuedOn' || v.field === 'validTo')) return out;
  if (l.validTo !== null && l.validTo < l.issuedOn) out.push({ field: 'validTo', message: `must not be before issuedOn (${l.issuedOn})` });
  if (l.kind === 'LICENCE') {
    if (l.validTo === null) out.push({ field: 'validTo', message: `a licence has an end date (at most ${LICENCE_MAX_YEARS} years)` });
    else if (l.validTo >= addYears(l.issuedOn, LICENCE_MAX_YEARS))
      out.push({ field: 'validTo', message: `a licence runs for at most ${LICENCE_MAX_YEARS} years from ${l.issuedOn}` });
  }
  return out;
}

const daysOverlap = (a: Pick<Licence, 'issuedOn' | 'validTo'>, b: Pick<Licence, 'issuedOn' | 'validTo'>): boolean =>
  (b.validTo === null || a.issuedOn <= b.validTo) && (a.validTo === null || b.issuedOn <= a.validTo);

/**
 * Other licences of the carrier of the same kind and scope (and province) valid on some of the
 * same days: a renewal starts the day after the old one ends, or the old one's end is corrected first.
 */
export const licenceConflicts = (l: Licence, others: readonly Licence[]): Licence[] =>
  others.filter(
    (o) =>
      o.id !== l.id &&
      o.carrierId === l.carrierId &&
      o.kind === l.kind &&
      o.scope === l.scope &&
      o.provinceCode === l.provinceCode &&
      daysOverlap(l, o),
  );

/** What is wrong with a service point on its own. */
export function servicePointViolations(p: ServicePoint): RuleViolation[] {
  const out = [
    ...code(p.code, 'code'),
    ...text(p.name, 'name'),
    ...text(p.address, 'address', 500),
    ...text(p.commune, 'commune', 200),
    ...date(p.validFrom, 'validFrom'),
    ...(p.validTo === null ? [] : date(p.validTo, 'validTo')),
  ];
  if (!out.some((v) => v.field.startsWith('valid')) && p.validTo !== null && p.validTo <= p.validFrom)
    out.push({ field: 'validTo', message: `must be after validFrom (${p.validFrom}): the point is open during [validFrom, validTo)` });
  return out;
}

/** Whether a service point is open on a day. */
export const servicePointOpenOn = (p: Pick<ServicePoint, 'validFrom' | 'validTo'>, day: IsoDate): boolean =>
  p.validFrom <= day && (p.validTo === null || day < p.validTo);

/**
 * What is wrong with a pledge, given the carrier's service points and today: it covers at least
 * one point, each once, each a point of the carrier open on the day it was signed, which is not
 * in the future.
 */
export function pledgeViolations(p: Pledge, points: readonly ServicePoint[], today: IsoDate): RuleViolation[] {
  const out = [
    ...code(p.id, 'id'),
    ...text(p.signatory, 'signatory'),
    ...text(p.documentRef, 'documentRef', 200),
    ...date(p.signedOn, 'signedOn'),
  ];
  if (!out.some((v) => v.field === 'signedOn') && p.signedOn > today)
    out.push({ field: 'signedOn', message: `is after today (${today}): record a pledge once it is signed` });
  if (p.servicePoints.length === 0) out.push({ field: 'servicePoints', message: 'name at least one service point the pledge covers' });
  const seen = new Set<string>();
  p.servicePoints.forEach((c, i) => {
    const field = `servicePoints.${i}`;
    if (seen.has(c)) out.push({ field, message: `${c} is listed twice` });
    seen.add(c);
    const point = points.find((sp) => sp.carrierId === p.carrierId && sp.code === c);
    if (!point) out.push({ field, message: `${p.carrierId} has no service point ${c}` });
    else if (isIsoDate(p.signedOn) && !servicePointOpenOn(point, p.signedOn))
      out.push({ field, message: `${c} was not open on ${p.signedOn} (open ${point.validFrom} to ${point.validTo ?? '…'})` });
  });
  return out;
}
