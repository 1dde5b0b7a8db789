import { useEffect, useState } from 'react';

/** Hash routes (#/match/ID): the arena serves one index.html and needs no fallback route. */
export function useRoute(): string[] {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

export const go = (path: string) => { location.hash = '#/' + path.replace(/^\//, ''); };
