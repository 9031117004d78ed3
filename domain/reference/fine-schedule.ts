/**
 * The seed fine schedule (docs/domain-model.md, "Fines"), organisation rates in VND. Every row is marked
 * verify: article numbers and amounts must be checked against the official decrees, and an
 * administrator can correct them without a release.
 */
import type { FineRule } from '../fines.js';

/** Offence codes of the schedule. */
export const OFFENCE = {
  PROHIBITED_ITEM: 'POST_PROHIBITED_ITEM',
  BANNED_CULTURE: 'POST_BANNED_CULTURE',
  FAILED_TO_SUSPEND: 'POST_FAILED_TO_SUSPEND_NOTIFY',
} as const;

/** The day Decree 174/2026/NĐ-CP replaces Decree 15/2020 for postal violations. */
export const DECREE_174_FROM = '2026-07-01';

const DECREE_15 = {
  decree: 'Decree 15/2020/NĐ-CP as amended by Decree 14/2022/NĐ-CP',
  effectiveFrom: '2020-04-01',
  effectiveTo: DECREE_174_FROM,
} as const;

const DECREE_174 = { decree: 'Decree 174/2026/NĐ-CP', effectiveFrom: DECREE_174_FROM, effectiveTo: null } as const;

const OFFENCES = [
  {
    offenceCode: OFFENCE.PROHIBITED_ITEM,
    minVnd: 10_000_000,
    maxVnd: 20_000_000,
    extraPenalties: ['CONFISCATION', 'LICENCE_SUSPENSION_1_3_MONTHS_IF_REPEATED'],
    descriptionVi: 'Gửi, chấp nhận, vận chuyển vật phẩm, hàng hóa không được gửi qua mạng bưu chính',
    descriptionEn: 'Sending, accepting or carrying items that may not be sent by post',
  },
  {
    offenceCode: OFFENCE.BANNED_CULTURE,
    minVnd: 20_000_000,
    maxVnd: 30_000_000,
    extraPenalties: ['CONFISCATION'],
    descriptionVi: 'Gửi, vận chuyển văn hóa phẩm đồi trụy, văn hóa phẩm bị cấm',
    descriptionEn: 'Sending or carrying immoral or banned cultural products',
  },
  {
    offenceCode: OFFENCE.FAILED_TO_SUSPEND,
    minVnd: 10_000_000,
    maxVnd: 20_000_000,
    extraPenalties: [],
    descriptionVi: 'Doanh nghiệp không đình chỉ vận chuyển, phát và không thông báo cho cơ quan có thẩm quyền',
    descriptionEn: 'Carrier failing to suspend carriage and delivery and to notify',
  },
] as const;

/** Both decrees, one row per offence and decree. */
export const FINE_SCHEDULE: readonly FineRule[] = [DECREE_15, DECREE_174].flatMap((decree) =>
  OFFENCES.map((o) => ({
    ...o,
    ...decree,
    id: `${decree === DECREE_15 ? 'D15-2020' : 'D174-2026'}:${o.offenceCode}`,
    extraPenalties: [...o.extraPenalties],
    legalBasis: `${decree.decree}, postal sanctions chapter (verify article and amounts against the official text)`,
    verify: true,
  })),
);
