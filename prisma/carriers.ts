import type { Db } from './client.js';
import type { Carrier } from './generated/client.js';
import type { IsoDate } from '../domain/calendar.js';
import { dayOrNull } from './reference/days.js';

export type CarrierRow = Carrier;

/** A carrier as an administrator registers it (licence details are optional). */
export interface NewCarrier {
  id: string;
  name: string;
  kt1: boolean;
  licenceNumber?: string;
  licenceValidTo?: IsoDate;
  complianceContact?: string;
}

export async function carrierExists(db: Db, id: string): Promise<boolean> {
  return (await db.carrier.findUnique({ where: { id }, select: { id: true } })) !== null;
}

export function createCarrier(db: Db, c: NewCarrier): Promise<CarrierRow> {
  return db.carrier.create({ data: { ...c, licenceValidTo: dayOrNull(c.licenceValidTo) } });
}

export function listCarriers(db: Db): Promise<CarrierRow[]> {
  return db.carrier.findMany({ orderBy: { id: 'asc' } });
}

/** Registers a carrier, or renames it and sets its KT1 flag when it is registered already (the operator CLI). */
export function putCarrier(db: Db, c: Pick<NewCarrier, 'id' | 'name' | 'kt1'>): Promise<CarrierRow> {
  return db.carrier.upsert({ where: { id: c.id }, create: c, update: { name: c.name, kt1: c.kt1 } });
}
