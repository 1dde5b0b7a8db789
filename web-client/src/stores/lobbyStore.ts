import { create } from 'zustand';
import { socket } from '../lib/socket';
import { sounds } from '../lib/sound';
import type { LobbySettings, LobbyState, MatchFound, Mode, QueueStatus } from '../lib/types';

interface LobbyStoreState {
  queues: Partial<Record<Mode, QueueStatus>>;
  found: MatchFound | null;
  lobby: LobbyState | null;
  error: string | null;
  queue: (mode: Mode) => Promise<void>;
  leave: (mode: Mode) => Promise<void>;
  createLobby: (mode: Mode) => Promise<void>;
  joinLobby: (code: string) => Promise<void>;
  exitLobby: () => Promise<void>;
  startLobby: () => Promise<void>;
  /** Host only (`lobby:settings`): the mode and/or settings; null fields keep the mode's defaults. */
  configureLobby: (mode: Mode, settings: LobbySettings) => Promise<void>;
  clearFound: () => void;
}

const failed = (set: (s: Partial<LobbyStoreState>) => void) => (e: any) => {
  set({ error: e?.message ?? String(e) });
  sounds.error();
};

export const useLobbyStore = create<LobbyStoreState>()((set, get) => ({
  queues: {},
  found: null,
  lobby: null,
  error: null,
  async queue(mode) {
    set({ error: null });
    try {
      const status = await socket.request<QueueStatus>('lobby:queue', { mode });
      set({ queues: { ...get().queues, [mode]: status } });
    } catch (e) { failed(set)(e); }
  },
  async leave(mode) {
    try {
      const status = await socket.request<QueueStatus>('lobby:leave', { mode });
      set({ queues: { ...get().queues, [mode]: status } });
    } catch (e) { failed(set)(e); }
  },
  async createLobby(mode) {
    try { set({ lobby: await socket.request<LobbyState>('lobby:create', { mode }), error: null }); } catch (e) { failed(set)(e); }
  },
  async joinLobby(code) {
    try { set({ lobby: await socket.request<LobbyState>('lobby:join', { code: code.trim().toUpperCase() }), error: null }); } catch (e) { failed(set)(e); }
  },
  async exitLobby() {
    const code = get().lobby?.code;
    if (!code) return;
    try { await socket.request('lobby:exit', { code }); } catch { /* already gone */ }
    set({ lobby: null });
  },
  async startLobby() {
    const code = get().lobby?.code;
    if (code) await socket.request('lobby:start', { code }).catch(failed(set));
  },
  async configureLobby(mode, settings) {
    const code = get().lobby?.code;
    if (!code) return;
    try { set({ lobby: await socket.request<LobbyState>('lobby:settings', { code, mode, settings }), error: null }); } catch (e) { failed(set)(e); }
  },
  clearFound: () => set({ found: null }),
}));

socket.on('lobby:found', (found: MatchFound) => {
  useLobbyStore.setState({ found, queues: {} });
  sounds.matchFound();
  // A background tab still plays the sound (the audio context was unlocked by the queue click);
  // the title tells the player where to look.
  if (document.hidden) document.title = '⚔ Match found! — CodeArena';
});
socket.on('lobby:update', (lobby: LobbyState) => {
  useLobbyStore.setState({ lobby: lobby.status === 'closed' ? null : lobby });
});
socket.on('lobby:queued', (status: QueueStatus) => {
  useLobbyStore.setState((s) => ({ queues: { ...s.queues, [status.mode]: status } }));
});
socket.on('lobby:left', (status: QueueStatus) => {
  useLobbyStore.setState((s) => ({ queues: { ...s.queues, [status.mode]: status } }));
});
