/** What the carrier registry says of a new case on its day of detection (domain/registry-standing.ts); planCase reads it. */
import type { Db } from './client.js';
import type { IsoDate } from '../domain/calendar.js';
import type { RegistryStanding } from '../domain/registry-standing.js';

const day = (d: IsoDate) => new Date(`${d}T00:00:00.000Z`);

/** The carrier's licences valid `on` (both ends included) and its point registered as `servicePoint`, open `on`. */
export async function registryStanding(db: Db, carrierId: string, servicePoint: string, on: IsoDate): Promise<RegistryStanding> {
  const [licences, point] = await Promise.all([
    db.carrierLicence.findMany({
      where: { carrierId, issuedOn: { lte: day(on) }, OR: [{ validTo: null }, { validTo: { gte: day(on) } }] },
      orderBy: { issuedOn: 'asc' },
      select: { id: true, kind: true, number: true },
    }),
    db.servicePoint.findFirst({
      where: { carrierId, code: servicePoint, validFrom: { lte: day(on) }, OR: [{ validTo: null }, { validTo: { gt: day(on) } }] },
      select: { code: true, name: true, provinceCode: true, communeLevel: true, remote: true },
    }),
  ]);
  return { on, licences, servicePoint: point };
}
