/**
 * Whose notices a person reads: their own (addressed to them) and their agency's, as the
 * workflow addresses them (case-events.ts). Managers also read the notices for their agency's
 * managers; a carrier reads its carrier's.
 */
import type { Actor } from './access.js';
import { agencyAddress, carrierAddress, managersAddress, principalAddress } from './case-events.js';

export { principalAddress };

/** Every notification address whose notices this actor reads. */
export function noticeAddressesOf(actor: Actor): string[] {
  const own = [principalAddress(actor.id)];
  switch (actor.role) {
    case 'carrier':
      return actor.carrierId ? [...own, carrierAddress(actor.carrierId)] : own;
    case 'officer':
      return actor.agencyId ? [...own, agencyAddress(actor.agencyId)] : own;
    case 'manager':
      return actor.agencyId ? [...own, agencyAddress(actor.agencyId), managersAddress(actor.agencyId)] : own;
    case 'admin':
    case 'system':
      return own;
  }
}
