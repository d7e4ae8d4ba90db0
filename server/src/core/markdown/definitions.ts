// Link reference definitions (`[label]: destination "title"`) and the pieces they share with
// inline links: labels, destinations and titles, as micromark's factories parse them.

import { isAsciiControl, isSpaceOrTab, isWhitespace, normalizeLabel, CR, LF, SPACE, TAB } from './chars';
import { maskHoles } from './block-specs';

/** Longest label content CommonMark accepts (in characters, line endings not counted). */
const LABEL_MAX = 999;

/**
 * A link label starting at `p` (which holds `[`). Returns the offset after the closing `]`, or -1.
 * Labels cannot contain unescaped brackets, must contain a non-whitespace character and are at
 * most 999 characters long.
 */
export function matchLabel(src: string, p: number, to: number): number {
  let i = p + 1;
  let size = 0;
  let seen = false;
  while (i < to) {
    const c = src.charCodeAt(i);
    if (c === 91 /* [ */) return -1;
    if (c === 93 /* ] */) return seen ? i + 1 : -1;
    if (c === LF || c === CR) {
      i++;
      continue;
    }
    if (size >= LABEL_MAX) return -1;
    size++;
    i++;
    if (!seen && !isSpaceOrTab(c)) seen = true;
    if (c === 92 /* \ */ && i < to) {
      const d = src.charCodeAt(i);
      if (d === 91 || d === 92 || d === 93) {
        size++;
        i++;
      }
    }
  }
  return -1;
}

/**
 * A destination starting at `p`: `<…>` or a raw destination with balanced parentheses (at most
 * `maxBalance` deep). Returns the offset after it, or -1.
 */
function matchDestination(src: string, p: number, to: number, maxBalance: number): number {
  if (p >= to) return -1;
  let c = src.charCodeAt(p);
  if (c === 60 /* < */) {
    let i = p + 1;
    while (i < to) {
      c = src.charCodeAt(i);
      if (c === 62 /* > */) return i + 1;
      if (c === 60 || c === LF || c === CR) return -1;
      i++;
      if (c === 92 && i < to) {
        const d = src.charCodeAt(i);
        if (d === 60 || d === 62 || d === 92) i++;
      }
    }
    return -1;
  }
  if (c === 32 || c === 41 /* ) */ || isAsciiControl(c)) return -1;
  let balance = 0;
  let i = p;
  for (;;) {
    c = i < to ? src.charCodeAt(i) : -1;
    if (balance === 0 && (c === -1 || c === 41 || isWhitespace(c))) return i;
    if (c === 40 /* ( */ && balance < maxBalance) {
      balance++;
      i++;
      continue;
    }
    if (c === 41) {
      balance--;
      i++;
      continue;
    }
    if (c === -1 || c === 32 || c === 40 || isAsciiControl(c)) return -1;
    i++;
    if (c === 92 && i < to) {
      const d = src.charCodeAt(i);
      if (d === 40 || d === 41 || d === 92) i++;
    }
  }
}

/**
 * Remembers where a title scan for a closing marker ran off the end, so that many unclosed titles
 * in one block do not make the scanner quadratic.
 */
export class TitleMemo {
  src = '';
  to = -1;
  failFrom = [Infinity, Infinity, Infinity];
  reset(src: string, to: number): void {
    if (src !== this.src || to !== this.to) {
      this.src = src;
      this.to = to;
      this.failFrom[0] = this.failFrom[1] = this.failFrom[2] = Infinity;
    }
  }
}

/** A title (`"…"`, `'…'` or `(…)`) starting at `p`. Returns the offset after it, or -1. */
function matchTitle(src: string, p: number, to: number, memo: TitleMemo | null): number {
  if (p >= to) return -1;
  const open = src.charCodeAt(p);
  let close: number;
  let slot: number;
  if (open === 34) {
    close = 34;
    slot = 0;
  } else if (open === 39) {
    close = 39;
    slot = 1;
  } else if (open === 40) {
    close = 41;
    slot = 2;
  } else return -1;
  if (memo && p >= memo.failFrom[slot]) return -1;
  let i = p + 1;
  while (i < to) {
    const c = src.charCodeAt(i);
    if (c === close) return i + 1;
    i++;
    if (c === 92 && i < to) {
      const d = src.charCodeAt(i);
      if (d === close || d === 92) i++;
    }
  }
  if (memo && p < memo.failFrom[slot]) memo.failFrom[slot] = p;
  return -1;
}

function skipWhitespace(src: string, i: number, to: number): number {
  while (i < to && isWhitespace(src.charCodeAt(i))) i++;
  return i;
}

