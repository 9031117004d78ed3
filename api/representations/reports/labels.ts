/**
 * The words a person reads in a report, Vietnamese first, English second. A stand-in: the
 * message catalogue (domain/messages/) is being written elsewhere; at the merge these entries
 * move there and this file becomes a lookup into it.
 */
import type { TableId } from '../../../domain/report-content.js';
import type { Kt1Mode, PeriodKind } from '../../../domain/report-period.js';

export interface Label {
  vi: string;
  en: string;
}

export const TABLE_TITLES: Record<TableId, Label> = {
  casesByCategory: { vi: 'Vụ việc phát hiện theo loại vật phẩm, hàng hóa', en: 'Cases detected by category' },
  casesByCarrier: { vi: 'Vụ việc phát hiện theo doanh nghiệp bưu chính', en: 'Cases detected by carrier' },
  casesByServicePoint: { vi: 'Vụ việc phát hiện theo điểm phục vụ', en: 'Cases detected by service point' },
  casesByStage: { vi: 'Vụ việc phát hiện theo khâu phát hiện', en: 'Cases detected by stage' },
  casesByProvince: { vi: 'Vụ việc phát hiện theo tỉnh, thành phố', en: 'Cases detected by province' },
  casesByOutcome: { vi: 'Kết quả xử lý các vụ việc phát hiện trong kỳ', en: 'Outcome of the cases detected in the period' },
  holds: { vi: 'Đình chỉ vận chuyển, phát bưu gửi', en: 'Holds' },
  referrals: { vi: 'Chuyển cơ quan điều tra', en: 'Referrals to investigators' },
  sanctions: { vi: 'Xử phạt vi phạm hành chính', en: 'Administrative sanctions' },
  deadlines: { vi: 'Chấp hành thời hạn', en: 'Deadline compliance' },
  licenceFindings: {
    vi: 'Vụ việc của doanh nghiệp không có giấy phép hoặc văn bản xác nhận thông báo còn hiệu lực',
    en: 'Cases against carriers without a valid licence or notification',
  },
  pledgeCoverage: { vi: 'Ký cam kết "Nói không với hàng lậu, hàng cấm qua đường bưu chính"', en: 'Pledges signed and their coverage' },
};

/** Column headers by metric; `value` is the figure of an indicator row. */
export const METRICS: Record<string, Label> = {
  detected: { vi: 'Số vụ', en: 'Cases' },
  value: { vi: 'Số liệu', en: 'Figure' },
  cases: { vi: 'Số vụ', en: 'Cases' },
  met: { vi: 'Đúng hạn', en: 'Met' },
  missed: { vi: 'Quá hạn', en: 'Missed' },
  escalations: { vi: 'Lượt báo cáo cấp trên', en: 'Escalations' },
  medianSeconds: { vi: 'Thời gian trung vị', en: 'Median time' },
  p90Seconds: { vi: 'Thời gian 90%', en: '90th percentile' },
  registeredPoints: { vi: 'Điểm phục vụ đã đăng ký', en: 'Registered service points' },
  coveredPoints: { vi: 'Điểm phục vụ đã ký cam kết', en: 'Points covered by a pledge' },
  coveragePercent: { vi: 'Tỷ lệ (%)', en: 'Coverage (%)' },
  pledgesSigned: { vi: 'Bản cam kết ký trong kỳ', en: 'Pledges signed in the period' },
};

/** The three columns every metric has. */
export const COLUMNS = {
  key: { vi: 'Mã', en: 'Code' },
  row: { vi: 'Nội dung', en: 'Item' },
  value: { vi: 'Kỳ báo cáo', en: 'This period' },
  previous: { vi: 'Cùng kỳ', en: 'Previous period' },
  change: { vi: 'Tăng (+), giảm (-)', en: 'Change' },
  total: { vi: 'Tổng cộng', en: 'Total' },
} satisfies Record<string, Label>;

