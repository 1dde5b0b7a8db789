import { useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../lib/types';

export function Chat({ messages, onSend, title }: { messages: ChatMessage[]; onSend: (text: string) => Promise<void>; title: string }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => { list.current?.scrollTo(0, list.current.scrollHeight); }, [messages.length]);
  return (
    <section className="panel chat" aria-label={title}>
      <h3>{title}</h3>
      <ol ref={list} aria-live="polite">
        {messages.map((m) => (
          <li key={m.messageId}><b>{m.handle}</b> {m.text}</li>
        ))}
      </ol>
      <form onSubmit={async (e) => {
        e.preventDefault();
        if (!text.trim()) return;
        try { await onSend(text.trim()); setText(''); setError(null); } catch (err: any) { setError(err.message); }
      }}>
        <input value={text} onChange={(e) => setText(e.target.value)} maxLength={500} placeholder="Say something…" aria-label="Chat message" />
        <button type="submit">Send</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
