/**
 * Sanctioning authority caps per agency kind and officer title: configuration data, every
 * figure to be verified. Amounts are for one individual's violation; an organisation may be
 * fined twice the cap (see capCovers in fines.ts).
 */
import type { AuthorityCap } from '../fines.js';

const BASIS = 'LHAV Art. 38-46 (as amended 2020) and the 2025 reorganisation: verify title and amount against the text in force';

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
    legalBasis: BASIS,
    verify: true,
  },
  {
    id: 'INSPECTORATE:CHIEF_INSPECTOR',
    agencyKind: 'INSPECTORATE',
    title: 'CHIEF_INSPECTOR',
    titleVi: 'Chánh Thanh tra Bộ',
    capVnd: 100_000_000,
    legalBasis: BASIS,
    verify: true,
  },
];
