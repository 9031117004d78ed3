import { ApplicationFailure, Context } from '@temporalio/activity';
import { rejectedData, UNIQUE_VIOLATION } from '../prisma/errors.js';
import { DATA_REJECTED } from '../workflows/definitions.js';

/**
 * Before this many attempts a unique-key violation is taken for two attempts of one idempotent
 * write racing each other (the next attempt finds the row and skips); from then on, for a conflict.
 */
const RACE_ATTEMPTS = 3;

const attempt = (): number => {
  try {
    return Context.current().info.attempt;
  } catch {
    return 1; // called outside an activity (a test calling it directly)
  }
};

/**
 * The activity, failing without retry when PostgreSQL refuses its data for good (prisma/errors.ts):
 * such a write would be retried for ever and hold its case without a word. The workflow opens an
 * incident instead (workflows/incidents.ts). Any other failure (the database unavailable) is
 * thrown as it is and retried until it succeeds.
 */
export function refusingRejectedData<A extends unknown[], R>(activity: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await activity(...args);
    } catch (e) {
      const rejected = rejectedData(e);
      if (!rejected || (rejected.sqlState === UNIQUE_VIOLATION && attempt() < RACE_ATTEMPTS)) throw e;
      throw ApplicationFailure.create({
        type: DATA_REJECTED,
        nonRetryable: true,
        message: `PostgreSQL refused the write (SQLSTATE ${rejected.sqlState}): ${rejected.message}`,
        details: [rejected],
      });
    }
  };
}
