/**
 * Item categories and their routing (docs/domain-model.md, "Routing"). Basis: Law on Post 2010
 * Art. 7 and 12, trade bans under the Investment Law, import/export bans and UPU rules. Each names
 * the offence an officer starts from: the point of Decree 15/2020 Art. 9 that fits the kind of
 * item (import bans: 9(1)(c); items barred from the post itself: 9(1)(d)); the officer may
 * propose another, such as market management's or customs' own.
 */
import type { ItemCategory } from '../routing.js';
import { OFFENCE } from './fine-schedule.js';

/** The seeded item categories; codes are the product's, labels are shown to users. */
export const ITEM_CATEGORIES = [
  {
    code: 'NARCOTICS',
    labelVi: 'Ma túy, chất hướng thần, tiền chất',
    labelEn: 'Narcotics, psychotropic substances and precursors',
    primaryAgency: 'POLICE',
    alsoNotify: ['DEPT'],
    offenceCode: OFFENCE.PROHIBITED_ITEM,
  },
  {
    code: 'WEAPONS',
    labelVi: 'Vũ khí, đạn dược, vật liệu nổ, công cụ hỗ trợ',
    labelEn: 'Weapons, ammunition, explosives and support tools',
    primaryAgency: 'POLICE',
    alsoNotify: ['DEPT'],
    offenceCode: OFFENCE.PROHIBITED_ITEM,
  },
  {
    code: 'TOXIC_RADIOACTIVE',
    labelVi: 'Chất độc, chất phóng xạ',
    labelEn: 'Toxic and radioactive substances',
    primaryAgency: 'POLICE',
    alsoNotify: ['DEPT'],
    offenceCode: OFFENCE.PROHIBITED_ITEM,
  },
  {
    code: 'BIOHAZARD',
    labelVi: 'Vi trùng, mầm bệnh, chất thải nguy hại',
    labelEn: 'Germs, pathogens and hazardous waste',
    primaryAgency: 'POLICE',
    alsoNotify: ['DEPT'],
    offenceCode: OFFENCE.PROHIBITED_ITEM,
  },
  {
    code: 'ANTI_STATE',
    labelVi: 'Tài liệu, ấn phẩm kích động, chống phá Nhà nước',
    labelEn: 'Documents and publications inciting against the State',
    primaryAgency: 'POLICE',
    alsoNotify: ['DEPT'],
    offenceCode: OFFENCE.PROHIBITED_ITEM,
  },
  {
    code: 'STATE_SECRET',
    labelVi: 'Tài liệu mang bí mật nhà nước gửi ngoài mạng KT1',
    labelEn: 'State-secret documents sent outside the KT1 network',
    primaryAgency: 'POLICE',
    alsoNotify: ['DEPT', 'KT1'],
    offenceCode: OFFENCE.PROHIBITED_ITEM,
  },
  {
    code: 'IMMORAL_CULTURE',
    labelVi: 'Văn hóa phẩm đồi trụy, trái thuần phong mỹ tục',
    labelEn: 'Depraved cultural products contrary to fine customs',
    primaryAgency: 'QLTT',
    alsoNotify: ['DEPT'],
    offenceCode: OFFENCE.BANNED_CULTURE,
  },
  {
    code: 'COUNTERFEIT',
    labelVi: 'Hàng giả, hàng xâm phạm quyền sở hữu trí tuệ',
    labelEn: 'Counterfeit goods and goods infringing intellectual property',
    primaryAgency: 'QLTT',
    alsoNotify: ['DEPT'],
    offenceCode: OFFENCE.PROHIBITED_ITEM,
  },
  {
    code: 'SMUGGLED',
    labelVi: 'Hàng lậu, không rõ nguồn gốc xuất xứ',
    labelEn: 'Smuggled goods or goods of unknown origin',
    primaryAgency: 'QLTT',
    alsoNotify: ['DEPT'],
    offenceCode: OFFENCE.PROHIBITED_ITEM,
  },
  {
    code: 'BANNED_TRADE',
    labelVi: 'Hàng cấm kinh doanh, cấm lưu thông (pháo, động vật hoang dã...)',
    labelEn: 'Goods banned from trade or circulation (fireworks, wildlife…)',
    primaryAgency: 'QLTT',
    alsoNotify: ['POLICE', 'DEPT'],
    offenceCode: OFFENCE.PROHIBITED_ITEM,
  },
  {
    code: 'IMPORT_EXPORT_BANNED',
    labelVi: 'Hàng cấm xuất khẩu, nhập khẩu',
    labelEn: 'Goods banned from export or import',
    primaryAgency: 'CUSTOMS',
    alsoNotify: ['DEPT'],
    offenceCode: OFFENCE.IMPORT_BANNED_ITEM,
  },
  {
    code: 'CURRENCY',
    labelVi: 'Tiền, giấy tờ có giá gửi trái quy định',
    labelEn: 'Money and valuable papers sent against the rules',
    primaryAgency: 'DEPT',
    alsoNotify: ['POLICE'],
    offenceCode: OFFENCE.CARRIAGE_BANNED_ITEM,
  },
  {
    code: 'DANGEROUS_GOODS',
    labelVi: 'Hàng nguy hiểm (dễ cháy, ăn mòn, pin không đúng quy cách)',
    labelEn: 'Dangerous goods (flammable, corrosive, non-compliant batteries)',
    primaryAgency: 'DEPT',
    alsoNotify: [],
    offenceCode: OFFENCE.CARRIAGE_BANNED_ITEM,
  },
  {
    code: 'LIVE_ORGANISMS',
    labelVi: 'Sinh vật sống gửi trái quy định',
    labelEn: 'Live organisms sent against the rules',
    primaryAgency: 'DEPT',
    alsoNotify: [],
    offenceCode: OFFENCE.CARRIAGE_BANNED_ITEM,
  },
  {
    code: 'OTHER',
    labelVi: 'Vật phẩm khác không được gửi',
    labelEn: 'Other items that may not be sent',
    primaryAgency: 'DEPT',
    alsoNotify: [],
    offenceCode: OFFENCE.CARRIAGE_BANNED_ITEM,
  },
] as const satisfies readonly ItemCategory[];
