import { useEffect, useRef, useState } from 'react';
import { sounds } from '../lib/sound';

/** Time left from the server's ticks; ticks at 30 s, faster under 10 s. */
export function Timer({ endsAt, active }: { endsAt: number | null; active: boolean }) {
  const [now, setNow] = useState(Date.now());
  const lastTick = useRef(0);
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(id);
  }, []);
  const left = endsAt ? Math.max(0, endsAt - now) : null;
  useEffect(() => {
    if (!active || left === null || left <= 0 || left > 30_000) return;
    const interval = left <= 10_000 ? 500 : 1000;
    if (now - lastTick.current >= interval) {
      lastTick.current = now;
      sounds.tick(left <= 10_000);
    }
  }, [now, left, active]);
  if (left === null) return <span className="timer">--:--</span>;
  const s = Math.ceil(left / 1000);
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  const level = left <= 10_000 ? 'critical' : left <= 30_000 ? 'warning' : '';
  return <span className={`timer ${level}`} role="timer" aria-live="off" data-testid="timer">{text}</span>;
}