function skipSpaces(src: string, i: number, to: number): number {
  while (i < to && isSpaceOrTab(src.charCodeAt(i))) i++;
  return i;
}

/**
 * One definition at `p` (which holds `[`). On success adds the normalized label to `defs` and
 * returns the offset of the line ending that ends it (or `to`); otherwise -1.
 */
function matchDefinition(src: string, p: number, to: number, defs: Set<string>): number {
  const labelEnd = matchLabel(src, p, to);
  if (labelEnd < 0 || labelEnd >= to || src.charCodeAt(labelEnd) !== 58 /* : */) return -1;
  let i = skipWhitespace(src, labelEnd + 1, to);
  const destEnd = matchDestination(src, i, to, Infinity);
  if (destEnd < 0) return -1;
  i = destEnd;
  let end = -1;
  // Optional title, which must be preceded by whitespace and followed only by spaces.
  if (i < to && isWhitespace(src.charCodeAt(i))) {
    const t = skipWhitespace(src, i, to);
    const titleEnd = matchTitle(src, t, to, null);
    if (titleEnd >= 0) {
      const after = skipSpaces(src, titleEnd, to);
      if (after >= to || src.charCodeAt(after) === LF || src.charCodeAt(after) === CR) end = after;
    }
  }
  if (end < 0) {
    const after = skipSpaces(src, i, to);
    if (after >= to || src.charCodeAt(after) === LF || src.charCodeAt(after) === CR) end = after;
    else return -1;
  }
  defs.add(normalizeLabel(src.slice(p + 1, labelEnd - 1)));
  return end;
}

/**
 * Definitions at the start of paragraph content src[from, to). Returns where the paragraph
 * proper starts (after the last definition's line ending), or `from` when there are none.
 */
function parseDefinitions(src: string, from: number, to: number, defs: Set<string>): number {
  let p = from;
  for (;;) {
    const q = skipWhitespace(src, p, to);
    if (q >= to || src.charCodeAt(q) !== 91) return p;
    const end = matchDefinition(src, q, to, defs);
    if (end < 0) return p;
    if (end >= to) return to;
    p = end + (src.charCodeAt(end) === CR && end + 1 < to && src.charCodeAt(end + 1) === LF ? 2 : 1);
  }
}

/**
 * Takes the link reference definitions off the start of a paragraph's content text[from, to), whose
 * container prefixes are `holes` (absolute offset pairs, or null), adding their labels to `defs`. Returns
 * the content left ({from, holes} as given when there are no definitions), or null when the
 * definitions were all the paragraph held.
 */
export function afterDefinitions(text: string, from: number, to: number, holes: number[] | null, defs: Set<string>): { from: number; holes: number[] | null } | null {
  let rest: number;
  if (holes === null) rest = parseDefinitions(text, from, to, defs);
  else {
    const masked = maskHoles(text, from, to, holes);
    rest = from + parseDefinitions(masked, 0, masked.length, defs);
  }
  if (rest <= from) return { from, holes };
  if (rest >= to) return null;
  // The paragraph proper starts on the line after the last definition.
  let k = 0;
  if (holes !== null) {
    while (k < holes.length && holes[k + 1] <= rest) k += 2;
    if (k < holes.length && holes[k] <= rest) {
      rest = holes[k + 1];
      k += 2;
    }
  }
  while (rest < to && (text.charCodeAt(rest) === SPACE || text.charCodeAt(rest) === TAB)) rest++;
  if (rest >= to) return null;
  return { from: rest, holes: holes !== null && k < holes.length ? holes.slice(k) : null };
}

/** An inline link's `(destination "title")` at j (which holds `(`); returns its end or -1. */
export function matchResource(src: string, j: number, to: number, memo: TitleMemo): number {
  let p = j + 1;
  while (p < to && isWhitespace(src.charCodeAt(p))) p++;
  if (p < to && src.charCodeAt(p) === 41) return p + 1;
  p = matchDestination(src, p, to, 32);
  if (p < 0) return -1;
  if (p < to && isWhitespace(src.charCodeAt(p))) {
    while (p < to && isWhitespace(src.charCodeAt(p))) p++;
    const c = p < to ? src.charCodeAt(p) : -1;
    if (c === 34 || c === 39 || c === 40) {
      p = matchTitle(src, p, to, memo);
      if (p < 0) return -1;
      while (p < to && isWhitespace(src.charCodeAt(p))) p++;
    }
  }
  return p < to && src.charCodeAt(p) === 41 ? p + 1 : -1;
}
