import type { Command } from 'commander';
import { REGISTRY_COLLECTIONS } from '../../api/resources/registry-collections.js';
import { collectionCommands } from './collection-commands.js';
import type { AdminContext } from './context.js';

/**
 * The carrier registry (issue 15): licences and notifications, service points, pledges, with the
 * API's validation (the bodies of PUT /v1/reference/…) and its change log.
 */
export function registryCommands(program: Command, ctx: AdminContext): void {
  for (const c of REGISTRY_COLLECTIONS) collectionCommands(program, ctx, c);
}
