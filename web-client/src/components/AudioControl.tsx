import { useAudioStore } from '../stores/audioStore';

export function AudioControl() {
  const { muted, volume, setMuted, setVolume } = useAudioStore();
  return (
    <div className="audio-control">
      {/* The visible text is the accessible name (WCAG 2.5.3), and says what a press does. */}
      <button type="button" className="icon" onClick={() => setMuted(!muted)} title={muted ? 'Sounds are off' : 'Sounds are on'}>
        {muted ? 'Unmute' : 'Mute'}
      </button>
      <input type="range" min={0} max={1} step={0.05} value={volume} aria-label="Volume"
        onChange={(e) => setVolume(Number(e.target.value))} disabled={muted} />
    </div>
  );
}
