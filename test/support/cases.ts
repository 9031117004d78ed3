import type { Db } from '../../prisma/client.js';
import { seedReferenceData } from '../../prisma/reference/seed.js';
import type { DetectionInput } from '../../workflows/definitions.js';

/** The seed reference data plus the carriers the tests use. */
export async function seedForCases(db: Db): Promise<void> {
  await seedReferenceData(db);
  await db.carrier.createMany({
    data: [
      { id: 'VNP', name: 'Tổng công ty Bưu điện Việt Nam' },
      { id: 'VTP', name: 'Tổng công ty cổ phần Bưu chính Viettel' },
    ],
    skipDuplicates: true,
  });
  // VNP holds a notification of postal activity; VTP holds nothing, so its cases are licence findings
  await db.carrierLicence.createMany({
    data: [
      {
        id: 'SEED-VNP-TB',
        carrierId: 'VNP',
        kind: 'NOTIFICATION',
        number: 'SEED-1/XN-BTTTT',
        issuingAuthority: 'Bộ Thông tin và Truyền thông',
        issuedOn: new Date('2015-01-01'),
        scope: 'INTER_PROVINCIAL',
      },
    ],
    skipDuplicates: true,
  });
}

import { carrierActor } from './actors.js';

export { carrierActor, officer } from './actors.js';

export function detection(carrierRef: string, over: Partial<DetectionInput> = {}): DetectionInput {
  return {
    carrierId: 'VNP',
    carrierRef,
    trackingNumber: 'EE123456789VN',
    servicePoint: 'Bưu cục Hoằng Hóa',
    provinceCode: 'TH',
    stage: 'ACCEPTANCE',
    categoryCode: 'COUNTERFEIT',
    description: '20 túi xách giả nhãn hiệu',
    crossBorder: false,
    kt1: false,
    signsOfCrime: false,
    evidence: [{ ref: 'photo-1.jpg', description: 'Ảnh kiện hàng' }],
    reportedBy: carrierActor('VNP'),
    ...over,
  };
}
