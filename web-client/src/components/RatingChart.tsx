import type { RatingPoint } from '../lib/types';

/** Rating after each match as an SVG line; no chart library needed for one series. */
export function RatingChart({ points, width = 560, height = 180 }: { points: RatingPoint[]; width?: number; height?: number }) {
  if (points.length === 0) return <p className="muted">No rated matches yet.</p>;
  const values = [points[0].before, ...points.map((p) => p.after)];
  const min = Math.min(...values) - 20;
  const max = Math.max(...values) + 20;
  const pad = 32;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, values.length - 1);
  const y = (v: number) => height - pad / 2 - ((v - min) * (height - pad)) / (max - min);
  const path = values.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg className="rating-chart" viewBox={`0 0 ${width} ${height}`} role="img"
      aria-label={`Rating history from ${values[0]} to ${values[values.length - 1]} over ${points.length} matches`}>
      <text x={4} y={y(max - 20) + 4} className="axis">{max - 20}</text>
      <text x={4} y={y(min + 20) + 4} className="axis">{min + 20}</text>
      <path d={path} className="line" />
      {values.map((v, i) => (
        <circle key={i} cx={x(i)} cy={y(v)} r={3} className="dot"><title>{v}</title></circle>
      ))}
    </svg>
  );
}
