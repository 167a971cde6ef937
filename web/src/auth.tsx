// Who is signed in: the user of the session's token (GET /api/v1/auth/me), their role, company
// and household. Pages and menus ask `can…` helpers here, so a role never sees an action it
// cannot take; the server checks again on every call.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, getToken, setToken, setUnauthenticatedHandler } from './api/client';
import type { Schemas } from './api/types';

/** GET /api/v1/auth/me (app/http/auth.cpp, PrincipalToJson): company_id of a company role,
 * household_id of a household login, null otherwise. */
export type Me = Schemas['Me'];

export type Role = Me['role'];

interface AuthValue {
  me: Me | null;
  loading: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue>({
  me: null,
  loading: false,
  login: async () => {},
  logout: async () => {},
});

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState<boolean>(!!getToken());

  const loadMe = useCallback(async () => {
    try {
      setMe(await api.get<Me>('/api/v1/auth/me'));
    } catch {
      setToken(null);
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setToken(null);
      setMe(null);
    });
    if (getToken()) void loadMe();
  }, [loadMe]);

  const login = useCallback(
    async (username: string, password: string) => {
      const issued = await api.post<{ token: string }>('/api/v1/auth/login', { username, password });
      setToken(issued.token);
      setLoading(true);
      await loadMe();
    },
    [loadMe],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } catch {
      // the token is forgotten here whatever the server says
    }
    setToken(null);
    setMe(null);
  }, []);

  const value = useMemo(() => ({ me, loading, login, logout }), [me, loading, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  return useContext(AuthContext);
}

/** The company roles: they work for one heating company (admin sees all). */
export const COMPANY_ROLES: Role[] = ['admin', 'manager', 'agent', 'technician'];

export function hasRole(me: Me | null, roles: readonly Role[]): boolean {
  return !!me && roles.includes(me.role);
}
