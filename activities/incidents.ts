import type { Db } from '../prisma/client.js';
import { saveIncident } from '../prisma/incidents.js';
import type { CaseIncident } from '../workflows/definitions.js';

/** The incident log the case workflow keeps (prisma/incidents.ts): every save is safe to retry. */
export function createIncidentRecords(db: Db) {
  return {
    /** Stores an incident as it stands: opened, refused again after a retry, or resolved. */
    saveIncident: (i: CaseIncident): Promise<void> => saveIncident(db, i),
  };
}
