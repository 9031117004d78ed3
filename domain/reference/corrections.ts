/**
 * Corrections to seed rows that deployments seeded before the correction was made. The seed only
 * inserts missing rows (so that an administrator's change survives a restart), which leaves a
 * database seeded earlier with the old figures. Each correction therefore names, per row, the
 * old seed's value of each field it corrects and the new value; at start a field is replaced only
 * while it still holds the old value, and each row changed is logged once in the reference change
 * log (prisma/reference/corrections.ts). Rows are in the API's JSON shape.
 */
import { AGENCIES } from './agencies.js';
import { AUTHORITY_CAPS } from './authority-caps.js';
import { ITEM_CATEGORIES } from './categories.js';
import { DEADLINE_POLICIES } from './deadlines.js';
import { FINE_SCHEDULE } from './fine-schedule.js';

/** The tables a correction may touch (holidays are corrected by administrators, day by day). */
export type CorrectedTable = 'FineSchedule' | 'AuthorityCap' | 'Agency' | 'DeadlinePolicy' | 'ItemCategory';

/** One field: the old seed's value and the corrected one. */
export interface FieldCorrection {
  from: unknown;
  to: unknown;
}

/** What a correction does to one row. */
export interface RowCorrection {
  table: CorrectedTable;
  key: string;
  /** Fields replaced while they still hold the old seed's value. */
  set?: Readonly<Record<string, FieldCorrection>>;
  /** The old seed's whole row, removed while it is still exactly that. */
  remove?: Readonly<Record<string, unknown>>;
}

/** A named correction; its id is the actor of the changes it logs (`correction:<id>`). */
export interface ReferenceCorrection {
  id: string;
  reason: string;
  rows: readonly RowCorrection[];
}

type Row = Record<string, unknown>;

/** The fields of `to` that differ from `from` (compared as JSON). */
function changedFields(from: Row, to: Row): Record<string, FieldCorrection> {
  const set: Record<string, FieldCorrection> = {};
  for (const [field, value] of Object.entries(to))
    if (JSON.stringify(from[field]) !== JSON.stringify(value)) set[field] = { from: from[field], to: value };
  return set;
}

const seedRow = <T extends object>(rows: readonly T[], key: keyof T, value: string): T => {
  const row = rows.find((r) => r[key] === value);
  if (!row) throw new Error(`no seed row ${value}`);
  return row;
};

// ---- Decree 15/2020 Art. 9, in force from 15 April 2020; no "Decree 174/2026" (issue 17, 2-4) ----

/** The rows seeded until December 2026 (with the defaults the columns added then give them). */
const OLD_POSTAL_RULES = [
  {
    offenceCode: 'POST_PROHIBITED_ITEM',
    minVnd: 10_000_000,
    maxVnd: 20_000_000,
    extraPenalties: ['CONFISCATION', 'LICENCE_SUSPENSION_1_3_MONTHS_IF_REPEATED'],
    descriptionVi: 'Gửi, chấp nhận, vận chuyển vật phẩm, hàng hóa không được gửi qua mạng bưu chính',
    descriptionEn: 'Sending, accepting or carrying items that may not be sent by post',
  },
  {
    offenceCode: 'POST_BANNED_CULTURE',
    minVnd: 20_000_000,
    maxVnd: 30_000_000,
    extraPenalties: ['CONFISCATION'],
    descriptionVi: 'Gửi, vận chuyển văn hóa phẩm đồi trụy, văn hóa phẩm bị cấm',
    descriptionEn: 'Sending or carrying immoral or banned cultural products',
  },
  {
    offenceCode: 'POST_FAILED_TO_SUSPEND_NOTIFY',
    minVnd: 10_000_000,
    maxVnd: 20_000_000,
    extraPenalties: [],
    descriptionVi: 'Doanh nghiệp không đình chỉ vận chuyển, phát và không thông báo cho cơ quan có thẩm quyền',
    descriptionEn: 'Carrier failing to suspend carriage and delivery and to notify',
  },
];
const OLD_DECREES = [
  {
    prefix: 'D15-2020',
    decree: 'Decree 15/2020/NĐ-CP as amended by Decree 14/2022/NĐ-CP',
    effectiveFrom: '2020-04-01',
    effectiveTo: '2026-07-01',
  },
  { prefix: 'D174-2026', decree: 'Decree 174/2026/NĐ-CP', effectiveFrom: '2026-07-01', effectiveTo: null },
];
const oldRule = (d: (typeof OLD_DECREES)[number], o: (typeof OLD_POSTAL_RULES)[number]): Row => ({
  id: `${d.prefix}:${o.offenceCode}`,
  ...o,
  decree: d.decree,
  effectiveFrom: d.effectiveFrom,
  effectiveTo: d.effectiveTo,
  remedialMeasures: [],
  field: 'POSTAL',
  sanctioningLimitationYears: 1,
  legalBasis: `${d.decree}, postal sanctions chapter (verify article and amounts against the official text)`,
  verify: true,
});
const [D15, D174] = OLD_DECREES as [(typeof OLD_DECREES)[number], (typeof OLD_DECREES)[number]];

