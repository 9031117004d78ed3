// The reference tables as the seed of November 2026 left them, before the corrections of issue 17:
// a database of a deployment that started before them. Written out literally from that seed, not
// derived from domain/reference/corrections.ts, so that a test of the corrections can fail.
import type { Db } from '../../prisma/client.js';
import { seedReferenceData } from '../../prisma/reference/seed.js';

const day = (d: string) => new Date(`${d}T00:00:00.000Z`);

const OLD_POSTAL_OFFENCES = [
  {
    offenceCode: 'POST_PROHIBITED_ITEM',
    minVnd: 10_000_000n,
    maxVnd: 20_000_000n,
    extraPenalties: ['CONFISCATION', 'LICENCE_SUSPENSION_1_3_MONTHS_IF_REPEATED'],
    descriptionVi: 'Gửi, chấp nhận, vận chuyển vật phẩm, hàng hóa không được gửi qua mạng bưu chính',
    descriptionEn: 'Sending, accepting or carrying items that may not be sent by post',
  },
  {
    offenceCode: 'POST_BANNED_CULTURE',
    minVnd: 20_000_000n,
    maxVnd: 30_000_000n,
    extraPenalties: ['CONFISCATION'],
    descriptionVi: 'Gửi, vận chuyển văn hóa phẩm đồi trụy, văn hóa phẩm bị cấm',
    descriptionEn: 'Sending or carrying immoral or banned cultural products',
  },
  {
    offenceCode: 'POST_FAILED_TO_SUSPEND_NOTIFY',
    minVnd: 10_000_000n,
    maxVnd: 20_000_000n,
    extraPenalties: [],
    descriptionVi: 'Doanh nghiệp không đình chỉ vận chuyển, phát và không thông báo cho cơ quan có thẩm quyền',
    descriptionEn: 'Carrier failing to suspend carriage and delivery and to notify',
  },
];

const OLD_DECREES = [
  {
    id: 'D15-2020',
    decree: 'Decree 15/2020/NĐ-CP as amended by Decree 14/2022/NĐ-CP',
    from: '2020-04-01',
    to: '2026-07-01' as string | null,
  },
  { id: 'D174-2026', decree: 'Decree 174/2026/NĐ-CP', from: '2026-07-01', to: null },
];

const OLD_CAP_BASIS = 'LHAV Art. 38-46 (as amended 2020) and the 2025 reorganisation: verify title and amount against the text in force';

const OLD_POLICIES = {
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

/** Seeds `db` as a start in November 2026 did: the state an upgrade finds. */
export async function seedTheOldWay(db: Db): Promise<void> {
  await seedReferenceData(db); // today's seed, then everything it does differently undone
  await db.fineSchedule.deleteMany({});
  await db.fineSchedule.createMany({
    data: OLD_DECREES.flatMap((d) =>
      OLD_POSTAL_OFFENCES.map((o) => ({
        ...o,
        id: `${d.id}:${o.offenceCode}`,
        decree: d.decree,
        effectiveFrom: day(d.from),
        effectiveTo: d.to ? day(d.to) : null,
        legalBasis: `${d.decree}, postal sanctions chapter (verify article and amounts against the official text)`,
        verify: true,
      })),
    ),
  });
  await db.authorityCap.updateMany({ data: { legalBasis: OLD_CAP_BASIS } });
  await db.agency.delete({ where: { id: 'NATIONAL-INSPECTION-UNIT' } });
  await db.agency.update({ where: { id: 'NATIONAL-INSPECTORATE' }, data: { validTo: null } });
  for (const [clock, p] of Object.entries(OLD_POLICIES)) await db.deadlinePolicy.update({ where: { clock }, data: p });
  await db.itemCategory.updateMany({
    where: { code: { in: ['IMPORT_EXPORT_BANNED', 'CURRENCY', 'DANGEROUS_GOODS', 'LIVE_ORGANISMS', 'OTHER'] } },
    data: { offenceCode: 'POST_PROHIBITED_ITEM' },
  });
}
