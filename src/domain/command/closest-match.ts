// "Did you mean": substring first (「档案」→「档案局」), then the smallest edit distance.

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = up;
    }
  }
  return prev[b.length]!;
}

export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (w === "") return undefined;
  const containing = candidates.filter((c) => c.toLowerCase().includes(w) || w.includes(c.toLowerCase()));
  if (containing.length > 0) {
    return containing.sort((a, b) => Math.abs(a.length - w.length) - Math.abs(b.length - w.length))[0];
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  // NOTE: a suggestion further than a third of the word away is noise, not help.
  return bestDistance <= Math.max(1, Math.floor(w.length / 3)) ? best : undefined;
}