/** Categories whose default offence is now a point of Art. 9(1) other than (a). */
const RE_POINTED_CATEGORIES = ['IMPORT_EXPORT_BANNED', 'CURRENCY', 'DANGEROUS_GOODS', 'LIVE_ORGANISMS', 'OTHER'];

const DECREE_15_ART_9: ReferenceCorrection = {
  id: 'decree-15-2020-art-9',
  reason:
    'Nghị định 15/2020/NĐ-CP có hiệu lực từ 15/4/2020, không có "Nghị định 174/2026"; hình thức phạt bổ sung và biện pháp khắc phục theo Điều 9 / Decree 15/2020 in force from 15 April 2020, no "Decree 174/2026"; extra penalties and remedial measures per Art. 9',
  rows: [
    ...OLD_POSTAL_RULES.map((o) => ({ table: 'FineSchedule' as const, key: `${D174.prefix}:${o.offenceCode}`, remove: oldRule(D174, o) })),
    ...OLD_POSTAL_RULES.map((o) => {
      const id = `${D15.prefix}:${o.offenceCode}`;
      return { table: 'FineSchedule' as const, key: id, set: changedFields(oldRule(D15, o), { ...seedRow(FINE_SCHEDULE, 'id', id) }) };
    }),
    ...RE_POINTED_CATEGORIES.map((code) => ({
      table: 'ItemCategory' as const,
      key: code,
      set: { offenceCode: { from: 'POST_PROHIBITED_ITEM', to: seedRow(ITEM_CATEGORIES, 'code', code).offenceCode } },
    })),
  ],
};

// ---- Sanctioning authority after 1 July 2025 (issue 17, 6) ----

const OLD_CAP_BASIS = 'LHAV Art. 38-46 (as amended 2020) and the 2025 reorganisation: verify title and amount against the text in force';

const AUTHORITY_2025: ReferenceCorrection = {
  id: 'sanctioning-authority-2025-07',
  reason:
    'Luật 88/2025/QH15 bãi bỏ thẩm quyền theo chức danh của Điều 38–51; Luật Thanh tra 84/2025/QH15 bỏ thanh tra bộ từ 1/7/2025 / Law 88/2025/QH15 repealed the per-title caps; Law on Inspection 84/2025/QH15 abolished ministry inspectorates from 1 July 2025',
  rows: [
    ...AUTHORITY_CAPS.map((c) => ({
      table: 'AuthorityCap' as const,
      key: c.id,
      set: { legalBasis: { from: OLD_CAP_BASIS, to: c.legalBasis } },
    })),
    {
      table: 'Agency',
      key: 'NATIONAL-INSPECTORATE',
      set: { validTo: { from: null, to: seedRow(AGENCIES, 'id', 'NATIONAL-INSPECTORATE').validTo } },
    },
  ],
};

// ---- Citations of the deadline table (issue 17, 1 and 8) ----

const OLD_POLICY_CITATIONS: Record<string, { legalBasis: string; extensions: Row[] }> = {
  VIOLATION_RECORD: {
    legalBasis: 'LHAV Art. 58 (as amended 2020)',
    extensions: [
      { code: 'COMPLEX', limitValue: 5, unit: 'WORKING_DAYS', basis: 'LHAV Art. 58: complex case or wide scope', verify: false },
    ],
  },
  PAYMENT: { legalBasis: 'LHAV Art. 73 (10 days from receipt), Art. 78 (0.05 %/day late interest)', extensions: [] },
  SANCTIONING_LIMITATION: {
    legalBasis: 'LHAV Art. 6(1)(a): 1 year for postal violations',
    extensions: [
      {
        code: 'TWO_YEAR_FIELD',
        limitValue: 2,
        unit: 'YEARS',
        basis: 'LHAV Art. 6(1)(a): 2 years for export/import goods and for trading banned or counterfeit goods (verify)',
        verify: true,
      },
    ],
  },
};

const CITATIONS_2026_12: ReferenceCorrection = {
  id: 'citations-2026-12',
  reason:
    'Dẫn chiếu: thời hạn lập biên bản (Nghị định 118/2021 Điều 12(2)), tiền chậm nộp, thời hiệu (Luật 88/2025/QH15) / Citations: record limit, late interest, limitation',
  rows: Object.entries(OLD_POLICY_CITATIONS).map(([clock, old]) => {
    const seed = seedRow(DEADLINE_POLICIES, 'clock', clock);
    return {
      table: 'DeadlinePolicy' as const,
      key: clock,
      set: changedFields(old, { legalBasis: seed.legalBasis, extensions: seed.extensions.map((e) => ({ ...e })) }),
    };
  }),
};

/** Every correction, in the order they apply. */
export const REFERENCE_CORRECTIONS: readonly ReferenceCorrection[] = [DECREE_15_ART_9, AUTHORITY_2025, CITATIONS_2026_12];
