/**
 * Sanctioning authority caps per agency kind and officer title: configuration data. Law
 * 88/2025/QH15 (from 1 July 2025) repealed the per-title caps of LHAV Art. 38–51 and leaves them
 * to the Government's sanctioning decrees, so no figure here is sourced yet: every cap is marked
 * verify. Amounts are for one individual's violation; an organisation may be fined twice the cap
 * (see capCovers in fines.ts).
 */
import type { AuthorityCap } from '../fines.js';

const BASIS =
  'Law 88/2025/QH15 repealed the per-title caps of LHAV Art. 38–51 (from 1 July 2025) and delegates them to the sanctioning decree of the field: unsourced, verify title and amount against the decree in force';
// The titles of the ministry inspectorate, abolished on 1 July 2025 (Law on Inspection 84/2025/QH15):
// kept so its cases keep working, and used by its successor until that unit's own titles are known.
const INSPECTORATE_BASIS = `${BASIS}; the ministry inspectorate's titles ceased on 1 July 2025 (Law on Inspection 84/2025/QH15): verify the successor unit's titles`;

/** Seeded caps; a title without a row has no sanctioning authority in the product. */
export const AUTHORITY_CAPS: readonly AuthorityCap[] = [
  {
    id: 'POLICE:COMMUNE_POLICE_CHIEF',
    agencyKind: 'POLICE',
    title: 'COMMUNE_POLICE_CHIEF',
    titleVi: 'Trưởng Công an cấp xã',
    capVnd: 5_000_000,
    legalBasis: BASIS,
    verify: true,
  },
  {
    id: 'POLICE:DEPARTMENT_HEAD',
    agencyKind: 'POLICE',
    title: 'DEPARTMENT_HEAD',
    titleVi: 'Trưởng phòng nghiệp vụ Công an tỉnh',
    capVnd: 20_000_000,
    legalBasis: BASIS,
    verify: true,
  },
  {
    id: 'POLICE:DIRECTOR',
    agencyKind: 'POLICE',
    title: 'DIRECTOR',
    titleVi: 'Giám đốc Công an tỉnh',
    capVnd: 50_000_000,
    legalBasis: BASIS,
    verify: true,
  },
  {
    id: 'QLTT:TEAM_LEAD',
    agencyKind: 'QLTT',
    title: 'TEAM_LEAD',
    titleVi: 'Đội trưởng Đội Quản lý thị trường',
    capVnd: 25_000_000,
    legalBasis: BASIS,
    verify: true,
  },
  {
    id: 'QLTT:DEPARTMENT_HEAD',
    agencyKind: 'QLTT',
    title: 'DEPARTMENT_HEAD',
    titleVi: 'Chi cục trưởng Chi cục Quản lý thị trường',
    capVnd: 50_000_000,
    legalBasis: BASIS,
    verify: true,
  },
  {
    id: 'CUSTOMS:TEAM_LEAD',
    agencyKind: 'CUSTOMS',
    title: 'TEAM_LEAD',
    titleVi: 'Đội trưởng thuộc Chi cục Hải quan khu vực',
    capVnd: 10_000_000,
    legalBasis: BASIS,
    verify: true,
  },
  {
    id: 'CUSTOMS:DEPARTMENT_HEAD',
    agencyKind: 'CUSTOMS',
    title: 'DEPARTMENT_HEAD',
    titleVi: 'Chi cục trưởng Chi cục Hải quan khu vực',
    capVnd: 50_000_000,
    legalBasis: BASIS,
    verify: true,
  },
  {
    id: 'DEPT:TEAM_LEAD',
    agencyKind: 'DEPT',
    title: 'TEAM_LEAD',
    titleVi: 'Trưởng đoàn kiểm tra chuyên ngành',
    capVnd: 25_000_000,
    legalBasis: BASIS,
    verify: true,
  },
  {
    id: 'DEPT:DIRECTOR',
    agencyKind: 'DEPT',
    title: 'DIRECTOR',
    titleVi: 'Giám đốc Sở Khoa học và Công nghệ',
    capVnd: 50_000_000,
    legalBasis: BASIS,
    verify: true,
  },
  {
    id: 'INSPECTORATE:TEAM_LEAD',
    agencyKind: 'INSPECTORATE',
    title: 'TEAM_LEAD',
    titleVi: 'Trưởng đoàn thanh tra chuyên ngành',
    capVnd: 50_000_000,
    legalBasis: INSPECTORATE_BASIS,
    verify: true,
  },
  {
    id: 'INSPECTORATE:CHIEF_INSPECTOR',
    agencyKind: 'INSPECTORATE',
    title: 'CHIEF_INSPECTOR',
    titleVi: 'Chánh Thanh tra Bộ',
    capVnd: 100_000_000,
    legalBasis: INSPECTORATE_BASIS,
    verify: true,
  },
];
