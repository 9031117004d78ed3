/**
 * The letterhead of a report's printed page, from the reference data on the day it is issued:
 * a province's report is the department's (Agency of kind DEPT), the KT1 report the KT1 focal
 * point's, any other national report the national postal authority's.
 */
import type { Db } from './client.js';
import type { ReportContent } from '../domain/report-content.js';
import { KT1_ISSUER, NATIONAL_ISSUER, PROVINCIAL_ISSUER } from '../domain/reference/report-issuers.js';
import type { Letterhead } from '../domain/report-letterhead.js';

const validOn = (at: Date) => ({ validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gt: at } }] });

/** "Tỉnh Thanh Hóa" → "Thanh Hóa", as the date line names the place. */
const placeName = (provinceName: string) => provinceName.replace(/^(Tỉnh|Thành phố)\s+/i, '');

/** "Sở Khoa học và Công nghệ tỉnh Thanh Hóa" under "ỦY BAN NHÂN DÂN TỈNH THANH HÓA" is headed "SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
function withoutSuffix(name: string, provinceName: string): string {
  const suffix = ` ${provinceName}`.toLowerCase();
  return name.toLowerCase().endsWith(suffix) ? name.slice(0, name.length - suffix.length) : name;
}

export async function letterheadFor(db: Db, content: ReportContent, at: Date): Promise<Letterhead> {
  const { scope, kt1 } = content.request;
  if (scope.kind === 'PROVINCE') {
    const province = await db.province.findUniqueOrThrow({ where: { code: scope.provinceCode } });
    const dept = await db.agency.findFirst({ where: { kind: 'DEPT', provinceCode: scope.provinceCode, ...validOn(at) } });
    return {
      ...PROVINCIAL_ISSUER,
      parent: `ỦY BAN NHÂN DÂN ${province.name}`.toUpperCase(),
      issuer: withoutSuffix(dept?.name ?? 'Sở Khoa học và Công nghệ', province.name).toUpperCase(),
      place: placeName(province.name),
    };
  }
  if (kt1 === 'ONLY') {
    const focal = await db.agency.findFirst({ where: { kind: 'KT1', ...validOn(at) } });
    return { ...KT1_ISSUER, issuer: (focal?.name ?? 'Cục Bưu điện Trung ương').toUpperCase() };
  }
  return { ...NATIONAL_ISSUER };
}
