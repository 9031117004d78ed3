/**
 * The seed fine schedule (docs/domain-model.md, "Fines"), organisation rates in VND; individuals
 * pay half. Every row is marked verify: articles, points and amounts come from secondary sources,
 * and an administrator corrects them without a release. A successor decree is added the same way,
 * by closing a row (effectiveTo) and adding its own, once its text is known.
 */
import type { FineRule, OffenceField } from '../fines.js';

/** Offence codes of the schedule. */
export const OFFENCE = {
  /** Decree 15/2020 Art. 9(1)(a): items whose circulation the law bans (Law on Post Art. 12(1)). */
  PROHIBITED_ITEM: 'POST_PROHIBITED_ITEM',
  /** Art. 9(1)(b): items sent abroad that may not be exported, or imported at the destination (Law on Post Art. 12(2)). */
  EXPORT_BANNED_ITEM: 'POST_EXPORT_BANNED_ITEM',
  /** Art. 9(1)(c): items sent to Viet Nam that may not be imported (Law on Post Art. 12(3)). */
  IMPORT_BANNED_ITEM: 'POST_IMPORT_BANNED_ITEM',
  /** Art. 9(1)(d): items the law or a treaty bars from carriage by post (Law on Post Art. 12(4)). */
  CARRIAGE_BANNED_ITEM: 'POST_CARRIAGE_BANNED_ITEM',
  /** Art. 9(2): banned cultural products. */
  BANNED_CULTURE: 'POST_BANNED_CULTURE',
  /** A carrier failing to suspend and notify (Law on Post Art. 14). */
  FAILED_TO_SUSPEND: 'POST_FAILED_TO_SUSPEND_NOTIFY',
  /** Market management, under its own decree. */
  COUNTERFEIT_GOODS: 'TRADE_COUNTERFEIT_GOODS',
  BANNED_GOODS: 'TRADE_BANNED_GOODS',
  SMUGGLED_GOODS: 'TRADE_SMUGGLED_GOODS',
  /** Customs, under its own decree. */
  IMPORT_EXPORT_BANNED_GOODS: 'CUSTOMS_IMPORT_EXPORT_BANNED_GOODS',
} as const;

interface Decree {
  /** Prefix of the rule ids. */
  key: string;
  decree: string;
  effectiveFrom: string;
  field: OffenceField;
  sanctioningLimitationYears: number;
  /** Where the article is, for the legal basis of each row. */
  basis: string;
}

/** Decree 15/2020/NĐ-CP, in force from 15 April 2020, as amended by Decree 14/2022/NĐ-CP: open-ended. */
const DECREE_15: Decree = {
  key: 'D15-2020',
  decree: 'Decree 15/2020/NĐ-CP as amended by Decree 14/2022/NĐ-CP',
  effectiveFrom: '2020-04-15',
  field: 'POSTAL',
  sanctioningLimitationYears: 1,
  basis: 'Decree 15/2020/NĐ-CP (as amended by Decree 14/2022/NĐ-CP)',
};

/** Market management's decree on trade, counterfeit and banned goods (LHAV Art. 6: 2 years). */
const DECREE_98: Decree = {
  key: 'D98-2020',
  decree: 'Decree 98/2020/NĐ-CP as amended by Decree 17/2022/NĐ-CP',
  effectiveFrom: '2020-10-15',
  field: 'TRADE',
  sanctioningLimitationYears: 2,
  basis: 'Decree 98/2020/NĐ-CP (as amended by Decree 17/2022/NĐ-CP); in force from 15 October 2020 (verify)',
};

/** Customs' decree on sanctions in the customs field (LHAV Art. 6: 2 years for import and export). */
const DECREE_128: Decree = {
  key: 'D128-2020',
  decree: 'Decree 128/2020/NĐ-CP',
  effectiveFrom: '2020-12-10',
  field: 'CUSTOMS',
  sanctioningLimitationYears: 2,
  basis: 'Decree 128/2020/NĐ-CP; in force from 10 December 2020 (verify)',
};

type Offence = Pick<FineRule, 'offenceCode' | 'minVnd' | 'maxVnd' | 'descriptionVi' | 'descriptionEn'> & {
  decree: Decree;
  extraPenalties: readonly string[];
  remedialMeasures: readonly string[];
  article: string;
};

// The points of Decree 15/2020 Art. 9(1) follow the four kinds of Law on Post Art. 12; which of
// them Art. 9(3) confiscates for is from a secondary source (verify).
const POSTAL_ITEM = { decree: DECREE_15, minVnd: 10_000_000, maxVnd: 20_000_000 } as const;
// Trade and customs fines are graded by the value of the goods: these are the lowest and highest
// organisation amounts of the grades as read from secondary sources (verify).
const TRADE = { decree: DECREE_98, minVnd: 2_000_000, maxVnd: 200_000_000 } as const;

