/**
 * Who may read which report (issue 15, "Who reads what"), following the case rules of access.ts:
 * a report counts the cases its reader could see one by one, never more. KT1 cases are counted
 * only for those who see restricted cases: the department's managers of the province, the KT1
 * focal point, administrators.
 */
import type { Actor } from './access.js';
import type { Kt1Mode, ReportScope } from './report-period.js';

const ALL: readonly Kt1Mode[] = ['EXCLUDED', 'INCLUDED', 'ONLY'];

/** The KT1 modes in which `actor` may read reports of `scope`; empty when not at all. */
export function readableKt1Modes(actor: Actor, scope: ReportScope): readonly Kt1Mode[] {
  const province = scope.kind === 'PROVINCE' ? scope.provinceCode : null;
  switch (actor.role) {
    case 'admin':
    case 'system':
      return ALL;
    case 'carrier':
      return []; // its own compliance summary is a report of its own (not this one)
    case 'manager':
      if (actor.provinceCode == null) return actor.agencyKind === 'KT1' ? ALL : ['EXCLUDED'];
      if (province !== actor.provinceCode) return [];
      return actor.agencyKind === 'DEPT' ? ALL : ['EXCLUDED'];
    case 'officer':
      if (actor.agencyKind === 'KT1') return ['ONLY'];
      if (actor.agencyKind === 'INSPECTORATE') return ['EXCLUDED']; // inspects carriers nationally
      return province !== null && province === actor.provinceCode ? ['EXCLUDED'] : [];
  }
}

/** Whether `actor` may read a report of this scope and KT1 mode. */
export const canReadReport = (actor: Actor, scope: ReportScope, kt1: Kt1Mode): boolean => readableKt1Modes(actor, scope).includes(kt1);

/** The fullest report of a scope the actor may read, for requests that do not say (INCLUDED, else EXCLUDED, else ONLY). */
export function defaultKt1Mode(actor: Actor, scope: ReportScope): Kt1Mode | null {
  const modes = readableKt1Modes(actor, scope);
  return (['INCLUDED', 'EXCLUDED', 'ONLY'] as const).find((m) => modes.includes(m)) ?? null;
}

/** The variants a scheduled run stores: every reader of the scope finds the one the rules give them. */
export const scheduledKt1Modes = (scope: ReportScope): Kt1Mode[] =>
  scope.kind === 'PROVINCE' ? ['EXCLUDED', 'INCLUDED'] : ['EXCLUDED', 'INCLUDED', 'ONLY'];

/** Managers "of the scope": those of the province, or the national ones for a national report. */
export const isManagerOfScope = (actor: Actor, scope: ReportScope): boolean =>
  actor.role === 'manager' && (scope.kind === 'NATIONAL' ? actor.provinceCode == null : actor.provinceCode === scope.provinceCode);

/** The notification-log address of one principal (report notices go to people, not agencies). */
export const principalAddress = (id: string) => `principal:${id}`;

/** Which stored reports a reader may list: by scope, the KT1 modes readable (derived from readableKt1Modes). */
export interface ReportReadership {
  national: readonly Kt1Mode[];
  /** The reader's own province, when it has one. */
  own: { provinceCode: string; modes: readonly Kt1Mode[] } | null;
  /** Every other province. */
  otherProvinces: readonly Kt1Mode[];
}

export function reportReadership(actor: Actor): ReportReadership {
  const own = actor.provinceCode ?? null;
  // a code no province has: what the rules give for a province that is not the reader's
  const elsewhere = own === null ? '' : `${own}\u0000`;
  return {
    national: readableKt1Modes(actor, { kind: 'NATIONAL' }),
    own: own === null ? null : { provinceCode: own, modes: readableKt1Modes(actor, { kind: 'PROVINCE', provinceCode: own }) },
    otherProvinces: readableKt1Modes(actor, { kind: 'PROVINCE', provinceCode: elsewhere }),
  };
}

/** Whether `actor` may read reports at all (carriers read their own compliance summary only). */
export const canReadReports = (actor: Actor): boolean => actor.role !== 'carrier';

/** Who reads a carrier's compliance summary: the carrier itself, national managers, administrators. */
export const canReadCompliance = (actor: Actor, carrierId: string): boolean =>
  actor.role === 'admin' ||
  (actor.role === 'carrier' && actor.carrierId === carrierId) ||
  (actor.role === 'manager' && actor.provinceCode == null);
