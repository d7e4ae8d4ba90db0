// Code spans: finding the run of backticks that closes one, as cmark does, in linear time over a
// block's text however its runs of backticks are laid out.

/**
 * Backtick runs for code span closers, one per inline scan (reset before each). Once a search for a
 * closer has reached the end of the scanned text, `lastRun` holds where the last run of each length
 * starts, so that a run without a closer is known at once. Every other search stops at its closer,
 * and the code span then skips what it read: each character is read by closer searches at most twice
 * (issue 12: runs of 1, 2, 3, … backticks made this quadratic).
 */
export class CodeCloser {
  private lastRun: Map<number, number> = new Map();
  private runsComplete = false;

  reset(): void {
    if (this.lastRun.size > 0) this.lastRun.clear();
    this.runsComplete = false;
  }

  /**
   * The start of the closing backtick run of length n at or after p, or -1. `p` follows a whole run
   * of backticks (the opener) and grows from call to call within a scan.
   */
  find(src: string, p: number, to: number, n: number): number {
    const complete = this.runsComplete;
    if (complete) {
      const last = this.lastRun.get(n);
      if (last === undefined || last < p) return -1;
    }
    let q = p;
    for (;;) {
      const k = src.indexOf('`', q);
      if (k < 0 || k >= to) {
        this.runsComplete = true;
        return -1;
      }
      let e = k + 1;
      while (e < to && src.charCodeAt(e) === 96) e++;
      if (!complete) this.lastRun.set(e - k, k);
      if (e - k === n) return k;
      q = e;
    }
  }
}