const OFFENCES: readonly Offence[] = [
  {
    ...POSTAL_ITEM,
    offenceCode: OFFENCE.PROHIBITED_ITEM,
    extraPenalties: ['CONFISCATION'],
    remedialMeasures: [],
    article: 'Art. 9(1)(a); confiscation Art. 9(3)',
    descriptionVi: 'Gửi, chấp nhận, vận chuyển vật phẩm, hàng hóa mà pháp luật Việt Nam cấm lưu thông',
    descriptionEn: 'Sending, accepting or carrying items whose circulation Vietnamese law bans',
  },
  {
    ...POSTAL_ITEM,
    offenceCode: OFFENCE.EXPORT_BANNED_ITEM,
    extraPenalties: ['CONFISCATION'],
    remedialMeasures: [],
    article: 'Art. 9(1)(b); confiscation Art. 9(3)',
    descriptionVi: 'Gửi đi nước ngoài vật phẩm, hàng hóa cấm xuất khẩu hoặc nước nhận cấm nhập khẩu',
    descriptionEn: 'Sending abroad items Viet Nam bans from export or the receiving country bans from import',
  },
  {
    ...POSTAL_ITEM,
    offenceCode: OFFENCE.IMPORT_BANNED_ITEM,
    extraPenalties: [],
    remedialMeasures: ['FORCED_RE_EXPORT'],
    article: 'Art. 9(1)(c); forced re-export Art. 9(4)(b)',
    descriptionVi: 'Gửi từ nước ngoài về Việt Nam vật phẩm, hàng hóa cấm nhập khẩu',
    descriptionEn: 'Sending into Viet Nam items it bans from import',
  },
  {
    ...POSTAL_ITEM,
    offenceCode: OFFENCE.CARRIAGE_BANNED_ITEM,
    extraPenalties: ['CONFISCATION'],
    remedialMeasures: [],
    article: 'Art. 9(1)(d); confiscation Art. 9(3)',
    descriptionVi: 'Gửi, chấp nhận, vận chuyển vật phẩm, hàng hóa bị cấm vận chuyển bằng đường bưu chính',
    descriptionEn: 'Sending, accepting or carrying items the law or a treaty bars from carriage by post',
  },
  {
    decree: DECREE_15,
    offenceCode: OFFENCE.BANNED_CULTURE,
    minVnd: 20_000_000,
    maxVnd: 30_000_000,
    extraPenalties: [],
    remedialMeasures: ['FORCED_DESTRUCTION'],
    article: 'Art. 9(2); forced destruction Art. 9(4)(a)',
    descriptionVi: 'Gửi, vận chuyển văn hóa phẩm đồi trụy, văn hóa phẩm bị cấm',
    descriptionEn: 'Sending or carrying immoral or banned cultural products',
  },
  {
    decree: DECREE_15,
    offenceCode: OFFENCE.FAILED_TO_SUSPEND,
    minVnd: 10_000_000,
    maxVnd: 20_000_000,
    extraPenalties: [],
    remedialMeasures: [],
    article: 'article to verify; the duty is Law on Post Art. 14 and Directive 28/CT-BTTTT §1',
    descriptionVi: 'Doanh nghiệp không đình chỉ vận chuyển, phát và không thông báo cho cơ quan có thẩm quyền',
    descriptionEn: 'Carrier failing to suspend carriage and delivery and to notify',
  },
  {
    ...TRADE,
    offenceCode: OFFENCE.COUNTERFEIT_GOODS,
    extraPenalties: ['CONFISCATION'],
    remedialMeasures: ['FORCED_DESTRUCTION'],
    article: 'trading counterfeit goods (article and value grades to verify)',
    descriptionVi: 'Buôn bán hàng giả',
    descriptionEn: 'Trading counterfeit goods',
  },
  {
    ...TRADE,
    offenceCode: OFFENCE.BANNED_GOODS,
    extraPenalties: ['CONFISCATION'],
    remedialMeasures: ['FORCED_DESTRUCTION'],
    article: 'trading banned goods (article and value grades to verify)',
    descriptionVi: 'Buôn bán hàng cấm',
    descriptionEn: 'Trading banned goods',
  },
  {
    ...TRADE,
    offenceCode: OFFENCE.SMUGGLED_GOODS,
    extraPenalties: ['CONFISCATION'],
    remedialMeasures: [],
    article: 'trading smuggled goods (article and value grades to verify)',
    descriptionVi: 'Buôn bán hàng hóa nhập lậu',
    descriptionEn: 'Trading smuggled goods',
  },
  {
    decree: DECREE_128,
    offenceCode: OFFENCE.IMPORT_EXPORT_BANNED_GOODS,
    minVnd: 2_000_000,
    maxVnd: 100_000_000,
    extraPenalties: ['CONFISCATION'],
    remedialMeasures: ['FORCED_RE_EXPORT', 'FORCED_DESTRUCTION'],
    article: 'importing or exporting banned goods (article, value grades and amounts to verify)',
    descriptionVi: 'Xuất khẩu, nhập khẩu hàng hóa thuộc danh mục cấm xuất khẩu, cấm nhập khẩu',
    descriptionEn: 'Exporting or importing goods on the banned lists',
  },
];

/** One open-ended row per offence, under the decree that sanctions it. */
export const FINE_SCHEDULE: readonly FineRule[] = OFFENCES.map(({ decree: d, article, ...o }) => ({
  ...o,
  id: `${d.key}:${o.offenceCode}`,
  decree: d.decree,
  effectiveFrom: d.effectiveFrom,
  effectiveTo: null,
  extraPenalties: [...o.extraPenalties],
  remedialMeasures: [...o.remedialMeasures],
  field: d.field,
  sanctioningLimitationYears: d.sanctioningLimitationYears,
  legalBasis: `${d.basis}, ${article}; limitation LHAV Art. 6 as amended by Law 88/2025/QH15 (verify points and amounts against the official text)`,
  verify: true,
}));
