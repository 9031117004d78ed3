/**
 * Provinces and competent agencies under the 2025 reorganisation: Sở TTTT merged into Sở Khoa
 * học và Công nghệ (03/2025); provincial market management became Chi cục QLTT under Sở Công
 * Thương (03/2025); customs regions became Chi cục Hải quan khu vực (from 07/2025 Thanh Hóa is
 * in region X with Sơn La); Hồ Chí Minh City absorbed Bình Dương and Bà Rịa – Vũng Tàu
 * (07/2025); ministry inspectorates were abolished (07/2025). Names are data: a later
 * reorganisation closes a row and adds one.
 */
import type { Agency, AgencyKind, Province } from '../routing.js';

/** Seeded provinces. */
export const PROVINCES: readonly Province[] = [
  { code: 'TH', name: 'Tỉnh Thanh Hóa', nameEn: 'Thanh Hóa Province', validFrom: '1976-01-01', validTo: null },
  { code: 'HN', name: 'Thành phố Hà Nội', nameEn: 'Hà Nội', validFrom: '2008-08-01', validTo: null },
  { code: 'HCM', name: 'Thành phố Hồ Chí Minh', nameEn: 'Hồ Chí Minh City', validFrom: '2025-07-01', validTo: null },
];

interface ProvincialNames {
  code: string;
  /** The province as it appears inside agency names. */
  inName: string;
  inNameEn: string;
  customsRegion: string;
}

// Customs regions I (Hà Nội) and II (Hồ Chí Minh City) are from secondary sources: verify.
const PROVINCIAL: readonly ProvincialNames[] = [
  { code: 'TH', inName: 'tỉnh Thanh Hóa', inNameEn: 'Thanh Hóa', customsRegion: 'X' },
  { code: 'HN', inName: 'thành phố Hà Nội', inNameEn: 'Hà Nội', customsRegion: 'I' },
  { code: 'HCM', inName: 'Thành phố Hồ Chí Minh', inNameEn: 'Hồ Chí Minh City', customsRegion: 'II' },
];

const REORGANISED = '2025-07-01';

/** First day without ministry inspectorates (Law on Inspection 84/2025/QH15). */
export const INSPECTORATES_ABOLISHED = '2025-07-01';

const provincial = (p: ProvincialNames, kind: AgencyKind, name: string, nameEn: string): Agency => ({
  id: `${p.code}-${kind}`,
  kind,
  provinceCode: p.code,
  name,
  nameEn,
  validFrom: REORGANISED,
  validTo: null,
});

/** Provincial agencies (POLICE, QLTT, CUSTOMS, DEPT per province) and the national ones. */
export const AGENCIES: readonly Agency[] = [
  ...PROVINCIAL.flatMap((p) => [
    provincial(p, 'POLICE', `Công an ${p.inName}`, `${p.inNameEn} Provincial Police`),
    provincial(p, 'QLTT', `Chi cục Quản lý thị trường ${p.inName}`, `${p.inNameEn} Market Surveillance Sub-department`),
    provincial(p, 'CUSTOMS', `Chi cục Hải quan khu vực ${p.customsRegion}`, `Regional Customs Branch ${p.customsRegion}`),
    provincial(p, 'DEPT', `Sở Khoa học và Công nghệ ${p.inName}`, `${p.inNameEn} Department of Science and Technology`),
  ]),
  // The Law on Inspection 84/2025/QH15 abolished ministry inspectorates (with exceptions) from
  // 1 July 2025. Cases routed to the inspectorate keep it; new cases go to its successor, the
  // unit now competent nationally, whose name is still to be verified.
  {
    id: 'NATIONAL-INSPECTORATE',
    kind: 'INSPECTORATE',
    provinceCode: null,
    name: 'Thanh tra Bộ Khoa học và Công nghệ',
    nameEn: 'Inspectorate of the Ministry of Science and Technology',
    validFrom: '2025-03-01',
    validTo: INSPECTORATES_ABOLISHED,
  },
  {
    id: 'NATIONAL-INSPECTION-UNIT',
    kind: 'INSPECTORATE',
    provinceCode: null,
    name: 'Đơn vị có thẩm quyền thanh tra, kiểm tra bưu chính của Bộ Khoa học và Công nghệ (cần xác minh)',
    nameEn: 'Unit of the Ministry of Science and Technology competent to inspect the post nationally (verify)',
    validFrom: INSPECTORATES_ABOLISHED,
    validTo: null,
  },
  {
    id: 'NATIONAL-KT1',
    kind: 'KT1',
    provinceCode: null,
    name: 'Cục Bưu điện Trung ương',
    nameEn: 'Central Post Office Department (KT1 focal point)',
    validFrom: '2025-03-01',
    validTo: null,
  },
];
