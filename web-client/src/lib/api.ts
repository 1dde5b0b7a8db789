import type { Session } from './types';

/** A typed error of the server ({code, message}) or of the network. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

let accessToken: string | null = null;
let refreshing: Promise<Session | null> | null = null;
const sessionListeners = new Set<(s: Session | null) => void>();

export function setAccessToken(token: string | null) { accessToken = token; }
export function getAccessToken() { return accessToken; }
export function onSessionRefreshed(listener: (s: Session | null) => void) {
  sessionListeners.add(listener);
  return () => { sessionListeners.delete(listener); };
}

async function parseError(res: Response): Promise<ApiError> {
  try {
    const body = await res.json();
    return new ApiError(res.status, body.code ?? 'HTTP_' + res.status, body.message ?? res.statusText);
  } catch {
    return new ApiError(res.status, 'HTTP_' + res.status, res.statusText || 'Request failed');
  }
}

/** Spends the HttpOnly refresh cookie for a new access token; concurrent callers share one request. */
export function refreshSession(): Promise<Session | null> {
  if (!refreshing) {
    refreshing = fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' })
      .then(async (res) => (res.ok ? ((await res.json()) as Session) : null))
      // The network is down: that says nothing about the session, so keep it (the socket retries).
      .catch(() => undefined)
      .then((session) => {
        if (session === undefined) return null;
        accessToken = session?.accessToken ?? null;
        sessionListeners.forEach((l) => l(session));
        return session;
      })
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

export async function api<T>(path: string, init: RequestInit = {}, retry = true): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Check your connection.');
  }
  if (res.status === 401 && retry && !path.startsWith('/api/auth/')) {
    if (await refreshSession()) return api<T>(path, init, false);
  }
  if (!res.ok) throw await parseError(res);
  if (res.status === 204 || res.status === 202 && res.headers.get('content-length') === '0') return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const post = <T>(path: string, body?: unknown) =>
  api<T>(path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
