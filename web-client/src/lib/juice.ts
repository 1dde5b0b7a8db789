import confetti from 'canvas-confetti';

// Screen shake and particle bursts: Web Animations on a wrapper (compositor-only transform) and
// canvas-confetti drawing in a worker-backed canvas that ignores pointer events, so neither
// blocks typing in the editor. Both respect prefers-reduced-motion.

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

export function shake(strength = 4) {
  const el = document.getElementById('shake-root');
  if (!el || reducedMotion()) return;
  const s = strength;
  el.animate(
    [0, -s, s, -s / 2, s / 2, 0].map((x) => ({ transform: `translateX(${x}px)` })),
    { duration: 300, easing: 'ease-out' },
  );
}

let fire: confetti.CreateTypes | null = null;
function confettiCanvas() {
  if (!fire) {
    const canvas = document.createElement('canvas');
    canvas.className = 'confetti-canvas';
    canvas.setAttribute('aria-hidden', 'true');
    document.body.appendChild(canvas);
    fire = confetti.create(canvas, { resize: true, useWorker: true });
  }
  return fire;
}

export function burst(fullSolve: boolean, originX = 0.5) {
  if (reducedMotion()) return;
  void confettiCanvas()({
    particleCount: fullSolve ? 110 : 28,
    spread: fullSolve ? 90 : 60,
    startVelocity: fullSolve ? 45 : 30,
    origin: { x: originX, y: 0.6 },
    colors: ['#00ff88', '#00cc66', '#ffffff'],
    disableForReducedMotion: true,
  });
}
