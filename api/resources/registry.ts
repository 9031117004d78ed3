import { canAdminister, canReadReference } from '../../domain/access.js';
import { allow, type Operation } from '../http/operation.js';
import { collectionOperations, type Register } from './administered-operations.js';
import { REGISTRY_COLLECTIONS } from './registry-collections.js';

const REGISTRY: Register = {
  read: allow(canReadReference, 'read the carrier registry'),
  admin: allow(canAdminister, 'change the carrier registry'),
  tags: ['Reference data'],
  note: 'Administrators only; each change is logged (GET /v1/reference/changes?table=…). Cases keep what the registry said on their day of detection.',
};

/** The carrier registry's operations (issue 15), one list, put and delete per collection. */
export const registryOperations: Operation[] = REGISTRY_COLLECTIONS.flatMap((c) => collectionOperations(c, REGISTRY));
