import { useAudioStore } from '../stores/audioStore';

export function AudioControl() {
  const { muted, volume, setMuted, setVolume } = useAudioStore();
  return (
    <div className="audio-control">
      <button type="button" className="icon" onClick={() => setMuted(!muted)} aria-pressed={muted}
        aria-label={muted ? 'Unmute sounds' : 'Mute sounds'} title={muted ? 'Unmute' : 'Mute'}>
        {muted ? 'Sound off' : 'Sound on'}
      </button>
      <input type="range" min={0} max={1} step={0.05} value={volume} aria-label="Volume"
        onChange={(e) => setVolume(Number(e.target.value))} disabled={muted} />
    </div>
  );
}
