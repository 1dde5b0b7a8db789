import { create } from 'zustand';
import { api, onSessionRefreshed, post, refreshSession, setAccessToken } from '../lib/api';
import { socket } from '../lib/socket';
import type { PlayerClass, Session, SessionPlayer } from '../lib/types';

interface UserState {
  player: SessionPlayer | null;
  restoring: boolean;
  isAdmin: () => boolean;
  register: (handle: string, email: string, password: string, playerClass: PlayerClass) => Promise<void>;
  login: (login: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  restore: () => Promise<void>;
}

function start(session: Session) {
  setAccessToken(session.accessToken);
  socket.connect();
  return { player: session.player };
}

export const useUserStore = create<UserState>()((set, get) => ({
  player: null,
  restoring: true,
  isAdmin: () => get().player?.roles.includes('ADMIN') ?? false,
  async register(handle, email, password, playerClass) {
    set(start(await post<Session>('/api/auth/register', { handle, email, password, playerClass })));
  },
  async login(login, password) {
    set(start(await post<Session>('/api/auth/login', { login, password })));
  },
  async logout() {
    socket.disconnect();
    await post('/api/auth/logout').catch(() => undefined);
    setAccessToken(null);
    set({ player: null });
  },
  async restore() {
    // The refresh cookie (HttpOnly) is the only thing that survives a reload.
    const session = await refreshSession();
    set({ ...(session ? start(session) : { player: null }), restoring: false });
  },
}));

onSessionRefreshed((session) => {
  if (session) useUserStore.setState({ player: session.player });
});

export const fetchMe = () => api<SessionPlayer>('/api/auth/me');
