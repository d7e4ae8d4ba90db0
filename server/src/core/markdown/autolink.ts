// CommonMark autolinks: `<scheme:…>` and `<a@b.c>` (the GFM literal autolinks, bare URLs and emails,
// are in autolink-literal.ts). The state machines follow CommonMark 0.31 as micromark implements it.

import { isAsciiAlpha, isAsciiAlphanumeric, isAsciiAtext, isAsciiControl } from './chars';

/** A `<scheme:…>` or `<a@b.c>` autolink starting at `i`; returns the offset after `>`, or -1. */
export function matchAutolink(src: string, i: number, to: number): number {
  let p = i + 1;
  if (p >= to) return -1;
  let c = src.charCodeAt(p);
  if (isAsciiAlpha(c)) {
    // Scheme: 2-32 characters of [A-Za-z0-9+.-] after a letter, then `:`.
    let q = p + 1;
    while (q < to) {
      const d = src.charCodeAt(q);
      if (d === 43 || d === 45 || d === 46 || isAsciiAlphanumeric(d)) q++;
      else break;
    }
    const size = q - p;
    if (size >= 2 && size <= 32 && q < to && src.charCodeAt(q) === 58) {
      q++;
      while (q < to) {
        const d = src.charCodeAt(q);
        if (d === 62) return q + 1;
        if (d === 32 || d === 60 || isAsciiControl(d)) break;
        q++;
      }
      // Not a URL autolink; the characters so far may still be an email's atext, but a `:` is not atext.
      return -1;
    }
  } else if (c === 64 /* @ */) {
    return -1;
  }
  // Email autolink.
  while (p < to) {
    c = src.charCodeAt(p);
    if (c === 64) break;
    if (!isAsciiAtext(c)) return -1;
    p++;
  }
  if (p >= to) return -1;
  p++; // @
  const AT_SIGN_OR_DOT = 0;
  const LABEL = 1;
  const VALUE = 2;
  let state = AT_SIGN_OR_DOT;
  let size = 0;
  for (;;) {
    c = p < to ? src.charCodeAt(p) : -1;
    if (state === AT_SIGN_OR_DOT) {
      if (!isAsciiAlphanumeric(c)) return -1;
      state = LABEL;
    } else if (state === LABEL) {
      if (c === 46) {
        p++;
        size = 0;
        state = AT_SIGN_OR_DOT;
      } else if (c === 62) {
        return p + 1;
      } else {
        state = VALUE;
      }
    } else {
      if ((c === 45 || isAsciiAlphanumeric(c)) && size++ < 63) {
        p++;
        state = c === 45 ? VALUE : LABEL;
      } else {
        return -1;
      }
    }
  }
}
