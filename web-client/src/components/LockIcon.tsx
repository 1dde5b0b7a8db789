/** A padlock drawn inline: emoji fonts are not on every machine. */
export function LockIcon() {
  return (
    <svg width="11" height="13" viewBox="0 0 11 13" aria-hidden="true" style={{ verticalAlign: '-1px', marginRight: 4 }}>
      <path d="M2.5 6V4a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="0.5" y="6" width="10" height="6.5" rx="1.5" fill="currentColor" />
    </svg>
  );
}
