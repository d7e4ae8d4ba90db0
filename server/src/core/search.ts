// Binary search over ordered arrays, shared by the engine: line starts, blocks, mentions, completion
// names and edits are all sorted, and every lookup in them asks the same question.

/**
 * How many leading items satisfy `before`, for items ordered so that `before` holds for a prefix of
 * them and fails for the rest: the index of the first item that fails (`length` if none does).
 */
export function countBefore(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
