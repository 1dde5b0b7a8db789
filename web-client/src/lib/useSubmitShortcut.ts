import { useEffect, useRef } from 'react';

/**
 * Ctrl+Enter (Cmd+Enter on a Mac) anywhere on the page calls the latest `submit` the component
 * rendered with; the key listener itself is added once per mount.
 */
export function useSubmitShortcut(submit: () => void): void {
  const latest = useRef(submit);
  latest.current = submit;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); latest.current(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
