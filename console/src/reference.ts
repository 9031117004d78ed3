/** Reference data the pages label things with (agency names), loaded once per session. */
import { useQuery } from '@tanstack/react-query';
import { api } from './api/client.js';
import type { Agency, DeadlinePolicy, DeadlineView, Page } from './api/types.js';
import { useI18n } from './i18n.js';

export function useAgencies() {
  return useQuery({
    queryKey: ['reference', 'agencies'],
    queryFn: () => api<Pick<Page<Agency>, 'items'>>('GET', '/v1/reference/agencies').then((r) => r.items),
    staleTime: 10 * 60_000,
  });
}

/** An agency's name in the reader's language, or its id while the list loads. */
export function useAgencyName(): (id: string | null) => string {
  const { locale } = useI18n();
  const agencies = useAgencies().data ?? [];
  return (id) => {
    if (!id) return '';
    const a = agencies.find((x) => x.id === id);
    return a ? (locale === 'en' && a.nameEn ? a.nameEn : a.name) : id;
  };
}

export function useDeadlinePolicies() {
  return useQuery({
    queryKey: ['reference', 'deadline-policies'],
    queryFn: () => api<Pick<Page<DeadlinePolicy>, 'items'>>('GET', '/v1/reference/deadline-policies').then((r) => r.items),
    staleTime: 10 * 60_000,
  });
}

/** What happens when a running clock is missed next: the escalation level after those already passed. */
export function useOnMiss(): (d: DeadlineView) => string {
  const { m } = useI18n();
  const policies = useDeadlinePolicies().data ?? [];
  return (d) => {
    const target = policies.find((p) => p.clock === d.clock)?.escalationChain[d.escalationLevel];
    return target ? m.escalation[target] : '';
  };
}
