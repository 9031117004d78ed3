/** The caller's notices: the unread count for the badge (polled), pages of notices, marking read. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from './api/client.js';
import type { Notice, NoticePage } from './api/types.js';

const KEY = ['notifications'];

export function useUnreadCount(): number | undefined {
  return useQuery({
    queryKey: [...KEY, 'unread'],
    queryFn: () => api<NoticePage>('GET', `/v1/notifications${query({ unread: true, limit: 1 })}`).then((p) => p.unreadCount),
    refetchInterval: 20_000,
  }).data;
}

export function useNoticePages(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'list', unreadOnly],
    initialPageParam: `/v1/notifications${query({ unread: unreadOnly || undefined, limit: 20 })}`,
    queryFn: ({ pageParam }) => api<NoticePage>('GET', pageParam),
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: KEY });
  return {
    one: useMutation({
      mutationFn: (id: string) => api<Notice>('POST', `/v1/notifications/${encodeURIComponent(id)}/read`),
      onSuccess: done,
    }),
    all: useMutation({ mutationFn: () => api<{ marked: number }>('POST', '/v1/notifications/read-all'), onSuccess: done }),
  };
}
