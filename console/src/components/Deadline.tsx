/** A running clock in a line: which clock, when it is due, the live countdown, what happens if it is missed. */
import { formatDateTime } from '../../../domain/messages/index.js';
import type { DeadlineView } from '../api/types.js';
import { useI18n } from '../i18n.js';
import { useOnMiss } from '../reference.js';
import { Countdown } from './Countdown.js';

/** The clock due first, or null. */
export const nearest = (deadlines: DeadlineView[]): DeadlineView | null =>
  deadlines.reduce<DeadlineView | null>((a, d) => (!a || d.dueAt < a.dueAt ? d : a), null);

export function DeadlineLine({ deadline }: { deadline: DeadlineView }) {
  const { m } = useI18n();
  const onMiss = useOnMiss()(deadline);
  return (
    <span className="deadline">
      <span>{m.clock[deadline.clock]}</span> · <time dateTime={deadline.dueAt}>{formatDateTime(deadline.dueAt)}</time> ·{' '}
      <Countdown dueAt={deadline.dueAt} />
      {onMiss ? <span className="on-miss"> → {onMiss}</span> : null}
    </span>
  );
}
