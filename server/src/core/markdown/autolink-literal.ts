// GFM autolink literals (bare `www.…`, `http(s)://…` and email addresses), following
// micromark-extension-gfm-autolink-literal: where they may start, and how their trailing
// punctuation is cut off.

import {
  isAsciiAlpha,
  isAsciiAlphanumeric,
  isAsciiControl,
  isGfmAtext,
  isUnicodePunctuation,
  isUnicodeWhitespace,
} from './chars';

/** Whether a `www.` literal may start after character `prev` (-1 at the start of the text). */
export function previousWww(prev: number): boolean {
  return (
    prev === -1 ||
    prev === 40 /* ( */ ||
    prev === 42 /* * */ ||
    prev === 95 /* _ */ ||
    prev === 91 /* [ */ ||
    prev === 93 /* ] */ ||
    prev === 126 /* ~ */ ||
    prev === 32 ||
    prev === 9 ||
    prev === 10 ||
    prev === 13
  );
}

/** Whether an `http(s)://` literal may start after `prev`. */
export function previousProtocol(prev: number): boolean {
  return !isAsciiAlpha(prev);
}

/** Whether an email literal may start after `prev`. */
export function previousEmail(prev: number): boolean {
  return !(prev === 47 /* / */ || isGfmAtext(prev));
}

/**
 * Scanner state for one literal: where the last failed "trail" check stopped, so that a path
 * full of punctuation is scanned in linear time.
 */
let trailFailFrom = -1;
let trailFailAt = -1;

/**
 * Whether the punctuation at `p` starts the trailing punctuation of a literal: a run of
 * `!"')*,.:;?_~`, `&name;` groups and `]`s that is followed by whitespace, `<` or the end.
 */
function isTrail(src: string, p: number, to: number): boolean {
  if (p > trailFailFrom && p < trailFailAt) return false;
  let q = p;
  for (;;) {
    if (q >= to) return true;
    const c = src.charCodeAt(q);
    switch (c) {
      case 33: case 34: case 39: case 41: case 42: case 44: case 46: case 58: case 59: case 63: case 95: case 126:
        q++;
        continue;
      case 38: /* & */ {
        q++;
        if (q >= to || !isAsciiAlpha(src.charCodeAt(q))) break;
        while (q < to && isAsciiAlpha(src.charCodeAt(q))) q++;
        if (q < to && src.charCodeAt(q) === 59) {
          q++;
          continue;
        }
        break;
      }
      case 93: /* ] */ {
        q++;
        if (q >= to) return true;
        const d = src.charCodeAt(q);
        if (d === 40 || d === 91 || isUnicodeWhitespace(d)) return true;
        continue;
      }
      case 60: /* < */
        return true;
      default:
        if (isUnicodeWhitespace(c)) return true;
        break;
    }
    trailFailFrom = p;
    trailFailAt = q;
    return false;
  }
}

/** The domain of a www or protocol literal starting at `p`; returns its end or -1. */
function domain(src: string, p: number, to: number): number {
  let seen = false;
  let underscoreInLast = false;
  let underscoreInLastLast = false;
  while (p < to) {
    const c = src.charCodeAt(p);
    if (c === 46 || c === 95) {
      if (isTrail(src, p, to)) break;
      if (c === 95) underscoreInLast = true;
      else {
        underscoreInLastLast = underscoreInLast;
        underscoreInLast = false;
      }
      p++;
      continue;
    }
    if (isUnicodeWhitespace(c) || (c !== 45 && isUnicodePunctuation(c))) break;
    seen = true;
    p++;
  }
  if (underscoreInLast || underscoreInLastLast || !seen) return -1;
  return p;
}

/** The optional path after a domain; returns the end of the literal. */
function path(src: string, p: number, to: number): number {
  let open = 0;
  let close = 0;
  while (p < to) {
    const c = src.charCodeAt(p);
    if (c === 40) {
      open++;
      p++;
      continue;
    }
    if (c === 41 && close < open) {
      close++;
      p++;
      continue;
    }
    switch (c) {
      case 33: case 34: case 38: case 39: case 41: case 42: case 44: case 46: case 58: case 59: case 60:
      case 63: case 93: case 95: case 126:
        if (isTrail(src, p, to)) return p;
        if (c === 41) close++;
        p++;
        continue;
      default:
        if (isUnicodeWhitespace(c)) return p;
        p++;
    }
  }
  return p;
}

/** A `www.` literal at `i`; returns its end or -1. The caller checks what precedes it. */
export function matchWww(src: string, i: number, to: number): number {
  if (i + 4 >= to) return -1;
  for (let k = 0; k < 3; k++) {
    const c = src.charCodeAt(i + k);
    if (c !== 119 && c !== 87) return -1;
  }
  if (src.charCodeAt(i + 3) !== 46) return -1;
  trailFailFrom = trailFailAt = -1;
  const e = domain(src, i, to);
  if (e < 0) return -1;
  return path(src, e, to);
}

/** An `http://` or `https://` literal at `i`; returns its end or -1. */
export function matchProtocol(src: string, i: number, to: number): number {
  let p = i;
  while (p < to && p - i < 5 && isAsciiAlpha(src.charCodeAt(p))) p++;
  if (p >= to || src.charCodeAt(p) !== 58) return -1;
  const n = p - i;
  if (n !== 4 && n !== 5) return -1;
  const proto = src.slice(i, p).toLowerCase();
  if (proto !== 'http' && proto !== 'https') return -1;
  p++;
  if (p + 1 >= to || src.charCodeAt(p) !== 47 || src.charCodeAt(p + 1) !== 47) return -1;
  p += 2;
  if (p >= to) return -1;
  const c = src.charCodeAt(p);
  if (isAsciiControl(c) || isUnicodeWhitespace(c) || isUnicodePunctuation(c)) return -1;
  trailFailFrom = trailFailAt = -1;
  const e = domain(src, p, to);
  if (e < 0) return -1;
  return path(src, e, to);
}

/** An email literal whose local part starts at `s`; returns its end or -1. */
export function matchEmail(src: string, s: number, to: number): number {
  let p = s;
  while (p < to && isGfmAtext(src.charCodeAt(p))) p++;
  if (p === s || p >= to || src.charCodeAt(p) !== 64 /* @ */) return -1;
  p++;
  let data = false;
  let dot = false;
  let last = 64;
  while (p < to) {
    const c = src.charCodeAt(p);
    if (c === 46) {
      if (p + 1 < to && isAsciiAlphanumeric(src.charCodeAt(p + 1))) {
        dot = true;
        last = c;
        p++;
        continue;
      }
      break;
    }
    if (c === 45 || c === 95 || isAsciiAlphanumeric(c)) {
      data = true;
      last = c;
      p++;
      continue;
    }
    break;
  }
  return data && dot && isAsciiAlpha(last) ? p : -1;
}
