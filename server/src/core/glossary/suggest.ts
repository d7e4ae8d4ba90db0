// "Did you mean …?": the known name nearest to a mistyped one (a field, an entry id, an FAQ id), when
// it is near enough to be a likely typo.

/** The known word nearest to `value` by edit distance, if it is near enough to be a likely typo. */
export function closest(value: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** A message's ending for an unknown id: the likely one, or a hint to check it. */
export function suggest(value: string, known: string[]): string {
  const guess = closest(value, known);
  return guess ? `; did you mean "${guess}"?` : ': check the id';
}
