import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface AudioState {
  muted: boolean;
  volume: number;
  setMuted: (muted: boolean) => void;
  setVolume: (volume: number) => void;
}

/** Sound settings survive reloads (localStorage). */
export const useAudioStore = create<AudioState>()(
  persist(
    (set) => ({
      muted: false,
      volume: 0.6,
      setMuted: (muted) => set({ muted }),
      setVolume: (volume) => set({ volume: Math.max(0, Math.min(1, volume)) }),
    }),
    { name: 'codearena.audio' },
  ),
);
