import { getAccessToken, refreshSession } from './api';

export interface Envelope<P = any> { type: string; id?: string; replyTo?: string; payload?: P }
type Listener = (payload: any, envelope: Envelope) => void;
export type ConnectionState = 'offline' | 'connecting' | 'online';

/**
 * The one WebSocket to the gateway. Replies are matched to requests by `id`/`replyTo`; pushes
 * go to listeners by type. After a drop it reconnects with back-off (refreshing the access
 * token when needed) and re-sends every registered "resync" message (match:join,
 * spectate:join, lobby:queue...) so the server replays `match:state` and the stream resumes.
 */
class ArenaSocket {
  private ws: WebSocket | null = null;
  private seq = 0;
  private pending = new Map<string, { resolve: (e: Envelope) => void; reject: (e: Error) => void }>();
  private listeners = new Map<string, Set<Listener>>();
  private resync = new Map<string, Envelope>();
  private attempts = 0;
  private wanted = false;
  private reconnectTimer: number | undefined;
  state: ConnectionState = 'offline';
  private stateListeners = new Set<(s: ConnectionState) => void>();

  connect() {
    this.wanted = true;
    if (this.ws && this.ws.readyState <= WebSocket.OPEN) return;
    void this.open();
  }

  disconnect() {
    this.wanted = false;
    window.clearTimeout(this.reconnectTimer);
    this.resync.clear();
    this.ws?.close(1000, 'signed out');
    this.ws = null;
    this.setState('offline');
  }

  private async open() {
    this.setState('connecting');
    let token = getAccessToken();
    if (!token || this.attempts > 0) token = (await refreshSession())?.accessToken ?? token;
    if (!token) { this.setState('offline'); return; }
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${proto}://${location.host}/ws?access_token=${encodeURIComponent(token)}`);
    this.ws = ws;
    ws.onopen = () => {
      this.attempts = 0;
      this.setState('online');
      this.resync.forEach((env) => this.sendRaw({ ...env, id: this.nextId() }));
    };
    ws.onmessage = (ev) => {
      try { this.dispatch(JSON.parse(ev.data)); } catch { /* not an envelope: ignored */ }
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.pending.forEach((p) => p.reject(new Error('Connection lost; retrying.')));
      this.pending.clear();
      this.setState('offline');
      if (this.wanted) {
        const delay = Math.min(8000, 250 * 2 ** this.attempts++) * (0.75 + Math.random() / 2);
        this.reconnectTimer = window.setTimeout(() => void this.open(), delay);
      }
    };
  }

  /** Routes one inbound envelope to its pending request and to the listeners of its type. */
  dispatch(env: Envelope) {
    if (env.replyTo && this.pending.has(env.replyTo)) {
      this.pending.get(env.replyTo)!.resolve(env);
      this.pending.delete(env.replyTo);
    }
    this.listeners.get(env.type)?.forEach((l) => l(env.payload ?? {}, env));
  }

  private nextId() { return 'c' + ++this.seq; }
  private sendRaw(env: Envelope) { this.ws?.send(JSON.stringify(env)); }

  /** Sends a request and resolves with its reply; an `error` reply rejects with its code. */
  request<R = any>(type: string, payload: unknown = {}): Promise<R> {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
      return Promise.reject(Object.assign(new Error('Not connected to the arena yet; retrying.'), { code: 'OFFLINE' }));
    }
    const id = this.nextId();
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (env) => env.type === 'error'
          ? reject(Object.assign(new Error(env.payload?.message ?? env.payload?.code), env.payload))
          : resolve(env.payload as R),
        reject,
      });
      this.sendRaw({ type, id, payload });
    });
  }

  /** A message re-sent after every reconnect until `forget(key)`. Sent now when connected. */
  remember(key: string, type: string, payload: unknown) {
    this.resync.set(key, { type, payload });
    if (this.state === 'online') return this.request(type, payload).catch((e) => e);
    return Promise.resolve();
  }
  forget(key: string) { this.resync.delete(key); }

  on(type: string, listener: Listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
    return () => { this.listeners.get(type)?.delete(listener); };
  }

  onState(listener: (s: ConnectionState) => void) {
    this.stateListeners.add(listener);
    return () => { this.stateListeners.delete(listener); };
  }
  private setState(s: ConnectionState) {
    this.state = s;
    this.stateListeners.forEach((l) => l(s));
  }
}

export const socket = new ArenaSocket();
