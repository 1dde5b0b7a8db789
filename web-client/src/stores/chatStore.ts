import { create } from 'zustand';
import { socket } from '../lib/socket';
import type { ChatMessage } from '../lib/types';

interface GlobalChatState {
  messages: ChatMessage[];
  send: (text: string) => Promise<void>;
}

const KEEP = 200;

export function merge(current: ChatMessage[], incoming: ChatMessage[]) {
  const byId = new Map(current.map((m) => [m.messageId, m]));
  incoming.forEach((m) => byId.set(m.messageId, m));
  return [...byId.values()].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt)).slice(-KEEP);
}

/**
 * The GLOBAL channel: every connection is in it (protocol §7). The gateway pushes `chat:history`
 * (`{channel, matchId, messages}`) for a channel right after the connection enters it (GLOBAL on
 * connect, MATCH/SPECTATORS on join), so a reconnect refills what was said meanwhile.
 */
export const useGlobalChatStore = create<GlobalChatState>()(() => ({
  messages: [],
  async send(text) {
    await socket.request('chat:send', { channel: 'GLOBAL', text });
  },
}));

socket.on('chat:message', (m: ChatMessage) => {
  if (m.channel === 'GLOBAL') useGlobalChatStore.setState((s) => ({ messages: merge(s.messages, [m]) }));
});
socket.on('chat:removed', (m: { messageId: string }) => {
  useGlobalChatStore.setState((s) => ({ messages: s.messages.filter((c) => c.messageId !== m.messageId) }));
});
socket.on('chat:history', (h: { channel: string; matchId: string | null; messages: ChatMessage[] }) => {
  if (h.channel === 'GLOBAL') useGlobalChatStore.setState((s) => ({ messages: merge(s.messages, h.messages ?? []) }));
});
