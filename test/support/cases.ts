import type { Db } from '../../prisma/client.js';
import { seedReferenceData } from '../../prisma/reference/seed.js';
import type { Actor } from '../../domain/access.js';
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
}

export const carrierActor = (carrierId = 'VNP'): Actor => ({ id: `key-${carrierId}`, role: 'carrier', carrierId });

/** An officer of a seeded agency (ids like TH-QLTT), with an authority cap when given. */
export const officer = (agencyId: string, id: string, authorityCapVnd?: number): Actor => ({
  id,
  role: 'officer',
  agencyId,
  agencyKind: agencyId.split('-').at(-1) as Actor['agencyKind'],
  provinceCode: agencyId.split('-')[0],
  authorityCapVnd: authorityCapVnd ?? null,
});

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
