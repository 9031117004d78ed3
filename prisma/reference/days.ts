import type { IsoDate } from '../../domain/calendar.js';

// Date columns hold the UTC midnight of a calendar day.
export const day = (d: IsoDate): Date => new Date(`${d}T00:00:00.000Z`);
export const dayOrNull = (d: IsoDate | null | undefined): Date | null => (d ? day(d) : null);
export const iso = (d: Date): IsoDate => d.toISOString().slice(0, 10);
export const isoOrNull = (d: Date | null): IsoDate | null => (d ? iso(d) : null);
