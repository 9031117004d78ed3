/** Time left to a deadline, ticking live; past it, how long it has been overdue. */
import { useEffect, useState } from 'react';
import { durationParts } from '../../../domain/messages/index.js';
import { useI18n } from '../i18n.js';

/** The current time, refreshed every `ms`. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

export function useDuration(): (ms: number) => string {
  const { t } = useI18n();
  return (ms) => {
    const { days, hours, minutes } = durationParts(ms);
    const parts = [
      days ? t('daysShort', { n: days }) : '',
      days || hours ? t('hoursShort', { n: hours }) : '',
      t('minutesShort', { n: minutes }),
    ];
    return parts.filter(Boolean).join(' ');
  };
}

export function Countdown({ dueAt }: { dueAt: string }) {
  const { t } = useI18n();
  const now = useNow();
  const duration = useDuration();
  const left = new Date(dueAt).getTime() - now;
  return left >= 0 ? (
    <span className="countdown">{t('dueIn', { time: duration(left) })}</span>
  ) : (
    <span className="countdown overdue">{t('overdueBy', { time: duration(left) })}</span>
  );
}
