import { useEffect, useRef, useState } from 'react';

/** A number that springs to its new value (stiffness 300, critically-ish damped). */
export function SpringNumber({ value, className }: { value: number; className?: string }) {
  const [shown, setShown] = useState(value);
  const state = useRef({ x: value, v: 0 });
  useEffect(() => {
    let frame = 0;
    let last = performance.now();
    const step = (now: number) => {
      const dt = Math.min(0.05, (now - last) / 1000);
      last = now;
      const s = state.current;
      const force = 300 * (value - s.x) - 26 * s.v;
      s.v += force * dt;
      s.x += s.v * dt;
      if (Math.abs(value - s.x) < 0.5 && Math.abs(s.v) < 1) {
        s.x = value;
        s.v = 0;
        setShown(value);
        return;
      }
      setShown(Math.round(s.x));
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [value]);
  return <span className={className} data-value={value}>{shown}</span>;
}
