/**
 * Lines changed between the reference and a sabotage, counted like the server's edit budget
 * (`EditBudget`: for each block of differing lines, the larger of removed and added). The
 * server's Myers diff and this LCS alignment agree on ordinary edits; the server's count decides.
 */
export function changedLines(reference: string, sabotage: string): number {
  const a = lines(reference);
  const b = lines(sabotage);
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000) return Math.max(n, m); // absurdly long: not worth a quadratic table
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  let removed = 0;
  let added = 0;
  let changed = 0;
  const flush = () => { changed += Math.max(removed, added); removed = 0; added = 0; };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { flush(); i++; j++; } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) { added++; j++; } else { removed++; i++; }
  }
  flush();
  return changed;
}

function lines(text: string): string[] {
  let t = text.replace(/\r\n?/g, '\n');
  if (t.endsWith('\n')) t = t.slice(0, -1);
  return t.split('\n');
}
