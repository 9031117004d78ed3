/** Who is signed in: GET /v1/session on load, sign-in and sign-out; a 401 anywhere ends it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { api, setCsrfToken, whenSignedOut } from './api/client.js';
import { ApiProblem } from './api/problem.js';
import type { Session } from './api/types.js';

interface SessionState {
  session: Session | null;
  loading: boolean;
  signIn: (username: string, password: string) => Promise<Session>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);
const KEY = ['session'];

async function currentSession(): Promise<Session | null> {
  try {
    return await api<Session>('GET', '/v1/session');
  } catch (e) {
    if (e instanceof ApiProblem && (e.status === 401 || e.status === 404)) return null;
    throw e;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: KEY, queryFn: currentSession, staleTime: Infinity, retry: false });
  const session = q.data ?? null;
  setCsrfToken(session?.csrfToken ?? null);
  useEffect(() => {
    whenSignedOut(() => {
      qc.setQueryData(KEY, null);
      qc.removeQueries({ predicate: (query) => query.queryKey[0] !== KEY[0] });
    });
  }, [qc]);
  const signIn = useMutation({
    mutationFn: (c: { username: string; password: string }) => api<Session>('POST', '/v1/session', c),
    onSuccess: (s) => {
      setCsrfToken(s.csrfToken);
      qc.setQueryData(KEY, s);
    },
  });
  const signOut = useMutation({
    mutationFn: () => api<void>('DELETE', '/v1/session'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(KEY, null);
    },
  });
  const value: SessionState = {
    session,
    loading: q.isPending,
    signIn: (username, password) => signIn.mutateAsync({ username, password }),
    signOut: () => signOut.mutateAsync(),
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