/** Labels of the fixed codes: indicators, clocks, outcomes, stages, service point classes. */
export const CODES: Record<string, Label> = {
  // indicators
  detected: { vi: 'Số vụ phát hiện', en: 'Cases detected' },
  holdsConfirmed: { vi: 'Số vụ doanh nghiệp xác nhận đã đình chỉ', en: 'Holds confirmed' },
  holdsConfirmedOnTime: { vi: 'Trong đó: xác nhận đúng hạn', en: 'of which on time' },
  referred: { vi: 'Số vụ chuyển cơ quan điều tra', en: 'Cases referred to investigators' },
  returnedFromInvestigation: { vi: 'Số vụ cơ quan điều tra trả lại để xử phạt hành chính', en: 'Cases returned by investigators' },
  decisions: { vi: 'Số quyết định xử phạt', en: 'Sanction decisions' },
  noSanctionDecisions: { vi: 'Số quyết định không xử phạt', en: 'Decisions not to sanction' },
  imposedVnd: { vi: 'Tổng số tiền phạt (đồng)', en: 'Fines imposed (VND)' },
  collectedVnd: { vi: 'Số tiền đã thu trong kỳ (đồng)', en: 'Collected in the period (VND)' },
  outstandingVnd: { vi: 'Số tiền chưa thu, đến cuối kỳ (đồng)', en: 'Outstanding at the end (VND)' },
  lateInterestVnd: { vi: 'Tiền chậm nộp phạt, đến cuối kỳ (đồng)', en: 'Late interest at the end (VND)' },
  // clocks
  HOLD_CONFIRMATION: { vi: 'Xác nhận đình chỉ', en: 'Hold confirmation' },
  AGENCY_ACKNOWLEDGEMENT: { vi: 'Cơ quan tiếp nhận thông báo', en: 'Agency acknowledgement' },
  VERIFICATION: { vi: 'Xác minh', en: 'Verification' },
  VIOLATION_RECORD: { vi: 'Lập biên bản vi phạm hành chính', en: 'Violation record' },
  SANCTION_DECISION: { vi: 'Ra quyết định xử phạt', en: 'Sanction decision' },
  SERVE_DECISION: { vi: 'Giao quyết định xử phạt', en: 'Serving the decision' },
  PAYMENT: { vi: 'Nộp tiền phạt', en: 'Payment' },
  ENFORCEMENT_LIMITATION: { vi: 'Thời hiệu thi hành quyết định', en: 'Enforcement limitation' },
  SANCTIONING_LIMITATION: { vi: 'Thời hiệu xử phạt', en: 'Sanctioning limitation' },
  TEMPORARY_SEIZURE: { vi: 'Tạm giữ tang vật', en: 'Temporary seizure' },
  // outcomes
  OPEN: { vi: 'Đang xử lý', en: 'Open' },
  CLEARED: { vi: 'Không vi phạm, cho tiếp tục phát', en: 'Cleared and released' },
  REFERRED: { vi: 'Chuyển cơ quan điều tra', en: 'Referred' },
  PAID: { vi: 'Đã nộp phạt', en: 'Fine paid' },
  ENFORCED: { vi: 'Cưỡng chế thi hành', en: 'Enforced' },
  NO_SANCTION: { vi: 'Không xử phạt', en: 'Not sanctioned' },
  EXPIRED: { vi: 'Hết thời hiệu', en: 'Limitation passed' },
  // stages
  ACCEPTANCE: { vi: 'Chấp nhận', en: 'Acceptance' },
  SORTING: { vi: 'Khai thác, chia chọn', en: 'Sorting' },
  TRANSIT: { vi: 'Vận chuyển', en: 'Transit' },
  DELIVERY: { vi: 'Phát', en: 'Delivery' },
  // service point classes
  REGISTERED: { vi: 'Tại điểm phục vụ đã đăng ký', en: 'At a registered service point' },
  COMMUNE_LEVEL: { vi: 'Trong đó: điểm phục vụ cấp xã', en: 'of which commune-level' },
  REMOTE: { vi: 'Trong đó: vùng sâu, vùng xa', en: 'of which remote' },
  UNREGISTERED: { vi: 'Tại điểm chưa đăng ký', en: 'At an unregistered point' },
};

export const PERIOD_KIND_LABELS: Record<PeriodKind, Label> = {
  H1: { vi: '6 tháng đầu năm', en: 'first half-year' },
  YEAR: { vi: 'năm', en: 'year' },
  RANGE: { vi: 'từ ngày đến ngày', en: 'date range' },
};

export const KT1_LABELS: Record<Kt1Mode, Label> = {
  EXCLUDED: { vi: 'Không gồm vụ việc thuộc mạng bưu chính KT1', en: 'KT1 cases excluded' },
  INCLUDED: { vi: 'Gồm cả vụ việc thuộc mạng bưu chính KT1 (MẬT)', en: 'KT1 cases included (restricted)' },
  ONLY: { vi: 'Chỉ vụ việc thuộc mạng bưu chính KT1 (MẬT)', en: 'KT1 cases only (restricted)' },
};

/** The label of a fixed code, or the code itself when it has none (codes of reference data are labelled from the report's names). */
export const codeLabel = (code: string): Label => CODES[code] ?? { vi: code, en: code };

/** A language a person reads a report in. */
export type ReportLocale = keyof Label;

/** The rows of the CSV export's description file. */
export const INFO = {
  heading: { vi: 'Thông tin', en: 'Field' },
  value: { vi: 'Giá trị', en: 'Value' },
  id: { vi: 'Mã báo cáo', en: 'Report id' },
  scope: { vi: 'Phạm vi', en: 'Scope' },
  national: { vi: 'Toàn quốc', en: 'National' },
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
  previous: { vi: 'Cùng kỳ so sánh', en: 'Compared with' },
  kt1: { vi: 'Vụ việc KT1', en: 'KT1 cases' },
  asOf: { vi: 'Số liệu tính đến', en: 'Figures as of' },
  asOfNow: { vi: 'Số liệu tạm tính (kỳ chưa kết thúc)', en: 'Provisional (period not over)' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  due: { vi: 'Hạn nộp báo cáo', en: 'Due' },
  unverified: { vi: 'chưa xác minh', en: 'unverified' },
  referenceVersion: { vi: 'Phiên bản dữ liệu danh mục', en: 'Reference data version' },
  checksum: { vi: 'Mã kiểm tra SHA-256', en: 'SHA-256 checksum' },
  seconds: { vi: 'giây', en: 'seconds' },
} satisfies Record<string, Label>;
