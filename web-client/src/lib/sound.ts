import { useAudioStore } from '../stores/audioStore';

// Every sound is synthesised with the Web Audio API: nothing to download, nothing on the main
// thread beyond scheduling a few nodes. The context is created lazily and resumed on the first
// user gesture, after which it keeps playing in a background tab (the "match found" pop).

let ctx: AudioContext | null = null;
let master: GainNode | null = null;

function audio(): { ctx: AudioContext; out: GainNode } | null {
  const { muted, volume } = useAudioStore.getState();
  if (muted || volume <= 0) return null;
  if (!ctx) {
    try {
      ctx = new AudioContext();
      master = ctx.createGain();
      master.connect(ctx.destination);
    } catch {
      return null;
    }
  }
  if (ctx.state === 'suspended') void ctx.resume();
  master!.gain.value = volume;
  return { ctx, out: master! };
}

export function unlockAudio() {
  const a = audio();
  if (a && a.ctx.state === 'suspended') void a.ctx.resume();
}

function tone(freq: number, start: number, dur: number, type: OscillatorType = 'sine', gain = 0.25, pan = 0, endFreq?: number) {
  const a = audio();
  if (!a) return;
  const t0 = a.ctx.currentTime + start;
  const osc = a.ctx.createOscillator();
  const g = a.ctx.createGain();
  const p = a.ctx.createStereoPanner();
  osc.type = type;
  osc.frequency.setValueAtTime(freq, t0);
  if (endFreq) osc.frequency.exponentialRampToValueAtTime(endFreq, t0 + dur);
  g.gain.setValueAtTime(0.0001, t0);
  g.gain.exponentialRampToValueAtTime(gain, t0 + 0.01);
  g.gain.exponentialRampToValueAtTime(0.0001, t0 + dur);
  p.pan.value = pan;
  osc.connect(g).connect(p).connect(a.out);
  osc.start(t0);
  osc.stop(t0 + dur + 0.05);
}

function noise(start: number, dur: number, gain = 0.2, fromHz = 4000, toHz = 400) {
  const a = audio();
  if (!a) return;
  const t0 = a.ctx.currentTime + start;
  const buffer = a.ctx.createBuffer(1, Math.ceil(a.ctx.sampleRate * dur), a.ctx.sampleRate);
  const data = buffer.getChannelData(0);
  for (let i = 0; i < data.length; i++) data[i] = Math.random() * 2 - 1;
  const src = a.ctx.createBufferSource();
  src.buffer = buffer;
  const filter = a.ctx.createBiquadFilter();
  filter.type = 'bandpass';
  filter.frequency.setValueAtTime(fromHz, t0);
  filter.frequency.exponentialRampToValueAtTime(toHz, t0 + dur);
  const g = a.ctx.createGain();
  g.gain.setValueAtTime(gain, t0);
  g.gain.exponentialRampToValueAtTime(0.0001, t0 + dur);
  src.connect(filter).connect(g).connect(a.out);
  src.start(t0);
}

export const sounds = {
  /** Bright chime; pitch rises with consecutive passes. */
  testPass(streak = 0) { tone(880 * 2 ** (Math.min(streak, 12) / 12), 0, 0.2, 'triangle', 0.2); },
  /** Triumphant arpeggio, panned by the problem's position. */
  solve(pan = 0) {
    [523.25, 659.25, 783.99, 1046.5].forEach((f, i) => tone(f, i * 0.12, i === 3 ? 0.45 : 0.18, 'square', 0.12, pan));
  },
  /** Lock click + whoosh. */
  lockout() { tone(1800, 0, 0.04, 'square', 0.2); noise(0.04, 0.35, 0.18, 6000, 600); },
  /** The opponent's version: a falling, detuned whoosh. */
  stolen() { noise(0, 0.4, 0.2, 800, 3000); tone(440, 0.05, 0.35, 'sawtooth', 0.12, 0, 220); },
  /** Dramatic bass drop. */
  elimination() { tone(220, 0, 0.6, 'sawtooth', 0.3, 0, 40); noise(0, 0.6, 0.12, 300, 60); },
  /** One clock tick; the timer calls it faster as the end nears. */
  tick(urgent = false) { tone(urgent ? 1500 : 1100, 0, 0.05, 'square', 0.08); },
  /** Queue pop. */
  matchFound() { tone(660, 0, 0.15, 'sine', 0.3); tone(990, 0.15, 0.35, 'sine', 0.3); },
  error() { tone(180, 0, 0.18, 'square', 0.12); },
};
