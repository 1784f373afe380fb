// "Did you mean": substring first (「档案」→「档案局」), then the smallest edit distance, where
// swapping two neighbouring letters counts as one edit (「dnoe」→「done」).

export function editDistance(a: string, b: string): number {
  // Optimal string alignment: Levenshtein plus transpositions of adjacent characters, in three rows.
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length]!;
}

/** Nothing anyone types by mistake for a keyword or a unit name is this long. */
const LONGEST_TYPO = 24;

export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (w === "" || w.length > LONGEST_TYPO) return undefined;
  // NOTE: containment only for words of two characters or more: 「d」 is in half the keywords.
  const containing =
    [...w].length < 2 ? [] : candidates.filter((c) => [...c].length >= 2 && (c.toLowerCase().includes(w) || w.includes(c.toLowerCase())));
  if (containing.length > 0) {
    return [...containing].sort((a, b) => Math.abs(a.length - w.length) - Math.abs(b.length - w.length))[0];
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
