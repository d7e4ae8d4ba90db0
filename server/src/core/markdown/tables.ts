// GFM tables, line by line: whether a line may be a delimiter row, how many cells a header row and a
// delimiter row have (micromark's rules: they must agree), and where the cells of a row are. The block
// scanner (blocks.ts) decides which lines form a table.

import { isSpaceOrTab, SPACE, TAB } from './chars';

/** A cheap test first: whether the line starting at `q` starts like a delimiter row after container markers. */
export function mayBeDelimiterRow(text: string, q: number): boolean {
  const len = text.length;
  if (q >= len) return false;
  for (;;) {
    const c = q < len ? text.charCodeAt(q) : -1;
    if (c === SPACE || c === TAB || c === 62 /* > */) q++;
    else if (c === 124 || c === 45 || c === 58) return true; // | - :
    else return false;
  }
}

/** Cell count of a header row (micromark's rules), or -1. */
export function headerCells(text: string, s: number, e: number): number {
  let size = 0;
  let sizeB = 0;
  let seen = false;
  let p = s;
  if (text.charCodeAt(p) !== 124) {
    seen = true;
    sizeB++;
  }
  for (;;) {
    if (p >= e) return sizeB > 1 ? size : -1;
    let c = text.charCodeAt(p);
    if (isSpaceOrTab(c)) {
      p++;
      continue;
    }
    sizeB++;
    if (seen) {
      seen = false;
      size++;
    }
    if (c === 124) {
      seen = true;
      p++;
      continue;
    }
    while (p < e) {
      c = text.charCodeAt(p);
      if (c === 124 || isSpaceOrTab(c)) break;
      p++;
      if (c === 92 && p < e) {
        const d = text.charCodeAt(p);
        if (d === 92 || d === 124) p++;
      }
    }
  }
}

/** Cell count of a delimiter row, or -1. */
export function delimiterCells(text: string, s: number, e: number): number {
  let sizeB = 0;
  let seen = false;
  let p = s;
  for (;;) {
    // Before a cell.
    let c = p < e ? text.charCodeAt(p) : -1;
    if (c === 124) {
      seen = true;
      p++;
      while (p < e && isSpaceOrTab(text.charCodeAt(p))) p++;
      c = p < e ? text.charCodeAt(p) : -1;
    } else if (c !== 45 && c !== 58) {
      return -1;
    }
    if (c === -1) return seen ? sizeB : -1;
    if (c === 58) {
      sizeB++;
      seen = true;
      p++;
      if (p >= e || text.charCodeAt(p) !== 45) return -1;
    } else if (c === 45) {
      sizeB++;
    } else {
      return -1;
    }
    while (p < e && text.charCodeAt(p) === 45) p++;
    if (p < e && text.charCodeAt(p) === 58) {
      seen = true;
      p++;
    }
    while (p < e && isSpaceOrTab(text.charCodeAt(p))) p++;
    if (p >= e) return seen ? sizeB : -1;
    if (text.charCodeAt(p) !== 124) return -1;
  }
}

/**
 * The cells of the table row text[s, lineEnd): their contents as offset pairs, trimmed (`\|` stays
 * inside a cell); `end` is the row's end without trailing spaces.
 */
export function rowCells(text: string, s: number, lineEnd: number): { cells: number[]; end: number } {
  let e = lineEnd;
  while (e > s && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
  const cells: number[] = [];
  let p = s;
  if (p < e && text.charCodeAt(p) === 124) p++;
  let cellStart = p;
  while (p < e) {
    const c = text.charCodeAt(p);
    if (c === 92 && p + 1 < e) {
      const d = text.charCodeAt(p + 1);
      if (d === 124 || d === 92) {
        p += 2;
        continue;
      }
    }
    if (c === 124) {
      pushCell(text, cells, cellStart, p);
      cellStart = ++p;
      continue;
    }
    p++;
  }
  pushCell(text, cells, cellStart, e);
  return { cells, end: e };
}

function pushCell(text: string, cells: number[], a: number, b: number): void {
  while (a < b && isSpaceOrTab(text.charCodeAt(a))) a++;
  while (b > a && isSpaceOrTab(text.charCodeAt(b - 1))) b--;
  if (a < b) cells.push(a, b);
}
