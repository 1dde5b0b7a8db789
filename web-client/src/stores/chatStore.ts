import { create } from 'zustand';
import { socket } from '../lib/socket';
import type { ChatMessage } from '../lib/types';

interface GlobalChatState {
  messages: ChatMessage[];
  historyLoaded: boolean;
  send: (text: string) => Promise<void>;
  loadHistory: () => Promise<void>;
}

const KEEP = 200;

function merge(current: ChatMessage[], incoming: ChatMessage[]) {
  const byId = new Map(current.map((m) => [m.messageId, m]));
  incoming.forEach((m) => byId.set(m.messageId, m));
  return [...byId.values()].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt)).slice(-KEEP);
}

/** The GLOBAL channel: every connection is in it (protocol §7); history is asked once per connection. */
export const useGlobalChatStore = create<GlobalChatState>()((set, get) => ({
  messages: [],
  historyLoaded: false,
  async send(text) {
    await socket.request('chat:send', { channel: 'GLOBAL', text });
  },
  async loadHistory() {
    try {
      // `chat:history` answers with the latest messages of a channel; an arena without it answers
      // UNKNOWN_MESSAGE_TYPE and the panel shows only what is said from now on.
      const reply = await socket.request<{ messages?: ChatMessage[] } | ChatMessage[]>('chat:history', { channel: 'GLOBAL' });
      const messages = Array.isArray(reply) ? reply : reply.messages ?? [];
      set({ messages: merge(get().messages, messages.filter((m) => m.channel === 'GLOBAL')), historyLoaded: true });
    } catch {
      set({ historyLoaded: true });
    }
  },
}));

socket.on('chat:message', (m: ChatMessage) => {
  if (m.channel === 'GLOBAL') useGlobalChatStore.setState((s) => ({ messages: merge(s.messages, [m]) }));
});
socket.on('chat:removed', (m: { messageId: string }) => {
  useGlobalChatStore.setState((s) => ({ messages: s.messages.filter((c) => c.messageId !== m.messageId) }));
});
socket.onState((state) => {
  if (state === 'online') void useGlobalChatStore.getState().loadHistory();
});
