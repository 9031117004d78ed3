import type { Db } from '../prisma/client.js';
import { recordCaseWrite, registerCase } from '../prisma/cases/writes.js';
import type { CaseRegistration, CaseWrite } from '../workflows/definitions.js';

/** Case row + audit log + notification log writes (prisma/cases/writes.ts); every one is safe to retry. */
export function createCaseRecords(db: Db) {
  return {
    /** Creates the case row, its number and its DETECTED event once; returns the number. */
    registerCase: (r: CaseRegistration): Promise<{ number: string }> => registerCase(db, r),
    /** Appends an event, moves the case row forward and logs the notices, atomically. */
    recordEvent: (w: CaseWrite): Promise<void> => recordCaseWrite(db, w),
  };
}
